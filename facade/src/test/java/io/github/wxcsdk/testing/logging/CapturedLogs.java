package io.github.wxcsdk.testing.logging;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every line logged through SLF4J in the test JVM, at every level, TRACE included, as text: level, logger, the
 * formatted message and the full stack trace of a logged throwable (causes and suppressed included). Bounded: the
 * oldest lines are dropped past {@value #LIMIT}.
 */
public final class CapturedLogs {
    private static final int LIMIT = 200_000;
    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger SIZE = new AtomicInteger();

    private CapturedLogs() {
    }

    /** @return the lines captured since the last {@link #clear()}, oldest first */
    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    /** Forgets every line captured so far. */
    public static void clear() {
        LINES.clear();
        SIZE.set(0);
    }

    static void add(String line) {
        LINES.add(line);
        if (SIZE.incrementAndGet() > LIMIT && LINES.poll() != null) {
            SIZE.decrementAndGet();
        }
    }
}
