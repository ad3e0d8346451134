package io.github.wxcsdk.bench.jmh;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The facade as a user builds it: one client, shared by every caller thread. */
@State(Scope.Benchmark)
public class FacadeSide {
    /** The conference controls under test. */
    public ConferenceControlsApi conference;

    /** Builds the client once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        conference = WebexSimpleApi.builder()
                .accessToken(Wire.TOKEN)
                .baseUrl(Endpoint.baseUrl())
                .build()
                .telephony()
                .conference();
    }
}
