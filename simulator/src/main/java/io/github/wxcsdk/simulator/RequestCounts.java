package io.github.wxcsdk.simulator;

/**
 * How many Webex API requests the rate limit admitted and how many it answered {@code 429}, for one bearer token or
 * all of them: goodput is {@code admitted} over the time measured. Requests to the control surface are not counted.
 *
 * @param admitted requests let through to the API (whatever they answered then)
 * @param throttled requests answered {@code 429} by the rate limit
 */
public record RequestCounts(long admitted, long throttled) {
    /** No requests. */
    public static final RequestCounts ZERO = new RequestCounts(0, 0);

    /**
     * All requests counted.
     *
     * @return {@code admitted + throttled}
     */
    public long total() {
        return admitted + throttled;
    }

    RequestCounts plus(RequestCounts other) {
        return new RequestCounts(admitted + other.admitted, throttled + other.throttled);
    }
}
