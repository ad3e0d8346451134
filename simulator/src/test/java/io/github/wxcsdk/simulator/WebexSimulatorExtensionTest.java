package io.github.wxcsdk.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs sample test classes with the extension and checks the simulator's life cycle from outside. */
class WebexSimulatorExtensionTest {
    /** Every simulator the samples were given, in order. */
    static final List<WebexSimulator> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetSeenSimulators() {
        SEEN.clear();
    }

    @Test
    void extendWithGivesTheClassOneSimulatorAndClosesItAfterTheClass() {
        Events tests = run(ExtendWithSample.class);

        tests.assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(3, SEEN.size());
        assertEquals(1, Set.copyOf(SEEN).size());
        assertThrows(IllegalStateException.class, () -> SEEN.get(0).createCall("token"));
    }

    @Test
    void registerExtensionWorksTheSameWay() {
        Events tests = run(RegisterExtensionSample.class);

        tests.assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(2, SEEN.size());
        assertEquals(1, Set.copyOf(SEEN).size());
        assertThrows(IllegalStateException.class, () -> SEEN.get(0).createCall("token"));
    }

    @Test
    void eachTestClassGetsItsOwnSimulator() {
        Events tests = run(ExtendWithSample.class, RegisterExtensionSample.class);

        tests.assertStatistics(stats -> stats.started(4).succeeded(4));
        Set<WebexSimulator> distinct = SEEN.stream().collect(Collectors.toSet());
        assertEquals(2, distinct.size());
        List<WebexSimulator> two = List.copyOf(distinct);
        assertNotSame(two.get(0), two.get(1));
    }

    @Test
    void otherParameterTypesAreNotResolved() {
        Events tests = run(OtherParameterSample.class);

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        tests.failed().assertThatEvents().allSatisfy(event -> assertEquals(ParameterResolutionException.class,
                event.getRequiredPayload(TestExecutionResult.class)
                        .getThrowable().orElseThrow().getClass()));
    }

    private static Events run(Class<?>... testClasses) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(testClasses).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
                .execute()
                .testEvents();
    }

    @ExtendWith(WebexSimulatorExtension.class)
    static class ExtendWithSample {
        @BeforeAll
        static void beforeAll(WebexSimulator simulator) {
            SEEN.add(simulator);
        }

        @Test
        void first(WebexSimulator simulator) {
            SEEN.add(simulator);
            assertEquals(201, SimClient.newUser(simulator).post("/_simulator/calls", null).statusCode());
        }

        @Test
        void second(WebexSimulator simulator) {
            SEEN.add(simulator);
        }
    }

    static class RegisterExtensionSample {
        @RegisterExtension
        static final WebexSimulatorExtension SIMULATOR = new WebexSimulatorExtension();

        @Test
        void first(WebexSimulator simulator) {
            SEEN.add(simulator);
        }

        @Test
        void second(WebexSimulator simulator) {
            SEEN.add(simulator);
        }
    }

    @ExtendWith(WebexSimulatorExtension.class)
    static class OtherParameterSample {
        @Test
        void wantsAString(String notResolvable) {
            // never runs: JUnit cannot resolve the parameter
        }
    }
}
