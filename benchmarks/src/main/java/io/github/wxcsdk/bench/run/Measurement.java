package io.github.wxcsdk.bench.run;

/**
 * What one JMH run gave.
 *
 * @param score       the primary score: operations per second (throughput) or mean microseconds (sample time)
 * @param p50         the median time per call in microseconds (sample time only)
 * @param p99         the 99th percentile in microseconds (sample time only)
 * @param allocBytes  bytes allocated per call by all threads ({@code -prof gc}), NaN without it
 * @param operations  how many calls were measured
 * @param failedCalls calls that failed during the measured iterations (counted by {@code ThroughputCalls}), else 0
 * @param error       why the run failed, {@code null} when it completed
 */
public record Measurement(double score, double p50, double p99, double allocBytes, long operations,
                          long failedCalls, String error) {

    static Measurement failed(String error) {
        return new Measurement(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, error);
    }

    /** @return whether every call of the run succeeded */
    public boolean ok() {
        return error == null;
    }
}
