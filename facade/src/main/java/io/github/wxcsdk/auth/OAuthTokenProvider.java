package io.github.wxcsdk.auth;

import io.github.wxcsdk.internal.auth.Delays;
import io.github.wxcsdk.internal.auth.Endpoints;
import io.github.wxcsdk.internal.auth.SharedTokenSet;
import io.github.wxcsdk.internal.auth.TimerDelays;
import io.github.wxcsdk.internal.auth.Tokens;
import io.github.wxcsdk.ClientCoordination;
import io.github.wxcsdk.internal.Time;
import io.github.wxcsdk.internal.net.Network;

import javax.net.ssl.SSLContext;
import java.net.Authenticator;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Access tokens of a Webex Integration or Service App, refreshed with the refresh token before they expire, the way
 * Azure Identity and AWS credential providers do it.
 *
 * <pre>{@code
 * OAuthTokenProvider tokens = OAuthTokenProvider.builder()
 *         .clientId(clientId).clientSecret(clientSecret)
 *         .refreshToken(refreshToken)                                  // from the Service App page or an OAuth flow
 *         .onRefresh(t -> vault.store(t.refreshToken()))               // persist every rotated refresh token
 *         .build();
 * WebexSimpleApi api = WebexSimpleApi.builder().tokenProvider(tokens).build();
 * }</pre>
 *
 * <p><b>Refresh.</b> {@code POST} to the token endpoint (default {@value #DEFAULT_TOKEN_ENDPOINT}), form-encoded
 * {@code grant_type=refresh_token}, {@code client_id}, {@code client_secret}, {@code refresh_token}, with a
 * {@code TrackingID} header of the SDK's format ({@code WXCJAVA_<uuid>}, kept across the refresh's retries; its
 * {@link OAuthRefreshException#trackingId()} gives it). A token is refreshed when less than its margin is left:
 * {@code min(5 minutes, 10 % of its lifetime)}. Five minutes, as the Python wxc_sdk uses, covers clock skew and a slow
 * call for Webex's 14-day tokens; the 10 % keeps a token that lives seconds (in tests) from being refreshed on every
 * call: a 2-second token is refreshed after 1.8 seconds. The first call refreshes when the builder was given only a
 * refresh token.
 *
 * <p><b>Concurrency.</b> At most one refresh is in flight, for all callers, and no thread waits for it except a
 * caller of the blocking {@link #accessToken(Duration)} that has no valid token: the request is sent and answered
 * asynchronously, on the threads of the provider's own HTTP client. A caller whose token is still valid uses it at
 * once while the refresh runs in the background. A caller without a valid token waits for the refresh within its
 * {@code maxWait} ({@link #accessTokenAsync(Duration)} returns a future that does). So any number of concurrent
 * callers cause one refresh per expiry.
 *
 * <p><b>Late answers.</b> A caller's {@code maxWait} bounds its own wait, not the refresh: an answer that arrives
 * after every waiting caller gave up is still applied and handed to {@code onRefresh}, so a refresh token that Webex
 * rotated is never lost. One attempt may take up to 30 seconds; transient failures (no answer, 408, 429 after its
 * {@code Retry-After}, 5xx) are retried with backoff while a waiting caller still has time, and for at most 10
 * seconds when the refresh started early (the old token still valid).
 *
 * <p><b>Failures.</b> A refusal (400 or 401 from the token endpoint, such as {@code invalid_grant} for a revoked or
 * expired refresh token, or {@code invalid_client}) fails with {@link OAuthRefreshException}, whose
 * {@code renewalRequired()} is {@code true}, and is remembered: every later call fails the same way, without asking
 * the endpoint again, once the last access token has expired. Build a new provider with a new refresh token. An early
 * refresh that fails keeps the valid token and is tried again after a pause (a quarter of the time left, at most 30
 * seconds).
 *
 * <p><b>401.</b> {@link #unauthorized(String)} with the current access token makes the next call refresh, however many
 * calls report it.
 *
 * <p><b>Network.</b> {@link Builder#proxy(ProxySelector)}, {@link Builder#sslContext(SSLContext)} and
 * {@link Builder#proxyAuthenticator(Authenticator)} configure how the token endpoint is reached; without them the
 * JVM's defaults apply. A failure names the proxy, the target host and the cause.
 *
 * <p>Thread-safe and immutable in configuration. No token and no client secret appears in a log line at any level,
 * an exception message or {@code toString()}. Its threads (one HTTP client's, one timer's) are daemons; the timer's
 * ends when the provider has been idle a few seconds.
 */
public final class OAuthTokenProvider implements TokenProvider {
    /** Webex's token endpoint. */
    public static final String DEFAULT_TOKEN_ENDPOINT = TokenEndpoint.DEFAULT;

    private final String clientId;
    private final TokenEndpoint endpoint;
    private final TokenRefresher refresher;

    private OAuthTokenProvider(Builder builder) {
        this.clientId = builder.clientId;
        TimerDelays timer = new TimerDelays("wxc-oauth-timer");
        this.endpoint = new TokenEndpoint(builder.tokenEndpoint, builder.time, timer.waits(builder.time),
                builder.network());
        SharedTokenSet shared = builder.coordination == null ? null : new SharedTokenSet(builder.coordination,
                builder.clientId, builder.clientSecret, builder.refreshToken);
        this.refresher = new TokenRefresher(builder.clientId, builder.clientSecret, endpoint, builder.onRefresh,
                builder.time, builder.deadlines != null ? builder.deadlines : timer, shared, builder.refreshToken,
                builder.tokens);
    }

    /** @return a builder; client id, client secret and a refresh token are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The current access token, refreshed first when it is expired or was rejected; when it is only within its margin
     * of expiry it is returned at once and refreshed in the background. Blocks the calling thread only while it has no
     * valid token and the refresh runs; {@link #accessTokenAsync(Duration)} never blocks.
     *
     * @param maxWait how long the caller may wait for a refresh
     * @return the access token
     * @throws NullPointerException  when {@code maxWait} is {@code null}
     * @throws OAuthRefreshException when Webex refused the refresh token or client credentials
     *                               ({@code renewalRequired()}), or no new token could be had within {@code maxWait}
     *                               and the old one is no longer valid (the refresh goes on; its answer is used)
     */
    @Override
    public String accessToken(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait must not be null");
        // the same timed future as the async form: its deadline is the provider's timer, so no clock is special here
        CompletableFuture<String> token = refresher.token(maxWait);
        try {
            return token.get();
        } catch (ExecutionException e) {
            throw TokenEndpoint.unwrapped(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthRefreshException("Interrupted while waiting for the access token", 0, null, false,
                    refresher.inFlightTrackingId(), null);
        }
    }

    /**
     * The current access token without blocking: the future is complete at once when the token is valid (a token
     * within its margin of expiry is refreshed in the background meanwhile); otherwise it completes when the one
     * refresh in flight ends, or exceptionally when {@code maxWait} has passed first. Giving up does not stop the
     * refresh: its answer is applied and handed to {@code onRefresh} when it comes. The future completes on a thread
     * of the provider (its HTTP client's or its timer's); chain blocking work with an executor of your own.
     *
     * @param maxWait how long the caller may wait for a refresh
     * @return the access token, or a future failed with {@link OAuthRefreshException} (see
     *         {@link #accessToken(Duration)})
     * @throws NullPointerException when {@code maxWait} is {@code null}
     */
    @Override
    public CompletableFuture<String> accessTokenAsync(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait must not be null");
        return refresher.token(maxWait);
    }

    /**
     * Forgets {@code rejectedToken} when it is the current access token, so the next {@link #accessToken(Duration)}
     * refreshes. Any number of calls with the same token cause one refresh; an older token is ignored.
     *
     * @param rejectedToken the token Webex answered {@code 401} to; {@code null} is ignored
     */
    @Override
    public void unauthorized(String rejectedToken) {
        refresher.unauthorized(rejectedToken);
    }

    /** @return the newest token set, or empty before the first refresh when the builder had only a refresh token */
    public Optional<OAuthTokens> currentTokens() {
        return refresher.currentTokens();
    }

    /** @return the client id and token endpoint; never a token or the client secret */
    @Override
    public String toString() {
        return "OAuthTokenProvider(clientId=" + clientId + ", tokenEndpoint=" + endpoint.uri() + ")";
    }

    /** For tests: the refresh in flight, or a completed future when there is none. */
    CompletableFuture<?> refreshInFlight() {
        return refresher.refreshInFlight();
    }

    /** Configures an {@link OAuthTokenProvider}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private String refreshToken;
        private OAuthTokens tokens;
        private java.net.URI tokenEndpoint = Endpoints.checked(DEFAULT_TOKEN_ENDPOINT, "tokenEndpoint");
        private Consumer<OAuthTokens> onRefresh = tokens -> { };
        private ProxySelector proxy;
        private SSLContext sslContext;
        private Authenticator proxyAuthenticator;
        private Time time = Time.system();
        private Delays deadlines;
        private ClientCoordination coordination;

        private Builder() {
        }

        /**
         * Sets the client id of the Integration or Service App. Required.
         *
         * @param clientId the client id
         * @return this builder
         * @throws NullPointerException     when {@code clientId} is {@code null}
         * @throws IllegalArgumentException when it is blank or not printable ASCII
         */
        public Builder clientId(String clientId) {
            this.clientId = Tokens.checked(Objects.requireNonNull(clientId, "clientId must not be null"), "clientId");
            return this;
        }

        /**
         * Sets the client secret of the Integration or Service App. Required.
         *
         * @param clientSecret the client secret
         * @return this builder
         * @throws NullPointerException     when {@code clientSecret} is {@code null}
         * @throws IllegalArgumentException when it is blank or not printable ASCII (the message never shows it)
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = Tokens.checked(Objects.requireNonNull(clientSecret,
                    "clientSecret must not be null"), "clientSecret");
            return this;
        }

        /**
         * Sets the refresh token to start from; the first {@link OAuthTokenProvider#accessToken(Duration)} refreshes.
         * Required unless {@link #tokens(OAuthTokens)} is given; replaces an earlier {@code tokens(...)}.
         *
         * @param refreshToken a refresh token from the Service App's page or an OAuth flow
         * @return this builder
         * @throws NullPointerException     when {@code refreshToken} is {@code null}
         * @throws IllegalArgumentException when it is blank or not printable ASCII (the message never shows it)
         */
        public Builder refreshToken(String refreshToken) {
            this.refreshToken = Tokens.checked(Objects.requireNonNull(refreshToken,
                    "refreshToken must not be null"), "refreshToken");
            this.tokens = null;
            return this;
        }

        /**
         * Starts from a stored token set: its access token is used until its margin before expiry, then its refresh
         * token renews it. Replaces an earlier {@link #refreshToken(String)}.
         *
         * @param tokens the token set, for example as stored by an earlier {@code onRefresh}
         * @return this builder
         * @throws NullPointerException when {@code tokens} is {@code null}
         */
        public Builder tokens(OAuthTokens tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
            this.refreshToken = tokens.refreshToken();
            return this;
        }

        /**
         * Sets the token endpoint. Default {@value #DEFAULT_TOKEN_ENDPOINT}. It must be {@code https}, except on a
         * loopback host (tests, the simulator). Redirects are never followed.
         *
         * @param tokenEndpoint the URL
         * @return this builder
         * @throws NullPointerException     when {@code tokenEndpoint} is {@code null}
         * @throws IllegalArgumentException when it is not an absolute {@code https} URL (or {@code http} on loopback)
         */
        public Builder tokenEndpoint(String tokenEndpoint) {
            this.tokenEndpoint = Endpoints.checked(Objects.requireNonNull(tokenEndpoint,
                    "tokenEndpoint must not be null"), "tokenEndpoint");
            return this;
        }

        /**
         * Receives every new token set, one at a time and in order, on a thread of the provider's HTTP client, before
         * any call uses its access token, also when every caller that waited for it has given up. Store the refresh
         * token there: Webex may rotate it, and a lost refresh token means lost access. It should be quick (calls
         * needing a token wait meanwhile). When it throws, a warning is logged
         * (naming only the exception's class) and the new tokens are used anyway: Webex may already have retired the
         * old refresh token. Default: nothing.
         *
         * @param onRefresh the consumer
         * @return this builder
         * @throws NullPointerException when {@code onRefresh} is {@code null}
         */
        public Builder onRefresh(Consumer<OAuthTokens> onRefresh) {
            this.onRefresh = Objects.requireNonNull(onRefresh, "onRefresh must not be null");
            return this;
        }

        /**
         * Sends the token endpoint's requests through the proxy this selector chooses. Default: the JVM's default
         * selector (the {@code https.proxyHost} system properties and the like). A plain-http endpoint (loopback only)
         * is reached through a proxy only when the proxy is on loopback too, so its secrets never leave the machine.
         *
         * @param proxy for example {@code ProxySelector.of(new InetSocketAddress("proxy.example.com", 3128))}
         * @return this builder
         * @throws NullPointerException when {@code proxy} is {@code null}
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy must not be null");
            return this;
        }

        /**
         * Uses this TLS context for the token endpoint, for example one that trusts a company's TLS-inspecting proxy.
         * Default: the JVM's default context.
         *
         * @param sslContext the context
         * @return this builder
         * @throws NullPointerException when {@code sslContext} is {@code null}
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext must not be null");
            return this;
        }

        /**
         * Answers a proxy that asks for credentials ({@code 407}) with this authenticator; it is never asked for a
         * server's credentials. The credentials appear in no log line or message. Note that the JDK does not send
         * Basic credentials to a proxy for an https tunnel unless the system property
         * {@code jdk.http.auth.tunneling.disabledSchemes} allows it (its default disables Basic). Default: none.
         *
         * @param proxyAuthenticator for example one returning a {@link java.net.PasswordAuthentication} for
         *                           {@link Authenticator.RequestorType#PROXY}
         * @return this builder
         * @throws NullPointerException when {@code proxyAuthenticator} is {@code null}
         */
        public Builder proxyAuthenticator(Authenticator proxyAuthenticator) {
            this.proxyAuthenticator = Objects.requireNonNull(proxyAuthenticator,
                    "proxyAuthenticator must not be null");
            return this;
        }

        private Network network() {
            return new Network(proxy, sslContext, proxyAuthenticator);
        }

        /**
         * Shares the token set with the other replicas (processes, hosts) built with the same client id, client secret
         * and refresh token, through {@code coordination} (for example {@code io.github.wxcsdk.redis.RedisCoordination}
         * of the {@code wxc-sdk-redis} artifact): one refresh per expiry across all of them (a lease: the replica that
         * refreshes holds it, and it expires after 30 s if that replica dies), every replica uses the newest access
         * token, and the newest refresh token stays in the coordination, so a replica restarted with this builder's
         * refresh token starts from it. {@code onRefresh} runs on the replica that refreshed. The set is stored
         * encrypted (AES-GCM, with a key derived from the client secret); its identity is a SHA-256 of the client id
         * and this builder's refresh token. When the coordination is unavailable the provider refreshes alone, as
         * without it. Default: none.
         *
         * @param coordination where the replicas share the token set
         * @return this builder
         * @throws NullPointerException when {@code coordination} is {@code null}
         */
        public Builder coordination(ClientCoordination coordination) {
            this.coordination = Objects.requireNonNull(coordination, "coordination must not be null");
            return this;
        }

        /** For tests: ends the waits of {@link OAuthTokenProvider#accessTokenAsync(Duration)} callers. */
        Builder deadlines(Delays deadlines) {
            this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
            return this;
        }

        /**
         * For tests: the time of expiries and retry deadlines, and of the waits between token endpoint attempts.
         * Default {@link Time#system()}.
         */
        Builder time(Time time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Builds the provider. It asks the token endpoint only when a token is first needed.
         *
         * @return a new thread-safe provider
         * @throws IllegalStateException when the client id, client secret or refresh token is missing
         */
        public OAuthTokenProvider build() {
            if (clientId == null || clientSecret == null || refreshToken == null) {
                throw new IllegalStateException("clientId, clientSecret and refreshToken (or tokens) are required");
            }
            return new OAuthTokenProvider(this);
        }
    }
}
