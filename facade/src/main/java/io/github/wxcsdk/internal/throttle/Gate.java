package io.github.wxcsdk.internal.throttle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A closed gate of the throttle: the {@code 429} that closed it and when it opens. The gate may have been closed by a
 * {@code 429} to another replica sharing the token ({@link #ofReplica}): the replicas share when it opens, not which
 * call closed it.
 */
public final class Gate {
    private final long opensAtNanos;
    private final Duration retryAfter;
    private final String operation;
    private final String trackingId;
    private final boolean ofReplica;
    private final AtomicBoolean held = new AtomicBoolean();

    Gate(long opensAtNanos, Duration retryAfter, String operation, String trackingId) {
        this(opensAtNanos, retryAfter, operation, trackingId, false);
    }

    private Gate(long opensAtNanos, Duration retryAfter, String operation, String trackingId, boolean ofReplica) {
        this.opensAtNanos = opensAtNanos;
        this.retryAfter = retryAfter;
        this.operation = operation;
        this.trackingId = trackingId;
        this.ofReplica = ofReplica;
    }

    /**
     * A gate taken over from another replica: its {@code 429} is known only by when the gate opens.
     *
     * @param opensAtNanos when the gate opens, on the throttle's clock
     * @param remaining    how long it stays closed from the moment it was taken over, given as its Retry-After
     * @return the gate
     */
    static Gate ofReplica(long opensAtNanos, Duration remaining) {
        return new Gate(opensAtNanos, remaining, null, null, true);
    }

    /** @return when the gate opens, on the throttle's clock */
    public long opensAtNanos() {
        return opensAtNanos;
    }

    /**
     * @return the {@code Retry-After} of the {@code 429}; for a gate of another replica, the time it had left when
     *         this client took it over
     */
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
        if (ofReplica) {
            return "a call of another replica sharing this token (the replicas share the gate, not that call's"
                    + " trackingId)";
        }
        return (operation == null ? "a call" : operation) + (trackingId == null ? "" : " (trackingId=" + trackingId
                + ")");
    }
}
