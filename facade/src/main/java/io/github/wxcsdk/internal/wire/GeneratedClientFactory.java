package io.github.wxcsdk.internal.wire;

import io.github.wxcsdk.internal.ClientSettings;
import io.github.wxcsdk.internal.call.CallExecutor;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import feign.Client;
import feign.Request;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;

import java.util.concurrent.TimeUnit;

/**
 * Builds the generated Feign client once per {@code WebexSimpleApi}, run by {@link PrecompiledFeignClient}: our JDK
 * transport, Jackson set up to tolerate anything Webex may add, no retries of its own (the {@link CallExecutor} owns
 * them), redirects off, and the {@code Authorization} and {@code User-Agent} headers on every request.
 */
public final class GeneratedClientFactory {
    private GeneratedClientFactory() {
    }

    /**
     * The generated interface run through the precompiled plans and a Feign transport, for tests that compare its
     * requests with Feign's own; the client itself records calls and sends them through its executors.
     */
    public static ConferenceControlsClient create(ClientSettings settings, Client transport) {
        return PrecompiledFeignClient.create(ConferenceControlsClient.class, settings.baseUrl(), transport,
                new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false),
                settings.tokenProvider().accessToken(settings.callTimeout()), objectMapper());
    }

    /**
     * One mapper per client: unknown fields kept or ignored, never fatal; nulls not sent, so host mute is {@code {}}.
     * {@link JavaTimeModule} reads {@code created}. (The generated RFC3339JavaTimeModule is not used: it adds its
     * deserializers after its own setup, so it registers none.)
     */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }
}
