package io.github.wxcsdk.telephony.conference;

/**
 * The asynchronous twin of {@link ConferenceControlsApi}: the operations of {@link ConferenceOperationsAsyncApi} for
 * the calls of the token's user, with the same wire paths, scopes, retries and time limits, each returning a
 * {@link java.util.concurrent.CompletableFuture} at once instead of blocking. Get it from
 * {@code WebexSimpleApi.builder().buildAsync().telephony().conference()}. Paths, scopes and {@code lineOwnerId} are as
 * on {@link ConferenceControlsApi}; arguments and failures as described on {@link ConferenceOperationsAsyncApi}.
 *
 * <p>Waits between attempts are scheduled, and requests sent and answers read without blocking a thread. The steps
 * around them run on the client's own threads, never the caller's: asking the token provider for a token (a provider
 * that blocks, for instance while it refreshes, holds one of those threads meanwhile), and describing a failed
 * connection (after an {@code https} connect timeout this may probe the port with a TCP connect of at most a second,
 * to tell a silent TLS port from an unreachable host). Futures
 * complete on the client's completion executor (see {@code WebexSimpleApi.Builder#executor}), never on an HTTP client
 * thread. {@code cancel(true)} stops the call: a request in flight is abandoned and nothing more is sent; a start or
 * addParticipant already sent may still be carried out. Implementations are immutable and thread-safe.
 *
 * <p>An interface, so that users' tests can stub it.
 */
public interface ConferenceControlsAsyncApi extends ConferenceOperationsAsyncApi {

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
    ConferenceControlsAsyncApi forLineOwner(String lineOwnerId);

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
    MemberConferenceControlsAsyncApi forMember(String memberId);

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
    MemberConferenceControlsAsyncApi forMember(String memberId, String orgId);
}
