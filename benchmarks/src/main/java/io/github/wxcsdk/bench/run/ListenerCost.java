package io.github.wxcsdk.bench.run;

import io.github.wxcsdk.bench.jmh.ListenerSide;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a call listener adds to a call, measured as CPU time of the calling thread rather than wall time: on a shared
 * machine (2 cores, several builds at once) the wall time of a JMH run mostly measures the waits for a core, while the
 * thread's CPU time counts only the work. Runs the in-memory {@code hold()} of {@link ListenerSide} with each listener
 * in one JVM, the variants interleaved round by round (so load drifts hit all alike), and prints the median CPU
 * nanoseconds per call and the difference to no listener. Sharing a JVM makes the listener dispatch polymorphic for
 * all variants, a slight penalty on each.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.wxcsdk.bench.run.ListenerCost [calls per round] [rounds]
 * </pre>
 */
public final class ListenerCost {
    private static final String[] VARIANTS = {"none", "noop", "micrometer", "opentelemetry"};

    private ListenerCost() {
    }

    /**
     * @param args calls per round (default 200,000) and measured rounds (default 9)
     */
    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ListenerSide[] sides = new ListenerSide[VARIANTS.length];
        for (int i = 0; i < VARIANTS.length; i++) {
            sides[i] = new ListenerSide();
            sides[i].listener = VARIANTS[i];
            sides[i].setUp();
        }
        try {
            for (int warm = 0; warm < 3; warm++) {
                for (ListenerSide side : sides) {
                    run(side, calls);
                }
            }
            double[][] perCall = new double[VARIANTS.length][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < VARIANTS.length; k++) {
                    int i = (k + round) % VARIANTS.length;
                    long before = threads.getCurrentThreadCpuTime();
                    run(sides[i], calls);
                    perCall[i][round] = (threads.getCurrentThreadCpuTime() - before) / (double) calls;
                }
            }
            double base = median(perCall[0]);
            System.out.printf(Locale.ROOT, "hold() in memory, CPU time of the calling thread, %d rounds of %d calls,"
                    + " load %.2f%n", rounds, calls, ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
            for (int i = 0; i < VARIANTS.length; i++) {
                double[] sorted = perCall[i].clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "  %-14s median %7.0f ns/call (min %7.0f, max %7.0f)  %+6.0f ns%n",
                        VARIANTS[i], median(perCall[i]), sorted[0], sorted[sorted.length - 1],
                        median(perCall[i]) - base);
            }
        } finally {
            for (ListenerSide side : sides) {
                side.tearDown();
            }
        }
    }

    private static void run(ListenerSide side, int calls) {
        for (int n = 0; n < calls; n++) {
            side.facade.hold();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
