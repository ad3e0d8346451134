package io.github.wxcsdk.internal;

import feign.Client;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The benchmarks' door into the facade's internals (same package, benchmarks module only): the whole facade over a
 * transport other than its own, to compare transports with everything else equal.
 */
public final class BenchmarkAccess {
    private BenchmarkAccess() {
    }

    /**
     * @param baseUrl   the API root
     * @param token     the access token
     * @param transport the Feign client to send with, or {@code null} for the facade's own JDK transport
     * @return the conference controls, with {@code WebexSimpleApi.Builder}'s defaults
     */
    public static ConferenceControlsApi conference(String baseUrl, String token, Client transport) {
        ClientSettings settings = new ClientSettings(URI.create(baseUrl), () -> token, Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMinutes(5), 3, Duration.ofSeconds(60), true, 0, event -> { },
                Clock.systemUTC(), Sleeper.THREAD_SLEEP, () -> 0.5);
        return new DefaultConferenceControlsApi(transport == null
                ? GeneratedClientFactory.create(settings)
                : GeneratedClientFactory.create(settings, transport), new CallExecutor(settings), null);
    }
}
