package io.github.wxcsdk.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wxcsdk.internal.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Webex's OAuth token endpoint: posts one form-encoded grant, retries transient failures (no answer, 408, 429, 5xx)
 * with backoff and {@code Retry-After} within the caller's time, and turns the answer into {@link OAuthTokens} or an
 * {@link OAuthRefreshException}. Never follows a redirect (it would carry the secrets elsewhere). Thread-safe.
 */
final class TokenEndpoint {
    static final String DEFAULT = "https://webexapis.com/v1/access_token";
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_ATTEMPT_TIME = Duration.ofSeconds(30);

    private final URI uri;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    TokenEndpoint(URI uri, Clock clock, Sleeper sleeper) {
        this.uri = uri;
        this.clock = clock;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    URI uri() {
        return uri;
    }

    /**
     * What a request asks for, to name it in messages.
     *
     * @param credential what the request spends, for example "the refresh token"
     * @param remedy     what to do when Webex refuses it
     */
    record Grant(String credential, String remedy) {
    }

    /**
     * Posts {@code form} until an answer other than a transient failure arrives or {@code maxWait} has passed.
     *
     * @param form     the form fields, in order
     * @param secrets  the secrets in {@code form} (and any other the caller knows), kept out of every message
     * @param kept     the refresh token to keep when the answer has none (RFC 6749 lets the server omit it), or
     *                 {@code null}
     * @return the new tokens
     * @throws OAuthRefreshException when Webex refused the request, or no tokens arrived within {@code maxWait}
     */
    OAuthTokens request(Map<String, String> form, Grant grant, List<String> secrets, String kept,
                        Duration maxWait) {
        Instant deadline = Deadlines.after(clock.instant(), maxWait);
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            Duration remaining = Duration.between(clock.instant(), deadline);
            Attempt outcome = remaining.isNegative() || remaining.isZero()
                    ? Attempt.failed(new OAuthRefreshException("No time left to ask the token endpoint for tokens",
                            0, null, false, null, null), null)
                    : attempt(form, grant, secrets, kept, min(remaining, MAX_ATTEMPT_TIME));
            if (outcome.tokens() != null) {
                return outcome.tokens();
            }
            OAuthRefreshException failure = outcome.failure();
            if (failure.renewalRequired() || outcome.retryIn() == null) {
                throw failure;
            }
            Duration wait = outcome.retryIn().isZero() ? backoff : outcome.retryIn();
            if (!clock.instant().plus(wait).isBefore(deadline)) {
                throw new OAuthRefreshException("Gave up asking the token endpoint for tokens after " + attempt
                        + " attempt(s) within " + maxWait + ": " + failure.getMessage(), failure.statusCode(),
                        failure.error().orElse(null), false, failure.trackingId().orElse(null), failure);
            }
            LOG.debug("Token endpoint attempt {} failed transiently ({}); retrying in {}", attempt,
                    failure.getMessage(), wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OAuthRefreshException("Interrupted while waiting to retry the token endpoint", 0, null,
                        false, null, null);
            }
            backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
        }
    }

    private Attempt attempt(Map<String, String> form, Grant grant, List<String> secrets, String kept,
                            Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Attempt.failed(new OAuthRefreshException("The token endpoint gave no answer: "
                    + Secrets.safeText(e.toString(), secrets), 0, null, false, null, null), Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthRefreshException("Interrupted while asking the token endpoint", 0, null, false, null,
                    null);
        }
        int status = response.statusCode();
        JsonNode body = parsed(response.body());
        String trackingId = Secrets.safeText(text(body, "trackingId",
                response.headers().firstValue("trackingid").orElse(null)), secrets);
        if (status == 200) {
            OAuthTokens tokens = tokens(body, kept);
            return tokens != null ? Attempt.succeeded(tokens) : Attempt.failed(new OAuthRefreshException(
                    "The token endpoint answered 200 without a usable access_token and expires_in", status, null,
                    false, trackingId, null), null);
        }
        String error = Secrets.safeText(text(body, "error", null), secrets);
        error = error != null && error.matches("[A-Za-z0-9_.-]{1,64}") ? error : null;
        String description = Secrets.safeText(text(body, "error_description", text(body, "message", null)),
                secrets);
        String detail = "HTTP " + status + (error == null ? "" : ", " + error)
                + (description == null ? "" : ": " + description);
        if (status == 408 || status == 429 || status >= 500) {
            Duration retryIn = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
            return Attempt.failed(new OAuthRefreshException("The token endpoint failed (" + detail + ")", status,
                    error, false, trackingId, null), retryIn);
        }
        boolean refusal = status == 400 || status == 401 || "invalid_grant".equals(error)
                || "invalid_client".equals(error) || "unauthorized_client".equals(error);
        if (!refusal) {
            return Attempt.failed(new OAuthRefreshException("The token endpoint gave an unexpected answer (" + detail
                    + ")", status, error, false, trackingId, null), null);
        }
        boolean client = status == 401 || "invalid_client".equals(error) || "unauthorized_client".equals(error);
        String message = client
                ? "Webex refused the client credentials (" + detail + "): check the client id and client secret of"
                + " the Integration or Service App"
                : "Webex refused " + grant.credential() + " (" + detail + "): " + grant.remedy();
        return Attempt.failed(new OAuthRefreshException(message, status, error, true, trackingId, null), null);
    }

    private OAuthTokens tokens(JsonNode body, String kept) {
        String access = text(body, "access_token", null);
        JsonNode expiresIn = body == null ? null : body.get("expires_in");
        if (access == null || access.isBlank() || expiresIn == null || !expiresIn.canConvertToLong()
                || expiresIn.asLong() < 0) {
            return null;
        }
        Instant now = clock.instant();
        String refresh = text(body, "refresh_token", null);
        JsonNode refreshExpiresIn = body.get("refresh_token_expires_in");
        Instant refreshExpiresAt = refreshExpiresIn != null && refreshExpiresIn.canConvertToLong()
                ? now.plusSeconds(refreshExpiresIn.asLong()) : null;
        if (refresh == null || refresh.isBlank()) {
            if (kept == null) {
                return null;
            }
            refresh = kept;
            refreshExpiresAt = null;
        }
        try {
            return OAuthTokens.of(access, now.plusSeconds(expiresIn.asLong()), refresh, refreshExpiresAt);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private JsonNode parsed(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String field, String otherwise) {
        JsonNode value = body == null ? null : body.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : otherwise;
    }

    /** @return the delay-seconds of a {@code Retry-After} header, or zero (meaning: use the backoff) */
    private static Duration retryAfter(String header) {
        try {
            long seconds = header == null ? 0 : Long.parseLong(header.strip());
            return seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ZERO;
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static String formEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(Objects.requireNonNull(field.getValue())))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * @param tokens  the tokens, when the attempt succeeded
     * @param failure why it failed, otherwise
     * @param retryIn {@code null}: do not retry; zero: retry after the backoff; else after this long
     */
    private record Attempt(OAuthTokens tokens, OAuthRefreshException failure, Duration retryIn) {
        static Attempt succeeded(OAuthTokens tokens) {
            return new Attempt(tokens, null, null);
        }

        static Attempt failed(OAuthRefreshException failure, Duration retryIn) {
            return new Attempt(null, failure, retryIn);
        }
    }
}
