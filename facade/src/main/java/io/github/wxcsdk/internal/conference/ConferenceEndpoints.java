package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.internal.generated.conference.model.MuteRequest;
import io.github.wxcsdk.internal.generated.conference.model.ParticipantRequest;

import java.util.List;

/**
 * Which generated method serves each conference operation in one scope, with the scope's own parameters: the user's
 * lines ({@link UserEndpoints}) or a member of an org ({@link MemberEndpoints}). Arguments arrive checked; each method
 * makes exactly one call on the client it is given, which records it.
 */
interface ConferenceEndpoints {
    void start(ConferenceControlsClient client, String trackingId, List<String> callIds);

    void addParticipant(ConferenceControlsClient client, String trackingId, String callId);

    void mute(ConferenceControlsClient client, String trackingId, MuteRequest body);

    void unmute(ConferenceControlsClient client, String trackingId, MuteRequest body);

    void deafen(ConferenceControlsClient client, String trackingId, ParticipantRequest body);

    void undeafen(ConferenceControlsClient client, String trackingId, ParticipantRequest body);

    void hold(ConferenceControlsClient client, String trackingId);

    void resume(ConferenceControlsClient client, String trackingId);

    void details(ConferenceControlsClient client, String trackingId);

    void release(ConferenceControlsClient client, String trackingId);

    void bargeIn(ConferenceControlsClient client, String trackingId);

    void silentMonitor(ConferenceControlsClient client, String trackingId);

    void supervisorCoach(ConferenceControlsClient client, String trackingId);
}
