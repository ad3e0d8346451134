package io.github.wxcsdk.internal.call;

import io.github.wxcsdk.internal.ClientSettings;
import io.github.wxcsdk.internal.Time;
import io.github.wxcsdk.internal.http.AttemptFailure;
import io.github.wxcsdk.internal.http.ErrorResponse;
import io.github.wxcsdk.internal.http.TrackingIds;
import io.github.wxcsdk.internal.wire.PrecompiledFeignClient;
import io.github.wxcsdk.internal.wire.RecordedCall;
import io.github.wxcsdk.internal.wire.UnreadableAnswer;
import feign.Request;
import feign.Response;
import io.github.wxcsdk.RetryEvent;
import io.github.wxcsdk.RetryListener;
import io.github.wxcsdk.ThrottleEvent;
import io.github.wxcsdk.WebexException;
import io.github.wxcsdk.auth.TokenProvider;
import io.github.wxcsdk.internal.throttle.Gate;
import io.github.wxcsdk.internal.throttle.RequestThrottle;
import io.github.wxcsdk.internal.throttle.ThrottleCoordinator;
import io.github.wxcsdk.internal.throttle.ThrottleReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The rules of running a call, shared by the synchronous {@link CallExecutor} and the {@link AsyncCallExecutor}: one
 * {@code TrackingID} per call, the token of each attempt and the one resend after a {@code 401}, the per-attempt and
 * whole-call time limits, the retry policy, the shared throttle, and the translation of every failure into a public
 * exception. The executors only wait (sleep or schedule) and send (block or not) as it decides. Thread-safe; one per
 * client.
 */
