package io.github.wxcsdk.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Checks the {@link AttemptDeadline}s of every client in the JVM with one daemon thread that sleeps until the
 * earliest deadline it knows of. A new attempt wakes it only when its deadline is earlier than that (or the thread
 * sleeps with nothing to watch); attempts with the same time limit start with ever later deadlines, so a busy client
 * wakes it about once per time limit, not once per call. (A timer per call, {@code CompletableFuture.orTimeout}, woke
 * a thread on every call, about 20 µs per call on two cores; a fixed 10 ms tick cost latency at the 99th percentile.)
 */
final class DeadlineSweeper {
    private static final Set<AttemptDeadline> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Thread SWEEPER = startSweeper();
    /** When the sweeper will next wake, as {@link System#nanoTime()}; meaningless while {@link #sleepsForever}. */
    private static volatile long plannedWake;
    private static volatile boolean sleepsForever = true;

    private DeadlineSweeper() {
    }

    static void watch(AttemptDeadline deadline) {
        RUNNING.add(deadline);
        if (sleepsForever || deadline.deadlineNanos() - plannedWake < 0) {
            LockSupport.unpark(SWEEPER);
        }
    }

    static void release(AttemptDeadline deadline) {
        RUNNING.remove(deadline);
    }

    private static Thread startSweeper() {
        Thread thread = new Thread(DeadlineSweeper::sweep, "wxc-sdk-deadlines");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Every attempt added before a scan is seen by it; one added after the scan reads the plan written before the
     * scan or after it, and wakes the sweeper if the plan does not cover its deadline.
     */
    private static void sweep() {
        while (true) {
            sleepsForever = true;
            long now = System.nanoTime();
            long earliest = 0;
            boolean any = false;
            for (AttemptDeadline deadline : RUNNING) {
                if (deadline.passedAt(now)) {
                    deadline.expire();
                } else if (!any || deadline.deadlineNanos() - earliest < 0) {
                    earliest = deadline.deadlineNanos();
                    any = true;
                }
            }
            if (any) {
                plannedWake = earliest;
                sleepsForever = false;
                LockSupport.parkNanos(DeadlineSweeper.class, earliest - now);
            } else {
                LockSupport.park(DeadlineSweeper.class);
            }
        }
    }
}
