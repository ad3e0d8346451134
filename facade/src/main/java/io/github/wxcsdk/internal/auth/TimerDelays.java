package io.github.wxcsdk.internal.auth;

import io.github.wxcsdk.internal.Time;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link Delays} on one timer thread of the provider's own, started at the first delay and ended after
 * {@value #KEEP_ALIVE_SECONDS} seconds without one: an idle provider holds no thread. The thread is a daemon without a
 * context class loader; its tasks only start a request or complete a future. {@link #after} waits in real time (the
 * deadlines of callers, as the client's attempt deadlines); {@link #waits(Time)} waits through the client's
 * {@link Time} (the waits between attempts, as the client's retry waits).
 */
public final class TimerDelays implements Delays {
    private static final long KEEP_ALIVE_SECONDS = 5;
    private final String name;
    private ScheduledThreadPoolExecutor timer;

    /** @param name the name of the timer thread, when it runs */
    public TimerDelays(String name) {
        this.name = name;
    }

    @Override
    public Runnable after(Duration delay, Runnable task) {
        ScheduledFuture<?> scheduled = timer().schedule(task, nanos(delay), TimeUnit.NANOSECONDS);
        return () -> scheduled.cancel(false);
    }

    /**
     * @param time the time whose waits these are
     * @return delays that wait through {@code time} ({@link Time#schedule}) on this timer thread
     */
    public Delays waits(Time time) {
        return (delay, task) -> {
            Future<?> scheduled = time.schedule(timer(), Duration.ofNanos(nanos(delay)), task);
            return () -> scheduled.cancel(false);
        };
    }

    /** @return {@code delay} in nanoseconds, never negative, capped for huge delays */
    private static long nanos(Duration delay) {
        try {
            return Math.max(0, delay.toNanos());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    private synchronized ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                thread.setContextClassLoader(null);
                return thread;
            });
            timer.setKeepAliveTime(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
            timer.allowCoreThreadTimeOut(true);
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }
}
