package io.github.wxcsdk.internal.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The time limit of one attempt, body included. The JDK's request timeout stops at the headers, and waiting on
 * {@code sendAsync}'s future costs a thread hand-off per call, so the transport calls the blocking
 * {@code HttpClient.send} and this interrupts it at the deadline; {@code send} then cancels the exchange, which
 * closes the connection. {@link DeadlineSweeper} checks the deadlines. The interrupt is the transport's own: it is
 * told apart from a caller's and never leaks out of {@link #finish()}.
 */
final class AttemptDeadline {
    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int EXPIRED = 2;

    private final Thread thread = Thread.currentThread();
    private final DeadlineSweeper sweeper;
    private final long deadlineNanos;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    private AttemptDeadline(DeadlineSweeper sweeper, long deadlineNanos) {
        this.sweeper = sweeper;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Starts watching the calling thread's attempt.
     *
     * @param sweeper       the client's sweeper
     * @param deadlineNanos the {@link System#nanoTime()} by which the attempt must be over
     * @return the deadline, to {@link #finish()} when the attempt is over, however it ends
     */
    static AttemptDeadline start(DeadlineSweeper sweeper, long deadlineNanos) {
        AttemptDeadline deadline = new AttemptDeadline(sweeper, deadlineNanos);
        sweeper.watch(deadline);
        return deadline;
    }

    /**
     * Ends the watch. Call it on the attempt's thread; afterwards that thread carries no interrupt of ours.
     *
     * @return whether the deadline had passed (and the attempt was interrupted) first
     */
    boolean finish() {
        sweeper.release(this);
        if (state.compareAndSet(RUNNING, FINISHED)) {
            return false;
        }
        synchronized (this) {
            // expire() interrupts while holding this lock: once here, its interrupt has been delivered
            Thread.interrupted();
        }
        return true;
    }

    /** @return the deadline, as {@link System#nanoTime()} */
    long deadlineNanos() {
        return deadlineNanos;
    }

    /** @return whether the deadline has passed at {@code nowNanos} */
    boolean passedAt(long nowNanos) {
        return nowNanos - deadlineNanos >= 0;
    }

    /** Interrupts the attempt's thread, unless the attempt is over. */
    synchronized void expire() {
        sweeper.release(this);
        if (state.compareAndSet(RUNNING, EXPIRED)) {
            thread.interrupt();
        }
    }
}
