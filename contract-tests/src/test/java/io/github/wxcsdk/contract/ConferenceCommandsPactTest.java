package io.github.wxcsdk.contract;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.github.wxcsdk.contract.ConferenceContract.ADD_PARTICIPANT;
import static io.github.wxcsdk.contract.ConferenceContract.CONFERENCE;
import static io.github.wxcsdk.contract.ConferenceContract.CONSUMER;
import static io.github.wxcsdk.contract.ConferenceContract.DEAFEN;
import static io.github.wxcsdk.contract.ConferenceContract.HOLD;
import static io.github.wxcsdk.contract.ConferenceContract.MUTE;
import static io.github.wxcsdk.contract.ConferenceContract.PROVIDER;
import static io.github.wxcsdk.contract.ConferenceContract.RESUME;
import static io.github.wxcsdk.contract.ConferenceContract.UNDEAFEN;
import static io.github.wxcsdk.contract.ConferenceContract.UNMUTE;
import static io.github.wxcsdk.contract.ConferenceContract.jsonPost;
import static io.github.wxcsdk.contract.ConferenceContract.noContent;
import static io.github.wxcsdk.contract.ConferenceContract.request;
import static io.github.wxcsdk.contract.ProviderStates.C1;
import static io.github.wxcsdk.contract.ProviderStates.C2;
import static io.github.wxcsdk.contract.ProviderStates.C3;

/**
 * Pins the nine operations that change a conference on the user's own line, each answered with 204 and no body:
 * start (two ids, three ids), addParticipant, mute and unmute of the host ({@code {}}) and of a participant
 * ({@code {"callId"}}), deafen, undeafen, hold and resume (no body), release (DELETE, no body).
 *
 * <p>The {@code @Pact} methods are static so that other tests can reuse an interaction unchanged (the throttling test
 * reuses {@link #hostMute}).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER)
class ConferenceCommandsPactTest {

    @Pact(consumer = CONSUMER)
    static V4Pact startWithTwoCalls(PactDslWithProvider builder) {
        return noContent(jsonPost(builder, ProviderStates.CALLS_C1_C2, "start a conference of calls c1 and c2",
                CONFERENCE, "{\"callIds\":[\"c1\",\"c2\"]}"));
    }

    @Test
    @PactTestFor(pactMethod = "startWithTwoCalls")
    void startWithTwoCalls(MockServer server) {
        Facade.conference(server).startConference(List.of(C1, C2));
    }

    @Pact(consumer = CONSUMER)
    static V4Pact startWithThreeCalls(PactDslWithProvider builder) {
        return noContent(jsonPost(builder, ProviderStates.CALLS_C1_C2_C3,
                "start a conference of calls c1, c2 and c3", CONFERENCE, "{\"callIds\":[\"c1\",\"c2\",\"c3\"]}"));
    }

    @Test
    @PactTestFor(pactMethod = "startWithThreeCalls")
    void startWithThreeCalls(MockServer server) {
        Facade.conference(server).startConference(C1, C2, C3);
    }

    @Pact(consumer = CONSUMER)
    static V4Pact addParticipant(PactDslWithProvider builder) {
        return noContent(jsonPost(builder, ProviderStates.CONFERENCE_AND_CALL_C3, "add call c3 to the conference",
                ADD_PARTICIPANT, "{\"callId\":\"c3\"}"));
    }

    @Test
    @PactTestFor(pactMethod = "addParticipant")
    void addParticipant(MockServer server) {
        Facade.conference(server).addParticipant(C3);
    }

    @Pact(consumer = CONSUMER)
    static V4Pact hostMute(PactDslWithProvider builder) {
        return noContent(jsonPost(builder, ProviderStates.CONFERENCE, "mute the host", MUTE, "{}"));
    }

    @Test
    @PactTestFor(pactMethod = "hostMute")
    void hostMute(MockServer server) {
        Facade.conference(server).mute();
    }

    @Pact(consumer = CONSUMER)
    static V4Pact hostUnmute(PactDslWithProvider builder) {
        return noContent(jsonPost(builder, ProviderStates.CONFERENCE, "unmute the host", UNMUTE, "{}"));
    }

    @Test
    @PactTestFor(pactMethod = "hostUnmute")
    void hostUnmute(MockServer server) {
        Facade.conference(server).unmute();
    }

    @Pact(consumer = CONSUMER)
    static V4Pact participantMute(PactDslWithProvider builder) {
        return noContent(jsonPost(builder, ProviderStates.CONFERENCE, "mute participant c2", MUTE,
                "{\"callId\":\"c2\"}"));
    }

    @Test
    @PactTestFor(pactMethod = "participantMute")
    void participantMute(MockServer server) {
        Facade.conference(server).mute(C2);
    }

    @Pact(consumer = CONSUMER)
    static V4Pact participantUnmute(PactDslWithProvider builder) {
        return noContent(jsonPost(builder, ProviderStates.CONFERENCE, "unmute participant c2", UNMUTE,
                "{\"callId\":\"c2\"}"));
    }

    @Test
    @PactTestFor(pactMethod = "participantUnmute")
    void participantUnmute(MockServer server) {
        Facade.conference(server).unmute(C2);
    }

    @Pact(consumer = CONSUMER)
    static V4Pact deafen(PactDslWithProvider builder) {
        return noContent(jsonPost(builder, ProviderStates.CONFERENCE, "deafen participant c2", DEAFEN,
                "{\"callId\":\"c2\"}"));
    }

    @Test
    @PactTestFor(pactMethod = "deafen")
    void deafen(MockServer server) {
        Facade.conference(server).deafenParticipant(C2);
    }

    @Pact(consumer = CONSUMER)
    static V4Pact undeafen(PactDslWithProvider builder) {
        return noContent(jsonPost(builder, ProviderStates.CONFERENCE, "undeafen participant c2", UNDEAFEN,
                "{\"callId\":\"c2\"}"));
    }

    @Test
    @PactTestFor(pactMethod = "undeafen")
    void undeafen(MockServer server) {
        Facade.conference(server).undeafenParticipant(C2);
    }

    @Pact(consumer = CONSUMER)
    static V4Pact hold(PactDslWithProvider builder) {
        return noContent(request(builder, ProviderStates.CONFERENCE, "hold the conference", "POST", HOLD));
    }

    @Test
    @PactTestFor(pactMethod = "hold")
    void hold(MockServer server) {
        Facade.conference(server).hold();
    }

    @Pact(consumer = CONSUMER)
    static V4Pact resume(PactDslWithProvider builder) {
        return noContent(request(builder, ProviderStates.HELD_CONFERENCE, "resume the held conference", "POST",
                RESUME));
    }

    @Test
    @PactTestFor(pactMethod = "resume")
    void resume(MockServer server) {
        Facade.conference(server).resume();
    }

    @Pact(consumer = CONSUMER)
    static V4Pact release(PactDslWithProvider builder) {
        return noContent(request(builder, ProviderStates.CONFERENCE, "release the conference", "DELETE",
                CONFERENCE));
    }

    @Test
    @PactTestFor(pactMethod = "release")
    void release(MockServer server) {
        Facade.conference(server).releaseConference();
    }
}
