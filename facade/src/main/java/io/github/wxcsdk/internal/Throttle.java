package io.github.wxcsdk.internal;

import java.time.Duration;

/**
 * The client's shared admission of requests, asked before every attempt and told how each ended. Implementations
 * never block: {@link #reserve(CallState)} answers how long the caller must wait, and the executor sleeps or
 * schedules.
 */
interface Throttle {
    /** Admits everything at once. */
    Throttle NONE = new Throttle() {
    };

    /** @return the client's throttle for these settings */
    static Throttle of(ClientSettings settings) {
        return NONE;
    }

    /** @return nanoseconds to wait before sending the call's next attempt, 0 for at once */
    default long reserve(CallState state) {
        return 0;
    }

    /** The call will not use the turn it reserved (its deadline would pass first). */
    default void cancel(CallState state) {
    }

    /** An attempt of the call got a 2xx answer. */
    default void onSuccess(CallState state) {
    }

    /**
     * An attempt of the call was answered {@code 429}.
     *
     * @param retryAfter the server's {@code Retry-After}, or {@code null} when it sent none usable
     */
    default void onThrottled(CallState state, Duration retryAfter) {
    }
}
