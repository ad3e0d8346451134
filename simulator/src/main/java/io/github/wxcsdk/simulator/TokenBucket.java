package io.github.wxcsdk.simulator;

/** A token bucket: starts full, refills continuously at a fixed rate, each request takes one token. */
final class TokenBucket implements TokenLimiter {
    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    TokenBucket(double perSecond, int capacity, long nowNanos) {
        this.tokensPerNano = perSecond / 1e9;
        this.capacity = capacity;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    @Override
    public long tryAcquire(long nowNanos) {
        // a clock that steps back refills nothing rather than draining the bucket
        if (nowNanos > lastNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * tokensPerNano);
            lastNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return TokenLimiter.retryAfterSeconds((1 - tokens) / tokensPerNano);
    }
}
