package io.github.wxcsdk.telephony.conference;

import io.github.wxcsdk.WebexApiException;
import io.github.wxcsdk.WebexClientException;
import io.github.wxcsdk.WebexOutcomeUnknownException;

import java.util.List;
import java.util.Optional;

/**
 * The Webex Calling conference operations, declared once for every view: join calls into a conference, add
 * participants, mute, deafen, hold, read the details, release, and the supervisor modes. What differs between the
 * views is where the requests go and the scope they need, not what they do:
 * <ul>
 *   <li>{@link ConferenceControlsApi}, the token user's own calls: {@code /telephony/conference/...}
 *       ({@code spark:calls_read} to read, {@code spark:calls_write} for the rest), the supervisor modes on
 *       {@code /telephony/conference/members/me/...}, and {@code lineOwnerId} on a secondary line's view;</li>
 *   <li>{@link MemberConferenceControlsApi}, a member of an org: {@code /telephony/conference/members/{memberId}/...}
 *       ({@code spark-admin:calls_read}, {@code spark-admin:calls_write}), with {@code ?orgId=} on every request when
 *       the view names an org.</li>
 * </ul>
 * Each method names both paths. {@link ConferenceOperationsAsyncApi} declares the same operations returning futures.
 *
 * <p>Every method checks its arguments before anything is sent ({@link NullPointerException} for {@code null},
 * {@link IllegalArgumentException} for blank ids or fewer than two call ids), and reports failures as unchecked
 * exceptions: {@link WebexApiException} when Webex answered with an error (status, Webex message, tracking id),
 * {@link WebexClientException} when no usable answer arrived (its subclass
 * {@link io.github.wxcsdk.WebexTimeoutException} for timeouts). Throttling (429) and transient failures are retried
 * as the client's builder configures; {@link #startConference(List)} and {@link #addParticipant(String)} are resent
 * only when the server certainly did not act, and otherwise fail with {@link WebexOutcomeUnknownException}.
 * A token supplier that returns no token fails a call with {@link IllegalStateException} before anything is sent.
 * No exception of Feign, Jackson or the JDK's HTTP client is thrown; the JDK's {@code IOException} of a failed
 * connection is kept as the cause of a {@link WebexClientException}. Implementations are immutable and thread-safe.
 *
 * <p>An interface, so that users' tests can stub it, and code that works for the user and for a member alike (a
 * command-line tool, a bot) can take either view.
 */
public interface ConferenceOperationsApi {

    /**
     * Joins calls into a conference: {@code POST /telephony/conference}, a member's
     * {@code POST /telephony/conference/members/{memberId}/conference}.
     *
     * @param callIds the ids of at least two existing calls between the user (or member) and the participants to join
     * @throws NullPointerException          when {@code callIds} or one of its ids is {@code null}
     * @throws IllegalArgumentException      when there are fewer than two ids or an id is blank
     * @throws WebexOutcomeUnknownException  when the request was sent but its outcome is unknown: check
     *                                       {@link #getConferenceDetails()} before trying again
     * @throws WebexApiException             when Webex answered with an error
     * @throws WebexClientException          when no usable answer arrived
     */
    void startConference(List<String> callIds);

    /**
     * Joins calls into a conference, as {@link #startConference(List)}.
     *
     * @param first  the id of the first call
     * @param second the id of the second call
     * @param more   the ids of further calls
     * @throws NullPointerException          when an id or {@code more} is {@code null}
     * @throws IllegalArgumentException      when an id is blank
     * @throws WebexOutcomeUnknownException  when the request was sent but its outcome is unknown: check
     *                                       {@link #getConferenceDetails()} before trying again
     * @throws WebexApiException             when Webex answered with an error
     * @throws WebexClientException          when no usable answer arrived
     */
    void startConference(String first, String second, String... more);

    /**
     * Adds a participant to the existing conference: {@code POST /telephony/conference/addParticipant}, a member's
     * {@code POST /telephony/conference/members/{memberId}/addParticipant}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException          when {@code callId} is {@code null}
     * @throws IllegalArgumentException      when {@code callId} is blank
     * @throws WebexOutcomeUnknownException  when the request was sent but its outcome is unknown: check
     *                                       {@link #getConferenceDetails()} before trying again
     * @throws WebexApiException             when Webex answered with an error, for instance 404 without a conference
     * @throws WebexClientException          when no usable answer arrived
     */
    void addParticipant(String callId);

