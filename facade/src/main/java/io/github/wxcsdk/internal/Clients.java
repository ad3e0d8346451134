package io.github.wxcsdk.internal;

import io.github.wxcsdk.internal.call.CallExecutor;
import io.github.wxcsdk.internal.call.CallRuntime;
import io.github.wxcsdk.internal.conference.ConferenceViews;
import io.github.wxcsdk.internal.http.JdkHttpTransport;
import io.github.wxcsdk.internal.wire.WireMapper;
import io.github.wxcsdk.internal.wire.PrecompiledFeignClient;
import feign.Client;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.telephony.TelephonyApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

/**
 * Creates the implementation behind {@code WebexSimpleApi}: one transport, plan cache, call runtime and executor per
 * client. Public for the façade's entry points in other packages; not API.
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
     * The user's conference controls over a Feign transport, which gets each attempt's time limit as its
     * {@code readTimeout}. (Tests and benchmarks, in this package in the façade's test jar, give other transports.)
     *
     * @param settings  the settings
     * @param transport sends each attempt
     * @return the conference controls
     */
    static ConferenceControlsApi conference(ClientSettings settings, Client transport) {
        CallRuntime runtime = new CallRuntime(settings, plans(settings));
        return ConferenceViews.user(new CallExecutor(runtime, transport, settings.time()));
    }

    static PrecompiledFeignClient plans(ClientSettings settings) {
        return new PrecompiledFeignClient(ConferenceControlsClient.class, settings.baseUrl(),
                WireMapper.create());
    }
}
