package io.github.wxcsdk.telephony.conference;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous twin of {@link ConferenceControlsApi}: the same operations, wire paths, scopes, retries and time
 * limits, each returning a {@link CompletableFuture} at once instead of blocking. Get it from
 * {@code WebexSimpleApi.builder().buildAsync().telephony().conference()}.
 *
 * <p>Invalid arguments are programming errors and are thrown at once, before anything is sent, exactly as by the
 * synchronous API ({@link NullPointerException}, {@link IllegalArgumentException}); nothing is sent then and no future
 * is returned. Every other failure fails the returned future with the exception the synchronous method would throw
 * ({@link io.github.wxcsdk.WebexApiException}, {@link io.github.wxcsdk.WebexClientException} and its subclasses), as
 * the cause of the {@link java.util.concurrent.ExecutionException} or {@link java.util.concurrent.CompletionException}
 * that {@code get()} or {@code join()} throw. No thread waits for a call in flight: waits are scheduled and requests
 * sent without blocking. Futures complete on the client's completion executor (see
 * {@code WebexSimpleApi.Builder#executor}), never on an HTTP client thread. {@code cancel(true)} stops the call: a
 * request in flight is abandoned and nothing more is sent; a start or addParticipant already sent may still be carried
 * out. Implementations are immutable and thread-safe.
 *
 * <p>An interface, so that users' tests can stub it.
 */
public interface ConferenceControlsAsyncApi {

    /**
     * Joins the user's calls into a conference ({@code POST /telephony/conference}). Needs {@code spark:calls_write}.
     *
     * @param callIds the ids of at least two existing calls between the user and the participants to join
     * @throws NullPointerException          when {@code callIds} or one of its ids is {@code null}
     * @throws IllegalArgumentException      when there are fewer than two ids or an id is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> startConference(List<String> callIds);

    /**
     * Joins the user's calls into a conference ({@code POST /telephony/conference}). Needs {@code spark:calls_write}.
     *
     * @param first  the id of the first call
     * @param second the id of the second call
     * @param more   the ids of further calls
     * @throws NullPointerException          when an id or {@code more} is {@code null}
     * @throws IllegalArgumentException      when an id is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> startConference(String first, String second, String... more);

    /**
     * Adds a participant to the existing conference ({@code POST /telephony/conference/addParticipant}).
     * Needs {@code spark:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException          when {@code callId} is {@code null}
     * @throws IllegalArgumentException      when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> addParticipant(String callId);

    /**
     * Mutes the conference host: the host's media is no longer transmitted to the conference
     * ({@code POST /telephony/conference/mute} with {@code {}}). Needs {@code spark:calls_write}.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> mute();

    /**
     * Mutes a participant: their media is no longer transmitted to the conference
     * ({@code POST /telephony/conference/mute} with {@code {"callId": ...}}). Needs {@code spark:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> mute(String callId);

    /**
     * Unmutes the conference host ({@code POST /telephony/conference/unmute} with {@code {}}).
     * Needs {@code spark:calls_write}.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> unmute();

    /**
     * Unmutes a participant ({@code POST /telephony/conference/unmute} with {@code {"callId": ...}}).
     * Needs {@code spark:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> unmute(String callId);

    /**
     * Deafens a participant: the conference media is no longer transmitted to them
     * ({@code POST /telephony/conference/deafen}). Needs {@code spark:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> deafenParticipant(String callId);

    /**
     * Undeafens a participant: the conference media is transmitted to them again
     * ({@code POST /telephony/conference/undeafen}). Needs {@code spark:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> undeafenParticipant(String callId);

    /**
     * Holds the conference host ({@code POST /telephony/conference/hold}, no body). Needs {@code spark:calls_write}.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> hold();

    /**
     * Resumes the held conference host ({@code POST /telephony/conference/resume}, no body).
     * Needs {@code spark:calls_write}.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> resume();

    /**
     * Reads the user's conference ({@code GET /telephony/conference}). Needs {@code spark:calls_read}.
     *
     * @return the conference, or empty when there is none (Webex answers {@code {}}); the future fails with the
     *         exception the synchronous method throws
     */
    CompletableFuture<Optional<ConferenceDetails>> getConferenceDetails();

    /**
     * Releases the conference: the host and all participants ({@code DELETE /telephony/conference}).
     * Needs {@code spark:calls_write}.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> releaseConference();

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
     * Switches the token user's supervisor conference to barge-in: the supervisor becomes a full participant, heard by
     * everyone ({@code POST /telephony/conference/members/me/bargeIn}, no body). Webex publishes no scope for
     * {@code members/me}; a user token with {@code spark:calls_write} is what the user-level operations need. Acts for
     * the token's user also on a {@link #forLineOwner(String)} view: Webex takes no {@code lineOwnerId} here.
     * Resent after an ambiguous failure like the other state changes.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> bargeIn();

    /**
     * Switches the token user's supervisor conference to silent monitoring: the supervisor listens and nobody hears
     * them ({@code POST /telephony/conference/members/me/silentMonitor}, no body). Webex publishes no scope for
     * {@code members/me}. Acts for the token's user also on a {@link #forLineOwner(String)} view.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> silentMonitor();

    /**
     * Switches the token user's supervisor conference to coaching: only the agent hears the supervisor
     * ({@code POST /telephony/conference/members/me/supervisorCoach}, no body). Webex publishes no scope for
     * {@code members/me}. Acts for the token's user also on a {@link #forLineOwner(String)} view.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> supervisorCoach();

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
