package io.github.wxcsdk.simulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base of tests that act, on the class's simulator, as a new user who has two active calls {@code a} and {@code b}. */
@ExtendWith(WebexSimulatorExtension.class)
abstract class FreshUserWithTwoCalls {
    WebexSimulator simulator;
    SimClient user;
    String a;
    String b;

    @BeforeEach
    void newUserWithTwoCalls(WebexSimulator simulator) {
        this.simulator = simulator;
        user = SimClient.newUser(simulator);
        a = user.createCall();
        b = user.createCall();
    }
}
