package io.github.wxcsdk.internal;

import java.time.Duration;

/**
 * Waits of the {@code auth} package (token refresh retries); tests inject one that advances a fake clock instead of
 * sleeping. The calls themselves wait through the client's {@link Time}, which the {@code auth} package is to adopt
 * in its place.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread. */
    Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits for {@code duration}.
     *
     * @param duration how long, never negative
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
