package io.github.wxcsdk.internal;

import io.github.wxcsdk.CallListener;
import io.github.wxcsdk.RetryListener;
import io.github.wxcsdk.auth.TokenProvider;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Everything a client is configured with, built by name ({@link #builder()}); the defaults are written here once, and
 * {@code WebexSimpleApi.Builder} checks the values a user sets and passes them on. Immutable.
 */
public final class ClientSettings {
    private final URI baseUrl;
    private final TokenProvider tokenProvider;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final int maxRetries;
    private final Duration maxRetryAfter;
    private final boolean retryStateChangesOnAmbiguousFailure;
    private final int maxConcurrentRequests;
    private final RetryListener retryListener;
    private final Time time;
    private final DoubleSupplier jitter;
    private final double maxRequestsPerSecond;
    private final boolean adaptiveThrottling;
    private final Executor completionExecutor;
    private final List<CallListener> callListeners;

    private ClientSettings(Builder builder) {
        this.baseUrl = Objects.requireNonNull(builder.baseUrl, "baseUrl");
        this.tokenProvider = Objects.requireNonNull(builder.tokenProvider, "tokenProvider");
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.callTimeout = builder.callTimeout;
        this.maxRetries = builder.maxRetries;
        this.maxRetryAfter = builder.maxRetryAfter;
        this.retryStateChangesOnAmbiguousFailure = builder.retryStateChangesOnAmbiguousFailure;
        this.maxConcurrentRequests = builder.maxConcurrentRequests;
        this.retryListener = builder.retryListener;
        this.time = builder.time;
        this.jitter = builder.jitter;
        this.maxRequestsPerSecond = builder.maxRequestsPerSecond;
        this.adaptiveThrottling = builder.adaptiveThrottling;
        this.completionExecutor = builder.completionExecutor;
        this.callListeners = List.copyOf(builder.callListeners);
    }

    /** @return a builder with the defaults of every setting; the base URL and the token provider have none */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the API root, for example {@code https://webexapis.com/v1}, no trailing slash */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return asked for the access token before every request, told of a {@code 401} */
    public TokenProvider tokenProvider() {
        return tokenProvider;
    }

    /** @return the limit for opening a connection */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the limit for one attempt, from sending to the end of the body */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** @return the limit for a whole call, retries and waits included */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** @return how many times one call may be retried */
    public int maxRetries() {
        return maxRetries;
    }

    /** @return the longest single wait the SDK accepts from {@code Retry-After} */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** @return whether mute, hold etc. are resent after an ambiguous failure */
    public boolean retryStateChangesOnAmbiguousFailure() {
        return retryStateChangesOnAmbiguousFailure;
    }

    /** @return the bound on requests in flight, 0 for none */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** @return observes retries */
    public RetryListener retryListener() {
        return retryListener;
    }

    /** @return the time of deadlines, the throttle and HTTP-dates, and the waits between attempts */
    public Time time() {
        return time;
    }

    /** @return random numbers in [0, 1) for backoff */
    public DoubleSupplier jitter() {
        return jitter;
    }

    /** @return a fixed pace for the client's requests, 0 for none (the throttle learns one) */
    public double maxRequestsPerSecond() {
        return maxRequestsPerSecond;
    }

    /** @return whether 429s start and steer the client's shared pace */
    public boolean adaptiveThrottling() {
        return adaptiveThrottling;
    }

    /** @return completes the futures of the asynchronous API, {@code null} for the client's own */
    public Executor completionExecutor() {
        return completionExecutor;
    }

    /** @return see every call, in this order (unmodifiable) */
    public List<CallListener> callListeners() {
        return callListeners;
    }

    /** Never shows the token provider, so a token captured in a lambda cannot leak through logs. */
    @Override
    public String toString() {
        return "ClientSettings{baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", callTimeout=" + callTimeout + ", maxRetries=" + maxRetries + ", maxRetryAfter="
                + maxRetryAfter + ", retryStateChangesOnAmbiguousFailure=" + retryStateChangesOnAmbiguousFailure
                + ", maxConcurrentRequests=" + maxConcurrentRequests + ", maxRequestsPerSecond=" + maxRequestsPerSecond
                + ", adaptiveThrottling=" + adaptiveThrottling + '}';
    }

    /**
     * Settings by name, each starting at its default. Values are taken as they are: {@code WebexSimpleApi.Builder}
     * checks what users set. Not thread-safe.
     */
    public static final class Builder {
        private URI baseUrl;
        private TokenProvider tokenProvider;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofMinutes(5);
        private int maxRetries = 3;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private boolean retryStateChangesOnAmbiguousFailure = true;
        private int maxConcurrentRequests;
        private RetryListener retryListener = event -> { };
        private Time time = Time.system();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private double maxRequestsPerSecond;
        private boolean adaptiveThrottling = true;
        private Executor completionExecutor;
        private List<CallListener> callListeners = List.of();

        private Builder() {
        }

        /**
         * @param value the API root, no trailing slash; no default
         * @return this builder
         */
        public Builder baseUrl(URI value) {
            this.baseUrl = Objects.requireNonNull(value, "baseUrl");
            return this;
        }

        /**
         * @param value the client's tokens; no default
         * @return this builder
         */
        public Builder tokenProvider(TokenProvider value) {
            this.tokenProvider = Objects.requireNonNull(value, "tokenProvider");
            return this;
        }

        /**
         * @param value default 10 seconds
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        /**
         * @param value default 30 seconds
         * @return this builder
         */
        public Builder readTimeout(Duration value) {
            this.readTimeout = Objects.requireNonNull(value, "readTimeout");
            return this;
        }

        /**
         * @param value default 5 minutes
         * @return this builder
         */
        public Builder callTimeout(Duration value) {
            this.callTimeout = Objects.requireNonNull(value, "callTimeout");
            return this;
        }

        /**
         * @param value default 3
         * @return this builder
         */
        public Builder maxRetries(int value) {
            this.maxRetries = value;
            return this;
        }

        /**
         * @param value default 60 seconds
         * @return this builder
         */
        public Builder maxRetryAfter(Duration value) {
            this.maxRetryAfter = Objects.requireNonNull(value, "maxRetryAfter");
            return this;
        }

        /**
         * @param value default {@code true}
         * @return this builder
         */
        public Builder retryStateChangesOnAmbiguousFailure(boolean value) {
            this.retryStateChangesOnAmbiguousFailure = value;
            return this;
        }

        /**
         * @param value default 0: no bound
         * @return this builder
         */
        public Builder maxConcurrentRequests(int value) {
            this.maxConcurrentRequests = value;
            return this;
        }

        /**
         * @param value default: none
         * @return this builder
         */
        public Builder retryListener(RetryListener value) {
            this.retryListener = Objects.requireNonNull(value, "retryListener");
            return this;
        }

        /**
         * @param value default {@link Time#system()}
         * @return this builder
         */
        public Builder time(Time value) {
            this.time = Objects.requireNonNull(value, "time");
            return this;
        }

        /**
         * @param value default: uniform random numbers
         * @return this builder
         */
        public Builder jitter(DoubleSupplier value) {
            this.jitter = Objects.requireNonNull(value, "jitter");
            return this;
        }

        /**
         * @param value default 0: no fixed pace
         * @return this builder
         */
        public Builder maxRequestsPerSecond(double value) {
            this.maxRequestsPerSecond = value;
            return this;
        }

        /**
         * @param value default {@code true}
         * @return this builder
         */
        public Builder adaptiveThrottling(boolean value) {
            this.adaptiveThrottling = value;
            return this;
        }

        /**
         * @param value default {@code null}: the asynchronous client's own pool
         * @return this builder
         */
        public Builder completionExecutor(Executor value) {
            this.completionExecutor = Objects.requireNonNull(value, "completionExecutor");
            return this;
        }

        /**
         * @param value default: none; copied
         * @return this builder
         */
        public Builder callListeners(List<CallListener> value) {
            this.callListeners = List.copyOf(value);
            return this;
        }

        /**
         * @return the settings
         * @throws NullPointerException when the base URL or the token provider is missing
         */
        public ClientSettings build() {
            return new ClientSettings(this);
        }
    }
}
