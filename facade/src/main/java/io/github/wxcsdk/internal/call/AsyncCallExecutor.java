package io.github.wxcsdk.internal.call;

import io.github.wxcsdk.internal.http.AsyncTransport;
import io.github.wxcsdk.internal.http.ErrorResponse;
import io.github.wxcsdk.internal.http.TransportFailure;
import feign.Request;
import feign.Response;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs calls without a thread per call, by the same {@link CallRuntime} rules as the {@link CallExecutor}: waits are
 * scheduled on the client's timer, permits are queued, attempts go out through a non-blocking transport, and each
 * step runs on the client's worker executor. The returned future is completed on the completion executor (the
 * user's, or the client's own), never on a thread of the HTTP client, so a callback that blocks stalls no other call.
 * Cancelling the returned future stops the call: its pending wait or exchange is cancelled. Thread-safe; one per
 * client.
 */
public final class AsyncCallExecutor {
    private final CallRuntime runtime;
    private final AsyncTransport transport;
    private final ScheduledExecutorService timer;
    private final Delay delay;
    private final Executor worker;
    private final Executor completion;
    /** The calls whose futures are not complete yet. */
    private final Set<Running<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    static final String CLOSED = "The client is closed: build a new one to make calls";

    /**
     * @param runtime    the call rules, shared with the client's synchronous executor if there is one
     * @param transport  sends attempts
     * @param timer      ends waits for a permit that take too long
     * @param delay      runs a step after a wait, as the client's {@link io.github.wxcsdk.internal.Time} schedules it
     * @param worker     runs each step of a call
     * @param completion completes the futures handed to callers
     */
    public AsyncCallExecutor(CallRuntime runtime, AsyncTransport transport, ScheduledExecutorService timer, Delay delay,
                      Executor worker, Executor completion) {
        this.runtime = runtime;
        this.transport = transport;
        this.timer = timer;
        this.delay = delay;
        this.worker = worker;
        this.completion = completion;
    }

    /**
     * @param call the operation
     * @param <T>  its public result
     * @return the result of the first successful attempt, or the call's {@link io.github.wxcsdk.WebexException}
     */
    public <T> CompletableFuture<T> execute(Call<T> call) {
        if (closed) {
            throw new IllegalStateException(CLOSED);
        }
        // on the caller's thread: a call listener takes the caller's context (a tracer's current span) here
        CallState state = runtime.start(call);
        Running<T> running = new Running<>(call, state);
        inFlight.add(running);
        running.result.whenComplete((value, failure) -> inFlight.remove(running));
        if (closed) {
            // close() ran meanwhile and may not have seen this call
            running.endByClose();
            return running.result;
        }
        // the first step runs on the client's worker: the caller may be an event loop
        try {
            worker.execute(running::next);
        } catch (RejectedExecutionException e) {
            running.endByClose();
        } catch (RuntimeException e) {
            runtime.ended(state, e);
            throw e;
        }
        return running.result;
    }

    /**
     * Ends every call in flight: its future fails at once, on the calling thread (a state-changing call whose request
     * may have reached Webex with {@link io.github.wxcsdk.WebexOutcomeUnknownException}, any other with a
     * {@link io.github.wxcsdk.WebexClientException} saying the client was closed), and its wait or exchange is
     * cancelled; later calls throw {@link IllegalStateException}. Idempotent. The client's {@code close()} calls it
     * before it stops its threads, so no future is left pending.
     */
    public void close() {
        closed = true;
        for (Running<?> running : inFlight.toArray(Running<?>[]::new)) {
            running.endByClose();
        }
    }

    /** One call in progress; its steps run one after another, each handing over to the next through a future. */
    private final class Running<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();
        private final Call<T> call;
        private final CallState state;
        /** The wait, permit or exchange the call is in, cancelled with the call. */
        private volatile Future<?> pending;
        /** Whether a request is on its way or waiting for its answer (what the close of the client must report). */
        private volatile boolean sending;

        Running(Call<T> call, CallState state) {
            this.call = call;
            this.state = state;
            result.whenComplete((value, failure) -> {
                if (failure instanceof CancellationException) {
                    // the call ends for its listeners now, on the cancelling thread; its last step reports nothing
                    runtime.ended(state, failure);
                    Future<?> current = pending;
                    if (current != null) {
                        current.cancel(true);
                    }
                }
            });
        }

