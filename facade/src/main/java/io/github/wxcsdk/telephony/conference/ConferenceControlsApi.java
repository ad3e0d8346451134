package io.github.wxcsdk.telephony.conference;

/**
 * Webex Calling conference controls ({@code /v1/telephony/conference}) for the calls of the user who owns the access
 * token: the operations of {@link ConferenceOperationsApi} (join calls into a conference, add participants, mute,
 * deafen, hold, read the details, release, the supervisor modes), and the views of a secondary line and of an org's
 * members.
 *
 * <p>Get it from {@code WebexSimpleApi.telephony().conference()}. What this view adds to the operations:
 * <ul>
 *   <li>paths: {@code /telephony/conference/...}; the supervisor modes ({@code bargeIn}, {@code silentMonitor},
 *       {@code supervisorCoach}) on {@code /telephony/conference/members/me/...}, which act for the token's user also
 *       on a {@link #forLineOwner(String)} view, since Webex takes no {@code lineOwnerId} there;</li>
 *   <li>scopes: reading needs {@code spark:calls_read}, every other operation {@code spark:calls_write}; Webex
 *       publishes no scope for {@code members/me}, where a user token with {@code spark:calls_write} is what the
 *       other operations need;</li>
 *   <li>no {@code orgId}: the token's user is in the token's org. A view of a secondary line sends {@code lineOwnerId}
 *       (see {@link #forLineOwner(String)}).</li>
 * </ul>
 * Arguments and failures are as described on {@link ConferenceOperationsApi}. Implementations are immutable and
 * thread-safe.
 *
 * <p>An interface, so that users' tests can stub it.
 */
public interface ConferenceControlsApi extends ConferenceOperationsApi {

    /**
     * The same controls bound to a secondary line: a user, workspace or virtual line whose line is on a device of
     * the token's user. The returned view sends {@code lineOwnerId} wherever the service takes it: in the body of
     * start and addParticipant, in the query of details, release, hold and resume. Mute, unmute, deafen and undeafen
     * take no {@code lineOwnerId} on the wire and are sent unchanged.
     *
     * @param lineOwnerId the id of the line's owner
     * @return a view bound to that line; this view is unchanged
     * @throws NullPointerException     when {@code lineOwnerId} is {@code null}
     * @throws IllegalArgumentException when {@code lineOwnerId} is blank
     */
    ConferenceControlsApi forLineOwner(String lineOwnerId);

    /**
     * The conference controls of another member of the token's org (a person, workspace or virtual line), for admins
     * and Service Apps: every request goes to {@code /telephony/conference/members/{memberId}/...} and needs
     * {@code spark-admin:calls_read} (details) or {@code spark-admin:calls_write} (everything else). The member id is
     * opaque: it is percent-encoded so that it stays one path segment whatever it holds.
     *
     * @param memberId the member's id
     * @return a view acting on that member; this view is unchanged
     * @throws NullPointerException     when {@code memberId} is {@code null}
     * @throws IllegalArgumentException when {@code memberId} is blank
     */
    MemberConferenceControlsApi forMember(String memberId);

    /**
     * The conference controls of a member of {@code orgId}, which must be the token's org or one it manages: as
     * {@link #forMember(String)}, with {@code ?orgId=} on every request.
     *
     * @param memberId the member's id
     * @param orgId    the member's org
     * @return a view acting on that member; this view is unchanged
     * @throws NullPointerException     when {@code memberId} or {@code orgId} is {@code null}
     * @throws IllegalArgumentException when {@code memberId} or {@code orgId} is blank
     */
    MemberConferenceControlsApi forMember(String memberId, String orgId);
}
