package io.github.wxcsdk.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import feign.Client;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds the generated Feign client once per {@code WebexSimpleApi}: our JDK transport, Jackson set up to tolerate
 * anything Webex may add, Feign's own retries off (the {@link CallExecutor} owns them), redirects off, and the
 * {@code Authorization} and {@code User-Agent} headers on every request.
 */
final class GeneratedClientFactory {
    private GeneratedClientFactory() {
    }

    static ConferenceControlsClient create(ClientSettings settings) {
        return create(settings, new JdkHttpTransport(settings.connectTimeout(), settings.readTimeout()));
    }

    /** The same client over another transport: tests decode arbitrary answers and benchmarks compare transports. */
    static ConferenceControlsClient create(ClientSettings settings, Client transport) {
        ObjectMapper mapper = objectMapper();
        return Feign.builder()
                .client(transport)
                .encoder(new JacksonEncoder(mapper))
                .decoder(new JsonBodyDecoder(mapper))
                .errorDecoder(new ErrorResponseReader(mapper))
                .retryer(Retryer.NEVER_RETRY)
                .options(new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false))
                .requestInterceptor(headers(settings.tokenSupplier()))
                .target(ConferenceControlsClient.class, settings.baseUrl().toString());
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

    private static RequestInterceptor headers(Supplier<String> tokenSupplier) {
        return template -> {
            String token = tokenSupplier.get();
            if (token == null || token.isBlank()) {
                throw new IllegalStateException("The token supplier returned no access token");
            }
            template.headerLiteral("Authorization", "Bearer " + token.strip());
            template.headerLiteral("User-Agent", UserAgent.VALUE);
        };
    }
}
