package io.github.wxcsdk.telephony.conference;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous twin of {@link MemberConferenceControlsApi}: one member's conference controls
 * ({@code /telephony/conference/members/{memberId}/...}, {@code spark-admin:calls_read} / {@code spark-admin:calls_write}),
 * each returning a {@link CompletableFuture}. Arguments are checked and failures reported as on
 * {@link ConferenceControlsAsyncApi}. Implementations are immutable and thread-safe.
 *
 * <p>An interface, so that users' tests can stub it.
 */
public interface MemberConferenceControlsAsyncApi {


    /**
     * Joins the member's calls into a conference ({@code POST /telephony/conference/members/{memberId}/conference}). Needs {@code spark-admin:calls_write}.
     *
     * @param callIds the ids of at least two existing calls between the member and the participants to join
     * @throws NullPointerException          when {@code callIds} or one of its ids is {@code null}
     * @throws IllegalArgumentException      when there are fewer than two ids or an id is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> startConference(List<String> callIds);

    /**
     * Joins the member's calls into a conference ({@code POST /telephony/conference/members/{memberId}/conference}). Needs {@code spark-admin:calls_write}.
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
     * Adds a participant to the existing conference ({@code POST /telephony/conference/members/{memberId}/addParticipant}).
     * Needs {@code spark-admin:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException          when {@code callId} is {@code null}
     * @throws IllegalArgumentException      when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> addParticipant(String callId);

    /**
     * Mutes the conference host: the host's media is no longer transmitted to the conference
     * ({@code POST /telephony/conference/members/{memberId}/mute} with {@code {}}). Needs {@code spark-admin:calls_write}.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> mute();

    /**
     * Mutes a participant: their media is no longer transmitted to the conference
     * ({@code POST /telephony/conference/members/{memberId}/mute} with {@code {"callId": ...}}). Needs {@code spark-admin:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> mute(String callId);

    /**
     * Unmutes the conference host ({@code POST /telephony/conference/members/{memberId}/unmute} with {@code {}}).
     * Needs {@code spark-admin:calls_write}.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> unmute();

    /**
     * Unmutes a participant ({@code POST /telephony/conference/members/{memberId}/unmute} with {@code {"callId": ...}}).
     * Needs {@code spark-admin:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> unmute(String callId);

    /**
     * Deafens a participant: the conference media is no longer transmitted to them
     * ({@code POST /telephony/conference/members/{memberId}/deafen}). Needs {@code spark-admin:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> deafenParticipant(String callId);

    /**
     * Undeafens a participant: the conference media is transmitted to them again
     * ({@code POST /telephony/conference/members/{memberId}/undeafen}). Needs {@code spark-admin:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> undeafenParticipant(String callId);

    /**
     * Holds the conference host ({@code POST /telephony/conference/members/{memberId}/hold}, no body). Needs {@code spark-admin:calls_write}.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> hold();

    /**
     * Resumes the held conference host ({@code POST /telephony/conference/members/{memberId}/resume}, no body).
     * Needs {@code spark-admin:calls_write}.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> resume();

    /**
     * Reads the member's conference ({@code GET /telephony/conference/members/{memberId}/conference}). Needs {@code spark-admin:calls_read}.
     *
     * @return the conference, or empty when there is none (Webex answers {@code {}}); the future fails with the
     *         exception the synchronous method throws
     */
    CompletableFuture<Optional<ConferenceDetails>> getConferenceDetails();

    /**
     * Releases the conference: the host and all participants ({@code DELETE /telephony/conference/members/{memberId}/conference}).
     * Needs {@code spark-admin:calls_write}.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> releaseConference();

    /**
     * Switches the member's supervisor conference to barge-in: the supervisor becomes a full participant, heard by
     * everyone ({@code POST /telephony/conference/members/{memberId}/bargeIn}, no body). Needs
     * {@code spark-admin:calls_write}. Resent after an ambiguous failure like the other state changes.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> bargeIn();

    /**
     * Switches the member's supervisor conference to silent monitoring: the supervisor listens and nobody hears
     * them ({@code POST /telephony/conference/members/{memberId}/silentMonitor}, no body). Needs
     * {@code spark-admin:calls_write}.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> silentMonitor();

    /**
     * Switches the member's supervisor conference to coaching: only the agent hears the supervisor
     * ({@code POST /telephony/conference/members/{memberId}/supervisorCoach}, no body). Needs
     * {@code spark-admin:calls_write}.
     *
     * @return completes when Webex has carried it out; fails with the exception the synchronous method throws
     */
    CompletableFuture<Void> supervisorCoach();

}
