package io.github.wxcsdk;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * This call was not sent: Webex asked this client to wait. Another call of the client was answered {@code 429 Too
 * Many Requests} with a {@code Retry-After}, which closed the client's throttle gate until it has passed, and this call
 * could not wait that long: the gate opens after the call's deadline ({@code callTimeout}), or later than
 * {@code maxRetryAfter} from now. It fails at once, before sending, instead of waiting in vain. It is not a timeout:
 * nothing was tried.
 *
 * <p>{@link #retryAfter()} is the time to wait before trying again (until the gate opens), {@link #gateOpensAt()} when
 * that is, {@link #requestedRetryAfter()} the {@code Retry-After} Webex sent, and {@link #trackingId()} the
 * {@code TrackingID} of the request that was answered {@code 429}, to quote to Webex support (this call has none on
 * the wire).
 *
 * <p>With replicas sharing the throttle ({@code WebexSimpleApi.Builder.coordination}), the gate may have been closed
 * by a {@code 429} to another replica. The message says so; the replicas share when the gate opens, not which request
 * closed it, so {@link #trackingId()} is {@code null} and {@link #requestedRetryAfter()} is the time the gate had
 * left when this client took it over.
 */
public class WebexThrottledException extends WebexClientException {
    private static final long serialVersionUID = 1L;

    /** @serial the time from the failure until the gate opens */
    private final Duration retryAfter;
    /** @serial when the gate opens */
    private final Instant gateOpensAt;
    /** @serial the {@code Retry-After} of the 429 that closed the gate */
    private final Duration requestedRetryAfter;

    /**
     * Creates the exception; the SDK does this, users normally only catch it.
     *
     * @param message             the readable description
     * @param throttledTrackingId the {@code TrackingID} of the request that was answered {@code 429}
     * @param retryAfter          the time until the gate opens
     * @param gateOpensAt         when the gate opens
     * @param requestedRetryAfter the {@code Retry-After} Webex sent with the {@code 429}
     * @throws NullPointerException when a duration or the instant is {@code null}
     */
    public WebexThrottledException(String message, String throttledTrackingId, Duration retryAfter,
                                   Instant gateOpensAt, Duration requestedRetryAfter) {
        super(message, throttledTrackingId, null);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.gateOpensAt = Objects.requireNonNull(gateOpensAt, "gateOpensAt");
        this.requestedRetryAfter = Objects.requireNonNull(requestedRetryAfter, "requestedRetryAfter");
    }

    /**
     * The time to wait before trying again, as {@link WebexApiException#retryAfter()} gives it for a {@code 429}
     * answer: from when this exception was thrown until the client's gate opens.
     *
     * @return the wait, never negative
     */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return when the client's gate opens and its calls are sent again */
    public Instant gateOpensAt() {
        return gateOpensAt;
    }

    /**
     * @return the {@code Retry-After} Webex sent with the {@code 429} that closed the gate (for a gate of another
     *         replica: the time it had left when this client took it over)
     */
    public Duration requestedRetryAfter() {
        return requestedRetryAfter;
    }
}
