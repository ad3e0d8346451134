package io.github.wxcsdk.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one asynchronous client: bounded pools whose threads are daemons without a context class loader and
 * end after {@link #KEEP_ALIVE_SECONDS} idle, so a client that is closed or no longer used holds none (and never pins
 * a web application's class loader).
 */
final class ClientThreads {
    static final long KEEP_ALIVE_SECONDS = 5;

    private ClientThreads() {
    }

    /** A pool of at most {@code threads} threads named {@code prefix-N}, with an unbounded queue. */
    static ThreadPoolExecutor pool(String prefix, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory(prefix));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** One timer thread named {@code name}; cancelled tasks leave its queue at once. */
    static ScheduledThreadPoolExecutor timer(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, factory(name));
        timer.setKeepAliveTime(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static ThreadFactory factory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + '-' + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            return thread;
        };
    }
}