    /**
     * Mutes the conference host: the host's media is no longer transmitted to the conference
     * ({@code POST /telephony/conference/mute}, a member's {@code POST /telephony/conference/members/{memberId}/mute},
     * with {@code {}}).
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void mute();

    /**
     * Mutes a participant: their media is no longer transmitted to the conference
     * ({@code POST /telephony/conference/mute}, a member's {@code POST /telephony/conference/members/{memberId}/mute},
     * with {@code {"callId": ...}}).
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @throws WebexApiException        when Webex answered with an error
     * @throws WebexClientException     when no usable answer arrived
     */
    void mute(String callId);

    /**
     * Unmutes the conference host ({@code POST /telephony/conference/unmute}, a member's
     * {@code POST /telephony/conference/members/{memberId}/unmute}, with {@code {}}).
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void unmute();

    /**
     * Unmutes a participant ({@code POST /telephony/conference/unmute}, a member's
     * {@code POST /telephony/conference/members/{memberId}/unmute}, with {@code {"callId": ...}}).
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @throws WebexApiException        when Webex answered with an error
     * @throws WebexClientException     when no usable answer arrived
     */
    void unmute(String callId);

    /**
     * Deafens a participant: the conference media is no longer transmitted to them
     * ({@code POST /telephony/conference/deafen}, a member's
     * {@code POST /telephony/conference/members/{memberId}/deafen}).
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @throws WebexApiException        when Webex answered with an error
     * @throws WebexClientException     when no usable answer arrived
     */
    void deafenParticipant(String callId);

    /**
     * Undeafens a participant: the conference media is transmitted to them again
     * ({@code POST /telephony/conference/undeafen}, a member's
     * {@code POST /telephony/conference/members/{memberId}/undeafen}).
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @throws WebexApiException        when Webex answered with an error
     * @throws WebexClientException     when no usable answer arrived
     */
    void undeafenParticipant(String callId);

    /**
     * Holds the conference host ({@code POST /telephony/conference/hold}, a member's
     * {@code POST /telephony/conference/members/{memberId}/hold}, no body).
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void hold();

    /**
     * Resumes the held conference host ({@code POST /telephony/conference/resume}, a member's
     * {@code POST /telephony/conference/members/{memberId}/resume}, no body).
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void resume();

    /**
     * Reads the conference ({@code GET /telephony/conference}, a member's
     * {@code GET /telephony/conference/members/{memberId}/conference}).
     *
     * @return the conference, or empty when there is none (Webex answers {@code {}})
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived, or the answer could not be read
     */
    Optional<ConferenceDetails> getConferenceDetails();

    /**
     * Releases the conference: the host and all participants ({@code DELETE /telephony/conference}, a member's
     * {@code DELETE /telephony/conference/members/{memberId}/conference}).
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void releaseConference();

    /**
     * Switches the supervisor conference to barge-in: the supervisor becomes a full participant, heard by everyone
     * ({@code POST /telephony/conference/members/me/bargeIn} for the token's user, a member's
     * {@code POST /telephony/conference/members/{memberId}/bargeIn}, no body). Resent after an ambiguous failure like
     * the other state changes.
     *
     * @throws WebexApiException    when Webex answered with an error, for instance 404 without a conference
     * @throws WebexClientException when no usable answer arrived
     */
    void bargeIn();

    /**
     * Switches the supervisor conference to silent monitoring: the supervisor listens and nobody hears them
     * ({@code POST /telephony/conference/members/me/silentMonitor} for the token's user, a member's
     * {@code POST /telephony/conference/members/{memberId}/silentMonitor}, no body).
     *
     * @throws WebexApiException    when Webex answered with an error, for instance 404 without a conference
     * @throws WebexClientException when no usable answer arrived
     */
    void silentMonitor();

    /**
     * Switches the supervisor conference to coaching: only the agent hears the supervisor
     * ({@code POST /telephony/conference/members/me/supervisorCoach} for the token's user, a member's
     * {@code POST /telephony/conference/members/{memberId}/supervisorCoach}, no body).
     *
     * @throws WebexApiException    when Webex answered with an error, for instance 404 without a conference
     * @throws WebexClientException when no usable answer arrived
     */
    void supervisorCoach();
}
