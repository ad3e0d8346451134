package io.github.wxcsdk.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.wxcsdk.simulator.Fault;
import io.github.wxcsdk.simulator.MemberType;
import io.github.wxcsdk.simulator.WebexSimulator;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import static io.github.wxcsdk.contract.ProviderStates.AGENT;
import static io.github.wxcsdk.contract.ProviderStates.C1;
import static io.github.wxcsdk.contract.ProviderStates.C2;
import static io.github.wxcsdk.contract.ProviderStates.C3;
import static io.github.wxcsdk.contract.ProviderStates.CUSTOMER_ORG;
import static io.github.wxcsdk.contract.ProviderStates.LINE_OWNER;
import static io.github.wxcsdk.contract.ProviderStates.SUPERVISOR;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Verifies the consumer pact (written in phase {@code test}) against the Webex simulator, the provider we can run:
 * every interaction is replayed against it after its {@code @State} method has set the simulator up. This proves the
 * simulator honours our contract, so users' tests against it exercise the same wire as against Webex.
 *
 * <p>The simulator is reset completely before each interaction ({@link WebexSimulator#resetAll()}): the contract's
 * token is a user of the default org unless a state makes it a Service App's. The member views' interactions have two
 * states, the token's first ({@code serviceAppOf...}), which also says how the façade names the member's org for the
 * member states that start a conference through it.
 *
 * <p>One interaction is not verified here: {@value ProviderStates#CONFERENCE_WITH_UNKNOWN_VALUES} describes a future
 * Webex that sends a type and a field this client does not know; the simulator speaks only today's values. It is
 * skipped with that reason, so the report shows it.
 */
@Provider(ConferenceContract.PROVIDER)
@PactFolder("target/pacts")
class SimulatorProviderIT {
    private static final Set<String> ADMIN_SCOPES = Set.of("spark-admin:calls_read", "spark-admin:calls_write");

    private static WebexSimulator simulator;

    /** The member views of the token's Service App, set by its token state; {@code null} for a user's token. */
    private Function<String, MemberConferenceControlsApi> members;

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
        simulator.resetAll();
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
        conferenceOf(conferenceControls());
    }

    @State(ProviderStates.CONFERENCE_AND_CALL_C3)
    void conferenceAndCallC3() {
        conferenceOf(conferenceControls());
        calls(C3);
    }

    @State(ProviderStates.HELD_CONFERENCE)
    void heldConference() {
        conferenceOf(conferenceControls()).hold();
    }

    /** Set up like {@link #conference()}; the interaction itself is skipped (see the class comment). */
    @State(ProviderStates.CONFERENCE_WITH_UNKNOWN_VALUES)
    void conferenceWithUnknownValues() {
        conferenceOf(conferenceControls());
    }

    @State(ProviderStates.NO_CONFERENCE)
    void noConference() {
        // resetAll before every interaction leaves the user without calls or conference
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
        conferenceOf(conferenceControls());
        simulator.addFault(ConferenceContract.TOKEN, Fault.of(403));
    }

    /**
     * Two 429s: the verifier's own HTTP client (Apache HttpClient 5) resends a 429 once after its Retry-After, so
     * one would be hidden from the verification.
     */
    @State(ProviderStates.RATE_LIMIT_EXCEEDED)
    void rateLimitExceeded() {
        conferenceOf(conferenceControls());
        simulator.addFault(ConferenceContract.TOKEN,
                Fault.of(429).withRetryAfter(Duration.ofSeconds(1)).withCount(2));
    }

    @State(ProviderStates.USER_SUPERVISOR_MONITORING)
    void userSupervisorMonitoring() {
        simulator.createMember(WebexSimulator.DEFAULT_ORG_ID, MemberType.PERSON, SUPERVISOR);
        simulator.createUserToken(SUPERVISOR, ConferenceContract.TOKEN);
        simulator.createMember(WebexSimulator.DEFAULT_ORG_ID, MemberType.PERSON, AGENT);
        simulator.startSupervision(SUPERVISOR, AGENT);
    }

    @State(ProviderStates.USER_SUPERVISOR_COACHING)
    void userSupervisorCoaching() {
        userSupervisorMonitoring();
        conferenceControls().supervisorCoach();
    }

    @State(ProviderStates.SERVICE_APP_OF_MEMBERS_ORG)
    void serviceAppOfMembersOrg() {
        String org = simulator.createOrg().id();
        agentAndSupervisorIn(org);
        simulator.createServiceAppToken(org, ADMIN_SCOPES, ConferenceContract.TOKEN);
        members = conferenceControls()::forMember;
    }

    @State(ProviderStates.SERVICE_APP_OF_PARTNER_ORG)
    void serviceAppOfPartnerOrg() {
        String partner = simulator.createOrg().id();
        simulator.createManagedOrg(CUSTOMER_ORG, partner);
        agentAndSupervisorIn(CUSTOMER_ORG);
        simulator.createServiceAppToken(partner, ADMIN_SCOPES, ConferenceContract.TOKEN);
        ConferenceControlsApi conference = conferenceControls();
        members = memberId -> conference.forMember(memberId, CUSTOMER_ORG);
    }

    @State(ProviderStates.READ_ONLY_SERVICE_APP)
    void readOnlyServiceApp() {
        String org = simulator.createOrg().id();
        simulator.createMember(org, MemberType.PERSON, AGENT);
        simulator.createServiceAppToken(org, Set.of("spark-admin:calls_read"), ConferenceContract.TOKEN);
    }

    @State(ProviderStates.ORG_NOT_MANAGED)
    void orgNotManaged() {
        simulator.createOrg(ProviderStates.OTHER_ORG);
    }

    @State(ProviderStates.NO_SUCH_MEMBER)
    void noSuchMember() {
        // resetAll before every interaction leaves only the members the token state created
    }

    @State(ProviderStates.MEMBER_CALLS_C1_C2)
    void memberCalls() {
        memberCalls(C1, C2);
    }

    @State(ProviderStates.MEMBER_CONFERENCE)
    void memberConference() {
        agentsConference();
    }

    @State(ProviderStates.MEMBER_CONFERENCE_AND_CALL_C3)
    void memberConferenceAndCallC3() {
        agentsConference();
        memberCalls(C3);
    }

    @State(ProviderStates.MEMBER_HELD_CONFERENCE)
    void memberHeldConference() {
        agentsConference().hold();
    }

    @State(ProviderStates.SUPERVISOR_MONITORING)
    void supervisorMonitoring() {
        simulator.startSupervision(SUPERVISOR, AGENT);
    }

    @State(ProviderStates.SUPERVISOR_COACHING)
    void supervisorCoaching() {
        simulator.startSupervision(SUPERVISOR, AGENT);
        members.apply(SUPERVISOR).supervisorCoach();
    }

    private static void agentAndSupervisorIn(String orgId) {
        simulator.createMember(orgId, MemberType.PERSON, AGENT);
        simulator.createMember(orgId, MemberType.PERSON, SUPERVISOR);
    }

    private static void memberCalls(String... callIds) {
        for (String callId : callIds) {
            simulator.createMemberCall(AGENT, callId);
        }
    }

    /** Starts a conference of the agent's calls c1 and c2 through the Service App's member view. */
    private MemberConferenceControlsApi agentsConference() {
        memberCalls(C1, C2);
        MemberConferenceControlsApi agent = members.apply(AGENT);
        agent.startConference(C1, C2);
        return agent;
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

    /** The façade with the contract's token: a user's, or the Service App's after a token state made it one. */
    private static ConferenceControlsApi conferenceControls() {
        return Facade.builder("http://127.0.0.1:" + simulator.port()).build().telephony().conference();
    }

    private static ConferenceControlsApi lineOwnerControls() {
        return conferenceControls().forLineOwner(LINE_OWNER);
    }
}
