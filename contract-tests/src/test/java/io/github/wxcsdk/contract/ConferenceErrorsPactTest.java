package io.github.wxcsdk.contract;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.wxcsdk.contract.ConferenceContract.ADD_PARTICIPANT;
import static io.github.wxcsdk.contract.ConferenceContract.CONFERENCE;
import static io.github.wxcsdk.contract.ConferenceContract.CONSUMER;
import static io.github.wxcsdk.contract.ConferenceContract.HOLD;
import static io.github.wxcsdk.contract.ConferenceContract.MUTE;
import static io.github.wxcsdk.contract.ConferenceContract.PROVIDER;
import static io.github.wxcsdk.contract.ConferenceContract.inOrg;
import static io.github.wxcsdk.contract.ConferenceContract.jsonPost;
import static io.github.wxcsdk.contract.ConferenceContract.memberPath;
import static io.github.wxcsdk.contract.ConferenceContract.request;
import static io.github.wxcsdk.contract.ProviderStates.AGENT;
import static io.github.wxcsdk.contract.ProviderStates.C1;
import static io.github.wxcsdk.contract.ProviderStates.OTHER_ORG;
import static io.github.wxcsdk.contract.ProviderStates.UNKNOWN_MEMBER;

/**
 * Pins the error shape as part of the contract: 400 with the Webex error body (including {@code errorCode}), 401 for
 * a token the provider rejects, 403 for a token without the write scope, 404 without a conference, 409 for a call
 * that is already a participant; and for the member views, 403 for a Service App token without
 * {@code spark-admin:calls_write} and for an org the Service App may not act in, 404 for an unknown member. Each is
 * answered once and reported by the façade as a {@link io.github.wxcsdk.WebexApiException} with status, Webex
 * message, error details and tracking id (none of these statuses is retried). 429 is pinned by
 * {@link ThrottlingPactTest}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER)
class ConferenceErrorsPactTest {
    private static final WebexErrorAnswer SAME_CALL_TWICE =
            new WebexErrorAnswer(400, "callIds must not contain the same call ID more than once.", 25008);
    private static final WebexErrorAnswer ALREADY_A_PARTICIPANT =
            new WebexErrorAnswer(409, "Call c1 is already a participant of the conference.", 25009);
    private static final WebexErrorAnswer TOKEN_NOT_VALID = new WebexErrorAnswer(401,
            "The request requires a valid access token set in the Authorization request header.", null);
    private static final WebexErrorAnswer MISSING_SCOPE = new WebexErrorAnswer(403,
            "The server understood the request, but refused to fulfill it because the access token is missing"
                    + " required scopes.", null);
    private static final WebexErrorAnswer NO_CONFERENCE = new WebexErrorAnswer(404, "Conference not found.", null);
    private static final WebexErrorAnswer ORG_NOT_ALLOWED = new WebexErrorAnswer(403,
            "The access token is not authorized to act in the requested organization.", null);
    private static final WebexErrorAnswer NO_SUCH_MEMBER = new WebexErrorAnswer(404, "Member not found.", null);

    /** The spec allows a repeated id (no uniqueItems), so the façade sends it and the provider must refuse it. */
    @Pact(consumer = CONSUMER)
    static V4Pact badRequest(PactDslWithProvider builder) {
        return SAME_CALL_TWICE.answer(jsonPost(builder, ProviderStates.CALLS_C1_C2,
                "start a conference of call c1 twice", CONFERENCE, "{\"callIds\":[\"c1\",\"c1\"]}"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "badRequest")
    void badRequest(MockServer server) {
        SAME_CALL_TWICE.assertReportedBy(() -> Facade.conference(server).startConference(C1, C1));
    }

    @Pact(consumer = CONSUMER)
    static V4Pact conflict(PactDslWithProvider builder) {
        return ALREADY_A_PARTICIPANT.answer(jsonPost(builder, ProviderStates.CONFERENCE,
                "add call c1, which is already a participant", ADD_PARTICIPANT, "{\"callId\":\"c1\"}"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "conflict")
    void conflict(MockServer server) {
        ALREADY_A_PARTICIPANT.assertReportedBy(() -> Facade.conference(server).addParticipant(C1));
    }

    @Pact(consumer = CONSUMER)
    static V4Pact unauthorized(PactDslWithProvider builder) {
        return TOKEN_NOT_VALID.answer(request(builder, ProviderStates.TOKEN_NOT_VALID,
                "get the conference with a token that is not valid", "GET", CONFERENCE)).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "unauthorized")
    void unauthorized(MockServer server) {
        TOKEN_NOT_VALID.assertReportedBy(() -> Facade.conference(server).getConferenceDetails());
    }

    @Pact(consumer = CONSUMER)
    static V4Pact forbidden(PactDslWithProvider builder) {
        return MISSING_SCOPE.answer(jsonPost(builder, ProviderStates.TOKEN_WITHOUT_CALLS_WRITE,
                "mute the host with a token that lacks spark:calls_write", MUTE, "{}")).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "forbidden")
    void forbidden(MockServer server) {
        MISSING_SCOPE.assertReportedBy(() -> Facade.conference(server).mute());
    }

    @Pact(consumer = CONSUMER)
    static V4Pact notFound(PactDslWithProvider builder) {
        return NO_CONFERENCE.answer(request(builder, ProviderStates.NO_CONFERENCE,
                "hold when there is no conference", "POST", HOLD)).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "notFound")
    void notFound(MockServer server) {
        NO_CONFERENCE.assertReportedBy(() -> Facade.conference(server).hold());
    }

    @Pact(consumer = CONSUMER)
    static V4Pact memberForbiddenWithoutWriteScope(PactDslWithProvider builder) {
        return MISSING_SCOPE.answer(request(builder, ProviderStates.READ_ONLY_SERVICE_APP,
                "member view: hold with a Service App token that lacks spark-admin:calls_write", "POST",
                memberPath(AGENT, "hold"))).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "memberForbiddenWithoutWriteScope")
    void memberForbiddenWithoutWriteScope(MockServer server) {
        MISSING_SCOPE.assertReportedBy(() -> Facade.conference(server).forMember(AGENT).hold());
    }

    @Pact(consumer = CONSUMER)
    static V4Pact memberForbiddenInOrg(PactDslWithProvider builder) {
        return ORG_NOT_ALLOWED.answer(inOrg(request(builder.given(ProviderStates.SERVICE_APP_OF_MEMBERS_ORG)
                        .given(ProviderStates.ORG_NOT_MANAGED),
                "member view: get the conference of a member of an org the Service App may not act in", "GET",
                memberPath(AGENT, "conference")), OTHER_ORG)).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "memberForbiddenInOrg")
    void memberForbiddenInOrg(MockServer server) {
        ORG_NOT_ALLOWED.assertReportedBy(() -> Facade.conference(server).forMember(AGENT, OTHER_ORG)
                .getConferenceDetails());
    }

    @Pact(consumer = CONSUMER)
    static V4Pact memberNotFound(PactDslWithProvider builder) {
        return NO_SUCH_MEMBER.answer(request(builder.given(ProviderStates.SERVICE_APP_OF_MEMBERS_ORG)
                        .given(ProviderStates.NO_SUCH_MEMBER),
                "member view: get the conference of an unknown member", "GET",
                memberPath(UNKNOWN_MEMBER, "conference"))).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "memberNotFound")
    void memberNotFound(MockServer server) {
        NO_SUCH_MEMBER.assertReportedBy(() -> Facade.conference(server).forMember(UNKNOWN_MEMBER)
                .getConferenceDetails());
    }
}
