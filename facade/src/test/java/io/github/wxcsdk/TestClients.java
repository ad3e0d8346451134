package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.Blocking;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;

/** Clients for tests: pointed at a local server, with fake time and fixed jitter, so nothing really waits. */
public final class TestClients {
    /** The token every test client uses. */
    public static final String TOKEN = "test-token-123";

    private TestClients() {
    }

    /**
     * @param stub the server to talk to
     * @param time the clock and sleeper
     * @return a builder the test may adjust further
     */
    public static WebexSimpleApi.Builder builder(StubServer stub, FakeTime time) {
        return builder(stub.baseUrl(), time);
    }

    /**
     * @param baseUrl the API root of the server to talk to
     * @param time    the clock and sleeper
     * @return a builder the test may adjust further
     */
    public static WebexSimpleApi.Builder builder(String baseUrl, FakeTime time) {
        return realTimeBuilder(baseUrl)
                .time(time)
                .jitter(() -> 0.5);
    }

    /**
     * For tests of time limits, which must measure real time.
     *
     * @param baseUrl the API root of the server to talk to
     * @return a builder with the real clock and sleeper
     */
    public static WebexSimpleApi.Builder realTimeBuilder(String baseUrl) {
        return WebexSimpleApi.builder()
                .accessToken(TOKEN)
                .baseUrl(baseUrl)
                .environment(name -> null);
    }

    /** Which API a test runs through: the same expectations hold for both. */
    public enum Api {
        /** {@code build()}: the calling thread waits. */
        SYNC,
        /** {@code buildAsync()}, each future joined ({@link Blocking}). */
        ASYNC;

        /**
         * @param builder the configured builder
         * @return the user's conference controls of a client built as this API builds it
         */
        public ConferenceControlsApi conference(WebexSimpleApi.Builder builder) {
            return this == SYNC ? builder.build().telephony().conference()
                    : Blocking.of(builder.buildAsync().telephony().conference());
        }
    }
}
