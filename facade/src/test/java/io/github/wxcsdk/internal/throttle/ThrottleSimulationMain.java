package io.github.wxcsdk.internal.throttle;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Prints the simulation tables that chose the throttle's algorithm (results in {@code benchmarks/RESULTS.md}, section "Throttling: one token, many threads"). Run with
 * {@code java -cp facade/target/classes:facade/target/test-classes:<slf4j-api> ...ThrottleSimulationMain}.
 */
public final class ThrottleSimulationMain {
    private ThrottleSimulationMain() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        Supplier<ModelServer> bucket = () -> new ModelServer.TokenBucket(40, 10, true);
        Supplier<ModelServer> bucketNoRetryAfter = () -> new ModelServer.TokenBucket(40, 10, false);
        Supplier<ModelServer> window = () -> new ModelServer.FixedWindow(600, Duration.ofSeconds(60));
        Supplier<ModelServer> shortWindow = () -> new ModelServer.FixedWindow(100, Duration.ofSeconds(10));
        int[] callers = {1, 16, 64};
        ThrottleTuning d = ThrottleTuning.DEFAULT;
        section("today's SDK (no throttle), token bucket 40/s burst 10, 800 calls", callers, bucket, 800,
                s -> s.client(ThrottleSimulation.Client.TODAY));
        section("today's SDK, maxRetries(10)", new int[] {64}, bucket, 800,
                s -> s.client(ThrottleSimulation.Client.TODAY).maxRetries(10));
        section("today's SDK, maxConcurrentRequests(4), slot released for the 429 wait", new int[] {64}, bucket, 800,
                s -> s.client(ThrottleSimulation.Client.TODAY).concurrency(4, false));
        section("today's SDK, maxConcurrentRequests(4), slot held through the 429 wait", new int[] {64}, bucket, 800,
                s -> s.client(ThrottleSimulation.Client.TODAY).concurrency(4, true));
        for (ThrottleTuning.Gate gate : ThrottleTuning.Gate.values()) {
            for (ThrottleTuning.Probe probe : ThrottleTuning.Probe.values()) {
                ThrottleTuning t = d.with(gate).with(probe);
                section("throttle gate=" + gate + " probe=" + probe + ", token bucket, 2400 calls", callers, bucket,
                        2400, s -> s.tuning(t));
                section("throttle gate=" + gate + " probe=" + probe + ", token bucket, 800 calls", new int[] {64},
                        bucket, 800, s -> s.tuning(t));
                section("throttle gate=" + gate + " probe=" + probe + ", fixed window 600/60 s, 3000 calls", callers,
                        window, 3000, s -> s.tuning(t));
            }
        }
        for (double beta : new double[] {0.7, 0.8, 0.9, 0.95}) {
            ThrottleTuning t = d.withBeta(beta);
            section("default, beta " + beta + ", token bucket 2400 calls", new int[] {64}, bucket, 2400,
                    s -> s.tuning(t));
        }
        for (double c : new double[] {1e-5, 1e-4, 1e-3, 1e-2}) {
            ThrottleTuning t = d.withCubicScale(c);
            section("default, cubic C " + c + ", token bucket 2400 calls", new int[] {64}, bucket, 2400,
                    s -> s.tuning(t));
        }
        section("default, fixed window 100/10 s (the benchmark's), 500 calls", callers, shortWindow, 500, s -> s);
        section("default, fixed window 100/10 s, latency 20 ms, 500 calls", callers, shortWindow, 500,
                s -> s.latency(Duration.ofMillis(20)));
        section("default, token bucket without Retry-After, 2400 calls", callers, bucketNoRetryAfter, 2400, s -> s);
        section("default, latency 50 ms, token bucket, 2400 calls", callers, bucket, 2400,
                s -> s.latency(Duration.ofMillis(50)));
        section("default, latency 50 ms, fixed window, 3000 calls", callers, window, 3000,
                s -> s.latency(Duration.ofMillis(50)));
        section("default + maxConcurrentRequests(4) held through waits, token bucket", new int[] {64}, bucket, 2400,
                s -> s.concurrency(4, true));
        section("default + maxConcurrentRequests(4) held through waits, fixed window", new int[] {64}, window, 3000,
                s -> s.concurrency(4, true));
        section("maxRequestsPerSecond(38), token bucket", callers, bucket, 2400, s -> s.fixedRate(38));
        section("maxRequestsPerSecond(10), fixed window", callers, window, 3000, s -> s.fixedRate(10));
    }

    private static void section(String title, int[] callers, Supplier<ModelServer> server, int calls,
                                java.util.function.UnaryOperator<ThrottleSimulation.Setup> setup) {
        System.out.println(title);
        for (int n : callers) {
            ThrottleSimulation.Result r = ThrottleSimulation.run(setup.apply(ThrottleSimulation.Setup.of(n, calls)),
                    server);
            System.out.printf("  %2d callers: %s%n", n, r);
        }
    }
}
