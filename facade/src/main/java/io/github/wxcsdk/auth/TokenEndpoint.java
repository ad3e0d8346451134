package io.github.wxcsdk.auth;

import io.github.wxcsdk.internal.auth.Deadlines;
import io.github.wxcsdk.internal.auth.Delays;
import io.github.wxcsdk.internal.auth.Secrets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wxcsdk.internal.Time;
import io.github.wxcsdk.internal.net.Network;
import io.github.wxcsdk.internal.net.NetworkProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Webex's OAuth token endpoint: posts one form-encoded grant, retries transient failures (no answer, 408, 429, 5xx)
 * with backoff and {@code Retry-After}, and turns the answer into {@link OAuthTokens} or an
 * {@link OAuthRefreshException}. Every grant carries a {@code TrackingID} of the SDK's format ({@code WXCJAVA_<uuid>},
 * kept across its retries), which its exceptions expose. Never follows a redirect (it would carry the secrets
 * elsewhere). Asynchronous: no thread waits for an answer or between attempts. Thread-safe.
 */
final class TokenEndpoint {
    static final String DEFAULT = "https://webexapis.com/v1/access_token";
    static final String TRACKING_HEADER = "TrackingID";
    private static final String TRACKING_PREFIX = "WXCJAVA_";
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** The longest one attempt may take: an answer that comes within it is used, whoever waits for it. */
    static final Duration MAX_ATTEMPT_TIME = Duration.ofSeconds(30);

