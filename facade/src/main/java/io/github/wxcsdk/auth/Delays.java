package io.github.wxcsdk.auth;

import io.github.wxcsdk.internal.Sleeper;

import java.time.Duration;

/** Runs a task later without holding a thread meanwhile: the waits between token endpoint attempts and deadlines. */
@FunctionalInterface
interface Delays {
    /**
     * @param delay how long to wait, never negative
     * @param task  what to run then; it must not block
     * @return cancels the task when it has not run yet
     */
    Runnable after(Duration delay, Runnable task);

    /**
     * @param sleeper a test's sleeper (a fake clock), or {@code null} in production
     * @param name    the name of the timer thread of production
     * @return the provider's own timer thread, or, for a test's sleeper, waits that sleep and run the task inline
     */
    static Delays of(Sleeper sleeper, String name) {
        if (sleeper == null) {
            return new TimerDelays(name);
        }
        return (delay, task) -> {
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
            return () -> { };
        };
    }
}
