package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.internal.generated.conference.model.MuteRequest;
import io.github.wxcsdk.internal.generated.conference.model.ParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.StartConferenceByMemberRequest;

import java.util.List;

/**
 * A member's conference: {@code /telephony/conference/members/{memberId}/...}, with {@code ?orgId=} on every request
 * when the view names an org. Webex takes no {@code lineOwnerId} here, and none is sent.
 *
 * @param memberId the member (a person, workspace or virtual line), checked
 * @param orgId    the member's org, or {@code null} for the org of the token
 */
record MemberEndpoints(String memberId, String orgId) implements ConferenceEndpoints {
    @Override
    public void start(ConferenceControlsClient client, String trackingId, List<String> callIds) {
        client.startConferenceByMemberId(memberId, new StartConferenceByMemberRequest().callIds(callIds), trackingId,
                orgId);
    }

    @Override
    public void addParticipant(ConferenceControlsClient client, String trackingId, String callId) {
        client.addParticipantByMemberId(memberId, new ParticipantRequest().callId(callId), trackingId, orgId);
    }

    @Override
    public void mute(ConferenceControlsClient client, String trackingId, MuteRequest body) {
        client.muteByMemberId(memberId, trackingId, orgId, body);
    }

    @Override
    public void unmute(ConferenceControlsClient client, String trackingId, MuteRequest body) {
        client.unmuteByMemberId(memberId, trackingId, orgId, body);
    }

    @Override
    public void deafen(ConferenceControlsClient client, String trackingId, ParticipantRequest body) {
        client.deafenParticipantByMemberId(memberId, body, trackingId, orgId);
    }

    @Override
    public void undeafen(ConferenceControlsClient client, String trackingId, ParticipantRequest body) {
        client.undeafenParticipantByMemberId(memberId, body, trackingId, orgId);
    }

    @Override
    public void hold(ConferenceControlsClient client, String trackingId) {
        client.holdByMemberId(memberId, trackingId, orgId);
    }

    @Override
    public void resume(ConferenceControlsClient client, String trackingId) {
        client.resumeByMemberId(memberId, trackingId, orgId);
    }

    @Override
    public void details(ConferenceControlsClient client, String trackingId) {
        client.getConferenceDetailsByMemberId(memberId, trackingId, orgId);
    }

    @Override
    public void release(ConferenceControlsClient client, String trackingId) {
        client.releaseConferenceByMemberId(memberId, trackingId, orgId);
    }

    @Override
    public void bargeIn(ConferenceControlsClient client, String trackingId) {
        client.bargeInByMemberId(memberId, trackingId, orgId);
    }

    @Override
    public void silentMonitor(ConferenceControlsClient client, String trackingId) {
        client.silentMonitorByMemberId(memberId, trackingId, orgId);
    }

    @Override
    public void supervisorCoach(ConferenceControlsClient client, String trackingId) {
        client.supervisorCoachByMemberId(memberId, trackingId, orgId);
    }

    @Override
    public String toString() {
        return "{memberId=" + memberId + (orgId == null ? "" : ", orgId=" + orgId) + '}';
    }
}
