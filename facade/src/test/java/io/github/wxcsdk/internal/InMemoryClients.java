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
        return builder(time, maxRetries, callTimeout).build();
    }

    /** @return a builder of {@link #settings(FakeTime, int, Duration)}, to change more */
    public static ClientSettings.Builder builder(FakeTime time, int maxRetries, Duration callTimeout) {
        return ClientSettings.builder().baseUrl(URI.create("https://webexapis.com/v1"))
                .tokenProvider(TokenProvider.of(TOKEN)).connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(1)).callTimeout(callTimeout).maxRetries(maxRetries).time(time)
                .jitter(() -> 0.5);
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
