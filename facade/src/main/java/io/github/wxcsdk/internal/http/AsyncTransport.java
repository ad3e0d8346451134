package io.github.wxcsdk.internal.http;

import feign.Request;
import feign.Response;

import java.util.concurrent.CompletableFuture;

/** Sends one attempt without blocking the caller; {@link JdkHttpTransport#executeAsync} is the real one. */
@FunctionalInterface
public interface AsyncTransport {
    /**
     * @param request the request
     * @param options its {@code readTimeout} is the attempt's time limit, body included
     * @return the answer, or a {@link TransportFailure}; cancelling it cancels the exchange
     */
    CompletableFuture<Response> executeAsync(Request request, Request.Options options);
}
