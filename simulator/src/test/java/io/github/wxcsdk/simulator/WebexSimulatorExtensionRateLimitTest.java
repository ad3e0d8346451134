package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An extension configured with a rate limit starts its simulator with it. */
class WebexSimulatorExtensionRateLimitTest {
    @RegisterExtension
    static final WebexSimulatorExtension SIMULATOR =
            WebexSimulatorExtension.withRateLimit(RateLimit.parse("window:1/60s"));

    @Test
    void theSimulatorStartsWithTheLimit(WebexSimulator simulator) {
        SimClient user = SimClient.newUser(simulator);

        assertEquals(RateLimit.fixedWindow(1), simulator.rateLimits().limit());
        assertEquals(200, user.get(CONFERENCE).statusCode());
        assertEquals(429, user.get(CONFERENCE).statusCode());
    }

    @Test
    void aNullLimitIsRejected() {
        assertThrows(NullPointerException.class, () -> WebexSimulatorExtension.withRateLimit(null));
    }
}
