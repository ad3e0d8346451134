package io.github.wxcsdk.bench.jmh;

import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The facade's two calls over each candidate transport ({@link TransportSide}). */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TransportCalls {

    /**
     * @param side the facade over one transport
     * @return the details
     */
    @Benchmark
    public Optional<ConferenceDetails> details(TransportSide side) {
        return side.conference.getConferenceDetails();
    }

    /** @param side the facade over one transport */
    @Benchmark
    public void mute(TransportSide side) {
        side.conference.mute(Wire.CALL_ID);
    }
}
