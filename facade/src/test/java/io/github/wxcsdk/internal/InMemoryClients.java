package io.github.wxcsdk.internal;

import feign.Client;
import feign.Response;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.FakeTime;

import io.github.wxcsdk.auth.TokenProvider;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The whole client (Feign proxy, decoders, executor) over an in-memory transport, for tests that need thousands of
 * calls per second: property tests and fuzz tests. Fake time; no jitter randomness.
 */
public final class InMemoryClients {
    static final String TOKEN = "in-memory.*token{}|[]\\\\";

    private InMemoryClients() {
    }

    /**
     * One canned answer.
     *
     * @param status  the HTTP status
     * @param headers the response headers
     * @param body    the body bytes
     */
    public record Answer(int status, Map<String, Collection<String>> headers, byte[] body) {
        public static Answer json(int status, byte[] body, Map<String, Collection<String>> more) {
            Map<String, Collection<String>> headers = new java.util.HashMap<>(more);
            headers.put("Content-Type", List.of("application/json"));
            return new Answer(status, headers, body);
        }
    }

    /** @return settings with the given limits, fake time and the jitter fixed at one half */
    public static ClientSettings settings(FakeTime time, int maxRetries, Duration callTimeout) {
        return new ClientSettings(URI.create("https://webexapis.com/v1"), TokenProvider.of(TOKEN),
                Duration.ofSeconds(1), Duration.ofSeconds(1), callTimeout, maxRetries, Duration.ofSeconds(60), true, 0,
                event -> { }, time, time::sleep, () -> 0.5, 0, true, null, java.util.List.of());
    }

    /** @return the conference controls, each request answered by {@code answers} */
    public static ConferenceControlsApi conference(ClientSettings settings, Supplier<Answer> answers) {
        Client transport = (request, options) -> {
            Answer answer = answers.get();
            return Response.builder().status(answer.status()).headers(answer.headers()).body(answer.body())
                    .request(request).build();
        };
        return Clients.conference(settings, transport);
    }
}
