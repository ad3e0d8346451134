package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.CallListener;
import io.github.wxcsdk.RetryEvent;
import io.github.wxcsdk.RetryListener;
import io.github.wxcsdk.ThrottleEvent;
import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.WebexSimpleAsyncApi;
import io.github.wxcsdk.auth.TokenProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.time.Clock;
import java.util.List;

/**
 * Auto-configuration of the Webex SDK from the {@code webex.*} properties ({@link WebexProperties}).
 *
 * <p>Beans, each backing off when the application defines its own ({@code @ConditionalOnMissingBean}):
 * <ul>
 *   <li>{@link WebexConnectionDetails}: API root and token endpoint from the properties;</li>
 *   <li>{@link WebexTokenStore}: the built-in {@link FileWebexTokenStore} when {@code webex.token-store.file} is
 *   set;</li>
 *   <li>{@link TokenProvider}: an {@link io.github.wxcsdk.auth.OAuthTokenProvider} for {@code webex.oauth.*} (every
 *   new token set goes to the store), else a fixed {@code webex.access-token} (or {@code WEBEX_ACCESS_TOKEN});</li>
 *   <li>{@link WebexSimpleApi}; {@link WebexSimpleAsyncApi} when {@code webex.async.enabled=true}. When the context
 *   closes, Spring calls their {@code close()} (an inferred destroy method).</li>
 * </ul>
 * {@link WebexSimpleApiBuilderCustomizer} beans adjust the builder; {@link CallListener} beans see every call,
 * {@link RetryListener} beans every retry and throttle event.
 */
@AutoConfiguration
@ConditionalOnClass(WebexSimpleApi.class)
@EnableConfigurationProperties(WebexProperties.class)
public class WebexAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public WebexAutoConfiguration() {
    }

    /**
     * The API root and token endpoint from {@code webex.base-url} and {@code webex.oauth.token-endpoint}.
     *
     * @param properties the properties
     * @return the connection details
     * @throws InvalidConfigurationPropertyValueException when {@code webex.simulator.enabled} is true but the
     *                                                    simulator is not on the classpath
     */
    @Bean
    @ConditionalOnMissingBean
    public WebexConnectionDetails webexConnectionDetails(WebexProperties properties) {
        if (properties.getSimulator().isEnabled()) {
            // never fall through to the real Webex when a simulator was asked for
            throw new InvalidConfigurationPropertyValueException("webex.simulator.enabled", true,
                    "The embedded simulator needs io.github.wxcsdk:wxc-sdk-simulator on the classpath (for example as"
                            + " a test dependency)");
        }
        String baseUrl = properties.getBaseUrl();
        String tokenEndpoint = properties.getOauth().getTokenEndpoint();
        return new WebexConnectionDetails() {
            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public String tokenEndpoint() {
                return tokenEndpoint;
            }

            @Override
            public String toString() {
                return "WebexConnectionDetails(" + baseUrl + ")";
            }
        };
    }

    /**
     * The built-in file store, for a single instance.
     *
     * @param properties the properties
     * @return a store in {@code webex.token-store.file}
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "webex.token-store", name = "file")
    public WebexTokenStore webexTokenStore(WebexProperties properties) {
        return new FileWebexTokenStore(properties.getTokenStore().getFile());
    }

    /**
     * The client's tokens.
     *
     * @param properties  the properties
     * @param connection  where the client connects, and any credentials it supplies
     * @param tokenStores the token store, if any
     * @param environment where the environment variable {@code WEBEX_ACCESS_TOKEN} is read from
     * @return an OAuth provider for {@code webex.oauth.*}, else a fixed token
     * @throws InvalidConfigurationPropertyValueException when a credential is missing or invalid (the message names the
     *                                                    property, never the secret)
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenProvider webexTokenProvider(WebexProperties properties, WebexConnectionDetails connection,
                                            ObjectProvider<WebexTokenStore> tokenStores,
                                            ConfigurableEnvironment environment) {
        PropertySource<?> variables = environment.getPropertySources()
                .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        Object environmentToken = variables == null ? null
                : variables.getProperty(WebexSimpleApi.TOKEN_ENVIRONMENT_VARIABLE);
        return WebexCredentials.tokenProvider(properties, connection, tokenStores.getIfAvailable(),
                Clock.systemUTC(), environmentToken == null ? null : environmentToken.toString());
    }

    /**
     * What the {@code webex} health contributor reports.
     *
     * @param tokenProvider the token provider bean
     * @return the monitor that the clients report to
     */
    @Bean
    WebexClientMonitor webexClientMonitor(TokenProvider tokenProvider) {
        return new WebexClientMonitor(tokenProvider, Clock.systemUTC());
    }

    /**
     * The synchronous client; Spring calls its {@code close()}, where it has one, when the context closes.
     *
     * @param clients the builder of the clients
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public WebexSimpleApi webexSimpleApi(WebexClientBuilder clients) {
        return WebexSettings.built("webex.base-url", () -> clients.builder().build());
    }

    /**
     * The asynchronous client, with the same settings; closed with the context.
     *
     * @param clients the builder of the clients
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "webex.async", name = "enabled", havingValue = "true")
    public WebexSimpleAsyncApi webexSimpleAsyncApi(WebexClientBuilder clients) {
        return WebexSettings.built("webex.base-url", () -> clients.builder().buildAsync());
    }

    /**
     * Builds the clients' builders: the properties, the token provider, the listeners, the customizers.
     *
     * @param properties     the properties
     * @param connection     where to connect
     * @param tokenProvider  the token provider bean
     * @param monitor        the health monitor
     * @param retryListeners the application's retry listeners
     * @param callListeners  the application's call listeners (the Micrometer one among them, when wired)
     * @param customizers    the application's customizers
     * @return the factory
     */
    @Bean
    WebexClientBuilder webexClientBuilder(WebexProperties properties, WebexConnectionDetails connection,
                                          TokenProvider tokenProvider, WebexClientMonitor monitor,
                                          ObjectProvider<RetryListener> retryListeners,
                                          ObjectProvider<CallListener> callListeners,
                                          ObjectProvider<WebexSimpleApiBuilderCustomizer> customizers) {
        return () -> {
            WebexSimpleApi.Builder builder = WebexSimpleApi.builder();
            WebexSettings.apply(properties, connection, builder);
            builder.tokenProvider(tokenProvider);
            builder.callListener(monitor.refusals());
            List<RetryListener> listeners = retryListeners.orderedStream().toList();
            builder.retryListener(new RetryListener() {
                @Override
                public void onRetry(RetryEvent event) {
                    monitor.onRetry(event);
                    listeners.forEach(listener -> listener.onRetry(event));
                }

                @Override
                public void onThrottle(ThrottleEvent event) {
                    monitor.onThrottle(event);
                    listeners.forEach(listener -> listener.onThrottle(event));
                }
            });
            callListeners.orderedStream().forEach(builder::callListener);
            customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
            return builder;
        };
    }

    /** A new builder for each client, with everything applied; {@code build()} is checked by the caller. */
    @FunctionalInterface
    interface WebexClientBuilder {
        WebexSimpleApi.Builder builder();
    }
}
