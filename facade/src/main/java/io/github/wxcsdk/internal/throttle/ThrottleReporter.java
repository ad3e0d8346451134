package io.github.wxcsdk.internal.throttle;

import io.github.wxcsdk.RetryListener;
import io.github.wxcsdk.ThrottleEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;

/**
 * Tells the user's {@link RetryListener} and the DEBUG log (logger {@code io.github.wxcsdk.throttle}) what the
 * throttle does. Never sees the token: events carry the pace, the wait, the tracking id, the method and the path.
 */
public final class ThrottleReporter {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.wxcsdk.throttle");

    private final RetryListener listener;

    /**
     * @param listener receives every {@link ThrottleEvent}
     * @throws NullPointerException when {@code listener} is {@code null}
     */
    public ThrottleReporter(RetryListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    void waiting(long waitNanos, double requestsPerSecond, String trackingId, String httpMethod, String path,
                 Gate gate) {
        String reason = gate == null ? "paced" : "held by the gate that a 429 with Retry-After "
                + gate.retryAfter().toMillis() + " ms to " + gate.describe() + " closed";
        LOG.debug("{} {} waits {} ms for its turn ({}); pace {} requests/s (trackingId={})", httpMethod, path,
                waitNanos / 1_000_000, reason, format(requestsPerSecond), trackingId);
        deliver(new ThrottleEvent(ThrottleEvent.Kind.WAIT, Duration.ofNanos(waitNanos), requestsPerSecond, reason,
                trackingId, httpMethod, path));
    }

    void rateChanged(double requestsPerSecond, String reason, String operation) {
        LOG.debug("pace {} requests/s ({})", format(requestsPerSecond), reason);
        String method = operation == null ? null : operation.substring(0, Math.max(0, operation.indexOf(' ')));
        String path = operation == null ? null : operation.substring(operation.indexOf(' ') + 1);
        deliver(new ThrottleEvent(ThrottleEvent.Kind.RATE_CHANGE, Duration.ZERO, requestsPerSecond, reason, null,
                method, path));
    }

    void held(Gate gate, long waitNanos, String operation) {
        LOG.info("Webex answered 429 with Retry-After {} ms to {}: this client holds its calls until the"
                        + " Retry-After has passed; {} waits {} ms (each call waits at most maxRetryAfter and never past"
                        + " its deadline, else it fails unsent with WebexThrottledException)",
                gate.retryAfter().toMillis(), gate.describe(), operation, waitNanos / 1_000_000);
    }

    private void deliver(ThrottleEvent event) {
        try {
            listener.onThrottle(event);
        } catch (RuntimeException e) {
            LOG.warn("RetryListener threw {}; ignored", e.getClass().getName());
        }
    }

    private static String format(double requestsPerSecond) {
        return String.format(java.util.Locale.ROOT, "%.2f", requestsPerSecond);
    }
}
