package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;

/** Where a view's requests go: the token user's lines, or a member of an org. Ids arrive checked. */
public sealed interface Scope permits Scope.User, Scope.Member {
    /**
     * Records the operation's generated call for this scope.
     *
     * @param operation  the operation
     * @param client     the recording proxy of the generated interface
     * @param argument   the checked argument
     * @param trackingId the call's {@code TrackingID}
     */
    void send(ConferenceOperation operation, ConferenceControlsClient client, Object argument, String trackingId);

    /**
     * The token user's own conference: {@code /telephony/conference/...}, with {@code lineOwnerId} wherever Webex
     * takes it when the view is bound to a secondary line; the supervisor operations on
     * {@code /telephony/conference/members/me}, which take no {@code lineOwnerId}.
     *
     * @param lineOwnerId the secondary line, or {@code null} for the user's own line
     */
    record User(String lineOwnerId) implements Scope {
        @Override
        public void send(ConferenceOperation operation, ConferenceControlsClient client, Object argument,
                         String trackingId) {
            operation.user(client, this, argument, trackingId);
        }

        @Override
        public String toString() {
            return lineOwnerId == null ? "" : "{lineOwnerId=" + lineOwnerId + '}';
        }
    }

    /**
     * A member's conference: {@code /telephony/conference/members/{memberId}/...}, with {@code ?orgId=} on every
     * request when the view names an org. Webex takes no {@code lineOwnerId} here, and none is sent.
     *
     * @param memberId the member (a person, workspace or virtual line)
     * @param orgId    the member's org, or {@code null} for the org of the token
     */
    record Member(String memberId, String orgId) implements Scope {
        @Override
        public void send(ConferenceOperation operation, ConferenceControlsClient client, Object argument,
                         String trackingId) {
            operation.member(client, this, argument, trackingId);
        }

        @Override
        public String toString() {
            return "{memberId=" + memberId + (orgId == null ? "" : ", orgId=" + orgId) + '}';
        }
    }
}