        /** The client is closing: the call fails now, on the closing thread, and its wait or exchange is cancelled. */
        void endByClose() {
            RuntimeException failure = runtime.closed(state, sending);
            runtime.abandon(state);
            if (result.completeExceptionally(failure)) {
                runtime.ended(state, failure);
            }
            Future<?> current = pending;
            if (current != null) {
                current.cancel(true);
            }
        }

        void next() {
            if (result.isDone()) {
                runtime.abandon(state);
                return;
            }
            long wait;
            try {
                wait = runtime.waitBeforeAttempt(state);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            if (wait <= 0) {
                acquire();
            } else {
                pending = delay.after(wait, () -> worker.execute(this::next));
                if (result.isDone()) {
                    pending.cancel(false);
                }
            }
        }

        private void acquire() {
            Permits permits = runtime.permits();
            if (permits == null) {
                send(false);
                return;
            }
            CompletableFuture<Void> turn = permits.acquire();
            pending = turn;
            // a waiter that gives up cancels its turn; a turn granted at that moment stays granted
            Future<?> limit = turn.isDone() ? null : timer.schedule(() -> turn.cancel(false),
                    runtime.remainingMillis(state), TimeUnit.MILLISECONDS);
            turn.whenCompleteAsync((granted, failure) -> {
                if (limit != null) {
                    limit.cancel(false);
                }
                if (failure == null) {
                    send(true);
                } else {
                    fail(runtime.callTimeout(state));
                }
            }, worker);
        }

        private void send(boolean permitted) {
            if (result.isDone()) {
                release(permitted);
                return;
            }
            // the token without blocking: a refresh never holds one of the client's threads
            long asked = runtime.tokenAsked(state);
            CompletableFuture<String> token = runtime.tokenAsync(state);
            if (token.isDone()) {
                sendWith(permitted, token, asked);
            } else {
                pending = token;
                token.whenCompleteAsync((value, failure) -> sendWith(permitted, token, asked), worker);
            }
        }

        private void sendWith(boolean permitted, CompletableFuture<String> token, long asked) {
            if (result.isDone()) {
                release(permitted);
                return;
            }
            CompletableFuture<Response> exchange;
            try {
                Request request = runtime.request(state, token.join(), asked);
                sending = true;
                exchange = transport.executeAsync(request, runtime.startAttempt(state));
            } catch (RuntimeException e) {
                sending = false;
                release(permitted);
                fail(unwrap(e));
                return;
            }
            pending = exchange;
            exchange.whenCompleteAsync((response, failure) -> {
                sending = false;
                release(permitted);
                answered(response, failure);
            }, worker);
        }

        private void answered(Response response, Throwable failure) {
            try {
                if (failure != null) {
                    Throwable cause = unwrap(failure);
                    if (cause instanceof TransportFailure transportFailure) {
                        runtime.failed(state, transportFailure);
                        next();
                    } else {
                        fail(cause);
                    }
                    return;
                }
                T value = runtime.complete(state, call, response);
                // before the future completes: whoever waits for it sees the listeners' work done
                runtime.ended(state, null);
                try {
                    completion.execute(() -> result.complete(value));
                } catch (RejectedExecutionException e) {
                    result.complete(value);
                }
            } catch (ErrorResponse errorResponse) {
                try {
                    runtime.failed(state, errorResponse);
                    next();
                } catch (RuntimeException e) {
                    fail(e);
                }
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        private void release(boolean permitted) {
            if (permitted) {
                runtime.permits().release();
            }
        }

        private void fail(Throwable failure) {
            if (result.isDone()) {
                return;
            }
            runtime.ended(state, failure);
            try {
                completion.execute(() -> result.completeExceptionally(failure));
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(failure);
            }
        }
    }

    /** Runs a task after a wait without holding a thread while it waits. */
    @FunctionalInterface
    public interface Delay {
        /**
         * @param millis how long to wait, more than 0
         * @param task   what to run then
         * @return the wait, to cancel
         */
        Future<?> after(long millis, Runnable task);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
