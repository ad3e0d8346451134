package io.github.wxcsdk.simulator;

/**
 * A fixed window: the first request opens a window that admits a fixed number of requests; the first request after
 * it ends opens the next one.
 */
final class FixedWindow implements TokenLimiter {
    private final int requests;
    private final long windowNanos;
    private boolean open;
    private long endNanos;
    private int admitted;

    FixedWindow(int requests, long windowNanos) {
        this.requests = requests;
        this.windowNanos = windowNanos;
    }

    @Override
    public long tryAcquire(long nowNanos) {
        if (!open || nowNanos >= endNanos) {
            open = true;
            endNanos = nowNanos + windowNanos;
            admitted = 0;
        }
        if (admitted < requests) {
            admitted++;
            return 0;
        }
        return TokenLimiter.retryAfterSeconds(endNanos - nowNanos);
    }
}
