package io.github.wxcsdk.internal;

import io.github.wxcsdk.RetryEvent;
import io.github.wxcsdk.RetryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one call: a fresh {@code TrackingID} kept across its attempts, the retry policy, the per-attempt and
 * whole-call time limits, the optional bound on requests in flight, and the translation of every failure into a
 * public exception. Thread-safe; one per client.
 */
final class CallExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(CallExecutor.class);

    private final RetryPolicy policy;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryListener listener;
    private final Semaphore inFlight;

    CallExecutor(ClientSettings settings) {
        this.policy = new RetryPolicy(settings);
        this.readTimeout = settings.readTimeout();
        this.callTimeout = settings.callTimeout();
        this.clock = settings.clock();
        this.sleeper = settings.sleeper();
        this.listener = settings.retryListener();
        this.inFlight = settings.maxConcurrentRequests() > 0
                ? new Semaphore(settings.maxConcurrentRequests(), true) : null;
    }

    void run(RetryClass retryClass, Consumer<String> attempt) {
        call(retryClass, trackingId -> {
            attempt.accept(trackingId);
            return null;
        });
    }

    /**
     * @param retryClass how safe the operation is to resend
     * @param attempt    sends one request with the given {@code TrackingID}
     * @param <T>        the decoded answer
     * @return the answer of the first successful attempt
     */
    <T> T call(RetryClass retryClass, Function<String, T> attempt) {
        String trackingId = TrackingIds.next();
        long deadline = clock.millis() + callTimeout.toMillis();
        RuntimeException lastFailure = null;
        for (int attemptNumber = 1; ; attemptNumber++) {
            try {
                return attemptOnce(attempt, trackingId, deadline, attemptNumber - 1, lastFailure);
            } catch (ErrorResponse | TransportFailure failure) {
                lastFailure = failure;
            } catch (UnreadableAnswer failure) {
                throw PublicExceptions.unreadable(failure, trackingId);
            }
            Duration wait = policy.waitBeforeRetry(retryClass, lastFailure, attemptNumber);
            if (wait == null || clock.millis() + wait.toMillis() >= deadline) {
                throw PublicExceptions.of(retryClass, lastFailure, trackingId, attemptNumber,
                        serverRetryAfter(lastFailure));
            }
            notifyRetry(lastFailure, attemptNumber, wait, trackingId);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PublicExceptions.interrupted("waiting to retry", trackingId, e);
            }
        }
    }

    /** One attempt: waits for a slot first, then gives the transport whatever time the call has left. */
    private <T> T attemptOnce(Function<String, T> attempt, String trackingId, long deadline, int attemptsSoFar,
                              RuntimeException lastFailure) {
        boolean acquired = false;
        try {
            if (inFlight != null) {
                acquired = inFlight.tryAcquire(Math.max(0, deadline - clock.millis()), TimeUnit.MILLISECONDS);
                if (!acquired) {
                    throw PublicExceptions.callTimeout(callTimeout, trackingId, attemptsSoFar, lastFailure);
                }
            }
            long remaining = deadline - clock.millis();
            if (remaining <= 0) {
                throw PublicExceptions.callTimeout(callTimeout, trackingId, attemptsSoFar, lastFailure);
            }
            AttemptTimeout.start(Duration.ofMillis(Math.min(readTimeout.toMillis(), remaining)));
            return attempt.apply(trackingId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PublicExceptions.interrupted("waiting for a free request slot", trackingId, e);
        } finally {
            AttemptTimeout.clear();
            if (acquired) {
                inFlight.release();
            }
        }
    }

    /** What the server asked for, uncapped: the caller may wait that long even when this SDK would not. */
    private Duration serverRetryAfter(RuntimeException failure) {
        return failure instanceof ErrorResponse response ? policy.serverRetryAfter(response) : null;
    }

    private void notifyRetry(RuntimeException failure, int attemptNumber, Duration wait, String trackingId) {
        String method;
        String path;
        int status;
        String what;
        if (failure instanceof ErrorResponse response) {
            method = response.httpMethod();
            path = response.path();
            status = response.status();
            what = "HTTP " + status;
        } else {
            TransportFailure transport = (TransportFailure) failure;
            method = transport.httpMethod();
            path = transport.path();
            status = 0;
            what = transport.problem();
        }
        // TRACE: the transport has already logged this attempt at DEBUG, one line per attempt
        LOG.trace("{} {} attempt {} failed ({}); retrying in {} ms (trackingId={})", method, path, attemptNumber,
                what, wait.toMillis(), trackingId);
        try {
            listener.onRetry(new RetryEvent(method, path, attemptNumber, status, what, wait, trackingId));
        } catch (RuntimeException e) {
            LOG.warn("RetryListener threw {}; ignored", e.getClass().getName());
        }
    }
}
