package io.github.wxcsdk.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how late the JVM wakes up a thread from a short timed sleep while something else runs: the part of a
 * timing overrun that a busy machine adds to any code, not the code under test. Samples until closed.
 */
public final class SchedulerLateness implements AutoCloseable {
    private static final long NAP_MILLIS = 5;
    private final AtomicLong maxLateNanos = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private SchedulerLateness() {
        sampler = new Thread(this::sampleUntilClosed, "scheduler-lateness");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** @return a sampler that is already running */
    public static SchedulerLateness sample() {
        return new SchedulerLateness();
    }

    /** @return the latest wake-up seen so far, in milliseconds past the requested nap */
    public long maxMillis() {
        return TimeUnit.NANOSECONDS.toMillis(maxLateNanos.get());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private void sampleUntilClosed() {
        while (running) {
            long before = System.nanoTime();
            try {
                Thread.sleep(NAP_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long late = System.nanoTime() - before - TimeUnit.MILLISECONDS.toNanos(NAP_MILLIS);
            maxLateNanos.accumulateAndGet(late, Math::max);
        }
    }
}
