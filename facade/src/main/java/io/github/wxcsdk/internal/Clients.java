package io.github.wxcsdk.internal;

import io.github.wxcsdk.internal.call.CallExecutor;
import io.github.wxcsdk.internal.call.CallRuntime;
import io.github.wxcsdk.internal.conference.ConferenceRequests;
import io.github.wxcsdk.internal.conference.UserEndpoints;
import io.github.wxcsdk.internal.conference.Views;
import io.github.wxcsdk.internal.http.JdkHttpTransport;
import io.github.wxcsdk.internal.wire.GeneratedClientFactory;
import io.github.wxcsdk.internal.wire.PrecompiledFeignClient;
import io.github.wxcsdk.internal.wire.Recorder;
import feign.Client;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.telephony.TelephonyApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

/**
 * Creates the implementation behind {@code WebexSimpleApi}: one transport, plan cache, call runtime and executor per
 * client. Public for the façade's entry points in other packages, and as the one documented seam for benchmarks and
 * tests that run the façade over another Feign transport ({@link #conference(ClientSettings, Client)}); not API.
 */
public final class Clients {
    private Clients() {
    }

    /**
     * Builds the telephony API of a client.
     *
     * @param settings the checked settings
     * @return the telephony API, immutable and thread-safe
     */
    public static TelephonyApi telephony(ClientSettings settings) {
        ConferenceControlsApi conference = conference(settings,
                new JdkHttpTransport(settings.connectTimeout()));
        return () -> conference;
    }

    /**
     * The user's conference controls over any Feign transport: for tests that answer in memory and benchmarks that
     * compare transports. The transport gets each attempt's time limit as its {@code readTimeout}.
     *
     * @param settings  the settings
     * @param transport sends each attempt
     * @return the conference controls
     */
    public static ConferenceControlsApi conference(ClientSettings settings, Client transport) {
        CallRuntime runtime = new CallRuntime(settings, plans(settings));
        return new Views.User(requests(), new CallExecutor(runtime, transport, settings.sleeper()));
    }

    static PrecompiledFeignClient plans(ClientSettings settings) {
        return new PrecompiledFeignClient(ConferenceControlsClient.class, settings.baseUrl(),
                GeneratedClientFactory.objectMapper());
    }

    static ConferenceRequests requests() {
        return new ConferenceRequests(new Recorder<>(ConferenceControlsClient.class), new UserEndpoints(null));
    }
}
