package io.github.wxcsdk.contract;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.github.wxcsdk.contract.ConferenceContract.ADD_PARTICIPANT;
import static io.github.wxcsdk.contract.ConferenceContract.CONFERENCE;
import static io.github.wxcsdk.contract.ConferenceContract.CONSUMER;
import static io.github.wxcsdk.contract.ConferenceContract.HOLD;
import static io.github.wxcsdk.contract.ConferenceContract.PROVIDER;
import static io.github.wxcsdk.contract.ConferenceContract.RESUME;
import static io.github.wxcsdk.contract.ConferenceContract.connectedConference;
import static io.github.wxcsdk.contract.ConferenceContract.jsonPost;
import static io.github.wxcsdk.contract.ConferenceContract.noContent;
import static io.github.wxcsdk.contract.ConferenceContract.ok;
import static io.github.wxcsdk.contract.ConferenceContract.onLineOwnerLine;
import static io.github.wxcsdk.contract.ConferenceContract.request;
import static io.github.wxcsdk.contract.ProviderStates.C1;
import static io.github.wxcsdk.contract.ProviderStates.C2;
import static io.github.wxcsdk.contract.ProviderStates.C3;
import static io.github.wxcsdk.contract.ProviderStates.LINE_OWNER;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins where {@code lineOwnerId} goes when the user controls a conference on a secondary line
 * ({@link ConferenceControlsApi#forLineOwner(String)}): in the JSON body of start and addParticipant, in the query of
 * details, release, hold and resume. (Mute, unmute, deafen and undeafen take none; the façade's own wire tests pin that
 * it is left out there.)
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER)
class LineOwnerPactTest {
    private static final String LINE_OWNER_JSON = "\"lineOwnerId\":\"" + LINE_OWNER + "\"";

    @Pact(consumer = CONSUMER)
    static V4Pact start(PactDslWithProvider builder) {
        return noContent(jsonPost(builder, ProviderStates.LINE_OWNER_CALLS_C1_C2,
                "start a conference of calls c1 and c2 on the line owner's line", CONFERENCE,
                "{\"callIds\":[\"c1\",\"c2\"]," + LINE_OWNER_JSON + "}"));
    }

    @Test
    @PactTestFor(pactMethod = "start")
    void start(MockServer server) {
        onTheLine(server).startConference(List.of(C1, C2));
    }

    @Pact(consumer = CONSUMER)
    static V4Pact addParticipant(PactDslWithProvider builder) {
        return noContent(jsonPost(builder, ProviderStates.LINE_OWNER_CONFERENCE_AND_CALL_C3,
                "add call c3 to the conference on the line owner's line", ADD_PARTICIPANT,
                "{\"callId\":\"c3\"," + LINE_OWNER_JSON + "}"));
    }

    @Test
    @PactTestFor(pactMethod = "addParticipant")
    void addParticipant(MockServer server) {
        onTheLine(server).addParticipant(C3);
    }

    @Pact(consumer = CONSUMER)
    static V4Pact details(PactDslWithProvider builder) {
        return ok(onLineOwnerLine(request(builder, ProviderStates.LINE_OWNER_CONFERENCE,
                "get the conference on the line owner's line", "GET", CONFERENCE)), connectedConference());
    }

    @Test
    @PactTestFor(pactMethod = "details")
    void details(MockServer server) {
        assertTrue(onTheLine(server).getConferenceDetails().isPresent());
    }

    @Pact(consumer = CONSUMER)
    static V4Pact release(PactDslWithProvider builder) {
        return noContent(onLineOwnerLine(request(builder, ProviderStates.LINE_OWNER_CONFERENCE,
                "release the conference on the line owner's line", "DELETE", CONFERENCE)));
    }

    @Test
    @PactTestFor(pactMethod = "release")
    void release(MockServer server) {
        onTheLine(server).releaseConference();
    }

    @Pact(consumer = CONSUMER)
    static V4Pact hold(PactDslWithProvider builder) {
        return noContent(onLineOwnerLine(request(builder, ProviderStates.LINE_OWNER_CONFERENCE,
                "hold the conference on the line owner's line", "POST", HOLD)));
    }

    @Test
    @PactTestFor(pactMethod = "hold")
    void hold(MockServer server) {
        onTheLine(server).hold();
    }

    @Pact(consumer = CONSUMER)
    static V4Pact resume(PactDslWithProvider builder) {
        return noContent(onLineOwnerLine(request(builder, ProviderStates.LINE_OWNER_HELD_CONFERENCE,
                "resume the held conference on the line owner's line", "POST", RESUME)));
    }

    @Test
    @PactTestFor(pactMethod = "resume")
    void resume(MockServer server) {
        onTheLine(server).resume();
    }

    private static ConferenceControlsApi onTheLine(MockServer server) {
        return Facade.conference(server).forLineOwner(LINE_OWNER);
    }
}
