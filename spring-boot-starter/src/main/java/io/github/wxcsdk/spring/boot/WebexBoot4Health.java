package io.github.wxcsdk.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code webex} health contributor on Spring Boot 4, whose health API moved to
 * {@code org.springframework.boot.health.contributor}; the same report as on 3.5 ({@link WebexHealthIndicator}).
 * Imported by {@link WebexActuatorAutoConfiguration}; it only loads where that package exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(WebexClientMonitor.class)
@ConditionalOnProperty(prefix = "management.health.webex", name = "enabled", matchIfMissing = true)
class WebexBoot4Health {

    @Bean
    @ConditionalOnMissingBean(name = "webexHealthIndicator")
    HealthIndicator webexHealthIndicator(WebexClientMonitor monitor) {
        return () -> (monitor.renewalRequired() ? Health.down() : Health.up()).withDetails(monitor.details()).build();
    }
}
