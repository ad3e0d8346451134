package io.github.wxcsdk.telephony.conference;

import io.github.wxcsdk.WebexApiException;
import io.github.wxcsdk.WebexClientException;
import io.github.wxcsdk.WebexOutcomeUnknownException;

import java.util.List;
import java.util.Optional;

/**
 * Webex Calling conference controls ({@code /v1/telephony/conference}) for the calls of the user who owns the access
 * token: join calls into a conference, add participants, mute, deafen, hold, read the details, release.
 *
 * <p>Get it from {@code WebexSimpleApi.telephony().conference()}. Implementations are immutable and thread-safe.
 * Reading needs the scope {@code spark:calls_read}; every other operation needs {@code spark:calls_write}.
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
 * connection is kept as the cause of a {@link WebexClientException}.
 *
 * <p>An interface, so that users' tests can stub it.
 */
public interface ConferenceControlsApi {

    /**
     * Joins the user's calls into a conference ({@code POST /telephony/conference}). Needs {@code spark:calls_write}.
     *
     * @param callIds the ids of at least two existing calls between the user and the participants to join
     * @throws NullPointerException          when {@code callIds} or one of its ids is {@code null}
     * @throws IllegalArgumentException      when there are fewer than two ids or an id is blank
     * @throws WebexOutcomeUnknownException  when the request was sent but its outcome is unknown: check
     *                                       {@link #getConferenceDetails()} before trying again
     * @throws WebexApiException             when Webex answered with an error
     * @throws WebexClientException          when no usable answer arrived
     */
    void startConference(List<String> callIds);

    /**
     * Joins the user's calls into a conference ({@code POST /telephony/conference}). Needs {@code spark:calls_write}.
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
     * Adds a participant to the existing conference ({@code POST /telephony/conference/addParticipant}).
     * Needs {@code spark:calls_write}.
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
     * ({@code POST /telephony/conference/mute} with {@code {}}). Needs {@code spark:calls_write}.
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void mute();

    /**
     * Mutes a participant: their media is no longer transmitted to the conference
     * ({@code POST /telephony/conference/mute} with {@code {"callId": ...}}). Needs {@code spark:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @throws WebexApiException        when Webex answered with an error
     * @throws WebexClientException     when no usable answer arrived
     */
    void mute(String callId);

    /**
     * Unmutes the conference host ({@code POST /telephony/conference/unmute} with {@code {}}).
     * Needs {@code spark:calls_write}.
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void unmute();

    /**
     * Unmutes a participant ({@code POST /telephony/conference/unmute} with {@code {"callId": ...}}).
     * Needs {@code spark:calls_write}.
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
     * ({@code POST /telephony/conference/deafen}). Needs {@code spark:calls_write}.
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
     * ({@code POST /telephony/conference/undeafen}). Needs {@code spark:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @throws WebexApiException        when Webex answered with an error
     * @throws WebexClientException     when no usable answer arrived
     */
    void undeafenParticipant(String callId);

    /**
     * Holds the conference host ({@code POST /telephony/conference/hold}, no body). Needs {@code spark:calls_write}.
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void hold();

    /**
     * Resumes the held conference host ({@code POST /telephony/conference/resume}, no body).
     * Needs {@code spark:calls_write}.
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void resume();

    /**
     * Reads the user's conference ({@code GET /telephony/conference}). Needs {@code spark:calls_read}.
     *
     * @return the conference, or empty when there is none (Webex answers {@code {}})
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived, or the answer could not be read
     */
    Optional<ConferenceDetails> getConferenceDetails();

    /**
     * Releases the conference: the host and all participants ({@code DELETE /telephony/conference}).
     * Needs {@code spark:calls_write}.
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void releaseConference();

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
     * Switches the token user's supervisor conference to barge-in: the supervisor becomes a full participant, heard by
     * everyone ({@code POST /telephony/conference/members/me/bargeIn}, no body). Webex publishes no scope for
     * {@code members/me}; a user token with {@code spark:calls_write} is what the user-level operations need. Acts for
     * the token's user also on a {@link #forLineOwner(String)} view: Webex takes no {@code lineOwnerId} here.
     * Resent after an ambiguous failure like the other state changes.
     *
     * @throws WebexApiException    when Webex answered with an error, for instance 404 without a conference
     * @throws WebexClientException when no usable answer arrived
     */
    void bargeIn();

    /**
     * Switches the token user's supervisor conference to silent monitoring: the supervisor listens and nobody hears
     * them ({@code POST /telephony/conference/members/me/silentMonitor}, no body). Webex publishes no scope for
     * {@code members/me}. Acts for the token's user also on a {@link #forLineOwner(String)} view.
     *
     * @throws WebexApiException    when Webex answered with an error, for instance 404 without a conference
     * @throws WebexClientException when no usable answer arrived
     */
    void silentMonitor();

    /**
     * Switches the token user's supervisor conference to coaching: only the agent hears the supervisor
     * ({@code POST /telephony/conference/members/me/supervisorCoach}, no body). Webex publishes no scope for
     * {@code members/me}. Acts for the token's user also on a {@link #forLineOwner(String)} view.
     *
     * @throws WebexApiException    when Webex answered with an error, for instance 404 without a conference
     * @throws WebexClientException when no usable answer arrived
     */
    void supervisorCoach();

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
