package io.github.wxcsdk.internal.call;

import io.github.wxcsdk.AttemptEvent;
import io.github.wxcsdk.CallAttribute;
import io.github.wxcsdk.CallEvent;
import io.github.wxcsdk.CallOutcome;
import io.github.wxcsdk.CallStart;
import io.github.wxcsdk.WebexApiException;
import io.github.wxcsdk.WebexException;
import io.github.wxcsdk.internal.http.AttemptFailure;
import io.github.wxcsdk.internal.http.TransportFailure;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call as the client's {@link CallListeners} see it: what it calls, the listeners' attributes, and the times and
 * statuses the events report. Exists only when the client has a listener. Its progress fields are written by one
 * thread at a time, as its {@link CallState} is; only {@link #end} may race (an asynchronous call cancelled while it
 * completes), and a flag makes it report once.
 */
final class ObservedCall implements CallStart {
    private static final Object[] NO_ATTRIBUTES = new Object[0];

    private final CallListeners listeners;
    private final Operation operation;
    private final String trackingId;
    private final long startNanos;
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Keys and values, one after the other: listeners are few, so a scan beats a map. */
    private Object[] attributes = NO_ATTRIBUTES;

    private long attemptStartNanos;
    private long attemptTokenNanos;
    private long tokenFetchNanos;
    private long throttleWaitNanos;
    private long retryWaitNanos;
    private int lastStatus;

    /**
     * What a call calls, the same for all its attempts: known from the spec per operation, never a concrete path.
     *
     * @param operationId   the spec's operationId
     * @param httpMethod    the HTTP method
     * @param urlTemplate   the path template, relative to the API root
     * @param serverAddress the host of the API root
     * @param serverPort    the port of the API root
     */
    record Operation(String operationId, String httpMethod, String urlTemplate, String serverAddress,
                     int serverPort) {
    }

    private ObservedCall(CallListeners listeners, Operation operation, String trackingId, long startNanos) {
        this.listeners = listeners;
        this.operation = operation;
        this.trackingId = trackingId;
        this.startNanos = startNanos;
    }

    /** Starts observing a call: tells the listeners, on the calling thread. */
    static ObservedCall start(CallListeners listeners, Operation operation, String trackingId, long nowNanos) {
        ObservedCall call = new ObservedCall(listeners, operation, trackingId, nowNanos);
        listeners.started(call);
        return call;
    }

    /** The token of the next attempt was asked for from {@code fromNanos} to {@code toNanos}; the attempt starts. */
    void tokenFetched(long fromNanos, long toNanos) {
        attemptTokenNanos = toNanos - fromNanos;
        tokenFetchNanos += attemptTokenNanos;
        attemptStartNanos = toNanos;
    }

    void waitedForThrottle(long millis) {
        throttleWaitNanos += millis * 1_000_000L;
    }

    void waitedToRetry(long millis) {
        retryWaitNanos += millis * 1_000_000L;
    }

    /** An attempt was answered with a 2xx that could be read. */
    void attemptSucceeded(long nowNanos, int attempt, int status) {
        attempted(nowNanos, attempt, status, CallOutcome.SUCCESS, null, null);
    }

    /** An attempt was answered with a 2xx that could not be read. */
    void attemptUnreadable(long nowNanos, int attempt, int status, WebexException failure) {
        attempted(nowNanos, attempt, status, CallOutcome.NETWORK_ERROR, failure.getClass().getName(), null);
    }

    /**
     * An attempt failed.
     *
     * @param failure    what the attempt ended in
     * @param retryDelay the wait before the next attempt, {@code null} when there is none
     */
    void attemptFailed(long nowNanos, int attempt, AttemptFailure failure, Duration retryDelay) {
        failure.handle(response -> {
            attempted(nowNanos, attempt, response.status(), CallOutcome.ofStatus(response.status()),
                    Integer.toString(response.status()), retryDelay);
            return null;
        }, transport -> {
            transportFailed(nowNanos, attempt, transport, retryDelay);
            return null;
        });
    }

    private void transportFailed(long nowNanos, int attempt, TransportFailure transport, Duration retryDelay) {
        Throwable cause = transport.getCause();
        boolean timedOut = transport.kind() == TransportFailure.Kind.TIMED_OUT
                || cause instanceof HttpTimeoutException;
        attempted(nowNanos, attempt, 0, timedOut ? CallOutcome.TIMEOUT : CallOutcome.NETWORK_ERROR,
                cause != null ? cause.getClass().getName() : "io.github.wxcsdk.WebexClientException", retryDelay);
    }

    private void attempted(long nowNanos, int attempt, int status, CallOutcome outcome, String errorType,
                           Duration retryDelay) {
        lastStatus = status;
        listeners.attempted(new Attempt(this, attempt, status, outcome, errorType, nowNanos - attemptStartNanos,
                attemptTokenNanos, retryDelay));
    }

