package io.github.wxcsdk.internal.throttle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A closed gate of the throttle: the {@code 429} that closed it and when it opens.
 */
public final class Gate {
    private final long opensAtNanos;
    private final Duration retryAfter;
    private final String operation;
    private final String trackingId;
    private final AtomicBoolean held = new AtomicBoolean();

    Gate(long opensAtNanos, Duration retryAfter, String operation, String trackingId) {
        this.opensAtNanos = opensAtNanos;
        this.retryAfter = retryAfter;
        this.operation = operation;
        this.trackingId = trackingId;
    }

    /** @return when the gate opens, on the throttle's clock */
    public long opensAtNanos() {
        return opensAtNanos;
    }

    /** @return the {@code Retry-After} of the {@code 429} */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return method, path and query of the call answered {@code 429}, or {@code null} when not known */
    public String operation() {
        return operation;
    }

    /** @return the {@code TrackingID} of the request answered {@code 429}, or {@code null} when not known */
    public String trackingId() {
        return trackingId;
    }

    /** @return {@code true} the first time only: the gate's first held call is logged at INFO */
    boolean firstHold() {
        return held.compareAndSet(false, true);
    }

    /** @return the closing call in words, for messages and log lines */
    public String describe() {
        return (operation == null ? "a call" : operation) + (trackingId == null ? "" : " (trackingId=" + trackingId
                + ")");
    }
}
