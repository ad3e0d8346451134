package io.github.wxcsdk.internal.call;

import io.github.wxcsdk.internal.Time;
import io.github.wxcsdk.internal.http.ErrorResponse;
import io.github.wxcsdk.internal.http.RequestTarget;
import io.github.wxcsdk.internal.http.TransportFailure;
import feign.Client;
import feign.Request;
import feign.Response;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs calls on the caller's thread: waits as the {@link CallRuntime} decides (with the client's {@link Time}),
 * takes a permit when requests in flight are bounded, and sends each attempt through the blocking transport with the
 * attempt's time limit. Thread-safe; one per client.
 */
public final class CallExecutor {
    private final CallRuntime runtime;
    private final Client transport;
    private final Time time;
    private volatile boolean closed;

    public CallExecutor(CallRuntime runtime, Client transport, Time time) {
        this.runtime = runtime;
        this.transport = transport;
        this.time = time;
    }

    /**
     * @param call the operation
     * @param <T>  its public result
     * @return the result of the first successful attempt
     * @throws io.github.wxcsdk.WebexException when the call fails
     */
    public <T> T execute(Call<T> call) {
        if (closed) {
            throw new IllegalStateException(AsyncCallExecutor.CLOSED);
        }
        CallState state = runtime.start(call);
        T result;
        try {
            result = attempts(state, call);
        } catch (RuntimeException | Error failure) {
            runtime.ended(state, failure);
            throw failure;
        }
        // on the calling thread, before the call returns: the caller can tie the event to its own request
        runtime.ended(state, null);
        return result;
    }

    /** Later calls throw {@link IllegalStateException} before sending anything. Idempotent. */
    public void close() {
        closed = true;
    }

    private <T> T attempts(CallState state, Call<T> call) {
        while (true) {
            for (long wait = runtime.waitBeforeAttempt(state); wait > 0; wait = runtime.waitBeforeAttempt(state)) {
                sleep(state, wait);
            }
            boolean permitted = acquirePermit(state);
            try {
                Request request = runtime.request(state);
                // after building the request, whose first build may be slow: the attempt gets what is really left
                return runtime.complete(state, call, send(request, runtime.startAttempt(state)));
            } catch (ErrorResponse | TransportFailure failure) {
                runtime.failed(state, failure);
            } finally {
                if (permitted) {
                    runtime.permits().release();
                }
            }
        }
    }

    private Response send(Request request, Request.Options options) {
        try {
            return transport.execute(request, options);
        } catch (IOException e) {
            // our transport reports failures as TransportFailure; another Feign client may throw IOException
            throw new TransportFailure(TransportFailure.Kind.MAYBE_SENT, request.httpMethod().name(),
                    RequestTarget.of(request.url()), e);
        }
    }

    private void sleep(CallState state, long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            time.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runtime.abandon(state);
            throw PublicExceptions.interrupted("waiting to retry", state.trackingId, e);
        }
    }

    /** @return whether a permit was taken (and must be released) */
    private boolean acquirePermit(CallState state) {
        Permits permits = runtime.permits();
        if (permits == null) {
            return false;
        }
        CompletableFuture<Void> turn = permits.acquire();
        try {
            turn.get(runtime.remainingMillis(state), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return keepIfGranted(turn, () -> runtime.callTimeout(state));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return keepIfGranted(turn, () -> PublicExceptions.interrupted("waiting for a free request slot",
                    state.trackingId, e));
        } catch (ExecutionException e) {
            throw new IllegalStateException("A permit is never refused", e);
        }
    }

    /** A waiter that gives up still holds the permit when it was granted at that very moment. */
    private static boolean keepIfGranted(CompletableFuture<Void> turn,
                                         Supplier<RuntimeException> failure) {
        if (turn.cancel(false)) {
            throw failure.get();
        }
        return true;
    }
}
