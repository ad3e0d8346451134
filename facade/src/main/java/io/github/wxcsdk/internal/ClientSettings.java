package io.github.wxcsdk.internal;

import io.github.wxcsdk.RetryListener;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Everything a client is configured with, checked by {@code WebexSimpleApi.Builder}. Immutable.
 *
 * @param baseUrl                        the API root, for example {@code https://webexapis.com/v1}, no trailing slash
 * @param tokenSupplier                  asked for the access token before every request
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
 */
public record ClientSettings(URI baseUrl, Supplier<String> tokenSupplier, Duration connectTimeout,
                             Duration readTimeout, Duration callTimeout, int maxRetries, Duration maxRetryAfter,
                             boolean retryStateChangesOnAmbiguousFailure, int maxConcurrentRequests,
                             RetryListener retryListener, Clock clock, Sleeper sleeper, DoubleSupplier jitter) {

    /**
     * Checks that nothing is missing.
     *
     * @param baseUrl see the record component
     * @param tokenSupplier see the record component
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
     * @throws NullPointerException when a reference is {@code null}
     */
    public ClientSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(tokenSupplier, "tokenSupplier");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(retryListener, "retryListener");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(jitter, "jitter");
    }

    /** Never shows the token supplier, so a token captured in a lambda cannot leak through logs. */
    @Override
    public String toString() {
        return "ClientSettings{baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", callTimeout=" + callTimeout + ", maxRetries=" + maxRetries + ", maxRetryAfter="
                + maxRetryAfter + ", retryStateChangesOnAmbiguousFailure=" + retryStateChangesOnAmbiguousFailure
                + ", maxConcurrentRequests=" + maxConcurrentRequests + '}';
    }
}
