package io.github.wxcsdk.internal.call;

import io.github.wxcsdk.internal.ClientSettings;
import io.github.wxcsdk.internal.Time;
import io.github.wxcsdk.internal.http.AttemptFailure;
import io.github.wxcsdk.internal.http.ErrorResponse;
import io.github.wxcsdk.internal.http.TransportFailure;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Decides whether a failed attempt is retried and how long to wait first. Pure: no sleeping, no I/O.
 *
 * <p>Waits: a {@code Retry-After} from the server (429 without one: 5 s); one longer than {@code maxRetryAfter} ends
 * the call at once, since nothing may be resent before it has passed; otherwise
 * exponential backoff with full jitter, a random wait in [0, min(20 s, 500 ms × 2^(attempt-1))].
 */
final class RetryPolicy {
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    static final Duration BACKOFF_BASE = Duration.ofMillis(500);
    static final Duration BACKOFF_CAP = Duration.ofSeconds(20);

    private final int maxRetries;
    private final Duration maxRetryAfter;
    private final boolean retryStateChangesOnAmbiguousFailure;
    private final Time time;
    private final DoubleSupplier jitter;

    RetryPolicy(ClientSettings settings) {
        this.maxRetries = settings.maxRetries();
        this.maxRetryAfter = settings.maxRetryAfter();
        this.retryStateChangesOnAmbiguousFailure = settings.retryStateChangesOnAmbiguousFailure();
        this.time = settings.time();
        this.jitter = settings.jitter();
    }

    /**
     * @param retryClass    how safe the operation is to resend
     * @param failure       what the attempt ended in
     * @param failedAttempt the number of the attempt that failed, from 1
     * @return how long to wait before the next attempt, or {@code null} when the failure is final
     */
    Duration waitBeforeRetry(RetryClass retryClass, AttemptFailure failure, int failedAttempt) {
        if (failedAttempt > maxRetries) {
            return null;
        }
        return failure.handle(response -> waitAfterStatus(retryClass, response, failedAttempt),
                transport -> waitAfterTransport(retryClass, transport, failedAttempt));
    }

    private Duration waitAfterTransport(RetryClass retryClass, TransportFailure transport, int failedAttempt) {
        if (transport.permanent()) {
            // resending cannot help: an unknown host, an untrusted certificate, a proxy refusing its credentials
            return null;
        }
        switch (transport.kind()) {
            case NOT_SENT:
                return transport.permanent() ? null : backoff(failedAttempt);
            case MAYBE_SENT:
            case TIMED_OUT:
                return ambiguousRetried(retryClass) ? backoff(failedAttempt) : null;
            default:
                return null;
        }
    }

    /** @return the server's {@code Retry-After} as sent, or {@code null} when it sent none usable */
    Duration serverRetryAfter(ErrorResponse response) {
        return RetryAfter.parse(response.retryAfterHeader(), time.now());
    }

    /** @return the server's {@code Retry-After} capped by {@code maxRetryAfter}, or {@code null} when it sent none */
    Duration cappedRetryAfter(ErrorResponse response) {
        Duration serverWait = serverRetryAfter(response);
        return serverWait == null ? null : cap(serverWait);
    }

    /** @return whether the outcome of this failure is unknown for an operation that must not be resent */
    static boolean outcomeUnknown(RetryClass retryClass, AttemptFailure failure) {
        if (retryClass != RetryClass.NOT_IDEMPOTENT) {
            return false;
        }
        // an interrupted attempt may have been sent before the thread stopped waiting for it
        return failure.handle(response -> response.status() == 502 || response.status() == 504,
                transport -> transport.kind() != TransportFailure.Kind.NOT_SENT);
    }

    private Duration waitAfterStatus(RetryClass retryClass, ErrorResponse response, int failedAttempt) {
        Duration serverWait = serverRetryAfter(response);
        if (serverWait != null && serverWait.compareTo(maxRetryAfter) > 0) {
            // never resent before the server's time: a wait longer than the client accepts ends the call now
            return null;
        }
        Duration retryAfter = serverWait;
        switch (response.status()) {
            case 429:
                return retryAfter != null ? retryAfter : cap(DEFAULT_RETRY_AFTER);
            case 423:
                return retryClass != RetryClass.NOT_IDEMPOTENT ? retryAfter : null;
            case 503:
                if (retryClass == RetryClass.NOT_IDEMPOTENT) {
                    return null;
                }
                return retryAfter != null ? retryAfter : backoff(failedAttempt);
            case 502:
            case 504:
                return ambiguousRetried(retryClass) ? backoff(failedAttempt) : null;
            default:
                return null;
        }
    }

    private boolean ambiguousRetried(RetryClass retryClass) {
        return retryClass == RetryClass.IDEMPOTENT
                || retryClass == RetryClass.STATE_CHANGE && retryStateChangesOnAmbiguousFailure;
    }

    private Duration cap(Duration wait) {
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }

    private Duration backoff(int failedAttempt) {
        long ceiling = BACKOFF_BASE.toMillis() << Math.min(failedAttempt - 1, 20);
        long bound = Math.min(BACKOFF_CAP.toMillis(), ceiling);
        return Duration.ofMillis((long) (jitter.getAsDouble() * bound));
    }
}
