package io.github.wxcsdk.internal;

import io.github.wxcsdk.internal.call.CallExecutor;
import io.github.wxcsdk.internal.call.CallRuntime;
import io.github.wxcsdk.internal.conference.ConferenceViews;
import io.github.wxcsdk.internal.http.JdkHttpTransport;
import io.github.wxcsdk.internal.net.Network;
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
        return sync(settings, Network.DEFAULT).telephony();
    }

    /**
     * Builds what a synchronous client owns: its transport (over {@code network}) and executor.
     *
     * @param settings the checked settings
     * @param network  the proxy, TLS context and proxy credentials
     * @return the client's runtime; its {@link SyncClient#close()} releases the transport
     */
    public static SyncClient sync(ClientSettings settings, Network network) {
        JdkHttpTransport transport = new JdkHttpTransport(settings.connectTimeout(), network);
        CallExecutor executor = new CallExecutor(new CallRuntime(settings, plans(settings)), transport,
                settings.time());
        ConferenceControlsApi conference = ConferenceViews.user(executor);
        return new SyncClient(() -> conference, () -> {
            executor.close();
            transport.close();
        });
    }

    /**
     * What a synchronous client owns.
     *
     * @param telephony its APIs
     * @param closer    ends it: later calls throw {@link IllegalStateException}, the transport lets go of its JDK
     *                  client
     */
    public record SyncClient(TelephonyApi telephony, Runnable closer) {
        /** Ends the client; idempotent. */
        public void close() {
            closer.run();
        }
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
