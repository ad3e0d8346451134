package io.github.wxcsdk.spring.boot;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The starter's actuator parts, when actuator is on the classpath: the {@code webex} health contributor
 * ({@code management.health.webex.enabled}, default on) and the masking of the starter's secrets in
 * {@code /actuator/env} and {@code /actuator/configprops}.
 */
@AutoConfiguration(after = WebexAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
public class WebexActuatorAutoConfiguration {
    /**
     * The secrets' keys, as relaxed binding spells them in every source, in lowercase without separators:
     * {@code webex.oauth.client-secret}, {@code WEBEX_OAUTH_CLIENTSECRET}, {@code webex.oauth.clientSecret}...
     * In {@code /actuator/configprops} a key is the property's path inside {@code webex} ({@code oauth.client-secret}).
     */
    private static final List<String> SECRETS = List.of("accesstoken", "clientsecret", "refreshtoken", "password");

    /** Creates the auto-configuration; Spring calls it. */
    public WebexActuatorAutoConfiguration() {
    }

    /**
     * Masks {@code webex.access-token} (and {@code WEBEX_ACCESS_TOKEN}), {@code webex.oauth.client-secret},
     * {@code webex.oauth.refresh-token} and any proxy password, even where the application shows values
     * ({@code management.endpoint.env.show-values=always}).
     *
     * @return the sanitizing function
     */
    @Bean
    public SanitizingFunction webexSanitizingFunction() {
        return WebexActuatorAutoConfiguration::sanitize;
    }

    static SanitizableData sanitize(SanitizableData data) {
        if (data.getValue() == null) {
            return data;
        }
        String key = data.getLowerCaseKey().replaceAll("[^a-z0-9]", "");
        boolean webex = key.startsWith("webex") || data.getPropertySource() == null;
        return webex && SECRETS.stream().anyMatch(key::endsWith) ? data.withValue(SanitizableData.SANITIZED_VALUE)
                : data;
    }

    /** The {@code webex} health contributor. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBean(WebexClientMonitor.class)
    @ConditionalOnEnabledHealthIndicator("webex")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "webexHealthIndicator")
        HealthIndicator webexHealthIndicator(WebexClientMonitor monitor) {
            return new WebexHealthIndicator(monitor);
        }
    }

}
