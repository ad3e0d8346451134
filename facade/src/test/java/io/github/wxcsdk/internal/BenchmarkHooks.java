package io.github.wxcsdk.internal;

import io.github.wxcsdk.internal.http.JdkHttpTransport;
import io.github.wxcsdk.internal.http.UserAgent;
import io.github.wxcsdk.internal.wire.PlansProxy;
import io.github.wxcsdk.internal.wire.WireMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import io.github.wxcsdk.auth.TokenProvider;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

import java.net.URI;
import java.util.List;

/**
 * The documented door of the benchmarks module (benchmarks/, class path only) into the facade, over
 * {@link Clients#conference(ClientSettings, Client)}: the whole facade over a transport other than its own, to
 * compare transports with everything else equal, and its layers one by one, to see where the cost of a call goes. It
 * lives in the façade's test jar ({@code wxc-sdk-conference}, classifier {@code tests}), never in the library: the
 * benchmarks depend on that jar and run on the class path.
 */
public final class BenchmarkHooks {
    private BenchmarkHooks() {
    }

    /**
     * The facade over a chosen transport, with {@code WebexSimpleApi.Builder}'s defaults.
     *
     * @param baseUrl   the API root
     * @param token     the access token
     * @param transport the Feign client to send with, or {@code null} for the facade's own JDK transport
     * @return the conference controls
     */
    public static ConferenceControlsApi conference(String baseUrl, String token, Client transport) {
        ClientSettings settings = settings(baseUrl, token);
        return Clients.conference(settings,
                transport == null ? new JdkHttpTransport(settings.connectTimeout()) : transport);
    }

    /**
     * The facade over a chosen transport with call listeners, to measure what a listener adds to a call.
     *
     * @param baseUrl   the API root
     * @param token     the access token
     * @param transport the Feign client to send with
     * @param listeners the call listeners, none for the plain facade
     * @return the conference controls
     */
    public static ConferenceControlsApi conference(String baseUrl, String token, Client transport,
                                                  List<io.github.wxcsdk.CallListener> listeners) {
        return Clients.conference(builder(baseUrl, token).callListeners(listeners).build(), transport);
    }

    /**
     * The generated Feign client alone, run by the facade's precompiled plans, without the facade around it.
     *
     * @param baseUrl   the API root
     * @param token     the access token
     * @param transport the Feign client to send with
     * @return the generated client
     */
    public static ConferenceControlsClient generatedClient(String baseUrl, String token, Client transport) {
        return PlansProxy.create(settings(baseUrl, token), transport);
    }

    /** @return a new mapper set up as the facade's */
    public static ObjectMapper objectMapper() {
        return WireMapper.create();
    }

    /** @return the {@code User-Agent} the facade sends */
    public static String userAgent() {
        return UserAgent.VALUE;
    }

    private static ClientSettings settings(String baseUrl, String token) {
        return builder(baseUrl, token).build();
    }

    private static ClientSettings.Builder builder(String baseUrl, String token) {
        return ClientSettings.builder().baseUrl(URI.create(baseUrl)).tokenProvider(TokenProvider.of(token));
    }
}
