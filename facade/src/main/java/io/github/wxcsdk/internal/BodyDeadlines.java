package io.github.wxcsdk.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces the deadlines of the bodies being read, for every client in the JVM, with one daemon thread that sweeps
 * every {@value #TICK_MILLIS} ms while a body is in flight and sleeps otherwise; a deadline is thus met up to one tick
 * late. A timer per call ({@code CompletableFuture.orTimeout}) woke a thread on every call instead: about 20 µs per
 * call on two cores.
 */
final class BodyDeadlines {
    static final long TICK_MILLIS = 10;
    private static final Set<BoundedBody> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final Thread SWEEPER = sweeper();
    private static volatile boolean idle;

    private BodyDeadlines() {
    }

    static void watch(BoundedBody body) {
        IN_FLIGHT.add(body);
        if (idle) {
            LockSupport.unpark(SWEEPER);
        }
    }

    static void release(BoundedBody body) {
        IN_FLIGHT.remove(body);
    }

    private static Thread sweeper() {
        Thread thread = new Thread(BodyDeadlines::sweep, "wxc-sdk-body-deadlines");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sweep() {
        while (true) {
            if (IN_FLIGHT.isEmpty()) {
                idle = true;
                // checked again after 'idle' is visible, so that a body added meanwhile unparks us or is seen here
                if (IN_FLIGHT.isEmpty()) {
                    LockSupport.park(BodyDeadlines.class);
                }
                idle = false;
            } else {
                LockSupport.parkNanos(BodyDeadlines.class, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
            }
            long now = System.nanoTime();
            for (BoundedBody body : IN_FLIGHT) {
                if (body.expiredAt(now)) {
                    body.expire();
                }
            }
        }
    }
}
