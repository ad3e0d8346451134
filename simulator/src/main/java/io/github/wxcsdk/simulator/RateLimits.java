package io.github.wxcsdk.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The rate limits of one simulator ({@link WebexSimulator#rateLimits()}): a simulator-wide {@link RateLimit} that each
 * bearer token gets on its own (its own bucket or window), optional per-token limits, and per-token counters of
 * admitted and throttled requests. Only Webex API requests ({@code /v1/...}, except the OAuth endpoints) count; the
 * control surface ({@code /_simulator}) is never limited. The default is {@link RateLimit#none()}.
 *
 * <pre>{@code
 * sim.rateLimits().set(RateLimit.tokenBucket(40, 10));
 * ... load ...
 * RequestCounts counts = sim.rateLimits().counts(token);   // admitted, throttled
 * }</pre>
 *
 * <p>Thread-safe. Time comes from the simulator's {@link Clock}, so tests with a fake clock are deterministic.
 */
public final class RateLimits {
    private final Clock clock;
    private final ConcurrentMap<String, TokenState> tokens = new ConcurrentHashMap<>();
    private volatile RateLimit simulatorWide = RateLimit.none();

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    /**
     * Sets the limit of every token that has no limit of its own, as {@code --rate-limit} and
     * {@code POST /_simulator/rate-limit {"limit": "..."}} do. Every token starts afresh (a full bucket, no window
     * open); the counters are kept.
     *
     * @param limit the limit, {@link RateLimit#none()} to lift it
     * @throws NullPointerException if {@code limit} is null
     */
    public void set(RateLimit limit) {
        simulatorWide = Objects.requireNonNull(limit, "limit");
        tokens.values().forEach(TokenState::restart);
    }

    /**
     * Sets the limit of one token, overriding the simulator-wide one, as
     * {@code POST /_simulator/rate-limit {"limit": "...", "token": true}} does for the bearer token. The token starts
     * afresh; its counters are kept.
     *
     * @param token the bearer token
     * @param limit the limit, {@link RateLimit#none()} for none whatever the simulator-wide limit is
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code token} is empty or has spaces or non-ASCII characters
     */
    public void set(String token, RateLimit limit) {
        Objects.requireNonNull(limit, "limit");
        state(Tokens.require(token)).override(limit);
    }

    /**
     * Removes the limit of one token set by {@link #set(String, RateLimit)}: it gets the simulator-wide limit again,
     * afresh.
     *
     * @param token the bearer token
     * @throws NullPointerException if {@code token} is null
     * @throws IllegalArgumentException if {@code token} is empty or has spaces or non-ASCII characters
     */
    public void clear(String token) {
        state(Tokens.require(token)).override(null);
    }

    /**
     * The simulator-wide limit.
     *
     * @return the limit that tokens without their own get
     */
    public RateLimit limit() {
        return simulatorWide;
    }

    /**
     * The limit that applies to one token: its own, or the simulator-wide one.
     *
     * @param token the bearer token
     * @return the token's limit
     * @throws NullPointerException if {@code token} is null
     * @throws IllegalArgumentException if {@code token} is empty or has spaces or non-ASCII characters
     */
    public RateLimit limit(String token) {
        TokenState state = tokens.get(Tokens.require(token));
        return state == null ? simulatorWide : state.effectiveLimit();
    }

    /**
     * The counters of one token since the simulator started or {@link #resetCounts()}.
     *
     * @param token the bearer token
     * @return its admitted and throttled requests; {@link RequestCounts#ZERO} for a token never seen
     * @throws NullPointerException if {@code token} is null
     * @throws IllegalArgumentException if {@code token} is empty or has spaces or non-ASCII characters
     */
    public RequestCounts counts(String token) {
        TokenState state = tokens.get(Tokens.require(token));
        return state == null ? RequestCounts.ZERO : state.counts();
    }

    /**
     * The counters of all tokens together.
     *
     * @return the sums of admitted and throttled requests
     */
    public RequestCounts totals() {
        return tokens.values().stream().map(TokenState::counts).reduce(RequestCounts.ZERO, RequestCounts::plus);
    }

    /** Sets every token's counters to zero (the limits and their state stay), for example between benchmark runs. */
    public void resetCounts() {
        tokens.values().forEach(TokenState::resetCounts);
    }

    /**
     * Counts one API request of {@code token} and says whether the limit admits it.
     *
     * @return 0 when admitted, else the {@code Retry-After} of the 429 in whole seconds (at least 1)
     */
    long admit(String token) {
        return state(token).admit(nowNanos());
    }

    private TokenState state(String token) {
        return tokens.computeIfAbsent(token, t -> new TokenState());
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** One token's limit, limiter state and counters, guarded by its own lock: tokens never contend. */
    private final class TokenState {
        private RateLimit override;
        private RateLimit applied;
        private TokenLimiter limiter;
        private long admitted;
        private long throttled;

        synchronized long admit(long nowNanos) {
            RateLimit limit = effectiveLimit();
            if (!limit.equals(applied)) {
                applied = limit;
                limiter = TokenLimiter.of(limit, nowNanos);
            }
            long retryAfter = limiter.tryAcquire(nowNanos);
            if (retryAfter == 0) {
                admitted++;
            } else {
                throttled++;
            }
            return retryAfter;
        }

        synchronized RateLimit effectiveLimit() {
            return override != null ? override : simulatorWide;
        }

        synchronized void override(RateLimit limit) {
            override = limit;
            restart();
        }

        synchronized void restart() {
            applied = null;
        }

        synchronized RequestCounts counts() {
            return new RequestCounts(admitted, throttled);
        }

        synchronized void resetCounts() {
            admitted = 0;
            throttled = 0;
        }
    }
}
