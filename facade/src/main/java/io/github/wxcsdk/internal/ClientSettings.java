package io.github.wxcsdk.internal;

import io.github.wxcsdk.CallListener;
import io.github.wxcsdk.RetryListener;
import io.github.wxcsdk.auth.TokenProvider;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.concurrent.Executor;

/**
 * Everything a client is configured with, checked by {@code WebexSimpleApi.Builder}. Immutable.
 *
 * @param baseUrl                        the API root, for example {@code https://webexapis.com/v1}, no trailing slash
 * @param tokenProvider                  asked for the access token before every request, told of a {@code 401}
 * @param connectTimeout                 the limit for opening a connection
 * @param readTimeout                    the limit for one attempt, from sending to the end of the body
 * @param callTimeout                    the limit for a whole call, retries and waits included
 * @param maxRetries                     how many times one call may be retried
 * @param maxRetryAfter                  the longest single wait the SDK accepts from {@code Retry-After}
 * @param retryStateChangesOnAmbiguousFailure whether mute, hold etc. are resent after an ambiguous failure
 * @param maxConcurrentRequests          the bound on requests in flight, 0 for none
 * @param retryListener                  observes retries
 * @param clock                          the time source for deadlines and HTTP-dates
 * @param sleeper                        waits between attempts
 * @param jitter                         random numbers in [0, 1) for backoff
 * @param maxRequestsPerSecond           a fixed pace for the client's requests, 0 for none (the throttle learns one)
 * @param adaptiveThrottling             whether 429s start and steer the client's shared pace
 * @param completionExecutor             completes the futures of the asynchronous API, {@code null} for the client's
 *                                       own
 * @param callListeners                  see every call, in this order (copied, unmodifiable)
 */
public record ClientSettings(URI baseUrl, TokenProvider tokenProvider, Duration connectTimeout,
                             Duration readTimeout, Duration callTimeout, int maxRetries, Duration maxRetryAfter,
                             boolean retryStateChangesOnAmbiguousFailure, int maxConcurrentRequests,
                             RetryListener retryListener, Clock clock, Sleeper sleeper, DoubleSupplier jitter,
                             double maxRequestsPerSecond, boolean adaptiveThrottling,
                             Executor completionExecutor, List<CallListener> callListeners) {

    /**
     * Settings with the defaults of {@code WebexSimpleApi.builder()} for everything but the base URL and token: for
     * tests and benchmarks, which change what they need with the record's {@code with...} methods.
     *
     * @param baseUrl       the API root
     * @param tokenProvider the token
     * @return the settings
     */
    public static ClientSettings defaults(URI baseUrl, TokenProvider tokenProvider) {
        return new ClientSettings(baseUrl, tokenProvider, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(5), 3, Duration.ofSeconds(60), true, 0, event -> { }, Clock.systemUTC(),
                Sleeper.THREAD_SLEEP, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble(), 0, true,
                null, List.of());
    }

    /**
     * @param clock   the time source
     * @param sleeper waits between attempts
     * @return these settings with another clock and sleeper
     */
    public ClientSettings withTime(Clock clock, Sleeper sleeper) {
        return new ClientSettings(baseUrl, tokenProvider, connectTimeout, readTimeout, callTimeout, maxRetries,
                maxRetryAfter, retryStateChangesOnAmbiguousFailure, maxConcurrentRequests, retryListener, clock,
                sleeper, jitter, maxRequestsPerSecond, adaptiveThrottling, completionExecutor, callListeners);
    }

    /**
     * @param maxRetries    the retry bound
     * @param callTimeout   the whole-call limit
     * @param jitter        backoff randomness
     * @return these settings with other retry settings
     */
    public ClientSettings withRetries(int maxRetries, Duration callTimeout, DoubleSupplier jitter) {
        return new ClientSettings(baseUrl, tokenProvider, connectTimeout, readTimeout, callTimeout, maxRetries,
                maxRetryAfter, retryStateChangesOnAmbiguousFailure, maxConcurrentRequests, retryListener, clock,
                sleeper, jitter, maxRequestsPerSecond, adaptiveThrottling, completionExecutor, callListeners);
    }

    /**
     * Checks that nothing is missing.
     *
     * @param baseUrl see the record component
     * @param tokenProvider see the record component
     * @param connectTimeout see the record component
     * @param readTimeout see the record component
     * @param callTimeout see the record component
     * @param maxRetries see the record component
     * @param maxRetryAfter see the record component
     * @param retryStateChangesOnAmbiguousFailure see the record component
     * @param maxConcurrentRequests see the record component
     * @param retryListener see the record component
     * @param clock see the record component
     * @param sleeper see the record component
     * @param jitter see the record component
     * @param maxRequestsPerSecond see the record component
     * @param adaptiveThrottling see the record component
     * @param completionExecutor see the record component
     * @param callListeners see the record component
     * @throws NullPointerException when a reference is {@code null}
     */
    public ClientSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(tokenProvider, "tokenProvider");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(retryListener, "retryListener");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(jitter, "jitter");
        callListeners = List.copyOf(callListeners);
    }

    /**
     * @param listeners the call listeners
     * @return these settings with other call listeners
     */
    public ClientSettings withCallListeners(List<CallListener> listeners) {
        return new ClientSettings(baseUrl, tokenProvider, connectTimeout, readTimeout, callTimeout, maxRetries,
                maxRetryAfter, retryStateChangesOnAmbiguousFailure, maxConcurrentRequests, retryListener, clock,
                sleeper, jitter, maxRequestsPerSecond, adaptiveThrottling, completionExecutor, listeners);
    }

    /** Never shows the token provider, so a token captured in a lambda cannot leak through logs. */
    @Override
    public String toString() {
        return "ClientSettings{baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", callTimeout=" + callTimeout + ", maxRetries=" + maxRetries + ", maxRetryAfter="
                + maxRetryAfter + ", retryStateChangesOnAmbiguousFailure=" + retryStateChangesOnAmbiguousFailure
                + ", maxConcurrentRequests=" + maxConcurrentRequests + ", maxRequestsPerSecond=" + maxRequestsPerSecond
                + ", adaptiveThrottling=" + adaptiveThrottling + ", callListeners=" + callListeners.size() + '}';
    }
}
