package io.github.wxcsdk.bench.jmh;

import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.bench.raw.RawConferenceClient;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The hand-written baseline: one client, shared by every caller thread. */
@State(Scope.Benchmark)
public class RawSide {
    /** The hand-written client. */
    public RawConferenceClient client;

    /** Builds the client once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        client = new RawConferenceClient(Endpoint.baseUrl(), Wire.TOKEN);
    }
}
