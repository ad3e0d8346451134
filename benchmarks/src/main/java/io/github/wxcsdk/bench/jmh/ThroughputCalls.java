package io.github.wxcsdk.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The calls of {@link ConferenceCalls}, for throughput: a failed call is counted in {@link Errors} instead of
 * aborting the run, so that a rare failure shows as a count on the side that had it. (The JDK 17 HttpClient
 * sometimes fails a request on a connection just taken from its pool, "header parser received no bytes", under
 * several callers; the facade resends state changes and idempotent calls after such a failure, a hand-written call
 * does not.)
 */
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputCalls {
    private static final ConferenceCalls CALLS = new ConferenceCalls();

    /**
     * @param side   the facade
     * @param errors this thread's failures
     * @return the details, or {@code null} after a failure
     */
    @Benchmark
    public Object facadeDetails(FacadeSide side, Errors errors) {
        try {
            return CALLS.facadeDetails(side);
        } catch (RuntimeException e) {
            errors.errors++;
            return null;
        }
    }

    /**
     * @param side   the hand-written client
     * @param errors this thread's failures
     * @return the details, or {@code null} after a failure
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    public Object rawDetails(RawSide side, Errors errors) throws InterruptedException {
        try {
            return CALLS.rawDetails(side);
        } catch (IOException | RuntimeException e) {
            errors.errors++;
            return null;
        }
    }

    /**
     * @param side   the facade
     * @param errors this thread's failures
     */
    @Benchmark
    public void facadeMute(FacadeSide side, Errors errors) {
        try {
            CALLS.facadeMute(side);
        } catch (RuntimeException e) {
            errors.errors++;
        }
    }

    /**
     * @param side   the hand-written client
     * @param errors this thread's failures
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    public void rawMute(RawSide side, Errors errors) throws InterruptedException {
        try {
            CALLS.rawMute(side);
        } catch (IOException | RuntimeException e) {
            errors.errors++;
        }
    }
}
