package io.github.wxcsdk;

/**
 * A request that is not safe to repeat ({@code startConference}, {@code addParticipant}) may or may not have been
 * carried out: it was sent, but the answer was lost (a timeout or reset after sending, a 502 or 504 from a gateway).
 * Webex has no idempotency key, so the SDK does not resend it, because a second "start" could start a second
 * conference.
 *
 * <p>Check with {@code getConferenceDetails()} before trying again, and quote {@link #trackingId()} to Webex support.
 */
public class WebexOutcomeUnknownException extends WebexClientException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; the SDK does this, users normally only catch it.
     *
     * @param message    the readable description
     * @param trackingId the {@code TrackingID} of the call
     * @param cause      the ambiguous failure: an I/O exception or the {@link WebexApiException} of a 502/504
     */
    public WebexOutcomeUnknownException(String message, String trackingId, Throwable cause) {
        super(message, trackingId, cause);
    }
}
