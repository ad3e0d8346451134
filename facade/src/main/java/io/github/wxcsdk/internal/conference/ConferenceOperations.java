package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.conference.ConferenceArguments.Rule;
import io.github.wxcsdk.internal.generated.conference.model.AddParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.MuteRequest;
import io.github.wxcsdk.internal.generated.conference.model.ParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.StartConferenceByMemberRequest;
import io.github.wxcsdk.internal.generated.conference.model.StartConferenceRequest;

import java.util.List;
import java.util.function.Function;

import static io.github.wxcsdk.internal.call.RetryClass.IDEMPOTENT;
import static io.github.wxcsdk.internal.call.RetryClass.NOT_IDEMPOTENT;
import static io.github.wxcsdk.internal.call.RetryClass.STATE_CHANGE;

/**
 * The conference operations, each described once ({@link Operation}): this list is the one place that says which
 * generated method each public method calls in each scope, with which arguments, and how safe it is to resend.
 * Adding an operation: the spec, its line here, its method on {@code ConferenceOperationsApi} and
 * {@code ConferenceOperationsAsyncApi}; the views, the retry class and the coverage tests follow.
 */
public final class ConferenceOperations {
    private static final Function<Object, ?> NO_RESULT = answer -> null;

    /** Every operation; the public methods of the operations interfaces are bound to them by name. */
    public static final List<Operation<?>> ALL = List.of(
            new Operation<>("startConference", "startConference", "startConferenceByMemberId", NOT_IDEMPOTENT,
                    Rule.CALL_IDS,
                    (client, user, callIds, trackingId) -> client.startConference(
                            new StartConferenceRequest().callIds(callIds).lineOwnerId(user.lineOwnerId()), trackingId),
                    (client, member, callIds, trackingId) -> client.startConferenceByMemberId(member.memberId(),
                            new StartConferenceByMemberRequest().callIds(callIds), trackingId, member.orgId()),
                    NO_RESULT),
            new Operation<>("addParticipant", "addParticipant", "addParticipantByMemberId", NOT_IDEMPOTENT,
                    Rule.CALL_ID,
                    (client, user, callId, trackingId) -> client.addParticipant(
                            new AddParticipantRequest().callId(callId).lineOwnerId(user.lineOwnerId()), trackingId),
                    (client, member, callId, trackingId) -> client.addParticipantByMemberId(member.memberId(),
                            new ParticipantRequest().callId(callId), trackingId, member.orgId()),
                    NO_RESULT),
            new Operation<>("mute", "muteConference", "muteByMemberId", STATE_CHANGE, Rule.HOST_OR_CALL_ID,
                    (client, user, callId, trackingId) -> client.muteConference(trackingId,
                            new MuteRequest().callId(callId)),
                    (client, member, callId, trackingId) -> client.muteByMemberId(member.memberId(), trackingId,
                            member.orgId(), new MuteRequest().callId(callId)),
                    NO_RESULT),
            new Operation<>("unmute", "unmuteConference", "unmuteByMemberId", STATE_CHANGE, Rule.HOST_OR_CALL_ID,
                    (client, user, callId, trackingId) -> client.unmuteConference(trackingId,
                            new MuteRequest().callId(callId)),
                    (client, member, callId, trackingId) -> client.unmuteByMemberId(member.memberId(), trackingId,
                            member.orgId(), new MuteRequest().callId(callId)),
                    NO_RESULT),
            new Operation<>("deafenParticipant", "deafenParticipant", "deafenParticipantByMemberId", STATE_CHANGE,
                    Rule.CALL_ID,
                    (client, user, callId, trackingId) -> client.deafenParticipant(
                            new ParticipantRequest().callId(callId), trackingId),
                    (client, member, callId, trackingId) -> client.deafenParticipantByMemberId(member.memberId(),
                            new ParticipantRequest().callId(callId), trackingId, member.orgId()),
                    NO_RESULT),
            new Operation<>("undeafenParticipant", "undeafenParticipant", "undeafenParticipantByMemberId",
                    STATE_CHANGE, Rule.CALL_ID,
                    (client, user, callId, trackingId) -> client.undeafenParticipant(
                            new ParticipantRequest().callId(callId), trackingId),
                    (client, member, callId, trackingId) -> client.undeafenParticipantByMemberId(member.memberId(),
                            new ParticipantRequest().callId(callId), trackingId, member.orgId()),
                    NO_RESULT),
            new Operation<>("hold", "holdConference", "holdByMemberId", STATE_CHANGE, Rule.NONE,
                    (client, user, none, trackingId) -> client.holdConference(trackingId, user.lineOwnerId()),
                    (client, member, none, trackingId) -> client.holdByMemberId(member.memberId(), trackingId,
                            member.orgId()),
                    NO_RESULT),
            new Operation<>("resume", "resumeConference", "resumeByMemberId", STATE_CHANGE, Rule.NONE,
                    (client, user, none, trackingId) -> client.resumeConference(trackingId, user.lineOwnerId()),
                    (client, member, none, trackingId) -> client.resumeByMemberId(member.memberId(), trackingId,
                            member.orgId()),
                    NO_RESULT),
            new Operation<>("getConferenceDetails", "getConferenceDetails", "getConferenceDetailsByMemberId",
                    IDEMPOTENT, Rule.NONE,
                    (client, user, none, trackingId) -> client.getConferenceDetails(trackingId, user.lineOwnerId()),
                    (client, member, none, trackingId) -> client.getConferenceDetailsByMemberId(member.memberId(),
                            trackingId, member.orgId()),
                    answer -> ConferenceDetailsMapper.toPublic(
                            (io.github.wxcsdk.internal.generated.conference.model.ConferenceDetails) answer)),
            new Operation<>("releaseConference", "releaseConference", "releaseConferenceByMemberId", IDEMPOTENT,
                    Rule.NONE,
                    (client, user, none, trackingId) -> client.releaseConference(trackingId, user.lineOwnerId()),
                    (client, member, none, trackingId) -> client.releaseConferenceByMemberId(member.memberId(),
                            trackingId, member.orgId()),
                    NO_RESULT),
            new Operation<>("bargeIn", "bargeIn", "bargeInByMemberId", STATE_CHANGE, Rule.NONE,
                    (client, user, none, trackingId) -> client.bargeIn(trackingId),
                    (client, member, none, trackingId) -> client.bargeInByMemberId(member.memberId(), trackingId,
                            member.orgId()),
                    NO_RESULT),
            new Operation<>("silentMonitor", "silentMonitor", "silentMonitorByMemberId", STATE_CHANGE, Rule.NONE,
                    (client, user, none, trackingId) -> client.silentMonitor(trackingId),
                    (client, member, none, trackingId) -> client.silentMonitorByMemberId(member.memberId(),
                            trackingId, member.orgId()),
                    NO_RESULT),
            new Operation<>("supervisorCoach", "supervisorCoach", "supervisorCoachByMemberId", STATE_CHANGE,
                    Rule.NONE,
                    (client, user, none, trackingId) -> client.supervisorCoach(trackingId),
                    (client, member, none, trackingId) -> client.supervisorCoachByMemberId(member.memberId(),
                            trackingId, member.orgId()),
                    NO_RESULT));

    private ConferenceOperations() {
    }
}
