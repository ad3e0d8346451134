package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.call.RetryClass;
import io.github.wxcsdk.internal.conference.ConferenceArguments.Rule;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.internal.generated.conference.model.AddParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.MuteRequest;
import io.github.wxcsdk.internal.generated.conference.model.ParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.StartConferenceByMemberRequest;
import io.github.wxcsdk.internal.generated.conference.model.StartConferenceRequest;

import java.util.List;

import static io.github.wxcsdk.internal.call.RetryClass.IDEMPOTENT;
import static io.github.wxcsdk.internal.call.RetryClass.NOT_IDEMPOTENT;
import static io.github.wxcsdk.internal.call.RetryClass.STATE_CHANGE;

/**
 * The conference operations, each described once: the public method that offers it (on
 * {@code ConferenceOperationsApi} and {@code ConferenceOperationsAsyncApi}), the spec's operationIds, how safe it is
 * to resend, its argument rule, the generated method it calls for the token's user and for a member (written against
 * the generated Feign interface, so a spec change that breaks a call breaks the build), and how its answer becomes the
 * public result. The views ({@link ConferenceViews}), the retry classes and the coverage tests derive from it.
 * Adding an operation: the spec, a constant here, its method on the two operations interfaces.
 *
 * <p>Constants with bodies rather than lambdas: a client's first call then loads a few small classes instead of
 * spinning some thirty lambda classes, which cost cold start.
 */
