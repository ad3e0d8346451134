package io.github.wxcsdk.internal.throttle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * Callers of one client against a {@link ModelServer}, in virtual time (a discrete-event simulation: nothing sleeps,
 * a run of minutes takes milliseconds). Each caller makes calls back to back until the planned number is made. The
 * call rules are the executor's: a 429 waits its own {@code Retry-After} and then takes a new turn at the throttle,
 * and fails only when the call timeout would pass; {@code maxRetries} counts failures other than 429 (the model
 * servers have none). {@link Client#TODAY} models the SDK before the throttle: every 429 is handled alone, waits its
 * {@code Retry-After} (5 s without one) and uses up {@code maxRetries}.
 */
final class ThrottleSimulation {
    private static final long SECOND = ModelServer.SECOND;
    static boolean TRACE = Boolean.getBoolean("trace");

    /** Which client runs. */
    enum Client { THROTTLE, TODAY }

    /**
     * @param client           the client's rules
     * @param tuning           the throttle's algorithm
     * @param fixedRate        {@code maxRequestsPerSecond}, 0 for none
     * @param callers          threads sharing the client
     * @param calls            calls made in all
     * @param latency          round trip of one request
     * @param callTimeout      the whole-call limit
     * @param maxRetries       {@link Client#TODAY}: retries of any failure, 429 included
     * @param maxConcurrent    {@code maxConcurrentRequests}, 0 for none
     * @param holdWhileWaiting whether a call keeps its concurrency slot through its 429 waits (else: per attempt)
     */
    record Setup(Client client, ThrottleTuning tuning, double fixedRate, int callers, int calls, Duration latency,
                 Duration callTimeout, int maxRetries, int maxConcurrent, boolean holdWhileWaiting) {
        static Setup of(int callers, int calls) {
            return new Setup(Client.THROTTLE, ThrottleTuning.DEFAULT, 0, callers, calls, Duration.ofMillis(2),
                    Duration.ofMinutes(5), 3, 0, false);
        }

        Setup tuning(ThrottleTuning t) {
            return new Setup(client, t, fixedRate, callers, calls, latency, callTimeout, maxRetries, maxConcurrent,
                    holdWhileWaiting);
        }

        Setup client(Client c) {
            return new Setup(c, tuning, fixedRate, callers, calls, latency, callTimeout, maxRetries, maxConcurrent,
                    holdWhileWaiting);
        }

        Setup fixedRate(double r) {
            return new Setup(client, tuning, r, callers, calls, latency, callTimeout, maxRetries, maxConcurrent,
                    holdWhileWaiting);
        }

        Setup latency(Duration l) {
            return new Setup(client, tuning, fixedRate, callers, calls, l, callTimeout, maxRetries, maxConcurrent,
                    holdWhileWaiting);
        }

        Setup maxRetries(int m) {
            return new Setup(client, tuning, fixedRate, callers, calls, latency, callTimeout, m, maxConcurrent,
                    holdWhileWaiting);
        }

        Setup concurrency(int max, boolean hold) {
            return new Setup(client, tuning, fixedRate, callers, calls, latency, callTimeout, maxRetries, max, hold);
        }
    }

    /**
     * @param goodput          successes per second over the measured span, as a fraction of the limit
     * @param throttledShare   requests answered 429, as a fraction of all requests
     * @param requests         requests sent
     * @param succeeded        calls that succeeded
     * @param failed           calls that failed
     * @param p50              median call latency, seconds
     * @param p99              99th percentile call latency, seconds
     * @param max429PerWindow  fixed window: the most 429s in one window after the first; else -1
     * @param seconds          virtual time of the run
     */
    record Result(double goodput, double throttledShare, long requests, long succeeded, long failed, double p50,
                  double p99, int max429PerWindow, double seconds) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "goodput %.3f  429s %5.1f %%  failed %4d of %5d  p50 %6.2f s  p99 %6.2f s%s  (%.0f s virtual)",
                    goodput, 100 * throttledShare, failed, succeeded + failed, p50, p99,
                    max429PerWindow < 0 ? "" : "  max 429/window " + max429PerWindow, seconds);
        }
    }

    private record Event(long time, long seq, Runnable action) {
    }

    private final Setup setup;
    private final ModelServer server;
    private final RequestThrottle throttle;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            Comparator.comparingLong(Event::time).thenComparingLong(Event::seq));
    private final ArrayDeque<Runnable> slotQueue = new ArrayDeque<>();
    private final List<Long> latencies = new ArrayList<>();
    private final Map<Long, Integer> throttledPerWindow = new HashMap<>();
    private long seq;
    private long now;
    private int started;
    private long requests;
    private long throttled;
    private long failed;
    private final List<Long> successTimes = new ArrayList<>();
    private long lastDone;
    private int freeSlots;

    private ThrottleSimulation(Setup setup, ModelServer server) {
        this.setup = setup;
        this.server = server;
        this.throttle = new RequestThrottle(setup.fixedRate(), new ThrottleReporter(new io.github.wxcsdk.RetryListener() {
            @Override
            public void onRetry(io.github.wxcsdk.RetryEvent event) {
            }

            @Override
            public void onThrottle(io.github.wxcsdk.ThrottleEvent event) {
                if (TRACE && event.kind() == io.github.wxcsdk.ThrottleEvent.Kind.RATE_CHANGE) {
                    System.out.printf("    t=%8.3f rate %8.2f %s%n", now / 1e9, event.requestsPerSecond(),
                            event.reason());
                }
            }
        }), setup.tuning());
        this.freeSlots = setup.maxConcurrent();
    }

    static Result run(Setup setup, Supplier<ModelServer> server) {
        return new ThrottleSimulation(setup, server.get()).run();
    }

    private Result run() {
        for (int i = 0; i < setup.callers(); i++) {
            at(0, this::startCall);
        }
        while (!events.isEmpty()) {
            Event event = events.poll();
            now = event.time();
            event.action().run();
        }
        Collections.sort(latencies);
        double seconds = lastDone / (double) SECOND;
        double goodput;
        int maxPerWindow = -1;
        long window = server.windowNanos();
        if (window > 0) {
            // the windows after the first and before the last, which the run may leave half used
            long end = lastDone / window * window;
            long inSpan = successTimes.stream().filter(t -> t >= window && t < end).count();
            goodput = end <= window ? 0 : inSpan / ((end - window) / (double) SECOND) / server.limit();
            maxPerWindow = throttledPerWindow.entrySet().stream().filter(e -> e.getKey() > 0)
                    .mapToInt(Map.Entry::getValue).max().orElse(0);
        } else {
            goodput = latencies.size() / seconds / server.limit();
        }
        return new Result(goodput, requests == 0 ? 0 : throttled / (double) requests, requests, latencies.size(),
                failed, percentile(0.50), percentile(0.99), maxPerWindow, seconds);
    }

    private final class Call {
        final long start = now;
        final long deadline = now + setup.callTimeout().toNanos();
        int attempts;
        boolean holdsSlot;
    }

    private void startCall() {
        if (started >= setup.calls()) {
            return;
        }
        started++;
        attempt(new Call());
    }

    private void attempt(Call call) {
        if (setup.maxConcurrent() > 0 && !call.holdsSlot) {
            acquireSlot(() -> {
                call.holdsSlot = true;
                takeTurn(call);
            });
        } else {
            takeTurn(call);
        }
    }

    private void takeTurn(Call call) {
        if (setup.client() == Client.TODAY) {
            send(call, Reservation.IMMEDIATE);
            return;
        }
        Reservation turn = throttle.reserve(now);
        awaitTurn(call, turn);
    }

    private void awaitTurn(Call call, Reservation turn) {
        long delay = throttle.delayNanos(turn, now);
        if (delay == 0) {
            send(call, turn);
        } else if (now + delay >= call.deadline) {
            throttle.cancel(turn);
            fail(call);
        } else {
            at(now + Math.min(delay, RequestThrottle.MAX_WAIT_NANOS), () -> awaitTurn(call, turn));
        }
    }

    private void send(Call call, Reservation turn) {
        requests++;
        call.attempts++;
        long half = setup.latency().toNanos() / 2;
        at(now + half, () -> {
            Duration retryAfter = server.answer(now);
            at(now + setup.latency().toNanos() - half, () -> answered(call, turn, retryAfter));
        });
    }

    private void answered(Call call, Reservation turn, Duration retryAfter) {
        if (retryAfter == null) {
            if (setup.client() == Client.THROTTLE) {
                throttle.onSuccess(turn, now);
            }
            releaseSlot(call);
            latencies.add(now - call.start);
            successTimes.add(now);
            lastDone = Math.max(lastDone, now);
            startCall();
            return;
        }
        throttled++;
        if (server.windowNanos() > 0) {
            throttledPerWindow.merge(now / server.windowNanos(), 1, Integer::sum);
        }
        Duration given = retryAfter.isZero() ? null : retryAfter;
        long wait;
        if (setup.client() == Client.THROTTLE) {
            wait = throttle.onThrottled(turn, now, given);
        } else {
            if (call.attempts > setup.maxRetries()) {
                fail(call);
                return;
            }
            Duration capped = given == null ? Duration.ofSeconds(5)
                    : given.compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60) : given;
            wait = capped.toNanos();
        }
        if (now + wait >= call.deadline) {
            fail(call);
            return;
        }
        if (!setup.holdWhileWaiting()) {
            releaseSlot(call);
        }
        at(now + wait, () -> attempt(call));
    }

    private void fail(Call call) {
        failed++;
        releaseSlot(call);
        lastDone = Math.max(lastDone, now);
        startCall();
    }

    private void acquireSlot(Runnable then) {
        if (freeSlots > 0) {
            freeSlots--;
            then.run();
        } else {
            slotQueue.add(then);
        }
    }

    private void releaseSlot(Call call) {
        if (!call.holdsSlot) {
            return;
        }
        call.holdsSlot = false;
        Runnable next = slotQueue.poll();
        if (next != null) {
            at(now, next);
        } else {
            freeSlots++;
        }
    }

    private void at(long time, Runnable action) {
        events.add(new Event(time, seq++, action));
    }

    private double percentile(double p) {
        if (latencies.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(latencies.size() - 1, Math.ceil(p * latencies.size()) - 1);
        return latencies.get(Math.max(0, index)) / (double) SECOND;
    }
}
