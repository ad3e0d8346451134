package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.WebexSimpleApi;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import java.util.function.Supplier;

/**
 * Applies the {@code webex.*} properties to a builder. The builder checks each value (one rule, the SDK's); a value it
 * refuses fails the start with an {@link InvalidConfigurationPropertyValueException} that names the property, with
 * the builder's reason.
 */
final class WebexSettings {
    /** Shown instead of a secret's value. */
    static final String MASKED = "******";

    private WebexSettings() {
    }

    static void apply(WebexProperties properties, WebexConnectionDetails connection, WebexSimpleApi.Builder builder) {
        String baseUrl = connection.baseUrl();
        set("webex.base-url", baseUrl, () -> builder.baseUrl(baseUrl));
        set("webex.connect-timeout", properties.getConnectTimeout(),
                () -> builder.connectTimeout(properties.getConnectTimeout()));
        set("webex.read-timeout", properties.getReadTimeout(), () -> builder.readTimeout(properties.getReadTimeout()));
        set("webex.call-timeout", properties.getCallTimeout(), () -> builder.callTimeout(properties.getCallTimeout()));
        set("webex.max-retries", properties.getMaxRetries(), () -> builder.maxRetries(properties.getMaxRetries()));
        set("webex.max-retry-after", properties.getMaxRetryAfter(),
                () -> builder.maxRetryAfter(properties.getMaxRetryAfter()));
        builder.retryStateChangesOnAmbiguousFailure(properties.isRetryStateChangesOnAmbiguousFailure());
        set("webex.max-concurrent-requests", properties.getMaxConcurrentRequests(),
                () -> builder.maxConcurrentRequests(properties.getMaxConcurrentRequests()));
        set("webex.max-requests-per-second", properties.getMaxRequestsPerSecond(),
                () -> builder.maxRequestsPerSecond(properties.getMaxRequestsPerSecond()));
        builder.adaptiveThrottling(properties.isAdaptiveThrottling());
        WebexNetwork.of(properties).applyTo(builder);
    }

    /**
     * Runs {@code setter}; a value it refuses fails with the property's name.
     *
     * @param shown what to show as the value: the value itself, or {@link #MASKED} for a secret
     */
    static void set(String property, Object shown, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException | NullPointerException e) {
            if (MASKED.equals(shown)) {
                // Boot's report of InvalidConfigurationPropertyValueException quotes the value from the environment
                throw new InvalidWebexSecretException(property, e.getMessage());
            }
            throw invalid(property, shown, e);
        }
    }

    /** Builds a client; the checks {@code build()} makes itself (the API root) fail with {@code property}. */
    static <T> T built(String property, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidConfigurationPropertyValueException e) {
            throw e;
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw invalid(property, null, e);
        }
    }

    static InvalidConfigurationPropertyValueException invalid(String property, Object shown, RuntimeException e) {
        // the SDK's messages never show a secret; the cause is left out, its message is the reason
        return new InvalidConfigurationPropertyValueException(property, shown,
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