public final class CallRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(CallRuntime.class);

    private final PrecompiledFeignClient plans;
    private final RetryPolicy policy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final Duration maxRetryAfter;
    /** The time of deadlines and of the throttle, one monotonic base. */
    private final Time time;
    private final TokenProvider tokens;
    private final RetryListener listener;
    private final RequestThrottle throttle;
    /** Shares the throttle with the other replicas of the token; {@code null} without coordination. */
    private final ThrottleCoordinator shared;
    private final Permits permits;
    /** The client's call listeners; with none, the runtime builds no event. */
    private final CallListeners callListeners;
    /** What each operation is, for the listeners: built once per generated method. */
    private final ConcurrentMap<Method, ObservedCall.Operation> operations = new ConcurrentHashMap<>();
    private final String serverAddress;
    private final int serverPort;

    public CallRuntime(ClientSettings settings, PrecompiledFeignClient plans) {
        this.plans = plans;
        this.policy = new RetryPolicy(settings);
        this.connectTimeout = settings.connectTimeout();
        this.readTimeout = settings.readTimeout();
        this.callTimeout = settings.callTimeout();
        this.maxRetryAfter = settings.maxRetryAfter();
        this.time = settings.time();
        this.tokens = settings.tokenProvider();
        this.listener = settings.retryListener();
        this.callListeners = new CallListeners(settings.callListeners());
        this.throttle = new RequestThrottle(settings.maxRequestsPerSecond(), settings.adaptiveThrottling(),
                new ThrottleReporter(callListeners.any() ? new ThrottleToCallListeners(listener, callListeners)
                        : listener));
        this.shared = settings.coordination() == null ? null
                : new ThrottleCoordinator(settings.coordination(), throttle, time::nanoTime);
        URI baseUrl = settings.baseUrl();
        this.serverAddress = baseUrl.getHost();
        this.serverPort = baseUrl.getPort() > 0 ? baseUrl.getPort() : "http".equals(baseUrl.getScheme()) ? 80 : 443;
        this.permits = settings.maxConcurrentRequests() > 0 ? new Permits(settings.maxConcurrentRequests()) : null;
    }

    /** @return the bound on requests in flight, or {@code null} when there is none */
    Permits permits() {
        return permits;
    }

    /**
     * Starts a call: its tracking id, its recorded request and its deadline; tells the call listeners, on the calling
     * thread.
     */
    CallState start(Call<?> call) {
        String trackingId = TrackingIds.next();
        CallState state = new CallState(call.retryClass(), trackingId, call.recording().apply(trackingId),
                time.nanoTime() + callTimeout.toNanos());
        if (callListeners.any()) {
            state.observed = ObservedCall.start(callListeners, operation(state.call), trackingId, time.nanoTime());
        }
        return state;
    }

    /**
     * The call has ended: tells the call listeners, once (a cancelled asynchronous call may end twice: on the
     * cancelling thread and in its last step).
     *
     * @param failure what the call threw, {@code null} when it succeeded
     */
    void ended(CallState state, Throwable failure) {
        if (state.observed != null) {
            state.observed.end(time.nanoTime(), state.attempts, failure);
        }
    }

    private ObservedCall.Operation operation(RecordedCall call) {
        ObservedCall.Operation operation = operations.get(call.method());
        if (operation == null) {
            operation = operations.computeIfAbsent(call.method(), method -> new ObservedCall.Operation(
                    method.getName(), plans.httpMethod(call), plans.urlTemplate(call), serverAddress, serverPort));
        }
        return operation;
    }

    /**
     * How long to wait before the next attempt: first the retry policy's wait, then the call's turn at the client's
     * shared throttle. The executors wait what it answers and ask again until it answers 0, then send.
     *
     * @return milliseconds, 0 for "send now"
     * @throws io.github.wxcsdk.WebexException when the call's deadline would pass first: the last failure (a 429 with
     *                                         its {@code retryAfter()}), or a timeout
     */
    long waitBeforeAttempt(CallState state) {
        if (state.retryWaitMillis > 0) {
            long wait = state.retryWaitMillis;
            state.retryWaitMillis = 0;
            if (state.observed != null) {
                state.observed.waitedToRetry(wait);
            }
            return wait;
        }
        if (state.turn == null) {
            long now = time.nanoTime();
            if (shared != null) {
                shared.beforeTurn(now);
            }
            state.turn = throttle.reserve(now);
        }
        long now = time.nanoTime();
        long delayNanos = throttle.delayNanos(state.turn, now);
        if (delayNanos <= 0) {
            return 0;
        }
        long delayMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos + 999_999));
        Gate gate = throttle.closedGate(now);
        boolean pastDeadline = now + TimeUnit.MILLISECONDS.toNanos(delayMillis) - state.deadlineNanos >= 0;
        if (gate != null && (pastDeadline || delayMillis > maxRetryAfter.toMillis())) {
            // the gate opens later than this call may wait: it fails now, unsent, saying what it would wait for
            throttle.cancel(state.turn);
            state.turn = null;
            String line = requestLine(state);
            throttle.reportHeld(gate, delayNanos, line);
            throw PublicExceptions.throttled(line, gate, Duration.ofMillis(delayMillis),
                    time.now().plusMillis(delayMillis), pastDeadline
                            ? "its callTimeout of " + callTimeout.toMillis() + " ms"
                            : "maxRetryAfter of " + maxRetryAfter.toMillis() + " ms", state.trackingId);
        }
        if (pastDeadline) {
            throttle.cancel(state.turn);
            state.turn = null;
            throw finalFailure(state);
        }
        if (!state.throttleWaitReported) {
            state.throttleWaitReported = true;
            String line = requestLine(state);
            throttle.reportWait(delayNanos, state.trackingId, plans.httpMethod(state.call),
                    line.substring(line.indexOf(' ') + 1), gate);
            if (gate != null) {
                throttle.reportHeld(gate, delayNanos, line);
            }
        }
        long wait = Math.min(delayMillis, TimeUnit.NANOSECONDS.toMillis(RequestThrottle.MAX_WAIT_NANOS));
        if (state.observed != null) {
            state.observed.waitedForThrottle(wait);
        }
        return wait;
    }

    /** The call will not send its next attempt (cancelled, or it failed before sending): its turn is given back. */
    void abandon(CallState state) {
        if (state.turn != null) {
            throttle.cancel(state.turn);
            state.turn = null;
        }
    }

    /** @return milliseconds until the call's deadline, at least 0 */
    long remainingMillis(CallState state) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(state.deadlineNanos - time.nanoTime()));
    }

    /** @return the exception of a call whose deadline has passed */
    RuntimeException callTimeout(CallState state) {
        return PublicExceptions.callTimeout(callTimeout, state.trackingId, state.attempts, state.lastFailure);
    }

    /**
     * Counts the attempt whose request is built and about to be sent, unless the call's deadline has passed meanwhile
     * (waiting for a request slot or a token): then it is not sent, and not counted.
     *
     * @return the Feign options of the attempt: its read timeout is what the attempt may take, body included
     * @throws io.github.wxcsdk.WebexTimeoutException when the call's deadline has passed
     */
    Request.Options startAttempt(CallState state) {
        long remaining = remainingMillis(state);
        if (remaining <= 0) {
            throw callTimeout(state);
        }
        state.attempts++;
        return new Request.Options(connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                Math.min(readTimeout.toMillis(), remaining), TimeUnit.MILLISECONDS, false);
    }

    /**
     * The request of the next attempt, with a token from the provider; blocks while the provider refreshes (the
     * synchronous client's calling thread).
     *
     * @throws io.github.wxcsdk.WebexApiException when Webex rejected a token with {@code 401} and the provider has no
     *                                            other
     */
    Request request(CallState state) {
        long asked = tokenAsked(state);
        return request(state, tokens.accessToken(Duration.ofMillis(remainingMillis(state))), asked);
    }

    /**
     * The token of the next attempt, without blocking (the asynchronous client): hand it to
     * {@link #request(CallState, String, long)} when it is there.
     *
     * @return the provider's future; a provider that throws instead is turned into a failed future
     */
    CompletableFuture<String> tokenAsync(CallState state) {
        try {
            CompletableFuture<String> token = tokens.accessTokenAsync(Duration.ofMillis(remainingMillis(state)));
            return token != null ? token : CompletableFuture.failedFuture(
                    new IllegalStateException("The token provider returned no access token"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** @return when the token of the next attempt was asked for, for the call listeners (0 without any) */
    long tokenAsked(CallState state) {
        return state.observed != null ? time.nanoTime() : 0;
    }

    /**
     * The request of the next attempt, with {@code token}.
     *
     * @param asked from {@link #tokenAsked(CallState)}
     * @throws io.github.wxcsdk.WebexApiException when Webex rejected a token with {@code 401} and the provider has no
     *                                            other
     */
    Request request(CallState state, String token, long asked) {
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
        if (shared != null) {
            shared.tokenUsed(token);
        }
        state.sentToken = token;
        Request request = plans.request(state.call, token);
        if (state.observed != null) {
            state.observed.tokenFetched(asked, time.nanoTime());
        }
        return request;
    }

    /**
     * The exception of a call that the closing of its client ends: a state-changing call whose request may have
     * reached Webex is {@link io.github.wxcsdk.WebexOutcomeUnknownException}; any other is a
     * {@link io.github.wxcsdk.WebexClientException} saying that the client was closed.
     *
     * @param inFlight whether a request of the call is on its way or waiting for its answer
     */
    RuntimeException closed(CallState state, boolean inFlight) {
        return PublicExceptions.closed(requestLine(state), state.retryClass != RetryClass.IDEMPOTENT
                || !"GET".equals(plans.httpMethod(state.call)), inFlight, state.trackingId);
    }

    /** @return the call's method, path and query, for example {@code POST /v1/.../members/m1/mute?orgId=o1} */
    String requestLine(CallState state) {
        return plans.httpMethod(state.call) + ' ' + plans.target(state.call);
    }

    /**
     * Reads an attempt's answer.
     *
     * @return the public result
     * @throws ErrorResponse   when the answer is not 2xx: hand it to {@link #failed(CallState, AttemptFailure)}
     * @throws io.github.wxcsdk.WebexClientException when a 2xx answer cannot be read
     */
    <T> T complete(CallState state, Call<T> call, Response response) {
        Object answer;
        try {
            answer = plans.read(state.call, response);
        } catch (ErrorResponse failure) {
            throw failure;
        } catch (UnreadableAnswer failure) {
            answered(state);
            WebexException unreadable = PublicExceptions.unreadable(failure, state.trackingId);
            if (state.observed != null) {
                state.observed.attemptUnreadable(time.nanoTime(), state.attempts, response.status(), unreadable);
            }
            throw unreadable;
        }
        answered(state);
        if (state.observed != null) {
            state.observed.attemptSucceeded(time.nanoTime(), state.attempts, response.status());
        }
        return call.result().apply(answer);
    }

    /**
     * Decides what follows a failed attempt: a retry after {@link CallState#retryWaitMillis}, or the end of the call.
     *
     * @param failure what the attempt ended in
     * @throws io.github.wxcsdk.WebexException when the failure is final
     */
    void failed(CallState state, AttemptFailure failure) {
        state.lastFailure = failure;
        boolean throttled = failure instanceof ErrorResponse response && response.status() == 429;
        long ownWaitMillis = 0;
        if (failure instanceof ErrorResponse response && throttled) {
            // the gate stays closed for the whole Retry-After: Webex admits nothing before then
            ownWaitMillis = TimeUnit.NANOSECONDS.toMillis(throttle.onThrottled(state.turn, time.nanoTime(),
                    policy.serverRetryAfter(response), requestLine(state), state.trackingId));
            state.turn = null;
        } else if (failure instanceof ErrorResponse) {
            answered(state);
        } else {
            // no answer: the throttle learns nothing, and the next attempt takes a new turn
            abandon(state);
        }
        if (failure instanceof ErrorResponse response && response.status() == 401 && state.rejectedToken == null) {
            // a 401 means the request was not acted on: every operation may be resent once with a fresh token
            state.rejectedToken = state.sentToken;
            tokens.unauthorized(state.sentToken);
            attemptFailed(state, failure, Duration.ZERO);
            return;
        }
        if (!throttled) {
            state.retriesUsed++;
        }
        Duration wait = policy.waitBeforeRetry(state.retryClass, failure, throttled ? 1 : state.retriesUsed);
        if (wait != null && ownWaitMillis > wait.toMillis()) {
            wait = Duration.ofMillis(ownWaitMillis);
        }
        if (wait == null || time.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait.toMillis()) - state.deadlineNanos >= 0) {
            attemptFailed(state, failure, null);
            throw finalFailure(state);
        }
        state.retryWaitMillis = wait.toMillis();
        attemptFailed(state, failure, wait);
        notifyRetry(state, failure, wait);
    }

    /** Tells the call listeners of a failed attempt and what follows it ({@code null}: nothing). */
    private void attemptFailed(CallState state, AttemptFailure failure, Duration retryDelay) {
        if (state.observed != null) {
            state.observed.attemptFailed(time.nanoTime(), state.attempts, failure, retryDelay);
        }
    }

    /** An attempt was answered with anything but 429: the service let it through. */
    private void answered(CallState state) {
        if (state.turn != null) {
            throttle.onSuccess(state.turn, time.nanoTime());
            state.turn = null;
        }
    }

    /** The exception a call ends with when it cannot go on: its last failure, or a timeout when there was none. */
    RuntimeException finalFailure(CallState state) {
        if (state.lastFailure == null) {
            return callTimeout(state);
        }
        return PublicExceptions.of(state.retryClass, state.lastFailure, state.trackingId, state.attempts,
                state.lastFailure instanceof ErrorResponse response ? policy.serverRetryAfter(response) : null);
    }

    private void notifyRetry(CallState state, AttemptFailure failure, Duration wait) {
        String method = failure.httpMethod();
        String path = failure.path();
        int status = failure.status();
        String what = failure.summary();
        // TRACE: the transport has already logged this attempt at DEBUG, one line per attempt
        LOG.trace("{} {} attempt {} failed ({}); retrying in {} ms (trackingId={})", method, path, state.attempts,
                what, wait.toMillis(), state.trackingId);
        try {
            listener.onRetry(new RetryEvent(method, path, state.attempts, status, what, wait, state.trackingId));
        } catch (RuntimeException e) {
            LOG.warn("RetryListener threw {}; ignored", e.getClass().getName());
        }
    }

    /** The throttle's events for the user's {@link RetryListener} and then the call listeners. */
    private record ThrottleToCallListeners(RetryListener retryListener, CallListeners callListeners)
            implements RetryListener {
        @Override
        public void onRetry(RetryEvent event) {
            retryListener.onRetry(event);
        }

        @Override
        public void onThrottle(ThrottleEvent event) {
            try {
                retryListener.onThrottle(event);
            } finally {
                callListeners.throttled(event);
            }
        }
    }
}
