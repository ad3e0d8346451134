package io.github.wxcsdk.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Checks the {@link AttemptDeadline}s of every client in the JVM with one daemon thread, every {@value #TICK_MILLIS}
 * ms while attempts are running; after a whole tick without any it parks until the next one starts. A deadline is
 * thus met up to one tick late, and a busy client wakes the thread once per tick, not once per call. (A timer per
 * call, {@code CompletableFuture.orTimeout}, woke a thread on every call: about 20 µs per call on two cores.)
 */
final class DeadlineSweeper {
    static final long TICK_MILLIS = 10;
    private static final Set<AttemptDeadline> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Thread SWEEPER = startSweeper();
    private static volatile boolean idle;
    private static volatile boolean startedThisTick;

    private DeadlineSweeper() {
    }

    static void watch(AttemptDeadline deadline) {
        if (!startedThisTick) {
            startedThisTick = true;
        }
        RUNNING.add(deadline);
        if (idle) {
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

    private static void sweep() {
        while (true) {
            if (!startedThisTick && RUNNING.isEmpty()) {
                idle = true;
                // checked again after 'idle' is visible, so that an attempt started meanwhile unparks us or is seen
                if (!startedThisTick && RUNNING.isEmpty()) {
                    LockSupport.park(DeadlineSweeper.class);
                }
                idle = false;
            } else {
                startedThisTick = false;
                LockSupport.parkNanos(DeadlineSweeper.class, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
            }
            long now = System.nanoTime();
            for (AttemptDeadline deadline : RUNNING) {
                if (deadline.passedAt(now)) {
                    deadline.expire();
                }
            }
        }
    }
}
