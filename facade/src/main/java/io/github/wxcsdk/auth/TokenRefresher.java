package io.github.wxcsdk.auth;

import io.github.wxcsdk.internal.auth.Deadlines;
import io.github.wxcsdk.internal.auth.Delays;
import io.github.wxcsdk.internal.auth.SharedTokenSet;
import io.github.wxcsdk.internal.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The refresh rule of an {@link OAuthTokenProvider}: what it knows (the newest token set, when to refresh, whether
 * Webex rejected the token or refused the refresh token), the one refresh in flight, and, with coordination, the steps
 * that take another replica's set or the refresh lease first. Never blocks: each step runs when the previous one
 * answers (the token endpoint's HTTP client, the coordination, the provider's timer). Thread-safe.
 */
final class TokenRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);
    /** How long an early refresh (the old token still valid, nobody waiting) retries transient failures. */
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
    private final Time time;
    private final Delays deadlines;
    private final AtomicReference<State> state;
    /** Guards {@link #inFlight} and {@link #refusal}; never held during I/O or {@code onRefresh}. */
    private final Object lock = new Object();
    /** The refresh in flight, or {@code null}. */
    private Refresh inFlight;
    /** The token set shared with the other replicas, or {@code null} without coordination. */
    private final SharedTokenSet shared;
    /** Webex's refusal of the refresh token, once it came. */
    private volatile OAuthRefreshException refusal;

    /**
     * @param clientId     the client id
     * @param clientSecret the client secret
     * @param endpoint     the token endpoint
     * @param onRefresh    gets every new token set before it is used
     * @param time         the provider's time
     * @param deadlines    the provider's timer, for the waits of callers and the coordination's polls
     * @param shared       the token set shared with the other replicas, {@code null} without coordination
     * @param refreshToken the refresh token to start from
     * @param tokens       the token set to start from, {@code null} when only the refresh token is known
     */
    TokenRefresher(String clientId, String clientSecret, TokenEndpoint endpoint, Consumer<OAuthTokens> onRefresh,
                   Time time, Delays deadlines, SharedTokenSet shared, String refreshToken, OAuthTokens tokens) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.endpoint = endpoint;
        this.onRefresh = onRefresh;
        this.time = time;
        this.deadlines = deadlines;
        this.shared = shared;
        this.state = new AtomicReference<>(tokens == null
                ? new State(null, refreshToken, Instant.MIN, false)
                : State.of(tokens, time.now()));
    }

    /**
     * Forgets {@code rejectedToken} when it is the current access token, so the next call refreshes.
     *
     * @param rejectedToken the token Webex answered {@code 401} to; {@code null} is ignored
     */
    void unauthorized(String rejectedToken) {
        State current = state.get();
        if (rejectedToken != null && current.tokens != null && !current.rejected
                && current.tokens.accessToken().equals(rejectedToken)
                && state.compareAndSet(current, current.rejectedNow())) {
            LOG.debug("Webex rejected the current access token; the next call refreshes it");
        }
    }

    /** @return the newest token set, or empty before the first refresh when only a refresh token is known */
    Optional<OAuthTokens> currentTokens() {
        return Optional.ofNullable(state.get().tokens);
    }

    /** @return the refresh in flight, or a completed future when there is none */
    CompletableFuture<?> refreshInFlight() {
        synchronized (lock) {
            return inFlight == null ? CompletableFuture.completedFuture(null) : inFlight.done;
        }
    }

    /**
     * The one rule of both forms: a valid token at once, a refresh in the background or one to wait for. A future
     * that is not complete fails by itself at {@code maxWait}, on the provider's timer.
     */
    CompletableFuture<String> token(Duration maxWait) {
        Instant now = time.now();
        State current = state.get();
        if (current.fresh(now)) {
            return CompletableFuture.completedFuture(current.tokens.accessToken());
        }
        if (current.usable(now)) {
            if (refusal == null) {
                refresh(current, now, Deadlines.after(now, EARLY_REFRESH_BUDGET), false);
            }
            return CompletableFuture.completedFuture(current.tokens.accessToken());
        }
        OAuthRefreshException refused = refusal;
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        Instant deadline = Deadlines.after(now, maxWait);
        Refresh refresh = refresh(current, now, deadline, true);
        if (refresh == null) {
            return token(maxWait);
        }
        CompletableFuture<String> token = refresh.done.thenApply(State::accessToken);
        if (!token.isDone()) {
            Runnable cancel = deadlines.after(maxWait, () -> token.completeExceptionally(tooLate(maxWait)));
            token.whenComplete((result, failure) -> cancel.run());
        }
        return token;
    }

    /**
     * Joins the refresh in flight, or starts one from {@code seen} that retries transient failures until
     * {@code retryUntil}.
     *
     * @param waiting whether the caller waits for the refresh: then the refresh in flight retries at least until
     *                {@code retryUntil} too
     * @return the refresh, or {@code null} when the state changed since {@code seen} was read (ask again)
     */
    private Refresh refresh(State seen, Instant now, Instant retryUntil, boolean waiting) {
        Refresh refresh;
        synchronized (lock) {
            if (inFlight != null) {
                if (waiting) {
                    inFlight.retryUntil(retryUntil);
                }
                return inFlight;
            }
            if (state.get() != seen) {
                return null;
            }
            refresh = new Refresh(retryUntil);
            inFlight = refresh;
        }
        if (shared == null) {
            start(refresh, seen, seen.refreshToken, now);
        } else {
            fromReplicas(refresh, seen);
        }
        return refresh;
    }

    /** Starts the token endpoint request of {@code refresh} with {@code refreshToken}. */
    private void start(Refresh refresh, State seen, String refreshToken, Instant now) {
        TokenEndpoint.Exchange exchange = refresh.start(() -> endpoint.start(refreshForm(refreshToken), REFRESH,
                Arrays.asList(clientSecret, refreshToken, seen.accessToken()), refreshToken, now, refresh.retryUntil(),
                false));
        exchange.result().whenComplete((tokens, failure) -> finish(refresh, seen, now, tokens, failure));
    }

    /**
     * With coordination, before a refresh: takes the newest set of the other replicas when it is newer than
     * {@code seen}; otherwise takes the refresh lease and refreshes with the newest refresh token (publishing the new
     * set, see {@link #finish}); while another replica has the lease, keeps {@code seen} when it is still valid (and
     * looks again a little later) or looks again every {@link #SHARED_POLL} until the refresh's deadline. When the
     * coordination is unavailable, refreshes alone. Never blocks: each step runs when the previous one answers.
     */
    private void fromReplicas(Refresh refresh, State seen) {
        shared.read().whenComplete((newest, failure) -> {
            if (failure != null) {
                alone(refresh, seen, failure);
                return;
            }
            State adopted = newer(seen, newest, time.now());
            if (adopted != null) {
                complete(refresh, adopted);
                return;
            }
            shared.tryLease(REFRESH_LEASE).whenComplete((leased, leaseFailure) -> {
                if (leaseFailure != null) {
                    alone(refresh, seen, leaseFailure);
                } else if (leased) {
                    refresh.leased = true;
                    // someone may have published between the read and the lease
                    shared.read().whenComplete((again, readFailure) -> {
                        State late = readFailure == null ? newer(seen, again, time.now()) : null;
                        if (late != null) {
                            shared.release();
                            refresh.leased = false;
                            complete(refresh, late);
                            return;
                        }
                        String refreshToken = readFailure == null
                                ? again.map(OAuthTokens::refreshToken).orElse(seen.refreshToken) : seen.refreshToken;
                        start(refresh, seen, refreshToken, time.now());
                    });
                } else {
                    othersRefresh(refresh, seen);
                }
            });
        });
    }

    /** Another replica has the lease: keep a valid token and look again later, or wait for the new set. */
    private void othersRefresh(Refresh refresh, State seen) {
        Instant now = time.now();
        if (seen.usable(now)) {
            State later = seen.retryAt(now.plus(SHARED_RECHECK));
            complete(refresh, state.compareAndSet(seen, later) ? later : state.get());
        } else if (!now.plus(SHARED_POLL).isBefore(refresh.retryUntil())) {
            fail(refresh, new OAuthRefreshException("No valid access token in time: another replica is still"
                    + " refreshing it", 0, null, false, null, null));
        } else {
            deadlines.after(SHARED_POLL, () -> fromReplicas(refresh, seen));
        }
    }

    private void alone(Refresh refresh, State seen, Throwable failure) {
        LOG.debug("Token set coordination unavailable ({}); refreshing alone", failure.getClass().getSimpleName());
        start(refresh, seen, seen.refreshToken, time.now());
    }

    /** @return the state of {@code newest} when it is newer than {@code seen} and valid, else {@code null} */
    private static State newer(State seen, Optional<OAuthTokens> newest, Instant now) {
        if (newest.isEmpty()) {
            return null;
        }
        OAuthTokens set = newest.get();
        boolean newer = seen.tokens == null
                || set.accessTokenExpiresAt().isAfter(seen.tokens.accessTokenExpiresAt())
                || seen.rejected && !set.accessToken().equals(seen.tokens.accessToken());
        State next = State.of(set, now);
        return newer && next.usable(now) ? next : null;
    }

    /** Ends {@code refresh} with a state that needed no refresh here (another replica's set, or the valid one). */
    private void complete(Refresh refresh, State next) {
        if (next != state.get()) {
            state.set(next);
            LOG.debug("Took the token set another replica refreshed: valid until {}", next.expiresAt());
        }
        synchronized (lock) {
            if (inFlight == refresh) {
                inFlight = null;
            }
        }
        refresh.done.complete(next);
    }

    private void fail(Refresh refresh, OAuthRefreshException failure) {
        synchronized (lock) {
            if (inFlight == refresh) {
                inFlight = null;
            }
        }
        refresh.done.completeExceptionally(failure);
    }

    /** Applies the outcome of {@code refresh}: hands new tokens over and publishes them, or remembers a refusal. */
    private void finish(Refresh refresh, State seen, Instant started, OAuthTokens tokens, Throwable failure) {
        State next = null;
        OAuthRefreshException refused = null;
        try {
            if (tokens != null) {
                next = State.of(tokens, time.now());
                LOG.debug("Refreshed the access token (TrackingID {}): valid until {}, next refresh at {}",
                        refresh.trackingId(), tokens.accessTokenExpiresAt(), next.refreshAt);
                if (shared != null) {
                    // the lease (if this replica had it) ends once the set is stored
                    boolean leased = refresh.leased;
                    shared.publish(tokens).whenComplete((stored, failure2) -> {
                        if (leased) {
                            shared.release();
                        }
                    });
                    refresh.leased = false;
                }
                handOver(tokens);
                state.set(next);
            } else {
                if (refresh.leased) {
                    shared.release();
                    refresh.leased = false;
                }
                refused = TokenEndpoint.unwrapped(failure);
                if (refused.renewalRequired()) {
                    LOG.warn("Webex refused to refresh the access token: {} (TrackingID {})", refused.getMessage(),
                            refresh.trackingId());
                } else if (seen.usable(time.now())) {
                    Duration pause = min(MAX_EARLY_RETRY_PAUSE,
                            Duration.between(started, seen.expiresAt()).dividedBy(4));
                    state.compareAndSet(seen, seen.retryAt(time.now().plus(pause)));
                    LOG.debug("Could not refresh the access token early; using it until it expires, next try in {}:"
                            + " {}", pause, refused.getMessage());
                }
            }
        } finally {
            synchronized (lock) {
                if (refused != null && refused.renewalRequired()) {
                    refusal = refused;
                }
                if (inFlight == refresh) {
                    inFlight = null;
                }
            }
            if (next != null) {
                refresh.done.complete(next);
            } else {
                refresh.done.completeExceptionally(refused != null ? refused
                        : new OAuthRefreshException("The refresh ended without tokens", 0, null, false,
                        refresh.trackingId(), null));
            }
        }
    }

    private OAuthRefreshException tooLate(Duration maxWait) {
        return new OAuthRefreshException("No valid access token within " + maxWait + ": the refresh is still"
                + " running (its answer will be used when it comes)", 0, null, false, inFlightTrackingId(), null);
    }

    String inFlightTrackingId() {
        synchronized (lock) {
            return inFlight == null ? null : inFlight.trackingId();
        }
    }

    /**
     * One refresh in flight: its token endpoint request (started at once, or, with coordination, once the other
     * replicas' set and the lease are known) and {@code done}, which completes with the new state once it is
     * published, or with the failure.
     */
    private static final class Refresh {
        final CompletableFuture<State> done = new CompletableFuture<>();
        /** Whether this replica holds the shared refresh lease for it. */
        volatile boolean leased;
        private TokenEndpoint.Exchange exchange;
        private Instant retryUntil;

        Refresh(Instant retryUntil) {
            this.retryUntil = retryUntil;
        }

        synchronized TokenEndpoint.Exchange start(Supplier<TokenEndpoint.Exchange> request) {
            exchange = request.get();
            return exchange;
        }

        /** Retries at least until {@code until} (a caller waits that long). */
        synchronized void retryUntil(Instant until) {
            if (exchange != null) {
                exchange.retryUntil(until);
            } else if (until.isAfter(retryUntil)) {
                retryUntil = until;
            }
        }

        synchronized Instant retryUntil() {
            return retryUntil;
        }

        synchronized String trackingId() {
            return exchange == null ? null : exchange.trackingId();
        }
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
     * Gives {@code tokens} to {@code onRefresh} before they are published, so sets arrive one at a time and in order
     * (one refresh is in flight at a time), and before any call can use them.
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
}
