package io.github.wxcsdk.internal;

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
final class GeneratedClientFactory {
    private GeneratedClientFactory() {
    }

    static ConferenceControlsClient create(ClientSettings settings) {
        return create(settings, new JdkHttpTransport(settings.connectTimeout(), settings.readTimeout()));
    }

    /** The same client over another transport: tests decode arbitrary answers and benchmarks compare transports. */
    static ConferenceControlsClient create(ClientSettings settings, Client transport) {
        return PrecompiledFeignClient.create(ConferenceControlsClient.class, settings.baseUrl(), transport,
                new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false),
                settings.tokenSupplier(), objectMapper());
    }

    /**
     * One mapper per client: unknown fields kept or ignored, never fatal; nulls not sent, so host mute is {@code {}}.
     * {@link JavaTimeModule} reads {@code created}. (The generated RFC3339JavaTimeModule is not used: it adds its
     * deserializers after its own setup, so it registers none.)
     */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }
}
