package io.github.wxcsdk.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson set-up of the wire: it writes the generated request models and reads the generated answer models, for
 * the {@link PrecompiledFeignClient} of each client. It builds no Feign client: the façade runs the generated interface
 * through its precompiled plans.
 */
public final class WireMapper {
    private WireMapper() {
    }

    /**
     * One mapper per client: unknown fields kept or ignored, never fatal; nulls not sent, so host mute is {@code {}}.
     * {@link JavaTimeModule} reads {@code created}. (The generated RFC3339JavaTimeModule is not used: it adds its
     * deserializers after its own setup, so it registers none.)
     *
     * @return a new mapper
     */
    public static ObjectMapper create() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }
}
