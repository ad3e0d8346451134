package io.github.wxcsdk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Feign;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import io.github.wxcsdk.internal.BenchmarkHooks;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

/**
 * The facade and its layers as the benchmarks compare them: through the facade's documented hook
 * ({@link BenchmarkHooks}, in the façade's test jar), never by putting classes into the facade's
 * packages.
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
        return BenchmarkHooks.conference(baseUrl, token, transport);
    }

    /**
     * @param baseUrl   the API root
     * @param token     the access token
     * @param transport the Feign client to send with
     * @param listeners the call listeners
     * @return the conference controls with these listeners
     */
    public static ConferenceControlsApi conference(String baseUrl, String token, Client transport,
                                                  java.util.List<io.github.wxcsdk.CallListener> listeners) {
        return BenchmarkHooks.conference(baseUrl, token, transport, listeners);
    }

    /**
     * @param baseUrl   the API root
     * @param token     the access token
     * @param transport the Feign client to send with
     * @return the generated Feign client alone, run by the facade's precompiled plans, without the facade around it
     */
    public static ConferenceControlsClient generatedClient(String baseUrl, String token, Client transport) {
        return BenchmarkHooks.generatedClient(baseUrl, token, transport);
    }

    /**
     * The comparison for {@link #generatedClient}: the same interface run by Feign's own invocation path
     * ({@code Feign.builder()}, templates expanded on every call), as the facade ran it before its precompiled plans,
     * with the same headers and the same Jackson set-up.
     *
     * @param baseUrl   the API root
     * @param token     the access token
     * @param transport the Feign client to send with
     * @return the generated Feign client, built by Feign
     */
    public static ConferenceControlsClient feignBuiltClient(String baseUrl, String token, Client transport) {
        ObjectMapper mapper = BenchmarkHooks.objectMapper();
        String userAgent = BenchmarkHooks.userAgent();
        return Feign.builder()
                .client(transport)
                .encoder(new JacksonEncoder(mapper))
                .decoder((response, type) -> mapper.readValue(response.body().asInputStream(),
                        mapper.constructType(type)))
                .retryer(Retryer.NEVER_RETRY)
                .requestInterceptor(template -> {
                    template.headerLiteral("Authorization", "Bearer " + token);
                    template.headerLiteral("User-Agent", userAgent);
                })
                .target(ConferenceControlsClient.class, baseUrl);
    }

    /** @return a mapper set up as the facade's */
    public static ObjectMapper objectMapper() {
        return BenchmarkHooks.objectMapper();
    }
}
