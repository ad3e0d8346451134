package io.github.wxcsdk.internal.call;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * The bound on requests in flight ({@code maxConcurrentRequests}), first come first served, for blocking and
 * non-blocking callers alike: {@link #acquire()} answers a future that completes when the caller holds a permit, which
 * a synchronous call waits on and an asynchronous one continues from. A waiter that gives up cancels its future; a
 * permit is never handed to a cancelled waiter. Thread-safe.
 */
final class Permits {
    private static final CompletableFuture<Void> GRANTED = CompletableFuture.completedFuture(null);

    private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int available;

    Permits(int permits) {
        this.available = permits;
    }

    /** @return a future completed once the caller holds a permit; cancel it to stop waiting */
    CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (available > 0 && waiting.isEmpty()) {
                available--;
                return GRANTED;
            }
            CompletableFuture<Void> turn = new CompletableFuture<>();
            waiting.add(turn);
            return turn;
        }
    }

    /** Gives a permit back: to the longest waiter still waiting, else to the pool. */
    void release() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    available++;
                    return;
                }
            }
            // completed outside the lock: it may run the waiter's next step on this thread
            if (next.complete(null)) {
                return;
            }
        }
    }
}
