package io.github.wxcsdk.auth;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link Delays} on one timer thread of the provider's own, started at the first delay and ended after
 * {@value #KEEP_ALIVE_SECONDS} seconds without one: an idle provider holds no thread. The thread is a daemon without a
 * context class loader; its tasks only start a request or complete a future.
 */
final class TimerDelays implements Delays {
    static final long KEEP_ALIVE_SECONDS = 5;
    private final String name;
    private ScheduledThreadPoolExecutor timer;

    TimerDelays(String name) {
        this.name = name;
    }

    @Override
    public Runnable after(Duration delay, Runnable task) {
        long nanos;
        try {
            nanos = Math.max(0, delay.toNanos());
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE / 2;
        }
        ScheduledFuture<?> scheduled = timer().schedule(task, nanos, TimeUnit.NANOSECONDS);
        return () -> scheduled.cancel(false);
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
