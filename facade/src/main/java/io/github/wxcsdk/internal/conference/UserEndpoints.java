package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.internal.generated.conference.model.AddParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.MuteRequest;
import io.github.wxcsdk.internal.generated.conference.model.ParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.StartConferenceRequest;

import java.util.List;

/**
 * The token user's own conference: {@code /telephony/conference/...}, with {@code lineOwnerId} wherever Webex takes
 * it when the view is bound to a secondary line; the supervisor operations on {@code /telephony/conference/members/me},
 * which take no {@code lineOwnerId}.
 *
 * @param lineOwnerId the secondary line, or {@code null} for the user's own line
 */
public record UserEndpoints(String lineOwnerId) implements ConferenceEndpoints {
    @Override
    public void start(ConferenceControlsClient client, String trackingId, List<String> callIds) {
        client.startConference(new StartConferenceRequest().callIds(callIds).lineOwnerId(lineOwnerId), trackingId);
    }

    @Override
    public void addParticipant(ConferenceControlsClient client, String trackingId, String callId) {
        client.addParticipant(new AddParticipantRequest().callId(callId).lineOwnerId(lineOwnerId), trackingId);
    }

    @Override
    public void mute(ConferenceControlsClient client, String trackingId, MuteRequest body) {
        client.muteConference(trackingId, body);
    }

    @Override
    public void unmute(ConferenceControlsClient client, String trackingId, MuteRequest body) {
        client.unmuteConference(trackingId, body);
    }

    @Override
    public void deafen(ConferenceControlsClient client, String trackingId, ParticipantRequest body) {
        client.deafenParticipant(body, trackingId);
    }

    @Override
    public void undeafen(ConferenceControlsClient client, String trackingId, ParticipantRequest body) {
        client.undeafenParticipant(body, trackingId);
    }

    @Override
    public void hold(ConferenceControlsClient client, String trackingId) {
        client.holdConference(trackingId, lineOwnerId);
    }

    @Override
    public void resume(ConferenceControlsClient client, String trackingId) {
        client.resumeConference(trackingId, lineOwnerId);
    }

    @Override
    public void details(ConferenceControlsClient client, String trackingId) {
        client.getConferenceDetails(trackingId, lineOwnerId);
    }

    @Override
    public void release(ConferenceControlsClient client, String trackingId) {
        client.releaseConference(trackingId, lineOwnerId);
    }

    @Override
    public void bargeIn(ConferenceControlsClient client, String trackingId) {
        client.bargeIn(trackingId);
    }

    @Override
    public void silentMonitor(ConferenceControlsClient client, String trackingId) {
        client.silentMonitor(trackingId);
    }

    @Override
    public void supervisorCoach(ConferenceControlsClient client, String trackingId) {
        client.supervisorCoach(trackingId);
    }

    @Override
    public String toString() {
        return lineOwnerId == null ? "" : "{lineOwnerId=" + lineOwnerId + '}';
    }
}