public enum ConferenceOperation {
    START("startConference", "startConference", "startConferenceByMemberId", NOT_IDEMPOTENT, Rule.CALL_IDS) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object callIds, String trackingId) {
            client.startConference(new StartConferenceRequest().callIds(ids(callIds)).lineOwnerId(user.lineOwnerId()),
                    trackingId);
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object callIds, String trackingId) {
            client.startConferenceByMemberId(member.memberId(),
                    new StartConferenceByMemberRequest().callIds(ids(callIds)), trackingId, member.orgId());
        }
    },
    ADD_PARTICIPANT("addParticipant", "addParticipant", "addParticipantByMemberId", NOT_IDEMPOTENT, Rule.CALL_ID) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object callId, String trackingId) {
            client.addParticipant(new AddParticipantRequest().callId((String) callId).lineOwnerId(user.lineOwnerId()),
                    trackingId);
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object callId, String trackingId) {
            client.addParticipantByMemberId(member.memberId(), new ParticipantRequest().callId((String) callId),
                    trackingId, member.orgId());
        }
    },
    MUTE("mute", "muteConference", "muteByMemberId", STATE_CHANGE, Rule.HOST_OR_CALL_ID) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object callId, String trackingId) {
            client.muteConference(trackingId, new MuteRequest().callId((String) callId));
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object callId, String trackingId) {
            client.muteByMemberId(member.memberId(), trackingId, member.orgId(),
                    new MuteRequest().callId((String) callId));
        }
    },
    UNMUTE("unmute", "unmuteConference", "unmuteByMemberId", STATE_CHANGE, Rule.HOST_OR_CALL_ID) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object callId, String trackingId) {
            client.unmuteConference(trackingId, new MuteRequest().callId((String) callId));
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object callId, String trackingId) {
            client.unmuteByMemberId(member.memberId(), trackingId, member.orgId(),
                    new MuteRequest().callId((String) callId));
        }
    },
    DEAFEN("deafenParticipant", "deafenParticipant", "deafenParticipantByMemberId", STATE_CHANGE, Rule.CALL_ID) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object callId, String trackingId) {
            client.deafenParticipant(new ParticipantRequest().callId((String) callId), trackingId);
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object callId, String trackingId) {
            client.deafenParticipantByMemberId(member.memberId(), new ParticipantRequest().callId((String) callId),
                    trackingId, member.orgId());
        }
    },
    UNDEAFEN("undeafenParticipant", "undeafenParticipant", "undeafenParticipantByMemberId", STATE_CHANGE,
            Rule.CALL_ID) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object callId, String trackingId) {
            client.undeafenParticipant(new ParticipantRequest().callId((String) callId), trackingId);
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object callId, String trackingId) {
            client.undeafenParticipantByMemberId(member.memberId(), new ParticipantRequest().callId((String) callId),
                    trackingId, member.orgId());
        }
    },
    HOLD("hold", "holdConference", "holdByMemberId", STATE_CHANGE, Rule.NONE) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object none, String trackingId) {
            client.holdConference(trackingId, user.lineOwnerId());
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object none, String trackingId) {
            client.holdByMemberId(member.memberId(), trackingId, member.orgId());
        }
    },
    RESUME("resume", "resumeConference", "resumeByMemberId", STATE_CHANGE, Rule.NONE) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object none, String trackingId) {
            client.resumeConference(trackingId, user.lineOwnerId());
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object none, String trackingId) {
            client.resumeByMemberId(member.memberId(), trackingId, member.orgId());
        }
    },
    DETAILS("getConferenceDetails", "getConferenceDetails", "getConferenceDetailsByMemberId", IDEMPOTENT,
            Rule.NONE) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object none, String trackingId) {
            client.getConferenceDetails(trackingId, user.lineOwnerId());
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object none, String trackingId) {
            client.getConferenceDetailsByMemberId(member.memberId(), trackingId, member.orgId());
        }

        @Override
        Object result(Object answer) {
            return ConferenceDetailsMapper.toPublic(
                    (io.github.wxcsdk.internal.generated.conference.model.ConferenceDetails) answer);
        }
    },
    RELEASE("releaseConference", "releaseConference", "releaseConferenceByMemberId", IDEMPOTENT, Rule.NONE) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object none, String trackingId) {
            client.releaseConference(trackingId, user.lineOwnerId());
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object none, String trackingId) {
            client.releaseConferenceByMemberId(member.memberId(), trackingId, member.orgId());
        }
    },
    BARGE_IN("bargeIn", "bargeIn", "bargeInByMemberId", STATE_CHANGE, Rule.NONE) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object none, String trackingId) {
            client.bargeIn(trackingId);
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object none, String trackingId) {
            client.bargeInByMemberId(member.memberId(), trackingId, member.orgId());
        }
    },
    SILENT_MONITOR("silentMonitor", "silentMonitor", "silentMonitorByMemberId", STATE_CHANGE, Rule.NONE) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object none, String trackingId) {
            client.silentMonitor(trackingId);
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object none, String trackingId) {
            client.silentMonitorByMemberId(member.memberId(), trackingId, member.orgId());
        }
    },
    SUPERVISOR_COACH("supervisorCoach", "supervisorCoach", "supervisorCoachByMemberId", STATE_CHANGE, Rule.NONE) {
        @Override
        void user(ConferenceControlsClient client, Scope.User user, Object none, String trackingId) {
            client.supervisorCoach(trackingId);
        }

        @Override
        void member(ConferenceControlsClient client, Scope.Member member, Object none, String trackingId) {
            client.supervisorCoachByMemberId(member.memberId(), trackingId, member.orgId());
        }
    };

    private final String method;
    private final String operationId;
    private final String memberOperationId;
    private final RetryClass retryClass;
    private final Rule arguments;

    ConferenceOperation(String method, String operationId, String memberOperationId, RetryClass retryClass,
                        Rule arguments) {
        this.method = method;
        this.operationId = operationId;
        this.memberOperationId = memberOperationId;
        this.retryClass = retryClass;
        this.arguments = arguments;
    }

    /**
     * Makes the one call of the generated interface that sends the operation for the token's user (and a secondary
     * line); the client records it.
     *
     * @param client     the recording proxy of the generated interface
     * @param user       the scope
     * @param argument   the argument checked by {@link #arguments()}, {@code null} for none
     * @param trackingId the call's {@code TrackingID}
     */
    abstract void user(ConferenceControlsClient client, Scope.User user, Object argument, String trackingId);

    /**
     * The same for a member of an org.
     *
     * @param client     the recording proxy of the generated interface
     * @param member     the scope
     * @param argument   the argument checked by {@link #arguments()}, {@code null} for none
     * @param trackingId the call's {@code TrackingID}
     */
    abstract void member(ConferenceControlsClient client, Scope.Member member, Object argument, String trackingId);

    /**
     * @param answer the decoded answer, {@code null} for none
     * @return the public result: nothing, unless the operation reads something
     */
    Object result(Object answer) {
        return null;
    }

    /** @return the name of the public method(s) that run it */
    public String method() {
        return method;
    }

    /** @return the spec's operationId of the user-scope request (the generated method's name) */
    public String operationId() {
        return operationId;
    }

    /** @return the spec's operationId of the member-scope request */
    public String memberOperationId() {
        return memberOperationId;
    }

    /** @return how safe it is to resend */
    public RetryClass retryClass() {
        return retryClass;
    }

    /** @return its argument rule */
    public Rule arguments() {
        return arguments;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Object callIds) {
        return (List<String>) callIds;
    }
}
