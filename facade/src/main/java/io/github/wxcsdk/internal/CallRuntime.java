package io.github.wxcsdk.internal;

import feign.Request;
import feign.Response;
import io.github.wxcsdk.RetryEvent;
import io.github.wxcsdk.RetryListener;
import io.github.wxcsdk.auth.TokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The rules of running a call, shared by the synchronous {@link CallExecutor} and the {@link AsyncCallExecutor}: one
 * {@code TrackingID} per call, the token of each attempt and the one resend after a {@code 401}, the per-attempt and
 * whole-call time limits, the retry policy, the shared throttle, and the translation of every failure into a public
 * exception. The executors only wait (sleep or schedule) and send (block or not) as it decides. Thread-safe; one per
 * client.
 */
final class CallRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(CallRuntime.class);

    private final PrecompiledFeignClient plans;
    private final RetryPolicy policy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final Clock clock;
    private final TokenProvider tokens;
    private final RetryListener listener;
    private final Throttle throttle;
    private final Permits permits;

    CallRuntime(ClientSettings settings, PrecompiledFeignClient plans) {
        this.plans = plans;
        this.policy = new RetryPolicy(settings);
        this.connectTimeout = settings.connectTimeout();
        this.readTimeout = settings.readTimeout();
        this.callTimeout = settings.callTimeout();
        this.clock = settings.clock();
        this.tokens = settings.tokenProvider();
        this.listener = settings.retryListener();
        this.throttle = Throttle.of(settings);
        this.permits = settings.maxConcurrentRequests() > 0 ? new Permits(settings.maxConcurrentRequests()) : null;
    }

    /** @return the bound on requests in flight, or {@code null} when there is none */
    Permits permits() {
        return permits;
    }

    /** Starts a call: its tracking id, its recorded request and its deadline. */
    CallState start(Call<?> call) {
        String trackingId = TrackingIds.next();
        return new CallState(call.retryClass(), trackingId, call.recording().apply(trackingId),
                clock.millis() + callTimeout.toMillis());
    }

    /**
     * How long to wait before the next attempt: the retry policy's wait, and the throttle's turn.
     *
     * @return milliseconds, 0 for at once
     * @throws io.github.wxcsdk.WebexException when the call's deadline would pass first: the last failure (a 429 with
     *                                         its {@code retryAfter()}), or a timeout
     */
    long waitBeforeAttempt(CallState state) {
        long now = clock.millis();
        long wait = Math.max(state.retryWaitMillis, TimeUnit.NANOSECONDS.toMillis(throttle.reserve(state)));
        state.retryWaitMillis = 0;
        if (now + wait >= state.deadlineMillis) {
            throttle.cancel(state);
            throw finalFailure(state);
        }
        return wait;
    }

    /** @return milliseconds until the call's deadline, at least 0 */
    long remainingMillis(CallState state) {
        return Math.max(0, state.deadlineMillis - clock.millis());
    }

    /** @return the exception of a call whose deadline has passed */
    RuntimeException callTimeout(CallState state) {
        return PublicExceptions.callTimeout(callTimeout, state.trackingId, state.attempts, state.lastFailure);
    }

    /**
     * @return the Feign options of the next attempt: its read timeout is what the attempt may take, body included
     * @throws io.github.wxcsdk.WebexTimeoutException when the call's deadline has passed
     */
    Request.Options attemptOptions(CallState state) {
        long remaining = remainingMillis(state);
        if (remaining <= 0) {
            throw callTimeout(state);
        }
        return new Request.Options(connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                Math.min(readTimeout.toMillis(), remaining), TimeUnit.MILLISECONDS, false);
    }

    /**
     * The request of the next attempt, with a token from the provider.
     *
     * @throws io.github.wxcsdk.WebexApiException when Webex rejected a token with {@code 401} and the provider has no
     *                                            other
     */
    Request request(CallState state) {
        String token = tokens.accessToken(Duration.ofMillis(remainingMillis(state)));
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("The token provider returned no access token");
        }
        if (state.rejectedToken != null && !state.resentWithNewToken) {
            if (token.equals(state.rejectedToken)) {
                // the provider has nothing better than the token Webex just refused
                throw PublicExceptions.of(state.retryClass, state.lastFailure, state.trackingId, state.attempts,
                        null);
            }
            state.resentWithNewToken = true;
            notifyRetry(state, state.lastFailure, Duration.ZERO);
        }
        state.sentToken = token;
        state.attempts++;
        return plans.request(state.call, token);
    }

    /**
     * Reads an attempt's answer.
     *
     * @return the public result
     * @throws ErrorResponse   when the answer is not 2xx: hand it to {@link #failed(CallState, RuntimeException)}
     * @throws io.github.wxcsdk.WebexClientException when a 2xx answer cannot be read
     */
    <T> T complete(CallState state, Call<T> call, Response response) {
        Object answer;
        try {
            answer = plans.read(state.call, response);
        } catch (UnreadableAnswer failure) {
            throw PublicExceptions.unreadable(failure, state.trackingId);
        }
        throttle.onSuccess(state);
        return call.result().apply(answer);
    }

    /**
     * Decides what follows a failed attempt: a retry after {@link CallState#retryWaitMillis}, or the end of the call.
     *
     * @param failure an {@link ErrorResponse} or a {@link TransportFailure}
     * @throws io.github.wxcsdk.WebexException when the failure is final
     */
    void failed(CallState state, RuntimeException failure) {
        state.lastFailure = failure;
        if (failure instanceof ErrorResponse response && response.status() == 401 && state.rejectedToken == null) {
            // a 401 means the request was not acted on: every operation may be resent once with a fresh token
            state.rejectedToken = state.sentToken;
            tokens.unauthorized(state.sentToken);
            return;
        }
        boolean throttled = failure instanceof ErrorResponse response && response.status() == 429;
        if (throttled) {
            throttle.onThrottled(state, policy.serverRetryAfter((ErrorResponse) failure));
        } else {
            state.retriesUsed++;
        }
        Duration wait = policy.waitBeforeRetry(state.retryClass, failure, throttled ? 1 : state.retriesUsed);
        if (wait == null || clock.millis() + wait.toMillis() >= state.deadlineMillis) {
            throw finalFailure(state);
        }
        state.retryWaitMillis = wait.toMillis();
        notifyRetry(state, failure, wait);
    }

    /** The exception a call ends with when it cannot go on: its last failure, or a timeout when there was none. */
    RuntimeException finalFailure(CallState state) {
        if (state.lastFailure == null) {
            return callTimeout(state);
        }
        return PublicExceptions.of(state.retryClass, state.lastFailure, state.trackingId, state.attempts,
                state.lastFailure instanceof ErrorResponse response ? policy.serverRetryAfter(response) : null);
    }

    private void notifyRetry(CallState state, RuntimeException failure, Duration wait) {
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
        LOG.trace("{} {} attempt {} failed ({}); retrying in {} ms (trackingId={})", method, path, state.attempts,
                what, wait.toMillis(), state.trackingId);
        try {
            listener.onRetry(new RetryEvent(method, path, state.attempts, status, what, wait, state.trackingId));
        } catch (RuntimeException e) {
            LOG.warn("RetryListener threw {}; ignored", e.getClass().getName());
        }
    }
}
