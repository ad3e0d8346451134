package io.github.wxcsdk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one source of time and waiting of a client: the monotonic time of deadlines and the throttle, the wall-clock
 * time of HTTP-dates, and the two ways to wait, blocking the calling thread (synchronous calls) or scheduling the
 * next step (asynchronous calls). {@link #system()} in production; tests give a fake one whose waits move its clock.
 * Not API.
 */
public interface Time {
    /** @return the monotonic time in nanoseconds, as {@link System#nanoTime()}: only differences mean anything */
    long nanoTime();

    /** @return the wall-clock time, for HTTP-dates */
    Instant now();

    /**
     * Waits on the calling thread.
     *
     * @param duration how long, never negative
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Runs a task after a wait without holding a thread while it waits.
     *
     * @param timer    the client's timer thread
     * @param duration how long to wait, more than 0
     * @param task     what to run then; it must only hand over to another executor
     * @return the wait, to cancel
     */
    Future<?> schedule(ScheduledExecutorService timer, Duration duration, Runnable task);

    /** @return the time of the system: {@link System#nanoTime()}, {@link Instant#now()}, sleeping, the timer */
    static Time system() {
        return SystemTime.INSTANCE;
    }

    /** The time of the system. */
    enum SystemTime implements Time {
        /** The one instance. */
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }

        @Override
        public Future<?> schedule(ScheduledExecutorService timer, Duration duration, Runnable task) {
            return timer.schedule(task, duration.toNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
