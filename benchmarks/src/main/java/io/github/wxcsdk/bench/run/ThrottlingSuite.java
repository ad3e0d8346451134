package io.github.wxcsdk.bench.run;

import io.github.wxcsdk.WebexApiException;
import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.bench.server.RateLimitedServer;
import io.github.wxcsdk.bench.server.RateLimitedServer.Limit;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One token, many threads: 1, 16 and 64 threads share one client with default settings and call
 * {@code getConferenceDetails()} back to back against a {@link RateLimitedServer}, in both models (a token bucket of
 * 40/s with a burst of 10, and a fixed window). Reports goodput as a fraction of the limit, the share of requests
 * answered 429, failed calls and p50/p99 call latency. The fixed window is 100 requests per 10 s rather than per
 * 60 s, so that a run of several windows takes seconds, not minutes; the behaviour asked for (one 429 per window,
 * the quota used) does not depend on the window's length.
 */
public final class ThrottlingSuite {
    private static final long SECOND = 1_000_000_000L;
    private static final int[] CALLERS = {1, 16, 64};

    private final boolean quick;

    /** @param quick fewer calls per run */
    public ThrottlingSuite(boolean quick) {
        this.quick = quick;
    }

    /**
     * One run.
     *
     * @param model           the server's limit
     * @param callers         threads sharing the client
     * @param calls           calls made in all
     * @param goodput         successes per second as a fraction of the limit (fixed window: in the windows after
     *                        the first and before the last, which the run may leave half used)
     * @param throttledShare  requests answered 429, as a fraction of all requests
     * @param requests        requests the server answered
     * @param failed          calls that ended with an exception
     * @param p50Millis       median latency of the successful calls
     * @param p99Millis       99th percentile latency of the successful calls
     * @param max429PerWindow fixed window: the most 429s in one window after the first; -1 for a token bucket
     * @param seconds         the run's wall time
     * @param failures        failed calls by exception and status
     * @param perWindow       fixed window: 429s per window number, from 0; empty for a token bucket
     */
    public record Row(String model, int callers, int calls, double goodput, double throttledShare, long requests,
                      long failed, double p50Millis, double p99Millis, int max429PerWindow, double seconds,
                      Map<String, Integer> failures, Map<Long, Integer> perWindow) {
    }

    /**
     * @return every model at every caller count; {@code -Dthrottling.bucketCalls=N} sets the calls of the token-bucket
     *         runs (default 800, the load test), and {@code -Dthrottling.callers=64} runs one caller count
     */
    public List<Row> run() {
        List<Row> rows = new ArrayList<>();
        int bucketCalls = Integer.getInteger("throttling.bucketCalls", quick ? 400 : 800);
        String only = System.getProperty("throttling.callers");
        for (int callers : CALLERS) {
            if (only != null && !only.equals(Integer.toString(callers))) {
                continue;
            }
            rows.add(runOnce(Limit.tokenBucket(40, 10), callers, bucketCalls));
        }
        if (only != null) {
            return rows;
        }
        for (int callers : CALLERS) {
            rows.add(runOnce(Limit.fixedWindow(100, 10), callers, quick ? 300 : 500));
        }
        return rows;
    }

    private Row runOnce(Limit limit, int callers, int calls) {
        try (RateLimitedServer server = RateLimitedServer.start(limit)) {
            ConferenceControlsApi conference = WebexSimpleApi.builder()
                    .accessToken(Wire.TOKEN)
                    .baseUrl(server.baseUrl())
                    .build()
                    .telephony()
                    .conference();
            AtomicInteger next = new AtomicInteger();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            Map<String, Integer> failures = new TreeMap<>();
            long started = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Thread thread = new Thread(() -> {
                    while (next.getAndIncrement() < calls) {
                        long t0 = System.nanoTime();
                        try {
                            conference.getConferenceDetails();
                            latencies.add(System.nanoTime() - t0);
                        } catch (RuntimeException e) {
                            String what = e.getClass().getSimpleName()
                                    + (e instanceof WebexApiException api ? " " + api.statusCode() : "");
                            synchronized (failures) {
                                failures.merge(what, 1, Integer::sum);
                            }
                        }
                    }
                }, "throttling-caller-" + i);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (System.nanoTime() - started) / (double) SECOND;
            long failed = failures.values().stream().mapToLong(Integer::intValue).sum();
            List<Long> sorted = latencies.stream().sorted().toList();
            Row row = new Row(limit.toString(), callers, calls, goodput(limit, server.successTimes()),
                    server.requests() == 0 ? 0 : server.throttled() / (double) server.requests(), server.requests(),
                    failed, percentile(sorted, 0.50), percentile(sorted, 0.99),
                    limit.quota() > 0 ? server.throttledPerWindow().entrySet().stream()
                            .filter(e -> e.getKey() > 0).mapToInt(Map.Entry::getValue).max().orElse(0) : -1,
                    seconds, failures, new TreeMap<>(server.throttledPerWindow()));
            System.out.println("  " + line(row));
            return row;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static double goodput(Limit limit, List<Long> successes) {
        if (successes.isEmpty()) {
            return 0;
        }
        long last = successes.get(successes.size() - 1);
        if (limit.quota() == 0) {
            return successes.size() / (last / (double) SECOND) / limit.perSecond();
        }
        // the windows after the first, up to the last one, which the run may leave half used
        long window = limit.window();
        long end = last / window * window;
        if (end <= window) {
            return Double.NaN;
        }
        long after = successes.stream().filter(t -> t >= window && t < end).count();
        return after / ((end - window) / (double) SECOND) / limit.perSecond();
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.max(0, Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        return sorted.get(index) / 1e6;
    }

    private static String line(Row r) {
        return String.format(Locale.ROOT, "%-28s %2d threads: goodput %.2f, 429s %5.1f %% of %d requests, "
                        + "failed %d of %d, p50 %.0f ms, p99 %.0f ms%s, %.0f s %s", r.model(), r.callers(),
                r.goodput(), 100 * r.throttledShare(), r.requests(), r.failed(), r.calls(), r.p50Millis(),
                r.p99Millis(), r.max429PerWindow() < 0 ? "" : ", 429s per window " + r.perWindow(),
                r.seconds(), r.failures().isEmpty() ? "" : r.failures());
    }

    /**
     * @param rows from {@link #run()}
     * @return the results as a Markdown table
     */
    public static String markdown(List<Row> rows) {
        StringBuilder out = new StringBuilder("| model | threads | goodput / limit | 429 share | failed calls "
                + "| p50 | p99 | max 429s per window (after the first) |\n|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.1f %% | %d of %d | %.0f ms | %.0f ms | %s |%n",
                    r.model(), r.callers(), r.goodput(), 100 * r.throttledShare(), r.failed(), r.calls(),
                    r.p50Millis(), r.p99Millis(), r.max429PerWindow() < 0 ? "–" : r.max429PerWindow()));
        }
        return out.toString();
    }
}
