package io.github.wxcsdk.bench.run;

import io.github.wxcsdk.bench.cold.ColdStart;
import io.github.wxcsdk.bench.report.Comparison;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: a fresh JVM (default flags, the same class path for both sides) from launch to the first successful
 * {@code getConferenceDetails()}, measured by the parent until the child prints {@code OK}. Facade and raw JVMs
 * alternate; one of each is run first and not counted, so both find the files in the page cache.
 */
public final class ColdStartSuite {
    private final String baseUrl;
    private final List<String> errors = new ArrayList<>();

    /** @param baseUrl the server's API root */
    public ColdStartSuite(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return every failed start */
    public List<String> errors() {
        return errors;
    }

    /**
     * @param jvms how many JVMs per side are counted
     * @return the median milliseconds of each side
     */
    public Comparison run(int jvms) {
        start("facade");
        start("raw");
        double[] facade = new double[jvms];
        double[] raw = new double[jvms];
        List<double[]> rounds = new ArrayList<>();
        for (int i = 0; i < jvms; i++) {
            if (i % 2 == 0) {
                facade[i] = start("facade");
                raw[i] = start("raw");
            } else {
                raw[i] = start("raw");
                facade[i] = start("facade");
            }
            rounds.add(new double[] {facade[i], raw[i]});
        }
        double f = Medians.of(facade);
        double r = Medians.of(raw);
        Progress.line(String.format("  cold start: facade median %.0f ms (min %.0f, p90 %.0f), raw median %.0f ms"
                        + " (min %.0f, p90 %.0f)", f, Medians.percentile(facade, 0), Medians.percentile(facade, 90),
                r, Medians.percentile(raw, 0), Medians.percentile(raw, 90)));
        return new Comparison("cold start to first getConferenceDetails() (median of " + jvms + " JVMs)",
                "getConferenceDetails()", 1, "ms", f, r, f / r, "≤ raw + 100 ms", f - r <= 100, rounds);
    }

    private double start(String side) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ColdStart.class.getName(), side, baseUrl)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long started = System.nanoTime();
        try {
            Process process = builder.start();
            String line;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                line = out.readLine();
            }
            double millis = (System.nanoTime() - started) / 1e6;
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            if (!"OK".equals(line)) {
                errors.add("cold start of " + side + " printed " + line);
                return Double.NaN;
            }
            return millis;
        } catch (IOException e) {
            errors.add("cold start of " + side + ": " + e);
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
