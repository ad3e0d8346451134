package io.github.wxcsdk.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.wxcsdk.simulator.Fault;
import io.github.wxcsdk.simulator.WebexSimulator;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static io.github.wxcsdk.contract.ProviderStates.C1;
import static io.github.wxcsdk.contract.ProviderStates.C2;
import static io.github.wxcsdk.contract.ProviderStates.C3;
import static io.github.wxcsdk.contract.ProviderStates.LINE_OWNER;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Verifies the consumer pact (written in phase {@code test}) against the Webex simulator, the provider we can run:
 * every interaction is replayed against it after its {@code @State} method has set the simulator up. This proves the
 * simulator honours our contract, so users' tests against it exercise the same wire as against Webex.
 *
 * <p>One interaction is not verified here: {@value ProviderStates#CONFERENCE_WITH_UNKNOWN_VALUES} describes a future
 * Webex that sends a type and a field this client does not know; the simulator speaks only today's values. It is
 * skipped with that reason, so the report shows it.
 */
@Provider(ConferenceContract.PROVIDER)
@PactFolder("target/pacts")
class SimulatorProviderIT {
    private static WebexSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = WebexSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void pointAtTheSimulator(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("127.0.0.1", simulator.port()));
        simulator.reset(ConferenceContract.TOKEN);
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void honoursTheInteraction(PactVerificationContext context) {
        assumeFalse(context.getInteraction().getProviderStates().stream()
                        .anyMatch(state -> ProviderStates.CONFERENCE_WITH_UNKNOWN_VALUES.equals(state.getName())),
                "the simulator sends only the values this client knows");
        context.verifyInteraction();
    }

    @State(ProviderStates.CALLS_C1_C2)
    void callsC1AndC2() {
        calls(C1, C2);
    }

    @State(ProviderStates.CALLS_C1_C2_C3)
    void callsC1C2AndC3() {
        calls(C1, C2, C3);
    }

    @State(ProviderStates.CONFERENCE)
    void conference() {
        conferenceOf(userConference());
    }

    @State(ProviderStates.CONFERENCE_AND_CALL_C3)
    void conferenceAndCallC3() {
        conferenceOf(userConference());
        calls(C3);
    }

    @State(ProviderStates.HELD_CONFERENCE)
    void heldConference() {
        conferenceOf(userConference()).hold();
    }

    /** Set up like {@link #conference()}; the interaction itself is skipped (see the class comment). */
    @State(ProviderStates.CONFERENCE_WITH_UNKNOWN_VALUES)
    void conferenceWithUnknownValues() {
        conferenceOf(userConference());
    }

    @State(ProviderStates.NO_CONFERENCE)
    void noConference() {
        // reset before every interaction leaves the user without calls or conference
    }

    @State(ProviderStates.LINE_OWNER_CALLS_C1_C2)
    void lineOwnerCalls() {
        calls(C1, C2);
    }

    @State(ProviderStates.LINE_OWNER_CONFERENCE)
    void lineOwnerConference() {
        conferenceOf(lineOwnerControls());
    }

    @State(ProviderStates.LINE_OWNER_CONFERENCE_AND_CALL_C3)
    void lineOwnerConferenceAndCallC3() {
        conferenceOf(lineOwnerControls());
        calls(C3);
    }

    @State(ProviderStates.LINE_OWNER_HELD_CONFERENCE)
    void lineOwnerHeldConference() {
        conferenceOf(lineOwnerControls()).hold();
    }

    @State(ProviderStates.TOKEN_NOT_VALID)
    void tokenNotValid() {
        simulator.addFault(ConferenceContract.TOKEN, Fault.of(401));
    }

    @State(ProviderStates.TOKEN_WITHOUT_CALLS_WRITE)
    void tokenWithoutCallsWrite() {
        conferenceOf(userConference());
        simulator.addFault(ConferenceContract.TOKEN, Fault.of(403));
    }

    /**
     * Two 429s: the verifier's own HTTP client (Apache HttpClient 5) resends a 429 once after its Retry-After, so
     * one would be hidden from the verification.
     */
    @State(ProviderStates.RATE_LIMIT_EXCEEDED)
    void rateLimitExceeded() {
        conferenceOf(userConference());
        simulator.addFault(ConferenceContract.TOKEN,
                Fault.of(429).withRetryAfter(Duration.ofSeconds(1)).withCount(2));
    }

    private static void calls(String... callIds) {
        for (String callId : callIds) {
            simulator.createCall(ConferenceContract.TOKEN, callId);
        }
    }

    /** Starts a conference of c1 and c2 through the façade, the way a user would. */
    private static ConferenceControlsApi conferenceOf(ConferenceControlsApi conference) {
        calls(C1, C2);
        conference.startConference(C1, C2);
        return conference;
    }

    private static ConferenceControlsApi userConference() {
        return Facade.builder("http://127.0.0.1:" + simulator.port()).build().telephony().conference();
    }

    private static ConferenceControlsApi lineOwnerControls() {
        return userConference().forLineOwner(LINE_OWNER);
    }
}
