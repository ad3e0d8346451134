package io.github.wxcsdk.internal.throttle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue's targets in virtual time (milliseconds of CPU, no waiting): the same model servers the real benchmark
 * uses, the executor's call rules, the throttle's defaults.
 */
class ThrottleSimulationTest {
    private static final Supplier<ModelServer> BUCKET = () -> new ModelServer.TokenBucket(40, 10, true);
    private static final Supplier<ModelServer> WINDOW = () -> new ModelServer.FixedWindow(600, Duration.ofSeconds(60));

    @Test
    void theModelReproducesTheIssueWithoutTheThrottle() {
        ThrottleSimulation.Result today = ThrottleSimulation.run(ThrottleSimulation.Setup.of(64, 800)
                .client(ThrottleSimulation.Client.TODAY), BUCKET);
        assertTrue(today.goodput() < 0.35, today.toString());
        assertTrue(today.throttledShare() > 0.80, today.toString());
        assertTrue(today.failed() > 300, today.toString());
    }

    @Test
    void tokenBucketAt64CallersRunsCloseToTheLimitAndFailsNothing() {
        ThrottleSimulation.Result r = ThrottleSimulation.run(ThrottleSimulation.Setup.of(64, 2400), BUCKET);
        assertTrue(r.goodput() >= 0.90, r.toString());
        assertTrue(r.throttledShare() <= 0.05, r.toString());
        assertEquals(0, r.failed(), r.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 64})
    void tokenBucketWithOrWithoutRetryAfter(int callers) {
        for (boolean retryAfter : new boolean[] {true, false}) {
            ThrottleSimulation.Result r = ThrottleSimulation.run(ThrottleSimulation.Setup.of(callers, 2400),
                    () -> new ModelServer.TokenBucket(40, 10, retryAfter));
            assertTrue(r.goodput() >= 0.80, r.toString());
            assertTrue(r.throttledShare() <= 0.05, r.toString());
            assertEquals(0, r.failed(), r.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 64})
    void fixedWindowUsesItsQuotaWithOne429PerWindow(int callers) {
        ThrottleSimulation.Result r = ThrottleSimulation.run(ThrottleSimulation.Setup.of(callers, 3000), WINDOW);
        assertEquals(0, r.failed(), r.toString());
        assertTrue(r.goodput() >= 0.90, r.toString());
        assertTrue(r.max429PerWindow() <= 1, r.toString());
    }

    @Test
    void aFixedPaceBelowTheLimitNeverProvokesA429() {
        ThrottleSimulation.Result r = ThrottleSimulation.run(ThrottleSimulation.Setup.of(64, 2400).fixedRate(38),
                BUCKET);
        assertEquals(0, r.throttledShare(), r.toString());
        assertEquals(0.95, r.goodput(), 0.01, r.toString());
    }
}
