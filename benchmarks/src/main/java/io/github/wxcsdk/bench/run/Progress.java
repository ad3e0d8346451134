package io.github.wxcsdk.bench.run;

import io.github.wxcsdk.bench.report.Machine;

import java.util.Locale;

/** One line on standard output per finished run, so a long benchmark shows where it is. */
final class Progress {
    private Progress() {
    }

    static void report(String name, Measurement measurement) {
        if (!measurement.ok()) {
            System.out.printf(Locale.ROOT, "  %-40s FAILED %s%n", name, measurement.error());
        } else if (Double.isNaN(measurement.p50())) {
            System.out.printf(Locale.ROOT, "  %-40s %10.0f calls/s  %8.0f B/call  %d failed  (load %s)%n", name,
                    measurement.score(), measurement.allocBytes(), measurement.failedCalls(), Machine.load());
        } else {
            System.out.printf(Locale.ROOT, "  %-40s p50 %7.1f µs  p99 %7.1f µs  (load %s)%n", name,
                    measurement.p50(), measurement.p99(), Machine.load());
        }
        System.out.flush();
    }

    static void line(String text) {
        System.out.println(text);
        System.out.flush();
    }
}
