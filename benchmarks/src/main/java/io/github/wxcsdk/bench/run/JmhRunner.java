package io.github.wxcsdk.bench.run;

import io.github.wxcsdk.bench.jmh.Endpoint;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs one benchmark method in one forked JVM with fixed iterations, against the server at {@code baseUrl}, and
 * writes JMH's log to {@code logs/<name>.log}.
 */
public final class JmhRunner {
    private final String baseUrl;
    private final Path logs;
    private final int warmupIterations;
    private final int measurementIterations;

    /**
     * @param baseUrl               the server's API root, passed to the fork
     * @param logs                  where JMH's logs go
     * @param warmupIterations      one-second warm-up iterations per run
     * @param measurementIterations one-second measured iterations per run
     */
    public JmhRunner(String baseUrl, Path logs, int warmupIterations, int measurementIterations) {
        this.baseUrl = baseUrl;
        this.logs = logs;
        this.warmupIterations = warmupIterations;
        this.measurementIterations = measurementIterations;
    }

    /**
     * @param warmups    one-second warm-up iterations per run
     * @param iterations one-second measured iterations per run
     * @return a runner like this one with other iteration counts
     */
    public JmhRunner withIterations(int warmups, int iterations) {
        return new JmhRunner(baseUrl, logs, warmups, iterations);
    }

    /**
     * @param name    the log's name
     * @param type    the benchmark class
     * @param method  the benchmark method
     * @param mode    {@link Mode#SampleTime} or {@link Mode#Throughput}
     * @param threads caller threads
     * @param gc      whether to add {@code -prof gc}
     * @param params  JMH parameters, may be empty
     * @return the figures, or a failed measurement
     */
    public Measurement run(String name, Class<?> type, String method, Mode mode, int threads, boolean gc,
                           Map<String, String> params) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(type.getName() + "." + method) + "$")
                .mode(mode)
                .timeUnit(mode == Mode.Throughput ? TimeUnit.SECONDS : TimeUnit.MICROSECONDS)
                .threads(threads)
                .forks(1)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(measurementIterations)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xms1g", "-Xmx1g", "-D" + Endpoint.BASE_URL_PROPERTY + "=" + baseUrl)
                .shouldFailOnError(true)
                .output(logs.resolve(name + ".log").toString());
        params.forEach((key, value) -> options.param(key, value));
        if (gc) {
            options.addProfiler(GCProfiler.class);
        }
        try {
            Collection<RunResult> results = new Runner(options.build()).run();
            if (results.size() != 1) {
                return Measurement.failed("expected one result, got " + results.size() + ": see " + name + ".log");
            }
            return measurement(results.iterator().next(), mode);
        } catch (RunnerException | RuntimeException e) {
            return Measurement.failed(e.getClass().getSimpleName() + ": " + e.getMessage() + " (see " + name
                    + ".log)");
        }
    }

    private static Measurement measurement(RunResult run, Mode mode) {
        var primary = run.getPrimaryResult();
        double alloc = Double.NaN;
        long failedCalls = 0;
        for (String key : run.getSecondaryResults().keySet()) {
            if (key.endsWith("gc.alloc.rate.norm")) {
                alloc = run.getSecondaryResults().get(key).getScore();
            } else if (key.equals("errors")) {
                failedCalls = Math.round(run.getSecondaryResults().get(key).getScore());
            }
        }
        var statistics = primary.getStatistics();
        boolean sampled = mode == Mode.SampleTime;
        return new Measurement(primary.getScore(),
                sampled ? statistics.getPercentile(50) : Double.NaN,
                sampled ? statistics.getPercentile(99) : Double.NaN,
                alloc, sampled ? statistics.getN() : 0, failedCalls, null);
    }
}
