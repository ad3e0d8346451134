package io.github.wxcsdk.internal;

import java.time.Duration;

/**
 * Hands the end of the current attempt from the executor to the transport. Feign's generated methods take no per-call
 * options, and a synchronous Feign call runs the transport on the calling thread, so a thread-local carries it. Set
 * and cleared around every attempt by {@link CallExecutor}. An instant rather than a duration, so that the time Feign
 * spends encoding before the transport starts counts against the attempt.
 */
final class AttemptTimeout {
    private static final ThreadLocal<Long> END_NANOS = new ThreadLocal<>();

    private AttemptTimeout() {
    }

    /** Starts an attempt that may take {@code limit} from now. */
    static void start(Duration limit) {
        END_NANOS.set(System.nanoTime() + limit.toNanos());
    }

    static void clear() {
        END_NANOS.remove();
    }

    /** @return the time left for the current attempt, at least 1 ms, or {@code fallback} outside an executor call */
    static Duration remaining(Duration fallback) {
        Long end = END_NANOS.get();
        if (end == null) {
            return fallback;
        }
        return Duration.ofNanos(Math.max(end - System.nanoTime(), Duration.ofMillis(1).toNanos()));
    }
}
