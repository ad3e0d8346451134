package io.github.wxcsdk;

import io.github.wxcsdk.auth.TokenProvider;
import io.github.wxcsdk.internal.ClientSettings;
import io.github.wxcsdk.internal.Clients;
import io.github.wxcsdk.internal.Time;
import io.github.wxcsdk.internal.TransportSecurity;
import io.github.wxcsdk.internal.net.Network;
import io.github.wxcsdk.telephony.TelephonyApi;

import javax.net.ssl.SSLContext;
import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The entry point of the SDK: a client of the Webex APIs for one access token (or token supplier).
 *
 * <pre>{@code
 * WebexSimpleApi api = WebexSimpleApi.builder().accessToken(token).build();
 * api.telephony().conference().mute();
 * }</pre>
 *
 * <p>Immutable and thread-safe: build it once and share it; it holds one HTTP client and connection pool. Close it
 * when done ({@link #close()}).
 */
public final class WebexSimpleApi implements AutoCloseable {
    /** The environment variable read when no token is configured, as the Python wxc_sdk does. */
    public static final String TOKEN_ENVIRONMENT_VARIABLE = "WEBEX_ACCESS_TOKEN";
    /** The default API root. */
    public static final String DEFAULT_BASE_URL = "https://webexapis.com/v1";

    private final URI baseUrl;
    private final Clients.SyncClient client;

    private WebexSimpleApi(ClientSettings settings, Network network) {
        this.baseUrl = settings.baseUrl();
        this.client = Clients.sync(settings, network);
    }

    /**
     * Starts configuring a client.
     *
     * @return a new builder with the defaults described on its methods
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Webex Calling telephony APIs.
     *
     * @return the telephony APIs; the same instance on every call
     */
    public TelephonyApi telephony() {
        return client.telephony();
    }

    /**
     * Ends the client. Later calls throw {@link IllegalStateException} ("The client is closed") at once, before
     * anything is sent; the client lets go of its JDK HTTP client (shut down at once on Java 21 and later; on Java 17,
     * which cannot close it, its selector thread and connections end when the garbage collector takes it). Its
     * deadline thread ends by itself within seconds of the last call. Idempotent; returns at once. A client dropped
     * without {@code close()} holds no thread either once it is garbage collected and idle.
     */
    @Override
    public void close() {
        client.close();
    }

    /** Shows the base URL only, never the token. */
    @Override
    public String toString() {
        return "WebexSimpleApi{baseUrl=" + baseUrl + '}';
    }

    /**
     * Configures a {@link WebexSimpleApi}. Not thread-safe; the client it builds is.
     */
    public static final class Builder {
        /** Every other setting, with its default; the values set here are checked first. */
        private final ClientSettings.Builder settings = ClientSettings.builder();
        private TokenProvider tokenProvider;
        private String baseUrl = DEFAULT_BASE_URL;
        private final List<CallListener> callListeners = new ArrayList<>();
        private Function<String, String> environment = System::getenv;
        private ProxySelector proxy;
        private SSLContext sslContext;
        private Authenticator proxyAuthenticator;

        private Builder() {
        }

        /**
         * Uses one fixed access token for every request. Replaces an earlier {@link #tokenSupplier(Supplier)}.
         * Without a token or supplier, {@link #build()} reads the {@value #TOKEN_ENVIRONMENT_VARIABLE} environment
         * variable.
         *
         * @param accessToken a Webex access token with the scopes of the APIs you call
         * @return this builder
         * @throws NullPointerException     when {@code accessToken} is {@code null}
         * @throws IllegalArgumentException when {@code accessToken} is blank or holds a character that is not printable
         *                                  ASCII (an HTTP header would carry it as {@code ?})
         */
        public Builder accessToken(String accessToken) {
            this.tokenProvider = TokenProvider.of(accessToken);
            return this;
        }

        /**
         * Asks {@code tokenSupplier} for the access token before every request, so a refreshed token is used at
         * once. Replaces an earlier {@link #accessToken(String)}. The supplier must be thread-safe and quick; when it
         * returns {@code null} or a blank token the call fails with {@link IllegalStateException} before sending.
         *
         * @param tokenSupplier supplies the current access token
         * @return this builder
         * @throws NullPointerException when {@code tokenSupplier} is {@code null}
         */
        public Builder tokenSupplier(Supplier<String> tokenSupplier) {
            this.tokenProvider = TokenProvider.fromSupplier(tokenSupplier);
            return this;
        }

        /**
         * Asks {@code tokenProvider} for the access token before every request and tells it when Webex rejected one
         * with {@code 401}; the call is then resent once with the provider's next token (see {@link TokenProvider}).
         * Replaces an earlier {@link #accessToken(String)} or {@link #tokenSupplier(Supplier)}. For Integrations and
         * Service Apps, {@link io.github.wxcsdk.auth.OAuthTokenProvider} refreshes tokens before they expire.
         *
         * @param tokenProvider the client's tokens
         * @return this builder
         * @throws NullPointerException when {@code tokenProvider} is {@code null}
         */
        public Builder tokenProvider(TokenProvider tokenProvider) {
            this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider must not be null");
            return this;
        }

        /**
         * The executor that completes the futures of a client built with {@link #buildAsync()}, and so runs the
         * callbacks chained to them without an executor of their own. Default: a small pool of the client's own
         * (at most four threads), separate from the threads that do the client's I/O, so a callback that blocks
         * stalls no other call. Ignored by {@link #build()}.
         *
         * @param executor for example a virtual-thread or application executor
         * @return this builder
         * @throws NullPointerException when {@code executor} is {@code null}
         */
        public Builder executor(Executor executor) {
            settings.completionExecutor(Objects.requireNonNull(executor, "executor must not be null"));
            return this;
        }

        /**
         * Sets the API root. Default {@value #DEFAULT_BASE_URL}. It must be {@code https}, except on a loopback host
         * ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), for tests and the simulator, so that a token never
         * travels unencrypted.
         *
         * @param baseUrl for example {@code https://webexapis.com/v1}; a trailing slash is ignored
         * @return this builder
         * @throws NullPointerException when {@code baseUrl} is {@code null}
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl must not be null");
            return this;
        }

        /**
         * Sets the limit for opening a connection. Default 10 seconds.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         * @throws NullPointerException     when {@code connectTimeout} is {@code null}
         * @throws IllegalArgumentException when it is zero or negative
         */
        public Builder connectTimeout(Duration connectTimeout) {
            settings.connectTimeout(positive(connectTimeout, "connectTimeout"));
            return this;
        }

        /**
         * Sets the limit for one attempt, from sending the request to the end of the answer's body. Default 30
         * seconds.
         *
         * @param readTimeout a positive duration
         * @return this builder
         * @throws NullPointerException     when {@code readTimeout} is {@code null}
         * @throws IllegalArgumentException when it is zero or negative
         */
        public Builder readTimeout(Duration readTimeout) {
            settings.readTimeout(positive(readTimeout, "readTimeout"));
            return this;
        }

        /**
         * Sets the limit for a whole call: every attempt, every wait between them and any wait for a free request
         * slot. Default 5 minutes. An attempt still running at the limit is cut off, so no call runs past it by more
         * than a few milliseconds: it fails with {@link WebexTimeoutException} (or, for start and addParticipant
         * once sent, {@link WebexOutcomeUnknownException}). When the next wait (the server's {@code Retry-After} or
         * the backoff) would pass the limit, the call fails at once with the last failure, a
         * {@link WebexApiException} carrying the server's {@code retryAfter()}; when it is the throttle's gate (another
         * call's {@code 429}), with {@link WebexThrottledException}, before anything is sent.
         *
         * @param callTimeout a positive duration
         * @return this builder
         * @throws NullPointerException     when {@code callTimeout} is {@code null}
         * @throws IllegalArgumentException when it is zero or negative
         */
        public Builder callTimeout(Duration callTimeout) {
            settings.callTimeout(positive(callTimeout, "callTimeout"));
            return this;
        }

        /**
         * Sets how many times one call may be retried. Default 3; 0 turns retries off.
         *
         * @param maxRetries zero or more
         * @return this builder
         * @throws IllegalArgumentException when it is negative
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
            }
            settings.maxRetries(maxRetries);
            return this;
        }

        /**
         * Sets the longest wait the SDK accepts from a {@code Retry-After} header. A call told to wait longer fails at
         * once with the answer's {@code WebexApiException} ({@code retryAfter()} says how long), since nothing is
         * resent before the server's {@code Retry-After} has passed. It also bounds how long the client's other calls
         * are held by the throttle's gate: a {@code 429} with a {@code Retry-After} longer than one second closes the
         * gate until the whole {@code Retry-After} has passed, and a call waits for it only when it opens within this
         * time and within the call's {@code callTimeout}; otherwise the call fails at once, unsent, with
         * {@link WebexThrottledException}. Default 60 seconds.
         *
         * @param maxRetryAfter zero or more
         * @return this builder
         * @throws NullPointerException     when {@code maxRetryAfter} is {@code null}
         * @throws IllegalArgumentException when it is negative
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter must not be null");
            if (maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must not be negative: " + maxRetryAfter);
            }
            settings.maxRetryAfter(maxRetryAfter);
            return this;
        }

        /**
         * Whether mute, unmute, deafen, undeafen, hold and resume are resent after an ambiguous failure (a timeout
         * or reset after sending, a 502 or 504), when the server may already have acted. Default {@code true}:
         * setting the same state twice does no harm. Start and addParticipant are never resent after an ambiguous
         * failure, whatever this says.
         *
         * @param retry whether to resend
         * @return this builder
         */
        public Builder retryStateChangesOnAmbiguousFailure(boolean retry) {
            settings.retryStateChangesOnAmbiguousFailure(retry);
            return this;
        }

        /**
         * Bounds the requests this client has in flight at once (connections, threads, server load); further calls
         * wait for a free slot, within their {@code callTimeout}. A slot is held for one attempt and released while a
         * call waits for a {@code Retry-After} or the throttle. It bounds concurrency, not the rate, and does not by
         * itself prevent 429s: that is the throttle's job ({@link #maxRequestsPerSecond(double)},
         * {@link #adaptiveThrottling(boolean)}). Default 0: no bound. The Python wxc_sdk uses 10.
         *
         * @param maxConcurrentRequests zero for no bound, else the bound
         * @return this builder
         * @throws IllegalArgumentException when it is negative
         */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            if (maxConcurrentRequests < 0) {
                throw new IllegalArgumentException("maxConcurrentRequests must not be negative: "
                        + maxConcurrentRequests);
            }
            settings.maxConcurrentRequests(maxConcurrentRequests);
            return this;
        }

        /**
         * Paces the client's requests, all its views and threads together, at most this fast from the first call:
         * for a quota you know, so it is never hit. The learned pace (see {@link #adaptiveThrottling(boolean)}) still
         * applies below it if Webex answers 429 anyway. Default 0: no fixed pace.
         *
         * @param maxRequestsPerSecond requests per second, 0 for none
         * @return this builder
         * @throws IllegalArgumentException when it is negative, infinite or not a number
         */
        public Builder maxRequestsPerSecond(double maxRequestsPerSecond) {
            if (!(maxRequestsPerSecond >= 0) || Double.isInfinite(maxRequestsPerSecond)) {
                throw new IllegalArgumentException("maxRequestsPerSecond must be zero or positive and finite: "
                        + maxRequestsPerSecond);
            }
            settings.maxRequestsPerSecond(maxRequestsPerSecond);
            return this;
        }

        /**
         * Whether the client's calls share one throttle that learns the rate Webex lets through. On (the default), it
         * costs nothing until the first 429; then calls are admitted one at a time, in arrival order, near the
         * learned rate, probing upward, and a {@code Retry-After} longer than one second holds back every call of the
         * client until it has passed (each at most {@link #maxRetryAfter(Duration)} and never past its
         * {@code callTimeout}; a call that cannot wait that long fails at once with {@link WebexThrottledException}).
         * Off, each call handles its 429 alone (its own {@code Retry-After}); only
         * {@link #maxRequestsPerSecond(double)}, if set, still paces.
         *
         * @param adaptive whether to learn and share the pace
         * @return this builder
         */
        public Builder adaptiveThrottling(boolean adaptive) {
            settings.adaptiveThrottling(adaptive);
            return this;
        }

        /**
         * Shares this client's throttle with the other replicas (processes, hosts) that use the same token, through
         * {@code coordination} (for example {@code io.github.wxcsdk.redis.RedisCoordination} of the
         * {@code wxc-sdk-redis} artifact): a {@code 429} seen by one replica closes the gate and sets the pace for all,
         * and while pacing each replica keeps its fair share of the learned rate. Calls that are not throttled pay no
         * round trip to it: a heartbeat about once a second per client (a few a second while pacing) does the
         * sharing. When the coordination is unavailable the client throttles alone, as without it; no call fails
         * because of it. Default: none, the client throttles alone.
         *
         * @param coordination where the replicas share the throttle; the same instance may serve many clients
         * @return this builder
         * @throws NullPointerException when {@code coordination} is {@code null}
         */
        public Builder coordination(ClientCoordination coordination) {
            settings.coordination(Objects.requireNonNull(coordination, "coordination must not be null"));
            return this;
        }

        /**
         * Observes every retry (attempt, status, wait). Default: none.
         *
         * @param retryListener the listener
         * @return this builder
         * @throws NullPointerException when {@code retryListener} is {@code null}
         */
        public Builder retryListener(RetryListener retryListener) {
            settings.retryListener(Objects.requireNonNull(retryListener, "retryListener must not be null"));
            return this;
        }

        /**
         * Adds a listener that sees every call of the client: its start, each attempt, and its end with the operation,
         * the status, the {@code TrackingID}, the attempts and the time (see {@link CallListener}), for the
         * synchronous and the asynchronous client and every view. May be called more than once: the listeners are
         * called in the order they were added. {@code wxc-sdk-micrometer} and {@code wxc-sdk-opentelemetry} provide
         * listeners for metrics and traces. A listener never changes a call's result: an exception it throws is
         * logged and ignored.
         *
         * @param callListener the listener
         * @return this builder
         * @throws NullPointerException when {@code callListener} is {@code null}
         */
        public Builder callListener(CallListener callListener) {
            callListeners.add(Objects.requireNonNull(callListener, "callListener must not be null"));
            return this;
        }

        /**
         * Sends the client's requests through the proxy this selector chooses. Default: the JVM's default selector
         * (the {@code https.proxyHost} system properties and the like). A token travels only over {@code https}, or
         * plain {@code http} to a loopback host, through a proxy too: a plain-http request goes through a proxy only
         * when the proxy is on loopback as well, else directly. A network failure through a proxy names the proxy
         * ({@code host:port}), the target host and the cause. The token provider reaches its token endpoint by its
         * own settings: give {@link io.github.wxcsdk.auth.OAuthTokenProvider.Builder#proxy(ProxySelector)} the same.
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
         * Uses this TLS context for the client's connections, for example one that trusts a company's TLS-inspecting
         * proxy. Default: the JVM's default context. A TLS failure names the host and what failed (for example that
         * the certificate is not trusted) and is not retried.
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
         * server's credentials (a Webex {@code 401} reaches the token provider). The credentials appear in no log line
         * or message. The JDK sends no Basic credentials to a proxy for an https tunnel unless the system property
         * {@code jdk.http.auth.tunneling.disabledSchemes} allows it (its default disables Basic; the SDK then logs a
         * warning). Default: none.
         *
         * @param proxyAuthenticator the proxy's credentials
         * @return this builder
         * @throws NullPointerException when {@code proxyAuthenticator} is {@code null}
         */
        public Builder proxyAuthenticator(Authenticator proxyAuthenticator) {
            this.proxyAuthenticator = Objects.requireNonNull(proxyAuthenticator,
                    "proxyAuthenticator must not be null");
            return this;
        }

        /** For tests: the time of deadlines, the throttle and HTTP-dates, and the waits between attempts. */
        Builder time(Time time) {
            settings.time(time);
            return this;
        }

        /** For tests: the random numbers of backoff jitter, in [0, 1). */
        Builder jitter(DoubleSupplier jitter) {
            settings.jitter(jitter);
            return this;
        }

        /** For tests: where {@value #TOKEN_ENVIRONMENT_VARIABLE} is read from. */
        Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return a new immutable, thread-safe client
         * @throws IllegalStateException when there is no token (none configured and
         *                               {@value #TOKEN_ENVIRONMENT_VARIABLE} unset or blank), or the base URL is not
         *                               an absolute {@code https} URL (plain {@code http} only on loopback hosts)
         */
        public WebexSimpleApi build() {
            return new WebexSimpleApi(settings(), network());
        }

        /**
         * Builds the asynchronous twin of the client, with the same settings: every operation returns a
         * {@link java.util.concurrent.CompletableFuture}, with no thread per call in flight (see
         * {@link io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi} for the steps that run on the
         * client's threads).
         *
         * @return a new thread-safe asynchronous client; close it when done to end its threads at once
         * @throws IllegalStateException as {@link #build()}
         */
        public WebexSimpleAsyncApi buildAsync() {
            return new WebexSimpleAsyncApi(settings(), network());
        }

        private Network network() {
            return new Network(proxy, sslContext, proxyAuthenticator);
        }

        private ClientSettings settings() {
            return settings.baseUrl(checkedBaseUrl()).tokenProvider(resolvedTokenProvider())
                    .callListeners(callListeners).build();
        }

        private TokenProvider resolvedTokenProvider() {
            if (tokenProvider != null) {
                return tokenProvider;
            }
            String fromEnvironment = environment.apply(TOKEN_ENVIRONMENT_VARIABLE);
            if (fromEnvironment == null || fromEnvironment.isBlank()) {
                throw new IllegalStateException("No access token: call accessToken(...), tokenSupplier(...) or"
                        + " tokenProvider(...), or set the environment variable " + TOKEN_ENVIRONMENT_VARIABLE);
            }
            return TokenProvider.of(fromEnvironment);
        }

        private URI checkedBaseUrl() {
            URI uri;
            try {
                uri = new URI(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("baseUrl is not a valid URL: " + baseUrl, e);
            }
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new IllegalStateException("baseUrl must be an absolute URL with a host and no query, fragment"
                        + " or user info: " + baseUrl);
            }
            if (!TransportSecurity.allows(uri)) {
                throw new IllegalStateException("baseUrl must use https (plain http only on a loopback host, so a"
                        + " token never travels unencrypted): " + baseUrl);
            }
            return uri;
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name + " must not be null");
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
