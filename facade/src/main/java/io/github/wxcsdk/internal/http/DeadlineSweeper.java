package io.github.wxcsdk.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Checks the {@link AttemptDeadline}s of one client's synchronous calls with one thread that sleeps until the
 * earliest deadline it knows of. A new attempt wakes it only when its deadline is earlier than that (or the thread
 * sleeps with nothing to watch); attempts with the same time limit start with ever later deadlines, so a busy client
 * wakes it about once per time limit, not once per call. (A timer per call, {@code CompletableFuture.orTimeout}, woke
 * a thread on every call, about 20 µs per call on two cores; a fixed 10 ms tick cost latency at the 99th percentile.)
 *
 * <p>The thread belongs to the client: it starts with the first attempt and ends after {@link #IDLE_NANOS} with
 * nothing to watch (by default), so an idle, closed or unreachable client holds no thread, and it never pins a class loader (it
 * has no context class loader).
 */
final class DeadlineSweeper {
    /** How long the thread waits for new work before it ends; a later attempt starts a new one. */
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Set<AttemptDeadline> running = ConcurrentHashMap.newKeySet();
    private final String threadName;
    private final long idleNanos;
    /** The running sweeper thread, or {@code null}; guarded by {@code this}. */
    private Thread sweeper;
    /** When the sweeper will next wake, as {@link System#nanoTime()}; meaningless while {@link #sleepsForever}. */
    private volatile long plannedWake;
    private volatile boolean sleepsForever = true;

    DeadlineSweeper(String threadName) {
        this(threadName, IDLE_NANOS);
    }

    /** @param idleNanos how long the thread waits for new work before it ends (short in tests) */
    DeadlineSweeper(String threadName, long idleNanos) {
        this.threadName = threadName;
        this.idleNanos = idleNanos;
    }

    void watch(AttemptDeadline deadline) {
        running.add(deadline);
        Thread thread = runningThread();
        if (sleepsForever || deadline.deadlineNanos() - plannedWake < 0) {
            LockSupport.unpark(thread);
        }
    }

    void release(AttemptDeadline deadline) {
        running.remove(deadline);
    }

    /** @return whether the sweeper thread is alive (for tests of thread ownership) */
    synchronized boolean hasThread() {
        return sweeper != null;
    }

    private synchronized Thread runningThread() {
        if (sweeper == null) {
            Thread thread = new Thread(this::sweep, threadName);
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            sweeper = thread;
            thread.start();
        }
        return sweeper;
    }

    /** Ends the thread when nothing arrived while it idled; the check and the end are atomic with a new start. */
    private synchronized boolean endIfIdle() {
        if (running.isEmpty()) {
            sweeper = null;
            return true;
        }
        return false;
    }

    /**
     * Every attempt added before a scan is seen by it; one added after the scan reads the plan written before the
     * scan or after it, and wakes the sweeper if the plan does not cover its deadline.
     */
    private void sweep() {
        long idleSince = System.nanoTime();
        while (true) {
            sleepsForever = true;
            long now = System.nanoTime();
            long earliest = 0;
            boolean any = false;
            for (AttemptDeadline deadline : running) {
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
                // never longer than the idle time: the attempt that set the plan may already be over
                LockSupport.parkNanos(this, Math.min(earliest - now, idleNanos));
                idleSince = System.nanoTime();
            } else if (now - idleSince >= idleNanos) {
                if (endIfIdle()) {
                    return;
                }
            } else {
                LockSupport.parkNanos(this, idleNanos - (now - idleSince));
            }
        }
    }
}
