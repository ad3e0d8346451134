package io.github.wxcsdk.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wxcsdk.RetryEvent;
import io.github.wxcsdk.ThrottleEvent;
import io.github.wxcsdk.auth.TokenProvider;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle details of the health contributor, on a fixed clock; and the metadata of every property. */
class WebexClientMonitorTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void theThrottleIsOpenThenPacingThenHoldingUntilTheWaitEnds() {
        MutableClock clock = new MutableClock(NOW);
        WebexClientMonitor monitor = new WebexClientMonitor(TokenProvider.of("t"), clock);
        assertThat(monitor.details()).containsEntry("throttle", Map.of("state", "OPEN"))
                .containsEntry("tokenProvider", "TokenProvider(fixed token)").containsEntry("retries", 0L);

        monitor.onThrottle(new ThrottleEvent(ThrottleEvent.Kind.RATE_CHANGE, Duration.ZERO, 4.0, "429 received",
                null, null, null));
        assertThat(monitor.details().get("throttle")).isEqualTo(Map.of("state", "PACING", "requestsPerSecond", 4.0,
                "pacingSince", NOW.toString()));

        monitor.onThrottle(new ThrottleEvent(ThrottleEvent.Kind.WAIT, Duration.ofSeconds(30), 4.0, "Retry-After",
                "tid", "POST", "/telephony/conference/mute"));
        monitor.onRetry(new RetryEvent("POST", "/telephony/conference/mute", 1, 429, "429", Duration.ofSeconds(30),
                "tid"));
        clock.now = NOW.plusSeconds(10);
        assertThat(monitor.details()).containsEntry("retries", 1L);
        assertThat(monitor.details().get("throttle")).isEqualTo(Map.of("state", "HOLDING", "requestsPerSecond", 4.0,
                "pacingSince", NOW.toString(), "holdingCallsUntil", NOW.plusSeconds(30).toString(),
                "holdingFor", "PT20S"));

        clock.now = NOW.plusSeconds(31);
        assertThat(monitor.details().get("throttle")).isEqualTo(Map.of("state", "PACING", "requestsPerSecond", 4.0,
                "pacingSince", NOW.toString()));
        assertThat(monitor.renewalRequired()).isFalse();
    }

    @Test
    void everyPropertyIsDocumentedInTheMetadata() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        Set<String> names = new HashSet<>();
        for (JsonNode property : metadata.get("properties")) {
            names.add(property.get("name").asText());
            assertThat(property.path("description").asText()).as(property.get("name").asText()).isNotBlank();
        }
        assertThat(names).contains("webex.access-token", "webex.base-url", "webex.oauth.client-id",
                "webex.oauth.client-secret", "webex.oauth.refresh-token", "webex.oauth.token-endpoint",
                "webex.connect-timeout", "webex.read-timeout", "webex.call-timeout", "webex.max-retries",
                "webex.max-retry-after", "webex.retry-state-changes-on-ambiguous-failure",
                "webex.max-concurrent-requests", "webex.max-requests-per-second", "webex.adaptive-throttling",
                "webex.async.enabled", "webex.token-store.file", "webex.simulator.enabled", "webex.simulator.port",
                "webex.simulator.user-token", "management.health.webex.enabled");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
