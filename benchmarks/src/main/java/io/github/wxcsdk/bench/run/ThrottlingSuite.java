package io.github.wxcsdk.bench.run;

import io.github.wxcsdk.WebexApiException;
import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.bench.server.RateLimitedServer;
import io.github.wxcsdk.bench.server.RateLimitedServer.Limit;
import io.github.wxcsdk.internal.throttle.RequestThrottle;
import io.github.wxcsdk.internal.throttle.Reservation;
import io.github.wxcsdk.internal.throttle.ThrottleReporter;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One token, many threads: 1, 16 and 64 threads share one client with default settings and call
 * {@code getConferenceDetails()} back to back against a {@link RateLimitedServer}, in both models (a token bucket of
 * 40/s with a burst of 10, and a fixed window). Reports goodput as a fraction of the limit, the share of requests
 * answered 429, failed calls and p50/p99 call latency. The fixed window is 100 requests per 10 s rather than per
 * 60 s, so that a run of several windows takes seconds, not minutes; the behaviour asked for (one 429 per window,
 * the quota used) does not depend on the window's length.
 *
 * <p>Two clients: {@link Client#SDK}, the SDK as built (whatever its executor does with 429s), and
 * {@link Client#DRIVEN}, the SDK with {@code maxRetries(0)} under a {@link RequestThrottle} that this suite drives
 * the way the executor is to drive it (reserve, wait for the turn, report the answer, wait a 429's own
 * {@code Retry-After}, give up only at the 5-minute call timeout). {@code DRIVEN} measures the throttle in real time
 * before it is wired into the executor; once it is, {@code SDK} measures the same thing.
 */
public final class ThrottlingSuite {
    private static final long SECOND = 1_000_000_000L;
    private static final int[] CALLERS = {1, 16, 64};

    private static final long CALL_TIMEOUT = 300 * SECOND;

    /** Who handles the 429s. */
    public enum Client {
        /** The SDK with default settings. */
        SDK,
        /** The SDK without retries, under a throttle this suite drives as the executor will. */
        DRIVEN
    }

    private final boolean quick;
    private final List<Client> clients;

    /**
     * @param quick   fewer calls per run
     * @param clients the clients to measure
     */
    public ThrottlingSuite(boolean quick, List<Client> clients) {
        this.quick = quick;
        this.clients = List.copyOf(clients);
    }

    /**
     * One run.
     *
     * @param client          who handled the 429s
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
     */
    public record Row(Client client, String model, int callers, int calls, double goodput, double throttledShare, long requests,
                      long failed, double p50Millis, double p99Millis, int max429PerWindow, double seconds,
                      Map<String, Integer> failures) {
    }

    /** @return every model at every caller count */
    public List<Row> run() {
        List<Row> rows = new ArrayList<>();
        for (Client client : clients) {
            for (int callers : CALLERS) {
                rows.add(runOnce(client, Limit.tokenBucket(40, 10), callers, quick ? 400 : 800));
            }
            for (int callers : CALLERS) {
                rows.add(runOnce(client, Limit.fixedWindow(100, 10), callers, quick ? 300 : 500));
            }
        }
        return rows;
    }

    private Row runOnce(Client client, Limit limit, int callers, int calls) {
        try (RateLimitedServer server = RateLimitedServer.start(limit)) {
            WebexSimpleApi.Builder builder = WebexSimpleApi.builder()
                    .accessToken(Wire.TOKEN)
                    .baseUrl(server.baseUrl());
            if (client == Client.DRIVEN) {
                builder.maxRetries(0);
            }
            ConferenceControlsApi conference = builder.build().telephony().conference();
            RequestThrottle throttle = new RequestThrottle(0, true, new ThrottleReporter(event -> { }));
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
                            if (client == Client.DRIVEN) {
                                throttled(conference, throttle, t0 + CALL_TIMEOUT);
                            } else {
                                conference.getConferenceDetails();
                            }
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
            Row row = new Row(client, limit.toString(), callers, calls, goodput(limit, server.successTimes()),
                    server.requests() == 0 ? 0 : server.throttled() / (double) server.requests(), server.requests(),
                    failed, percentile(sorted, 0.50), percentile(sorted, 0.99),
                    limit.quota() > 0 ? server.throttledPerWindow().entrySet().stream()
                            .filter(e -> e.getKey() > 0).mapToInt(Map.Entry::getValue).max().orElse(0) : -1,
                    seconds, failures);
            System.out.println("  " + line(row));
            return row;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One call as the executor is to run it with the throttle: 429s wait, and fail only at the deadline. */
    private static void throttled(ConferenceControlsApi conference, RequestThrottle throttle, long deadline) {
        while (true) {
            Reservation turn = throttle.reserve(System.nanoTime());
            for (long wait; (wait = throttle.delayNanos(turn, System.nanoTime())) > 0; ) {
                if (System.nanoTime() + wait >= deadline) {
                    throttle.cancel(turn);
                    throw new IllegalStateException("call timeout while waiting for the throttle");
                }
                LockSupport.parkNanos(Math.min(wait, RequestThrottle.MAX_WAIT_NANOS));
            }
            try {
                conference.getConferenceDetails();
                throttle.onSuccess(turn, System.nanoTime());
                return;
            } catch (WebexApiException e) {
                if (e.statusCode() != 429) {
                    throttle.onSuccess(turn, System.nanoTime());
                    throw e;
                }
                long own = throttle.onThrottled(turn, System.nanoTime(), e.retryAfter().orElse(null));
                if (System.nanoTime() + own >= deadline) {
                    throw e;
                }
                LockSupport.parkNanos(own);
            }
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
        return String.format(Locale.ROOT, "%-6s %-28s %2d threads: goodput %.2f, 429s %5.1f %% of %d requests, "
                        + "failed %d of %d, p50 %.0f ms, p99 %.0f ms%s, %.0f s %s", r.client(), r.model(), r.callers(),
                r.goodput(), 100 * r.throttledShare(), r.requests(), r.failed(), r.calls(), r.p50Millis(),
                r.p99Millis(), r.max429PerWindow() < 0 ? "" : ", max 429s/window " + r.max429PerWindow(),
                r.seconds(), r.failures().isEmpty() ? "" : r.failures());
    }

    /**
     * @param rows from {@link #run()}
     * @return the results as a Markdown table
     */
    public static String markdown(List<Row> rows) {
        StringBuilder out = new StringBuilder("| client | model | threads | goodput / limit | 429 share | failed calls "
                + "| p50 | p99 | max 429s per window (after the first) |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.1f %% | %d of %d | %.0f ms | %.0f ms "
                            + "| %s |%n", r.client(), r.model(), r.callers(), r.goodput(), 100 * r.throttledShare(), r.failed(), r.calls(),
                    r.p50Millis(), r.p99Millis(), r.max429PerWindow() < 0 ? "–" : r.max429PerWindow()));
        }
        return out.toString();
    }
}
