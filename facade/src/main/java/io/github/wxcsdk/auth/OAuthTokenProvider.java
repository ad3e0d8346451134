package io.github.wxcsdk.auth;

import io.github.wxcsdk.ClientCoordination;
import io.github.wxcsdk.internal.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
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
 * {@code grant_type=refresh_token}, {@code client_id}, {@code client_secret}, {@code refresh_token}. A token is
 * refreshed when less than its margin is left: {@code min(5 minutes, 10 % of its lifetime)}. Five minutes, as the
 * Python wxc_sdk uses, covers clock skew and a slow call for Webex's 14-day tokens; the 10 % keeps a token that lives
 * seconds (in tests) from being refreshed on every call: a 2-second token is refreshed after 1.8 seconds. The first
 * call refreshes when the builder was given only a refresh token.
 *
 * <p><b>Concurrency.</b> One thread refreshes; callers whose token is still valid keep using it meanwhile, callers
 * without a valid token wait for the refresh within their {@code maxWait}. So any number of concurrent callers cause
 * one refresh per expiry. While the old token is still valid, the refreshing caller spends at most 10 seconds on it
 * (even when the old token expires meanwhile: an answer given up on may have rotated the refresh token already) and
 * then goes on with the old token; a later call tries again.
 *
 * <p><b>Failures.</b> No answer, 408, 429 (after its {@code Retry-After}) and 5xx are retried with backoff within the
 * caller's {@code maxWait}. A refusal (400 or 401 from the token endpoint, such as {@code invalid_grant} for a revoked
 * or expired refresh token, or {@code invalid_client}) fails with {@link OAuthRefreshException}, whose
 * {@code renewalRequired()} is {@code true}, and is remembered: every later call fails the same way, without asking
 * the endpoint again, once the last access token has expired. Build a new provider with a new refresh token.
 *
 * <p><b>401.</b> {@link #unauthorized(String)} with the current access token makes the next call refresh, however many
 * calls report it.
 *
 * <p>Thread-safe and immutable in configuration. No token and no client secret appears in a log line at any level,
 * an exception message or {@code toString()}.
 */
public final class OAuthTokenProvider implements TokenProvider {
    /** Webex's token endpoint. */
    public static final String DEFAULT_TOKEN_ENDPOINT = TokenEndpoint.DEFAULT;
    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenProvider.class);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);
    /** The most a caller that still has a valid token spends refreshing it. */
    private static final Duration EARLY_REFRESH_BUDGET = Duration.ofSeconds(10);
    private static final Duration MAX_EARLY_RETRY_PAUSE = Duration.ofSeconds(30);
    /** How long the refresh lease of a shared token set lasts when its holder dies. */
    private static final Duration REFRESH_LEASE = Duration.ofSeconds(30);
    /** While another replica refreshes, a caller without a valid token looks for the new set this often. */
    private static final Duration SHARED_POLL = Duration.ofMillis(100);
    /** While another replica refreshes, a valid token is used and the shared set looked at again after this. */
    private static final Duration SHARED_RECHECK = Duration.ofMillis(250);
    private static final TokenEndpoint.Grant REFRESH = new TokenEndpoint.Grant("the refresh token",
            "it is revoked or expired and must be renewed: authorize the Integration again (for example with"
                    + " 'wxc-conference login') or copy a new refresh token from the Service App's page");

    private final String clientId;
    private final String clientSecret;
    private final TokenEndpoint endpoint;
    private final Consumer<OAuthTokens> onRefresh;
    private final Clock clock;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final AtomicReference<State> state;
    /** The token set shared with the other replicas, or {@code null} without coordination. */
    private final SharedTokenSet shared;
    private final Sleeper sleeper;
    /** Webex's refusal of the refresh token, once it came; written under {@link #refreshLock}. */
    private volatile OAuthRefreshException refusal;

    private OAuthTokenProvider(Builder builder) {
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
        this.endpoint = new TokenEndpoint(builder.tokenEndpoint, builder.clock, builder.sleeper);
        this.onRefresh = builder.onRefresh;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.shared = builder.coordination == null ? null : new SharedTokenSet(builder.coordination, builder.clientId,
                builder.clientSecret, builder.refreshToken);
        this.state = new AtomicReference<>(builder.tokens == null
                ? new State(null, builder.refreshToken, Instant.MIN, false)
                : State.of(builder.tokens, clock.instant()));
    }

    /** @return a builder; client id, client secret and a refresh token are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The current access token, refreshed first when it is within its margin of expiry, expired, or was rejected.
     *
     * @param maxWait how long the caller may wait for a refresh
     * @return the access token
     * @throws NullPointerException  when {@code maxWait} is {@code null}
     * @throws OAuthRefreshException when Webex refused the refresh token or client credentials
     *                               ({@code renewalRequired()}), or no new token could be had within {@code maxWait}
     *                               and the old one is no longer valid
     */
    @Override
    public String accessToken(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait must not be null");
        Instant now = clock.instant();
        State current = state.get();
        if (current.fresh(now)) {
            return current.tokens.accessToken();
        }
        Instant deadline = Deadlines.after(now, maxWait);
        if (current.usable(now)) {
            if (!refreshLock.tryLock()) {
                return current.tokens.accessToken();
            }
        } else if (!lockBefore(deadline)) {
            throw new OAuthRefreshException("No valid access token within " + maxWait + ": another call is still"
                    + " refreshing it", 0, null, false, null, null);
        }
        try {
            return refreshedIfNeeded(deadline);
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * Forgets {@code rejectedToken} when it is the current access token, so the next {@link #accessToken(Duration)}
     * refreshes. Any number of calls with the same token cause one refresh; an older token is ignored.
     *
     * @param rejectedToken the token Webex answered {@code 401} to; {@code null} is ignored
     */
    @Override
    public void unauthorized(String rejectedToken) {
        State current = state.get();
        if (rejectedToken != null && current.tokens != null && !current.rejected
                && current.tokens.accessToken().equals(rejectedToken)
                && state.compareAndSet(current, current.rejectedNow())) {
            LOG.debug("Webex rejected the current access token; the next call refreshes it");
        }
    }

    /** @return the newest token set, or empty before the first refresh when the builder had only a refresh token */
    public Optional<OAuthTokens> currentTokens() {
        return Optional.ofNullable(state.get().tokens);
    }

    /** @return the client id and token endpoint; never a token or the client secret */
    @Override
    public String toString() {
        return "OAuthTokenProvider(clientId=" + clientId + ", tokenEndpoint=" + endpoint.uri() + ")";
    }

    private boolean lockBefore(Instant deadline) {
        try {
            long nanos = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
            return refreshLock.tryLock(nanos, TimeUnit.NANOSECONDS);
        } catch (ArithmeticException e) {
            refreshLock.lock();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthRefreshException("Interrupted while waiting for the access token", 0, null, false, null,
                    null);
        }
    }

    /** Runs under {@link #refreshLock}. */
    private String refreshedIfNeeded(Instant deadline) {
        Instant now = clock.instant();
        State current = state.get();
        if (current.fresh(now)) {
            return current.tokens.accessToken();
        }
        boolean usable = current.usable(now);
        OAuthRefreshException refused = refusal;
        if (refused != null) {
            if (usable) {
                return current.tokens.accessToken();
            }
            throw new OAuthRefreshException(refused.getMessage(), refused.statusCode(), refused.error().orElse(null),
                    true, refused.trackingId().orElse(null), null);
        }
        boolean leased = false;
        if (shared != null) {
            Shared outcome = fromReplicas(current, deadline);
            if (outcome.token != null) {
                return outcome.token;
            }
            leased = outcome.leased;
            current = state.get();
            now = clock.instant();
            usable = current.usable(now);
        }
        try {
            return refreshed(current, now, usable, deadline);
        } finally {
            if (leased) {
                shared.release();
            }
        }
    }

    /** Runs under {@link #refreshLock}: refreshes at the token endpoint with {@code current}'s refresh token. */
    private String refreshed(State current, Instant now, boolean usable, Instant deadline) {
        Duration budget = Duration.between(now, deadline);
        if (usable) {
            // not cut at the old token's expiry: Webex may already have rotated the refresh token when an answer is
            // given up on, and the next refresh with the old one would be refused for good
            budget = min(budget, EARLY_REFRESH_BUDGET);
        }
        OAuthTokens tokens;
        try {
            tokens = endpoint.request(refreshForm(current.refreshToken), REFRESH,
                    Arrays.asList(clientSecret, current.refreshToken, current.accessToken()), current.refreshToken,
                    budget);
        } catch (OAuthRefreshException e) {
            if (e.renewalRequired()) {
                refusal = e;
                LOG.warn("Webex refused to refresh the access token: {}", e.getMessage());
            }
            if (!usable) {
                throw e;
            }
            Duration pause = min(MAX_EARLY_RETRY_PAUSE, Duration.between(now, current.expiresAt()).dividedBy(4));
            state.compareAndSet(current, current.retryAt(clock.instant().plus(pause)));
            LOG.debug("Could not refresh the access token early; using it until it expires: {}", e.getMessage());
            return current.tokens.accessToken();
        }
        State next = State.of(tokens, now);
        LOG.debug("Refreshed the access token: valid until {}, next refresh at {}", tokens.accessTokenExpiresAt(),
                next.refreshAt);
        if (shared != null) {
            try {
                shared.publish(tokens);
            } catch (SharedTokenSet.Unavailable e) {
                LOG.debug("Could not share the new token set ({}); the other replicas refresh alone",
                        e.getMessage());
            }
        }
        handOver(tokens);
        state.set(next);
        return tokens.accessToken();
    }

    /** What the other replicas gave: a token to use, or the lease to refresh (or neither: refresh alone). */
    private record Shared(String token, boolean leased) {
    }

    /**
     * Runs under {@link #refreshLock} before a refresh, with coordination: takes the newest set of the other replicas
     * when it is newer than {@code current}; otherwise takes the refresh lease (and refreshes with the newest refresh
     * token); while another replica has the lease, uses {@code current} when it is still valid (and looks again a
     * little later) or waits for the new set until {@code deadline}. Coordination unavailable: refresh alone.
     */
    private Shared fromReplicas(State current, Instant deadline) {
        try {
            while (true) {
                Instant now = clock.instant();
                Optional<OAuthTokens> newest = shared.read();
                String adopted = adoptIfNewer(current, newest, now);
                if (adopted != null) {
                    return new Shared(adopted, false);
                }
                if (shared.tryLease(REFRESH_LEASE)) {
                    // someone may have published between the read and the lease
                    newest = shared.read();
                    adopted = adoptIfNewer(current, newest, clock.instant());
                    if (adopted != null) {
                        shared.release();
                        return new Shared(adopted, false);
                    }
                    newest.filter(set -> !set.refreshToken().equals(current.refreshToken))
                            .ifPresent(set -> state.set(new State(current.tokens, set.refreshToken(),
                                    current.refreshAt, current.rejected)));
                    return new Shared(null, true);
                }
                // another replica refreshes
                if (current.usable(now)) {
                    state.compareAndSet(current, current.retryAt(now.plus(SHARED_RECHECK)));
                    return new Shared(current.tokens.accessToken(), false);
                }
                if (!now.plus(SHARED_POLL).isBefore(deadline)) {
                    throw new OAuthRefreshException("No valid access token in time: another replica is still"
                            + " refreshing it", 0, null, false, null, null);
                }
                sleeper.sleep(SHARED_POLL);
            }
        } catch (SharedTokenSet.Unavailable e) {
            LOG.debug("Token set coordination unavailable ({}); refreshing alone", e.getMessage());
            return new Shared(null, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthRefreshException("Interrupted while waiting for the access token", 0, null, false, null,
                    null);
        }
    }

    /** @return the access token of {@code newest} once it is taken as the current set, or {@code null} */
    private String adoptIfNewer(State current, Optional<OAuthTokens> newest, Instant now) {
        if (newest.isEmpty()) {
            return null;
        }
        OAuthTokens set = newest.get();
        boolean newer = current.tokens == null
                || set.accessTokenExpiresAt().isAfter(current.tokens.accessTokenExpiresAt())
                || current.rejected && !set.accessToken().equals(current.tokens.accessToken());
        State next = State.of(set, now);
        if (!newer || !next.usable(now)) {
            return null;
        }
        state.set(next);
        LOG.debug("Took the token set another replica refreshed: valid until {}", set.accessTokenExpiresAt());
        return set.accessToken();
    }

    private Map<String, String> refreshForm(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("refresh_token", refreshToken);
        return form;
    }

    /**
     * Gives {@code tokens} to {@code onRefresh}, under the refresh lock, so sets arrive one at a time and in order,
     * and before any call can use them.
     * When it throws, the new tokens are still used: Webex may already have retired the old refresh token, so
     * dropping the new set would lose access at once, while using it keeps the service running and hands the next set
     * to {@code onRefresh} again. The warning names the exception's class only: its message might quote a token.
     */
    private void handOver(OAuthTokens tokens) {
        try {
            onRefresh.accept(tokens);
        } catch (RuntimeException e) {
            LOG.warn("onRefresh failed with {}; the new tokens are used anyway. Persist them (currentTokens()), or"
                    + " the rotated refresh token may be lost when this process ends", e.getClass().getName());
        }
    }

    /** The margin before expiry at which a token of this lifetime is refreshed: min(5 minutes, 10 %). */
    static Duration margin(Duration lifetime) {
        return lifetime.isNegative() ? Duration.ZERO : min(MAX_MARGIN, lifetime.dividedBy(10));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * What the provider knows now.
     *
     * @param tokens       the newest token set, {@code null} before the first refresh when only a refresh token is
     *                     known
     * @param refreshToken the refresh token to use
     * @param refreshAt    when to refresh
     * @param rejected     whether Webex answered {@code 401} to the access token
     */
    private record State(OAuthTokens tokens, String refreshToken, Instant refreshAt, boolean rejected) {
        static State of(OAuthTokens tokens, Instant receivedAt) {
            Instant expiresAt = tokens.accessTokenExpiresAt();
            return new State(tokens, tokens.refreshToken(),
                    expiresAt.minus(margin(Duration.between(receivedAt, expiresAt))), false);
        }

        boolean usable(Instant now) {
            return tokens != null && !rejected && now.isBefore(tokens.accessTokenExpiresAt());
        }

        boolean fresh(Instant now) {
            return usable(now) && now.isBefore(refreshAt);
        }

        Instant expiresAt() {
            return tokens.accessTokenExpiresAt();
        }

        String accessToken() {
            return tokens == null ? null : tokens.accessToken();
        }

        State rejectedNow() {
            return new State(tokens, refreshToken, refreshAt, true);
        }

        State retryAt(Instant at) {
            return new State(tokens, refreshToken, at, rejected);
        }

        @Override
        public String toString() {
            return "State(" + tokens + ", refreshAt=" + refreshAt + ", rejected=" + rejected + ")";
        }
    }

    /** Configures an {@link OAuthTokenProvider}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private String refreshToken;
        private OAuthTokens tokens;
        private java.net.URI tokenEndpoint = Endpoints.checked(DEFAULT_TOKEN_ENDPOINT, "tokenEndpoint");
        private Consumer<OAuthTokens> onRefresh = tokens -> { };
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.THREAD_SLEEP;
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
         * Receives every new token set, one at a time and in order, on the thread that refreshed, before any call
         * uses its access token. Store the refresh token there: Webex may rotate it, and a lost refresh token means
         * lost access. It should be quick (calls needing a token wait meanwhile). When it throws, a warning is logged
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

        /** For tests: the time source of expiries and deadlines. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** For tests: waits between attempts without sleeping. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
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
