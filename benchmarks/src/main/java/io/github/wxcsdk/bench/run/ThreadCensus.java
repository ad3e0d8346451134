package io.github.wxcsdk.bench.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which threads a piece of work started: the JVM's count of started threads before and after, and the names of the
 * threads that were not there before, sampled every {@value #SAMPLE_MILLIS} ms by a thread of its own (started before
 * the count is taken, so it is never counted). Names are grouped with their numbers replaced by {@code N}, so
 * {@code wxc-sdk-async-io-3} and a JDK thread such as {@code HttpClient-7-SelectorManager} or a
 * {@code CompletableFuture} task thread ({@code Thread-N}) each show as one group. A thread that starts and ends
 * between two samples is counted but not named.
 */
final class ThreadCensus implements AutoCloseable {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long SAMPLE_MILLIS = 10;

    private final Set<Long> before;
    private final Map<Long, String> seen = new ConcurrentHashMap<>();
    private final Thread sampler;
    private final long startedBefore;
    private volatile boolean running = true;

    private ThreadCensus() {
        before = Arrays.stream(all()).map(Thread::getId).collect(Collectors.toSet());
        sampler = new Thread(this::sample, "bench-census");
        sampler.setDaemon(true);
        sampler.start();
        startedBefore = THREADS.getTotalStartedThreadCount();
    }

    /** @return a census that counts from now */
    static ThreadCensus start() {
        return new ThreadCensus();
    }

    /** @return threads started since {@link #start()} */
    long started() {
        return THREADS.getTotalStartedThreadCount() - startedBefore;
    }

    /**
     * @param excluded a prefix of names not to list (the benchmark's own caller threads)
     * @return the threads seen that were not there at the start, by group, with how many of each
     */
    Map<String, Integer> groups(String excluded) {
        sampleOnce();
        Map<String, Integer> groups = new TreeMap<>();
        seen.values().stream().filter(name -> !name.startsWith(excluded))
                .forEach(name -> groups.merge(group(name), 1, Integer::sum));
        return groups;
    }

    /** Stops sampling. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(sampler);
    }

    /**
     * @param name which thread names count
     * @return how many live threads have such a name
     */
    static int alive(Predicate<String> name) {
        return aliveNames(name).size();
    }

    /**
     * @param name which thread names count
     * @return the live threads with such a name, as {@code name (state)}, sorted; one that has just ended but is
     *         still listed by its thread group is left out
     */
    static List<String> aliveNames(Predicate<String> name) {
        return Arrays.stream(all()).filter(thread -> name.test(thread.getName()))
                .filter(thread -> thread.getState() != Thread.State.TERMINATED)
                .map(thread -> thread.getName() + " (" + thread.getState() + ")").sorted().toList();
    }

    /** @return the name with every number replaced by {@code N} */
    static String group(String name) {
        return name.replaceAll("\\d+", "N");
    }

    private void sample() {
        while (running) {
            sampleOnce();
            LockSupport.parkNanos(SAMPLE_MILLIS * 1_000_000);
        }
    }

    private void sampleOnce() {
        for (Thread thread : all()) {
            long id = thread.getId();
            if (!before.contains(id) && thread != sampler) {
                seen.putIfAbsent(id, thread.getName());
            }
        }
    }

    private static Thread[] all() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        return Arrays.copyOf(threads, root.enumerate(threads, true));
    }
}
