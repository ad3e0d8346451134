package io.github.wxcsdk.bench.run;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.bench.raw.RawConferenceClient;
import io.github.wxcsdk.bench.report.Comparison;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Facade and raw call side by side in one JVM, interleaved so that both meet the same machine at the same moment:
 * per-call latency alternates call by call (facade, raw, raw, facade, ...), throughput alternates one-second slices
 * of all callers on one side. The JMH suites run each side in its own fork, one after the other; on a shared 2-core
 * machine their rounds differ by 10–20 % for the same code, which this design cancels. Same clients, same server, same
 * calls as the JMH suites.
 */
public final class InterleavedSuite {
    private static final String[] OPERATIONS = {"getConferenceDetails()", "mute(callId)"};

    /** One side's call. */
    private interface Call {
        void run() throws Exception;
    }

    private final ConferenceControlsApi facade;
    private final RawConferenceClient raw;
    private final int latencyRounds;
    private final int pairsPerRound;
    private final int warmupSlices;
    private final int slicePairs;

    /**
     * @param baseUrl        the canned server
     * @param latencyRounds  measured rounds of call-by-call pairs, after one warm-up round
     * @param pairsPerRound  facade/raw call pairs per latency round
     * @param warmupSlices   one-second slices per side before throughput is measured
     * @param slicePairs     measured facade/raw one-second slice pairs per caller count
     */
    public InterleavedSuite(String baseUrl, int latencyRounds, int pairsPerRound, int warmupSlices, int slicePairs) {
        this.facade = WebexSimpleApi.builder().accessToken(Wire.TOKEN).baseUrl(baseUrl).build().telephony()
                .conference();
        this.raw = new RawConferenceClient(baseUrl, Wire.TOKEN);
        this.latencyRounds = latencyRounds;
        this.pairsPerRound = pairsPerRound;
        this.warmupSlices = warmupSlices;
        this.slicePairs = slicePairs;
    }

    /**
     * @return p50 and p99 per call for both operations, each the median over rounds
     * @throws Exception when a call fails
     */
    public List<Comparison> latency() throws Exception {
        List<Comparison> comparisons = new ArrayList<>();
        for (String operation : OPERATIONS) {
            Call[] sides = sides(operation);
            List<double[]> p50 = new ArrayList<>();
            List<double[]> p99 = new ArrayList<>();
            for (int round = 0; round <= latencyRounds; round++) {
                double[][] micros = new double[2][pairsPerRound];
                for (int i = 0; i < pairsPerRound; i++) {
                    for (int k = 0; k < 2; k++) {
                        int side = (i + k) % 2;
                        long start = System.nanoTime();
                        sides[side].run();
                        micros[side][i] = (System.nanoTime() - start) / 1e3;
                    }
                }
                if (round > 0) {
                    p50.add(new double[] {Medians.percentile(micros[0], 50), Medians.percentile(micros[1], 50)});
                    p99.add(new double[] {Medians.percentile(micros[0], 99), Medians.percentile(micros[1], 99)});
                }
            }
            comparisons.add(ratioComparison("p50 per call, interleaved", operation, 1, "µs", p50));
            comparisons.add(ratioComparison("p99 per call, interleaved", operation, 1, "µs", p99));
            Progress.line(String.format("  interleaved latency %-24s p50 %.3f  p99 %.3f", operation,
                    comparisons.get(comparisons.size() - 2).ratio(), comparisons.get(comparisons.size() - 1).ratio()));
        }
        return comparisons;
    }

    /**
     * @param callers the caller counts
     * @return calls per second for both operations at each caller count, each the median over slice pairs
     * @throws InterruptedException when interrupted
     */
    public List<Comparison> throughput(int[] callers) throws InterruptedException {
        List<Comparison> comparisons = new ArrayList<>();
        for (String operation : OPERATIONS) {
            Call[] sides = sides(operation);
            for (int threads : callers) {
                long[] failed = new long[2];
                for (int slice = 0; slice < warmupSlices; slice++) {
                    callsInOneSecond(sides[slice % 2], threads, new long[1]);
                }
                List<double[]> pairs = new ArrayList<>();
                for (int pair = 0; pair < slicePairs; pair++) {
                    double[] rates = new double[2];
                    for (int k = 0; k < 2; k++) {
                        int side = (pair + k) % 2;
                        long[] errors = new long[1];
                        rates[side] = callsInOneSecond(sides[side], threads, errors);
                        failed[side] += errors[0];
                    }
                    pairs.add(rates);
                }
                Comparison rates = ratioComparison("throughput, interleaved (failed calls: facade " + failed[0]
                        + ", raw " + failed[1] + ")", operation, threads, "calls/s", pairs);
                comparisons.add(new Comparison(rates.figure(), operation, threads, rates.unit(), rates.facade(),
                        rates.raw(), rates.ratio(), "≥ 0.90 × raw, zero errors",
                        failed[0] == 0 && rates.ratio() >= 0.90, rates.rounds()));
                Progress.line(String.format("  interleaved throughput %-21s t%-2d %.3f (failed: facade %d, raw %d)",
                        operation, threads, rates.ratio(), failed[0], failed[1]));
            }
        }
        return comparisons;
    }

    private Call[] sides(String operation) {
        return operation.startsWith("mute")
                ? new Call[] {() -> facade.mute(Wire.CALL_ID), () -> raw.mute(Wire.CALL_ID)}
                : new Call[] {facade::getConferenceDetails, raw::details};
    }

    /** The ratio of the medians of each side over pairs; the ratio, not each figure, is what interleaving keeps fair. */
    private static Comparison ratioComparison(String figure, String operation, int callers, String unit,
                                              List<double[]> pairs) {
        double[] facadeValues = pairs.stream().mapToDouble(pair -> pair[0]).toArray();
        double[] rawValues = pairs.stream().mapToDouble(pair -> pair[1]).toArray();
        double f = Medians.of(facadeValues);
        double r = Medians.of(rawValues);
        double ratio = f / r;
        boolean higherIsBetter = unit.equals("calls/s");
        return new Comparison(figure, operation, callers, unit, f, r, ratio,
                higherIsBetter ? "≥ 0.90 × raw" : "ratio ≤ 1.10 (stretch 1.05)",
                higherIsBetter ? ratio >= 0.90 : ratio <= 1.10, pairs);
    }

    private static double callsInOneSecond(Call call, int threads, long[] failed) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Thread[] callers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            callers[i] = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        call.run();
                        calls.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        long start = System.nanoTime();
        for (Thread caller : callers) {
            caller.start();
        }
        Thread.sleep(1000);
        stop.set(true);
        long counted = calls.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Thread caller : callers) {
            caller.join();
        }
        failed[0] = errors.get();
        return counted / seconds;
    }
}
