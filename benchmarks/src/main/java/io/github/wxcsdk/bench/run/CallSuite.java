package io.github.wxcsdk.bench.run;

import io.github.wxcsdk.bench.jmh.ConferenceCalls;
import io.github.wxcsdk.bench.jmh.ThroughputCalls;
import io.github.wxcsdk.bench.report.Comparison;
import org.openjdk.jmh.annotations.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The facade against the hand-written call, run after run in alternating order (facade first, then raw first, ...)
 * so that both see the same load: per-call percentiles (sample time, one caller), and throughput with the
 * allocation per call ({@code -prof gc}) at several caller counts.
 */
public final class CallSuite {
    /** The operations compared: display name, facade method, raw method. */
    private static final String[][] OPERATIONS = {
        {"getConferenceDetails()", "facadeDetails", "rawDetails"},
        {"mute(callId)", "facadeMute", "rawMute"},
    };

    private final JmhRunner jmh;
    private final List<String> errors = new ArrayList<>();

    /** @param jmh runs each benchmark */
    public CallSuite(JmhRunner jmh) {
        this.jmh = jmh;
    }

    /** @return every failed run, empty when all calls succeeded */
    public List<String> errors() {
        return errors;
    }

    /**
     * @param rounds how many facade/raw pairs per operation
     * @return p50 and p99 per call, one caller, per operation
     */
    public List<Comparison> latency(int rounds) {
        List<Comparison> comparisons = new ArrayList<>();
        for (String[] operation : OPERATIONS) {
            List<Measurement[]> pairs = pairs("latency", ConferenceCalls.class, operation, Mode.SampleTime, 1, false,
                    rounds);
            comparisons.add(lowerIsBetter("p50 per call", operation[0], 1, "µs", pairs, Measurement::p50));
            comparisons.add(lowerIsBetter("p99 per call", operation[0], 1, "µs", pairs, Measurement::p99));
        }
        return comparisons;
    }

    /**
     * @param callers caller thread counts
     * @param rounds  how many facade/raw pairs per operation and caller count
     * @return throughput and allocation per call, per operation and caller count
     */
    public List<Comparison> throughput(int[] callers, int rounds) {
        List<Comparison> comparisons = new ArrayList<>();
        for (String[] operation : OPERATIONS) {
            for (int threads : callers) {
                List<Measurement[]> pairs = pairs("throughput-t" + threads, ThroughputCalls.class, operation,
                        Mode.Throughput, threads, true, rounds);
                comparisons.add(throughputComparison(operation[0], threads, pairs));
                comparisons.add(allocationComparison(operation[0], threads, pairs));
            }
        }
        return comparisons;
    }

    private List<Measurement[]> pairs(String suite, Class<?> type, String[] operation, Mode mode, int threads,
                                      boolean gc, int rounds) {
        List<Measurement[]> pairs = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean facadeFirst = round % 2 == 0;
            Measurement[] pair = new Measurement[2];
            for (int i = 0; i < 2; i++) {
                int side = facadeFirst ? i : 1 - i;
                String method = operation[1 + side];
                String name = suite + "-" + method + "-r" + (round + 1);
                pair[side] = jmh.run(name, type, method, mode, threads, gc, Map.of());
                Progress.report(name, pair[side]);
                if (!pair[side].ok()) {
                    errors.add(name + ": " + pair[side].error());
                }
            }
            pairs.add(pair);
        }
        return pairs;
    }

    private static Comparison lowerIsBetter(String figure, String operation, int callers, String unit,
                                            List<Measurement[]> pairs, ToDoubleFunction<Measurement> value) {
        double[] facade = sides(pairs, 0, value);
        double[] raw = sides(pairs, 1, value);
        double f = Medians.of(facade);
        double r = Medians.of(raw);
        double ratio = f / r;
        return new Comparison(figure, operation, callers, unit, f, r, ratio, "ratio ≤ 1.10 (stretch 1.05)",
                ratio <= 1.10, rounds(facade, raw));
    }

    private static Comparison throughputComparison(String operation, int callers, List<Measurement[]> pairs) {
        double[] facade = sides(pairs, 0, Measurement::score);
        double[] raw = sides(pairs, 1, Measurement::score);
        double f = Medians.of(facade);
        double r = Medians.of(raw);
        boolean allOk = pairs.stream().allMatch(pair -> pair[0].ok() && pair[1].ok());
        long facadeErrors = pairs.stream().mapToLong(pair -> pair[0].failedCalls()).sum();
        long rawErrors = pairs.stream().mapToLong(pair -> pair[1].failedCalls()).sum();
        return new Comparison("throughput (failed calls: facade " + facadeErrors + ", raw " + rawErrors + ")",
                operation, callers, "calls/s", f, r, f / r, "≥ 0.90 × raw, zero errors",
                allOk && facadeErrors == 0 && f / r >= 0.90, rounds(facade, raw));
    }

    private static Comparison allocationComparison(String operation, int callers, List<Measurement[]> pairs) {
        double[] facade = sides(pairs, 0, Measurement::allocBytes);
        double[] raw = sides(pairs, 1, Measurement::allocBytes);
        double f = Medians.of(facade);
        double r = Medians.of(raw);
        return new Comparison("allocation per call (all threads)", operation, callers, "B", f, r, f / r,
                "≤ raw + 3 KB (3,000 B)", f - r <= 3000, rounds(facade, raw));
    }

    private static double[] sides(List<Measurement[]> pairs, int side, ToDoubleFunction<Measurement> value) {
        return pairs.stream().mapToDouble(pair -> value.applyAsDouble(pair[side])).toArray();
    }

    private static List<double[]> rounds(double[] facade, double[] raw) {
        List<double[]> rounds = new ArrayList<>();
        for (int i = 0; i < facade.length; i++) {
            rounds.add(new double[] {facade[i], raw[i]});
        }
        return rounds;
    }
}
