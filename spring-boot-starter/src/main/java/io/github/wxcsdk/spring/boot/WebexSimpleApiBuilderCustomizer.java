package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.WebexSimpleApi;

/**
 * Adjusts the builder of the auto-configured {@link WebexSimpleApi} (and {@link io.github.wxcsdk.WebexSimpleAsyncApi})
 * for anything the {@code webex.*} properties do not cover, for example an executor. Customizers run after the
 * properties were applied, in {@link org.springframework.core.annotation.Order} order, once per client built.
 *
 * <p>The auto-configuration sets the builder's token provider (the {@link io.github.wxcsdk.auth.TokenProvider} bean)
 * and retry listener (the starter's monitor plus every {@link io.github.wxcsdk.RetryListener} bean): declare a
 * {@code RetryListener} bean rather than calling {@code retryListener(...)} here, which would replace them and blind
 * the {@code webex} health contributor's throttle details.
 */
@FunctionalInterface
public interface WebexSimpleApiBuilderCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, with the properties applied
     */
    void customize(WebexSimpleApi.Builder builder);
}
