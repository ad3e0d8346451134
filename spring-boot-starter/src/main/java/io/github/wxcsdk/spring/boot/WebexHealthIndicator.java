package io.github.wxcsdk.spring.boot;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.Map;

/**
 * The {@code webex} health contributor: {@code DOWN} once Webex refused the refresh token (only a new one restores
 * access), else {@code UP}; with the throttle's state and the token expiries as details, never a token. It makes no
 * call to Webex: it reports what the client has seen.
 */
final class WebexHealthIndicator implements HealthIndicator {
    private final WebexClientMonitor monitor;

    WebexHealthIndicator(WebexClientMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        Map<String, Object> details = monitor.details();
        return (monitor.renewalRequired() ? Health.down() : Health.up()).withDetails(details).build();
    }
}
