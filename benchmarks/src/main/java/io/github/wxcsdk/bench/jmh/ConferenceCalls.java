package io.github.wxcsdk.bench.jmh;

import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.bench.raw.RawConferenceDetails;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The four calls compared: facade and hand-written, details and mute. Mode, threads and iterations come from the
 * runner ({@code BenchmarkMain}). Any failure (exception, unexpected status) aborts the run and is reported as an
 * error, so a completed run means every call succeeded.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConferenceCalls {

    /**
     * @param side the facade
     * @return the details, so that nothing is optimised away
     */
    @Benchmark
    public Optional<ConferenceDetails> facadeDetails(FacadeSide side) {
        return side.conference.getConferenceDetails();
    }

    /**
     * @param side the hand-written client
     * @return the details
     * @throws IOException          on failure
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    public RawConferenceDetails rawDetails(RawSide side) throws IOException, InterruptedException {
        return side.client.details();
    }

    /** @param side the facade */
    @Benchmark
    public void facadeMute(FacadeSide side) {
        side.conference.mute(Wire.CALL_ID);
    }

    /**
     * @param side the hand-written client
     * @throws IOException          on failure
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    public void rawMute(RawSide side) throws IOException, InterruptedException {
        side.client.mute(Wire.CALL_ID);
    }
}
