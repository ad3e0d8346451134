package io.github.wxcsdk.telephony.conference;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous twin of {@link ConferenceOperationsApi}: the same conference operations, wire paths, scopes,
 * retries and time limits, each returning a {@link CompletableFuture} at once instead of blocking. The views
 * ({@link ConferenceControlsAsyncApi} for the token's user, {@link MemberConferenceControlsAsyncApi} for a member of an
 * org) extend it and differ only in where the requests go and the scope they need, as on
 * {@link ConferenceOperationsApi}.
 *
 * <p>Invalid arguments are programming errors and are thrown at once, before anything is sent, exactly as by the
 * synchronous API ({@link NullPointerException}, {@link IllegalArgumentException}); nothing is sent then and no future
 * is returned. Every other failure fails the returned future with the exception the synchronous method would throw
 * ({@link io.github.wxcsdk.WebexApiException}, {@link io.github.wxcsdk.WebexClientException} and its subclasses), as
 * the cause of the {@link java.util.concurrent.ExecutionException} or {@link java.util.concurrent.CompletionException}
 * that {@code get()} or {@code join()} throw. Implementations are immutable and thread-safe.
 *
 * <p>An interface, so that users' tests can stub it.
 */
public interface ConferenceOperationsAsyncApi {

    /**
     * Joins calls into a conference: {@code POST /telephony/conference}, a member's
     * {@code POST /telephony/conference/members/{memberId}/conference}.
     *
     * @param callIds the ids of at least two existing calls between the user (or member) and the participants to join
     * @throws NullPointerException          when {@code callIds} or one of its ids is {@code null}
     * @throws IllegalArgumentException      when there are fewer than two ids or an id is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> startConference(List<String> callIds);

    /**
     * Joins calls into a conference, as {@link #startConference(List)}.
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
     * Adds a participant to the existing conference: {@code POST /telephony/conference/addParticipant}, a member's
     * {@code POST /telephony/conference/members/{memberId}/addParticipant}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException          when {@code callId} is {@code null}
     * @throws IllegalArgumentException      when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> addParticipant(String callId);

    /**
     * Mutes the conference host: the host's media is no longer transmitted to the conference
     * ({@code POST /telephony/conference/mute}, a member's {@code POST /telephony/conference/members/{memberId}/mute},
     * with {@code {}}).
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> mute();

    /**
     * Mutes a participant: their media is no longer transmitted to the conference
     * ({@code POST /telephony/conference/mute}, a member's {@code POST /telephony/conference/members/{memberId}/mute},
     * with {@code {"callId": ...}}).
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> mute(String callId);

    /**
     * Unmutes the conference host ({@code POST /telephony/conference/unmute}, a member's
     * {@code POST /telephony/conference/members/{memberId}/unmute}, with {@code {}}).
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> unmute();

    /**
     * Unmutes a participant ({@code POST /telephony/conference/unmute}, a member's
     * {@code POST /telephony/conference/members/{memberId}/unmute}, with {@code {"callId": ...}}).
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> unmute(String callId);

    /**
     * Deafens a participant: the conference media is no longer transmitted to them
     * ({@code POST /telephony/conference/deafen}, a member's
     * {@code POST /telephony/conference/members/{memberId}/deafen}).
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> deafenParticipant(String callId);

    /**
     * Undeafens a participant: the conference media is transmitted to them again
     * ({@code POST /telephony/conference/undeafen}, a member's
     * {@code POST /telephony/conference/members/{memberId}/undeafen}).
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> undeafenParticipant(String callId);

    /**
     * Holds the conference host ({@code POST /telephony/conference/hold}, a member's
     * {@code POST /telephony/conference/members/{memberId}/hold}, no body).
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> hold();

    /**
     * Resumes the held conference host ({@code POST /telephony/conference/resume}, a member's
     * {@code POST /telephony/conference/members/{memberId}/resume}, no body).
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> resume();

    /**
     * Reads the conference ({@code GET /telephony/conference}, a member's
     * {@code GET /telephony/conference/members/{memberId}/conference}).
     *
     * @return completes with the conference, or empty when there is none (Webex answers {@code {}}); fails with
     *         the exception the synchronous method throws
     */
    CompletableFuture<Optional<ConferenceDetails>> getConferenceDetails();

    /**
     * Releases the conference: the host and all participants ({@code DELETE /telephony/conference}, a member's
     * {@code DELETE /telephony/conference/members/{memberId}/conference}).
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> releaseConference();

    /**
     * Switches the supervisor conference to barge-in: the supervisor becomes a full participant, heard by everyone
     * ({@code POST /telephony/conference/members/me/bargeIn} for the token's user, a member's
     * {@code POST /telephony/conference/members/{memberId}/bargeIn}, no body). Resent after an ambiguous failure like
     * the other state changes.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> bargeIn();

    /**
     * Switches the supervisor conference to silent monitoring: the supervisor listens and nobody hears them
     * ({@code POST /telephony/conference/members/me/silentMonitor} for the token's user, a member's
     * {@code POST /telephony/conference/members/{memberId}/silentMonitor}, no body).
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> silentMonitor();

    /**
     * Switches the supervisor conference to coaching: only the agent hears the supervisor
     * ({@code POST /telephony/conference/members/me/supervisorCoach} for the token's user, a member's
     * {@code POST /telephony/conference/members/{memberId}/supervisorCoach}, no body).
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> supervisorCoach();
}
