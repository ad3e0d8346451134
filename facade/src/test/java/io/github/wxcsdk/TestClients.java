package io.github.wxcsdk;

import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;

/** Clients for tests: pointed at a stub, with fake time and no jitter, so nothing really waits. */
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
        return WebexSimpleApi.builder()
                .accessToken(TOKEN)
                .baseUrl(stub.baseUrl())
                .clock(time)
                .sleeper(time::sleep)
                .jitter(() -> 0.5)
                .environment(name -> null);
    }
}
