package io.github.wxcsdk.simulator;

/**
 * The rate-limit state of one bearer token. Not thread-safe: {@link RateLimits} calls it under the token's lock.
 */
interface TokenLimiter {
    /** Admits every request. */
    TokenLimiter UNLIMITED = nowNanos -> 0;

    /**
     * Takes one request's worth of the limit at {@code nowNanos}.
     *
     * @return 0 when the request is admitted, else the {@code Retry-After} in whole seconds, at least 1
     */
    long tryAcquire(long nowNanos);

    /** The state of a new token under {@code limit}: a full bucket, or no window open yet. */
    static TokenLimiter of(RateLimit limit, long nowNanos) {
        return switch (limit.model()) {
            case NONE -> UNLIMITED;
            case TOKEN_BUCKET -> new TokenBucket(limit.perSecond(), limit.capacity(), nowNanos);
            case FIXED_WINDOW -> new FixedWindow(limit.capacity(), limit.window().toNanos());
        };
    }

    /** Whole seconds covering {@code nanos}, at least 1. */
    static long retryAfterSeconds(double nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }
}
