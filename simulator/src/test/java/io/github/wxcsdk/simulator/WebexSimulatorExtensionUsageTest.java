package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test class written the way users write theirs: the simulator injected wherever it is asked for. */
@ExtendWith(WebexSimulatorExtension.class)
class WebexSimulatorExtensionUsageTest {
    private static WebexSimulator fromBeforeAll;

    private final WebexSimulator fromConstructor;

    WebexSimulatorExtensionUsageTest(WebexSimulator simulator) {
        this.fromConstructor = simulator;
    }

    @BeforeAll
    static void rememberTheSimulator(WebexSimulator simulator) {
        fromBeforeAll = simulator;
    }

    @BeforeEach
    void sameSimulatorBeforeEach(WebexSimulator simulator) {
        assertSame(fromBeforeAll, simulator);
    }

    @Test
    void injectsOneRunningSimulatorEverywhere(WebexSimulator simulator) {
        assertSame(fromBeforeAll, simulator);
        assertSame(fromBeforeAll, fromConstructor);
        SimClient user = SimClient.newUser(simulator);

        user.startConference(simulator.createCall(user.token()), simulator.createCall(user.token()));

        assertEquals("connected", user.details().get("state").textValue());
    }

    @Test
    void anotherTestGetsTheSameSimulator(WebexSimulator simulator) {
        assertSame(fromBeforeAll, simulator);
        assertEquals(200, SimClient.newUser(simulator).get(CONFERENCE).statusCode());
    }

    @Nested
    class NestedTests {
        @Test
        void shareTheEnclosingClassSimulator(WebexSimulator simulator) {
            assertSame(fromBeforeAll, simulator);
        }
    }
}
