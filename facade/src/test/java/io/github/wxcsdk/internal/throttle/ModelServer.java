package io.github.wxcsdk.internal.throttle;

import java.time.Duration;

/** A rate-limited service in virtual time: answers each request at its arrival time with 200 or 429. */
interface ModelServer {
    long SECOND = 1_000_000_000L;

    /** @return {@code null} for a success, else the 429's {@code Retry-After} ({@link Duration#ZERO} for none) */
    Duration answer(long nowNanos);

    /** @return the rate the service allows, requests per second */
    double limit();

    /** @return the length of the service's counting window, or 0 for none */
    long windowNanos();

    /** A token bucket: {@code rate} tokens per second, at most {@code burst}; Retry-After in whole seconds, ≥ 1. */
    final class TokenBucket implements ModelServer {
        private final double rate;
        private final double burst;
        private final boolean sendRetryAfter;
        private double tokens;
        private long last;

        TokenBucket(double rate, double burst, boolean sendRetryAfter) {
            this.rate = rate;
            this.burst = burst;
            this.sendRetryAfter = sendRetryAfter;
            this.tokens = burst;
        }

        @Override
        public Duration answer(long nowNanos) {
            tokens = Math.min(burst, tokens + (nowNanos - last) * rate / SECOND);
            last = nowNanos;
            if (tokens >= 1) {
                tokens -= 1;
                return null;
            }
            if (!sendRetryAfter) {
                return Duration.ZERO;
            }
            return Duration.ofSeconds(Math.max(1, (long) Math.ceil((1 - tokens) / rate)));
        }

        @Override
        public double limit() {
            return rate;
        }

        @Override
        public long windowNanos() {
            return 0;
        }
    }

    /** A fixed window: {@code n} requests per window; Retry-After = whole seconds to the window's end, ≥ 1. */
    final class FixedWindow implements ModelServer {
        private final int n;
        private final long window;
        private long windowId = -1;
        private int count;

        FixedWindow(int n, Duration window) {
            this.n = n;
            this.window = window.toNanos();
        }

        @Override
        public Duration answer(long nowNanos) {
            long id = nowNanos / window;
            if (id != windowId) {
                windowId = id;
                count = 0;
            }
            if (count < n) {
                count++;
                return null;
            }
            long left = (id + 1) * window - nowNanos;
            return Duration.ofSeconds(Math.max(1, (left + SECOND - 1) / SECOND));
        }

        @Override
        public double limit() {
            return n * (double) SECOND / window;
        }

        @Override
        public long windowNanos() {
            return window;
        }
    }
}
