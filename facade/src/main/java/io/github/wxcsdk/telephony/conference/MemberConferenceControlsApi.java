package io.github.wxcsdk.telephony.conference;

import io.github.wxcsdk.WebexApiException;
import io.github.wxcsdk.WebexClientException;
import io.github.wxcsdk.WebexOutcomeUnknownException;

import java.util.List;
import java.util.Optional;

/**
 * Webex Calling conference controls of one member of an org, for admins and Service Apps acting for many members:
 * {@code /telephony/conference/members/{memberId}/...}, with {@code ?orgId=} on every request when the view names an
 * org. Get it from {@link ConferenceControlsApi#forMember(String)} or {@link ConferenceControlsApi#forMember(String,
 * String)}. Reading needs {@code spark-admin:calls_read}; every other operation needs {@code spark-admin:calls_write}.
 * Webex takes no {@code lineOwnerId} on these paths, and this view offers none.
 *
 * <p>Arguments are checked and failures reported exactly as on {@link ConferenceControlsApi}: a 403 means the token
 * lacks the scope or may not act in that org, a 404 an unknown member or no conference. The member and org ids are
 * opaque and percent-encoded. Implementations are immutable and thread-safe.
 *
 * <p>An interface, so that users' tests can stub it.
 */
public interface MemberConferenceControlsApi {


    /**
     * Joins the member's calls into a conference ({@code POST /telephony/conference/members/{memberId}/conference}). Needs {@code spark-admin:calls_write}.
     *
     * @param callIds the ids of at least two existing calls between the member and the participants to join
     * @throws NullPointerException          when {@code callIds} or one of its ids is {@code null}
     * @throws IllegalArgumentException      when there are fewer than two ids or an id is blank
     * @throws WebexOutcomeUnknownException  when the request was sent but its outcome is unknown: check
     *                                       {@link #getConferenceDetails()} before trying again
     * @throws WebexApiException             when Webex answered with an error
     * @throws WebexClientException          when no usable answer arrived
     */
    void startConference(List<String> callIds);

    /**
     * Joins the member's calls into a conference ({@code POST /telephony/conference/members/{memberId}/conference}). Needs {@code spark-admin:calls_write}.
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
     * Adds a participant to the existing conference ({@code POST /telephony/conference/members/{memberId}/addParticipant}).
     * Needs {@code spark-admin:calls_write}.
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
     * ({@code POST /telephony/conference/members/{memberId}/mute} with {@code {}}). Needs {@code spark-admin:calls_write}.
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void mute();

    /**
     * Mutes a participant: their media is no longer transmitted to the conference
     * ({@code POST /telephony/conference/members/{memberId}/mute} with {@code {"callId": ...}}). Needs {@code spark-admin:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @throws WebexApiException        when Webex answered with an error
     * @throws WebexClientException     when no usable answer arrived
     */
    void mute(String callId);

    /**
     * Unmutes the conference host ({@code POST /telephony/conference/members/{memberId}/unmute} with {@code {}}).
     * Needs {@code spark-admin:calls_write}.
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void unmute();

    /**
     * Unmutes a participant ({@code POST /telephony/conference/members/{memberId}/unmute} with {@code {"callId": ...}}).
     * Needs {@code spark-admin:calls_write}.
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
     * ({@code POST /telephony/conference/members/{memberId}/deafen}). Needs {@code spark-admin:calls_write}.
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
     * ({@code POST /telephony/conference/members/{memberId}/undeafen}). Needs {@code spark-admin:calls_write}.
     *
     * @param callId the id of the participant's call
     * @throws NullPointerException     when {@code callId} is {@code null}
     * @throws IllegalArgumentException when {@code callId} is blank
     * @throws WebexApiException        when Webex answered with an error
     * @throws WebexClientException     when no usable answer arrived
     */
    void undeafenParticipant(String callId);

    /**
     * Holds the conference host ({@code POST /telephony/conference/members/{memberId}/hold}, no body). Needs {@code spark-admin:calls_write}.
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void hold();

    /**
     * Resumes the held conference host ({@code POST /telephony/conference/members/{memberId}/resume}, no body).
     * Needs {@code spark-admin:calls_write}.
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void resume();

    /**
     * Reads the member's conference ({@code GET /telephony/conference/members/{memberId}/conference}). Needs {@code spark-admin:calls_read}.
     *
     * @return the conference, or empty when there is none (Webex answers {@code {}})
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived, or the answer could not be read
     */
    Optional<ConferenceDetails> getConferenceDetails();

    /**
     * Releases the conference: the host and all participants ({@code DELETE /telephony/conference/members/{memberId}/conference}).
     * Needs {@code spark-admin:calls_write}.
     *
     * @throws WebexApiException    when Webex answered with an error
     * @throws WebexClientException when no usable answer arrived
     */
    void releaseConference();

    /**
     * Switches the member's supervisor conference to barge-in: the supervisor becomes a full participant, heard by
     * everyone ({@code POST /telephony/conference/members/{memberId}/bargeIn}, no body). Needs
     * {@code spark-admin:calls_write}. Resent after an ambiguous failure like the other state changes.
     *
     * @throws WebexApiException    when Webex answered with an error, for instance 404 without a conference
     * @throws WebexClientException when no usable answer arrived
     */
    void bargeIn();

    /**
     * Switches the member's supervisor conference to silent monitoring: the supervisor listens and nobody hears
     * them ({@code POST /telephony/conference/members/{memberId}/silentMonitor}, no body). Needs
     * {@code spark-admin:calls_write}.
     *
     * @throws WebexApiException    when Webex answered with an error, for instance 404 without a conference
     * @throws WebexClientException when no usable answer arrived
     */
    void silentMonitor();

    /**
     * Switches the member's supervisor conference to coaching: only the agent hears the supervisor
     * ({@code POST /telephony/conference/members/{memberId}/supervisorCoach}, no body). Needs
     * {@code spark-admin:calls_write}.
     *
     * @throws WebexApiException    when Webex answered with an error, for instance 404 without a conference
     * @throws WebexClientException when no usable answer arrived
     */
    void supervisorCoach();

}
