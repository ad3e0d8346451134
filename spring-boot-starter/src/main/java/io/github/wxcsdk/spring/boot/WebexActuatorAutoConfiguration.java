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
import org.springframework.context.annotation.Import;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The starter's actuator parts, when actuator is on the classpath: the {@code webex} health contributor
 * ({@code management.health.webex.enabled}, default on) and the masking of the starter's secrets in
 * {@code /actuator/env} and {@code /actuator/configprops}.
 */
@AutoConfiguration(after = WebexAutoConfiguration.class)
@Import(WebexBoot4Health.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
public class WebexActuatorAutoConfiguration {
    /**
     * The secrets' keys, as relaxed binding spells them in every source, in lowercase without separators:
     * {@code webex.oauth.client-secret}, {@code WEBEX_OAUTH_CLIENTSECRET}, {@code webex.oauth.clientSecret}...
     * In {@code /actuator/configprops} a key is the property's path inside {@code webex} ({@code oauth.client-secret}).
     */
    private static final List<String> SECRETS = List.of("accesstoken", "clientsecret", "refreshtoken", "password");
    /** A secret of the starter given inside a longer value, as {@code sun.java.command} shows the command line. */
    private static final Pattern SECRET_ARGUMENT = Pattern.compile("(?i)(webex[._-](?:access[._-]?token"
            + "|oauth[._-]client[._-]?secret|oauth[._-]refresh[._-]?token|proxy[._-]password)[=:\\s]\\s*)([^\\s,;]+)");

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
        if (webex && SECRETS.stream().anyMatch(key::endsWith)) {
            return data.withValue(SanitizableData.SANITIZED_VALUE);
        }
        if (data.getValue() instanceof String text && SECRET_ARGUMENT.matcher(text).find()) {
            // sun.java.command and the like: a command line with --webex.oauth.client-secret=... keeps all but secrets
            return data.withValue(SECRET_ARGUMENT.matcher(text).replaceAll("$1" + SanitizableData.SANITIZED_VALUE));
        }
        return data;
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
