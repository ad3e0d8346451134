package io.github.wxcsdk;

/**
 * A call did not complete in time: an attempt passed the builder's {@code readTimeout} or {@code connectTimeout}
 * on its last try, or the whole call would have passed its {@code callTimeout}.
 */
public class WebexTimeoutException extends WebexClientException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; the SDK does this, users normally only catch it.
     *
     * @param message    the readable description
     * @param trackingId the {@code TrackingID} of the call
     * @param cause      the underlying failure, or {@code null}
     */
    public WebexTimeoutException(String message, String trackingId, Throwable cause) {
        super(message, trackingId, cause);
    }
}
