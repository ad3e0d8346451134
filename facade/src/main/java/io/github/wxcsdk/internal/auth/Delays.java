package io.github.wxcsdk.internal.auth;

import java.time.Duration;

/** Runs a task later without holding a thread meanwhile: the waits between token endpoint attempts and deadlines. */
@FunctionalInterface
public interface Delays {
    /**
     * @param delay how long to wait, never negative
     * @param task  what to run then; it must not block
     * @return cancels the task when it has not run yet
     */
    Runnable after(Duration delay, Runnable task);

}