    private final URI uri;
    private final Time time;
    private final Delays waits;
    private final Network network;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param time    the time of expiries and retry deadlines
     * @param waits   runs the next attempt after a transient failure
     * @param network the proxy, TLS context and proxy credentials to use
     */
    TokenEndpoint(URI uri, Time time, Delays waits, Network network) {
        this.uri = uri;
        this.time = time;
        this.waits = waits;
        this.network = network;
        this.http = network.configure(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))).build();
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
     * Posts {@code form} until an answer other than a transient failure arrives or {@code maxWait} has passed, and
     * waits for the outcome; each attempt is cut at {@code maxWait} (the authorization-code flow: nobody else would
     * take a late answer).
     *
     * @return the new tokens
     * @throws OAuthRefreshException when Webex refused the request, or no tokens arrived within {@code maxWait}
     */
    OAuthTokens request(Map<String, String> form, Grant grant, List<String> secrets, String kept,
                        Duration maxWait) {
        Instant now = time.now();
        Exchange exchange = start(form, grant, secrets, kept, now, Deadlines.after(now, maxWait), true);
        try {
            return exchange.result().get();
        } catch (ExecutionException e) {
            throw unwrapped(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthRefreshException("Interrupted while asking the token endpoint", 0, null, false,
                    exchange.trackingId(), null);
        }
    }

    /**
     * Starts posting {@code form}: one grant, with one tracking id, retried after transient failures while the next
     * attempt would start before the exchange's retry deadline (which {@link Exchange#retryUntil(Instant)} extends).
     *
     * @param form      the form fields, in order
     * @param secrets   the secrets in {@code form} (and any other the caller knows), kept out of every message
     * @param kept      the refresh token to keep when the answer has none (RFC 6749 lets the server omit it), or
     *                  {@code null}
     * @param started   when the caller asked, to say how long the exchange tried
     * @param retryUntil the first retry deadline
     * @param cutAttempts whether an attempt ends at the retry deadline ({@code false}: it may take
     *                  {@link #MAX_ATTEMPT_TIME}, so an answer that comes after every caller gave up is still used)
     * @return the exchange, whose result completes with the tokens or an {@link OAuthRefreshException}
     */
    Exchange start(Map<String, String> form, Grant grant, List<String> secrets, String kept, Instant started,
                   Instant retryUntil, boolean cutAttempts) {
        Exchange exchange = new Exchange(form, grant, secrets, kept, started, retryUntil, cutAttempts);
        exchange.attempt(1, FIRST_BACKOFF);
        return exchange;
    }

    /** @return {@code failure} as the {@link OAuthRefreshException} it is, or wrapped in one */
    static OAuthRefreshException unwrapped(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof OAuthRefreshException refresh) {
            return refresh;
        }
        return new OAuthRefreshException("The token request failed: " + cause.getClass().getName(), 0, null, false,
                null, null);
    }

    /** One grant in flight, with its tracking id; thread-safe. */
    final class Exchange {
        private final Map<String, String> form;
        private final Grant grant;
        private final List<String> secrets;
        private final String kept;
        private final Instant started;
        private final boolean cutAttempts;
        private final String trackingId = TRACKING_PREFIX + UUID.randomUUID();
        private final CompletableFuture<OAuthTokens> result = new CompletableFuture<>();
        private Instant retryUntil;

        private Exchange(Map<String, String> form, Grant grant, List<String> secrets, String kept, Instant started,
                         Instant retryUntil, boolean cutAttempts) {
            this.form = form;
            this.grant = grant;
            this.secrets = secrets;
            this.kept = kept;
            this.started = started;
            this.retryUntil = retryUntil;
            this.cutAttempts = cutAttempts;
        }

        /** @return the {@code TrackingID} every attempt of this grant sends */
        String trackingId() {
            return trackingId;
        }

        /** @return completes with the tokens, or with an {@link OAuthRefreshException} */
        CompletableFuture<OAuthTokens> result() {
            return result;
        }

        /** Retries transient failures at least until {@code deadline} (a later caller waits for this grant too). */
        synchronized void retryUntil(Instant deadline) {
            if (deadline.isAfter(retryUntil)) {
                retryUntil = deadline;
            }
        }

        private synchronized Instant retryDeadline() {
            return retryUntil;
        }

        private void attempt(int attempt, Duration backoff) {
            try {
                Duration remaining = Duration.between(time.now(), retryDeadline());
                if (cutAttempts && (remaining.isNegative() || remaining.isZero())) {
                    result.completeExceptionally(new OAuthRefreshException("No time left to ask the token endpoint"
                            + " for tokens", 0, null, false, trackingId, null));
                    return;
                }
                Duration timeout = cutAttempts ? min(remaining, MAX_ATTEMPT_TIME) : MAX_ATTEMPT_TIME;
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .header(TRACKING_HEADER, trackingId)
                        .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form))).build();
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                        .handle((response, failure) -> {
                            next(attempt, backoff, response != null ? answered(response) : noAnswer(failure));
                            return null;
                        });
            } catch (RuntimeException e) {
                result.completeExceptionally(new OAuthRefreshException("Could not ask the token endpoint: "
                        + e.getClass().getName(), 0, null, false, trackingId, null));
            }
        }

        private void next(int attempt, Duration backoff, Attempt outcome) {
            try {
                if (outcome.tokens() != null) {
                    result.complete(outcome.tokens());
                    return;
                }
                OAuthRefreshException failure = outcome.failure();
                if (failure.renewalRequired() || outcome.retryIn() == null) {
                    result.completeExceptionally(failure);
                    return;
                }
                Duration wait = outcome.retryIn().isZero() ? backoff : outcome.retryIn();
                Instant deadline = retryDeadline();
                if (!time.now().plus(wait).isBefore(deadline)) {
                    result.completeExceptionally(new OAuthRefreshException("Gave up asking the token endpoint for"
                            + " tokens after " + attempt + " attempt(s) within " + Duration.between(started, deadline)
                            + ": " + failure.getMessage(), failure.statusCode(), failure.error().orElse(null), false,
                            trackingId, failure));
                    return;
                }
                LOG.debug("Token endpoint attempt {} (TrackingID {}) failed transiently ({}); retrying in {}",
                        attempt, trackingId, failure.getMessage(), wait);
                waits.after(wait, () -> attempt(attempt + 1, min(backoff.multipliedBy(2), MAX_BACKOFF)));
            } catch (RuntimeException e) {
                result.completeExceptionally(new OAuthRefreshException("Could not ask the token endpoint again: "
                        + e.getClass().getName(), 0, null, false, trackingId, null));
            }
        }

        private Attempt noAnswer(Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            String shown = Secrets.safeText(NetworkProblem.briefly(cause), secrets);
            return Attempt.failed(new OAuthRefreshException("The token endpoint gave no answer: "
                    + NetworkProblem.describe(uri, network, cause, shown), 0, null, false, trackingId, null),
                    NetworkProblem.permanent(cause) ? null : Duration.ZERO);
        }

        private Attempt answered(HttpResponse<String> response) {
            int status = response.statusCode();
            JsonNode body = parsed(response.body());
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
            if (status == 407) {
                String proxy = network.proxyFor(uri).orElse("on the way");
                return Attempt.failed(new OAuthRefreshException("The proxy " + proxy + " refused the proxy"
                        + " credentials (407 Proxy Authentication Required) for " + NetworkProblem.target(uri)
                        + "; check proxyAuthenticator(...)", status, null, false, trackingId, null), null);
            }
            if (status == 408 || status == 429 || status >= 500) {
                Duration retryIn = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                return Attempt.failed(new OAuthRefreshException("The token endpoint failed (" + detail + ")", status,
                        error, false, trackingId, null), retryIn);
            }
            boolean refusal = status == 400 || status == 401 || "invalid_grant".equals(error)
                    || "invalid_client".equals(error) || "unauthorized_client".equals(error);
            if (!refusal) {
                return Attempt.failed(new OAuthRefreshException("The token endpoint gave an unexpected answer ("
                        + detail + ")", status, error, false, trackingId, null), null);
            }
            boolean client = status == 401 || "invalid_client".equals(error) || "unauthorized_client".equals(error);
            String message = client
                    ? "Webex refused the client credentials (" + detail + "): check the client id and client secret"
                    + " of the Integration or Service App"
                    : "Webex refused " + grant.credential() + " (" + detail + "): " + grant.remedy();
            return Attempt.failed(new OAuthRefreshException(message, status, error, true, trackingId, null), null);
        }
    }

    private OAuthTokens tokens(JsonNode body, String kept) {
        String access = text(body, "access_token", null);
        JsonNode expiresIn = body == null ? null : body.get("expires_in");
        if (access == null || access.isBlank() || expiresIn == null || !expiresIn.canConvertToLong()
                || expiresIn.asLong() < 0) {
            return null;
        }
        Instant now = time.now();
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
