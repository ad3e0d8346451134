package io.github.wxcsdk.contract;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.github.wxcsdk.contract.ConferenceContract.CONSUMER;
import static io.github.wxcsdk.contract.ConferenceContract.PROVIDER;
import static io.github.wxcsdk.contract.ConferenceContract.inOrg;
import static io.github.wxcsdk.contract.ConferenceContract.jsonPost;
import static io.github.wxcsdk.contract.ConferenceContract.memberPath;
import static io.github.wxcsdk.contract.ConferenceContract.noContent;
import static io.github.wxcsdk.contract.ConferenceContract.ok;
import static io.github.wxcsdk.contract.ConferenceContract.request;
import static io.github.wxcsdk.contract.ProviderStates.AGENT;
import static io.github.wxcsdk.contract.ProviderStates.C1;
import static io.github.wxcsdk.contract.ProviderStates.C2;
import static io.github.wxcsdk.contract.ProviderStates.C3;
import static io.github.wxcsdk.contract.ProviderStates.CUSTOMER_ORG;
import static io.github.wxcsdk.contract.ProviderStates.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins the thirteen operations of a member view ({@link ConferenceControlsApi#forMember(String)}, used by a Service
 * App acting for members of an org), each once for a member of the Service App's own org (no query) and once for a
 * member of an org it manages ({@link ConferenceControlsApi#forMember(String, String)}: {@code ?orgId=}, whose
 * example ends in {@code ==}). Paths carry the member id; the host's mute and unmute send {@code {}}, a participant's
 * {@code {"callId"}}; bargeIn, silentMonitor and supervisorCoach act on the supervisor's conference. A member's
 * request never carries {@code lineOwnerId}: the bodies are pinned exactly and the query is {@code orgId} or none, so
 * the mock server would reject one.
 *
 * <p>Both views make the same fifteen façade calls, so each is one table, {@link #CALLS}, put into two pacts (one
 * interaction per call, each under its token state and its member state) and driven through the façade once per
 * view. Errors of the member views are pinned by {@link ConferenceErrorsPactTest}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER)
class MemberViewPactTest {
    private static final String IN_THE_TOKENS_ORG = "member view";
    private static final String IN_A_MANAGED_ORG = "member view in a managed org";

    private static final List<MemberCall> CALLS = List.of(
            post(AGENT, ProviderStates.MEMBER_CALLS_C1_C2, "start a conference of the member's calls c1 and c2",
                    "conference", "{\"callIds\":[\"c1\",\"c2\"]}", member -> member.startConference(List.of(C1, C2))),
            post(AGENT, ProviderStates.MEMBER_CONFERENCE_AND_CALL_C3, "add the member's call c3 to the conference",
                    "addParticipant", "{\"callId\":\"c3\"}", member -> member.addParticipant(C3)),
            post(AGENT, ProviderStates.MEMBER_CONFERENCE, "mute the member, the host", "mute", "{}",
                    MemberConferenceControlsApi::mute),
            post(AGENT, ProviderStates.MEMBER_CONFERENCE, "mute participant c2 of the member's conference", "mute",
                    "{\"callId\":\"c2\"}", member -> member.mute(C2)),
            post(AGENT, ProviderStates.MEMBER_CONFERENCE, "unmute the member, the host", "unmute", "{}",
                    MemberConferenceControlsApi::unmute),
            post(AGENT, ProviderStates.MEMBER_CONFERENCE, "unmute participant c2 of the member's conference",
                    "unmute", "{\"callId\":\"c2\"}", member -> member.unmute(C2)),
            post(AGENT, ProviderStates.MEMBER_CONFERENCE, "deafen participant c2 of the member's conference",
                    "deafen", "{\"callId\":\"c2\"}", member -> member.deafenParticipant(C2)),
            post(AGENT, ProviderStates.MEMBER_CONFERENCE, "undeafen participant c2 of the member's conference",
                    "undeafen", "{\"callId\":\"c2\"}", member -> member.undeafenParticipant(C2)),
            post(AGENT, ProviderStates.MEMBER_CONFERENCE, "hold the member's conference", "hold", null,
                    MemberConferenceControlsApi::hold),
            post(AGENT, ProviderStates.MEMBER_HELD_CONFERENCE, "resume the member's held conference", "resume", null,
                    MemberConferenceControlsApi::resume),
            new MemberCall(AGENT, ProviderStates.MEMBER_CONFERENCE, "get the member's conference", "GET",
                    "conference", null, ConferenceContract::connectedConference,
                    member -> assertTrue(member.getConferenceDetails().isPresent())),
            new MemberCall(AGENT, ProviderStates.MEMBER_CONFERENCE, "release the member's conference", "DELETE",
                    "conference", null, null, MemberConferenceControlsApi::releaseConference),
            post(SUPERVISOR, ProviderStates.SUPERVISOR_MONITORING, "barge in on the call the supervisor monitors",
                    "bargeIn", null, MemberConferenceControlsApi::bargeIn),
            post(SUPERVISOR, ProviderStates.SUPERVISOR_COACHING, "switch the supervisor from coaching to silent"
                    + " monitoring", "silentMonitor", null, MemberConferenceControlsApi::silentMonitor),
            post(SUPERVISOR, ProviderStates.SUPERVISOR_MONITORING, "switch the supervisor from silent monitoring to"
                    + " coaching", "supervisorCoach", null, MemberConferenceControlsApi::supervisorCoach));

    @Pact(consumer = CONSUMER)
    static V4Pact inTheTokensOrg(PactDslWithProvider builder) {
        return pact(builder, ProviderStates.SERVICE_APP_OF_MEMBERS_ORG, IN_THE_TOKENS_ORG, null);
    }

    @Test
    @PactTestFor(pactMethod = "inTheTokensOrg")
    void inTheTokensOrg(MockServer server) {
        ConferenceControlsApi conference = Facade.conference(server);
        callEach(conference::forMember);
    }

    @Pact(consumer = CONSUMER)
    static V4Pact inAManagedOrg(PactDslWithProvider builder) {
        return pact(builder, ProviderStates.SERVICE_APP_OF_PARTNER_ORG, IN_A_MANAGED_ORG, CUSTOMER_ORG);
    }

    @Test
    @PactTestFor(pactMethod = "inAManagedOrg")
    void inAManagedOrg(MockServer server) {
        ConferenceControlsApi conference = Facade.conference(server);
        callEach(memberId -> conference.forMember(memberId, CUSTOMER_ORG));
    }

    /**
     * The interactions of every call of {@link #CALLS} in one view. Interactions added through one builder
     * accumulate, so the pact of the last one holds them all.
     *
     * @param tokenState the first state of each interaction: whose token it is
     * @param view       names the view at the start of each description, so that descriptions stay unique
     * @param orgId      the {@code orgId} every request names, or {@code null} for none
     */
    private static V4Pact pact(PactDslWithProvider builder, String tokenState, String view, String orgId) {
        V4Pact pact = null;
        for (MemberCall call : CALLS) {
            pact = call.interaction(builder.given(tokenState).given(call.state()), view, orgId);
        }
        return pact;
    }

    private static void callEach(Function<String, MemberConferenceControlsApi> view) {
        for (MemberCall call : CALLS) {
            call.call().accept(view.apply(call.memberId()));
        }
    }

    private static MemberCall post(String memberId, String state, String description, String operation, String json,
                                   Consumer<MemberConferenceControlsApi> call) {
        return new MemberCall(memberId, state, description, "POST", operation, json, null, call);
    }

    /**
     * One façade call of a member view and the interaction it sends.
     *
     * @param memberId    the member whose view is called
     * @param state       the member state ({@link ProviderStates}), set up after the token state
     * @param description what the call does
     * @param method      the HTTP method
     * @param operation   the last path segment, after {@code members/{memberId}/}
     * @param json        the exact request body, or {@code null} for none
     * @param answer      makes the body of a 200 answer (a fresh one per pact); {@code null} for 204 without one
     * @param call        the façade call on the member's view
     */
    private record MemberCall(String memberId, String state, String description, String method, String operation,
                              String json, Supplier<DslPart> answer,
                              Consumer<MemberConferenceControlsApi> call) {

        V4Pact interaction(PactDslWithState given, String view, String orgId) {
            String fullDescription = view + ": " + description;
            String path = memberPath(memberId, operation);
            PactDslRequestWithPath request = json == null ? request(given, fullDescription, method, path)
                    : jsonPost(given, fullDescription, path, json);
            if (orgId != null) {
                request = inOrg(request, orgId);
            }
            return answer == null ? noContent(request) : ok(request, answer.get());
        }
    }
}