    /**
     * The call ended: tells the listeners, once.
     *
     * @param failure what the call threw, {@code null} on success
     */
    void end(long nowNanos, int attempts, Throwable failure) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        String errorType = null;
        if (failure instanceof WebexApiException api) {
            errorType = Integer.toString(api.statusCode());
        } else if (failure != null) {
            errorType = failure.getClass().getName();
        }
        listeners.ended(new Ended(this, lastStatus, attempts, nowNanos - startNanos, failure, errorType,
                throttleWaitNanos, retryWaitNanos, tokenFetchNanos));
    }

    @Override
    public String operationId() {
        return operation.operationId();
    }

    @Override
    public String httpMethod() {
        return operation.httpMethod();
    }

    @Override
    public String urlTemplate() {
        return operation.urlTemplate();
    }

    @Override
    public String serverAddress() {
        return operation.serverAddress();
    }

    @Override
    public int serverPort() {
        return operation.serverPort();
    }

    @Override
    public String trackingId() {
        return trackingId;
    }

    @Override
    public <T> T attribute(CallAttribute<T> key) {
        Objects.requireNonNull(key, "key must not be null");
        Object[] current = attributes;
        for (int i = 0; i < current.length; i += 2) {
            if (current[i] == key) {
                @SuppressWarnings("unchecked") // only setAttribute stores under a key, with the key's type
                T value = (T) current[i + 1];
                return value;
            }
        }
        return null;
    }

    @Override
    public <T> void setAttribute(CallAttribute<T> key, T value) {
        Objects.requireNonNull(key, "key must not be null");
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i] == key) {
                attributes[i + 1] = value;
                return;
            }
        }
        Object[] grown = Arrays.copyOf(attributes, attributes.length + 2);
        grown[attributes.length] = key;
        grown[attributes.length + 1] = value;
        attributes = grown;
    }

    @Override
    public String toString() {
        return "CallStart{" + operation.httpMethod() + ' ' + operation.urlTemplate() + ", trackingId=" + trackingId
                + '}';
    }

    /** What every event says of its call, from the call. */
    private abstract static class Described implements io.github.wxcsdk.CallInfo {
        final ObservedCall call;

        Described(ObservedCall call) {
            this.call = call;
        }

        @Override
        public String operationId() {
            return call.operationId();
        }

        @Override
        public String httpMethod() {
            return call.httpMethod();
        }

        @Override
        public String urlTemplate() {
            return call.urlTemplate();
        }

        @Override
        public String serverAddress() {
            return call.serverAddress();
        }

        @Override
        public int serverPort() {
            return call.serverPort();
        }

        @Override
        public String trackingId() {
            return call.trackingId;
        }

        @Override
        public <T> T attribute(CallAttribute<T> key) {
            return call.attribute(key);
        }
    }

    private static final class Attempt extends Described implements AttemptEvent {
        private final int attempt;
        private final int statusCode;
        private final CallOutcome outcome;
        private final String errorType;
        private final long durationNanos;
        private final long tokenFetchNanos;
        private final Duration retryDelay;

        Attempt(ObservedCall call, int attempt, int statusCode, CallOutcome outcome, String errorType,
                long durationNanos, long tokenFetchNanos, Duration retryDelay) {
            super(call);
            this.attempt = attempt;
            this.statusCode = statusCode;
            this.outcome = outcome;
            this.errorType = errorType;
            this.durationNanos = durationNanos;
            this.tokenFetchNanos = tokenFetchNanos;
            this.retryDelay = retryDelay;
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public int statusCode() {
            return statusCode;
        }

        @Override
        public CallOutcome outcome() {
            return outcome;
        }

        @Override
        public Optional<String> errorType() {
            return Optional.ofNullable(errorType);
        }

        @Override
        public Duration duration() {
            return Duration.ofNanos(durationNanos);
        }

        @Override
        public Duration tokenFetch() {
            return Duration.ofNanos(tokenFetchNanos);
        }

        @Override
        public Optional<Duration> retryDelay() {
            return Optional.ofNullable(retryDelay);
        }

        @Override
        public String toString() {
            return "AttemptEvent{" + httpMethod() + ' ' + urlTemplate() + ", attempt=" + attempt + ", status="
                    + statusCode + ", outcome=" + outcome + ", duration=" + duration() + ", retryDelay=" + retryDelay
                    + ", trackingId=" + trackingId() + '}';
        }
    }

    private static final class Ended extends Described implements CallEvent {
        private final int statusCode;
        private final int attempts;
        private final long durationNanos;
        private final Throwable error;
        private final String errorType;
        private final long throttleWaitNanos;
        private final long retryWaitNanos;
        private final long tokenFetchNanos;

        Ended(ObservedCall call, int statusCode, int attempts, long durationNanos, Throwable error, String errorType,
              long throttleWaitNanos, long retryWaitNanos, long tokenFetchNanos) {
            super(call);
            this.statusCode = statusCode;
            this.attempts = attempts;
            this.durationNanos = durationNanos;
            this.error = error;
            this.errorType = errorType;
            this.throttleWaitNanos = throttleWaitNanos;
            this.retryWaitNanos = retryWaitNanos;
            this.tokenFetchNanos = tokenFetchNanos;
        }

        @Override
        public int statusCode() {
            return statusCode;
        }

        @Override
        public int attempts() {
            return attempts;
        }

        @Override
        public Duration duration() {
            return Duration.ofNanos(durationNanos);
        }

        @Override
        public Optional<WebexException> failure() {
            return error instanceof WebexException webex ? Optional.of(webex) : Optional.empty();
        }

        @Override
        public Optional<Throwable> error() {
            return Optional.ofNullable(error);
        }

        @Override
        public CallOutcome outcome() {
            return CallOutcome.of(error);
        }

        @Override
        public Optional<String> errorType() {
            return Optional.ofNullable(errorType);
        }

        @Override
        public Duration throttleWait() {
            return Duration.ofNanos(throttleWaitNanos);
        }

        @Override
        public Duration retryWait() {
            return Duration.ofNanos(retryWaitNanos);
        }

        @Override
        public Duration tokenFetch() {
            return Duration.ofNanos(tokenFetchNanos);
        }

        /** Never the exception's message (it names the path); its class only. */
        @Override
        public String toString() {
            return "CallEvent{" + httpMethod() + ' ' + urlTemplate() + ", operationId=" + operationId() + ", status="
                    + statusCode + ", outcome=" + outcome() + ", attempts=" + attempts + ", duration=" + duration()
                    + ", trackingId=" + trackingId() + (error == null ? "" : ", error=" + error.getClass().getName())
                    + '}';
        }
    }
}
