package io.github.wxcsdk;

/**
 * No usable answer arrived for a call: the connection failed or was reset, an attempt or the whole call timed out,
 * or the answer could not be read. The cause is kept; {@link #trackingId()} is the {@code TrackingID} this SDK sent.
 *
 * <p>See the subclasses {@link WebexTimeoutException} and {@link WebexOutcomeUnknownException}.
 */
public class WebexClientException extends WebexException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; the SDK does this, users normally only catch it.
     *
     * @param message    the readable description
     * @param trackingId the {@code TrackingID} of the call
     * @param cause      the underlying failure, or {@code null}
     */
    public WebexClientException(String message, String trackingId, Throwable cause) {
        super(message, trackingId, cause);
    }
}
