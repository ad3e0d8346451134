package io.github.wxcsdk;

import java.time.Duration;
import java.util.Objects;

/**
 * What the client's throttle did, as a {@link RetryListener#onThrottle(ThrottleEvent)} sees it: a call waiting for
 * its turn, or a change of the pace at which the client sends. The throttle of a client is off until Webex first
 * answers {@code 429}; after that every call of the client is admitted at the learned pace, one at a time.
 *
 * @param kind              what happened
 * @param delay             {@link Kind#WAIT}: how long the call waits before it is sent; {@link Duration#ZERO}
 *                          for a {@link Kind#RATE_CHANGE}
 * @param requestsPerSecond the pace of the client after the event, in requests per second
 * @param reason            a short description, for example {@code "429 received"}, {@code "probing upward"} or
 *                          {@code "paced"}; never contains the access token
 * @param trackingId        the {@code TrackingID} of the waiting call, or {@code null} for a rate change
 * @param httpMethod        the HTTP method of the waiting call, for example {@code POST}, or {@code null} when the
 *                          event concerns no single call
 * @param path              the request path of the waiting call without the query, or {@code null} when the event
 *                          concerns no single call
 */
public record ThrottleEvent(Kind kind, Duration delay, double requestsPerSecond, String reason, String trackingId,
                            String httpMethod, String path) {

    /**
     * Checks the event.
     *
     * @param kind              see the record component
     * @param delay             see the record component
     * @param requestsPerSecond see the record component
     * @param reason            see the record component
     * @param trackingId        see the record component
     * @param httpMethod        see the record component
     * @param path              see the record component
     * @throws NullPointerException     when {@code kind}, {@code delay} or {@code reason} is {@code null}
     * @throws IllegalArgumentException when {@code delay} is negative or {@code requestsPerSecond} is not positive
     */
    public ThrottleEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(reason, "reason");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be positive: " + requestsPerSecond);
        }
    }

    /** The two things a throttle reports. */
    public enum Kind {
        /** A call waits for its turn before it is sent (the wait counts against the call timeout). */
        WAIT,
        /** The client's pace changed: lowered after a {@code 429}, or raised while probing for more. */
        RATE_CHANGE
    }
}
