package io.github.wxcsdk.internal;

import java.time.Duration;

/**
 * Hands the time left for the current attempt from the executor to the transport. Feign's generated methods take no
 * per-call options, and a synchronous Feign call runs the transport on the calling thread, so a thread-local carries
 * it. Set and cleared around every attempt by {@link CallExecutor}.
 */
final class AttemptTimeout {
    private static final ThreadLocal<Duration> CURRENT = new ThreadLocal<>();

    private AttemptTimeout() {
    }

    static void set(Duration timeout) {
        CURRENT.set(timeout);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** @return the limit for the current attempt, or {@code fallback} outside an executor call */
    static Duration current(Duration fallback) {
        Duration timeout = CURRENT.get();
        return timeout == null ? fallback : timeout;
    }
}
