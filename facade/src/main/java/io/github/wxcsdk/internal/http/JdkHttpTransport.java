package io.github.wxcsdk.internal.http;

import feign.Client;
import feign.Request;
import feign.Response;
import io.github.wxcsdk.internal.net.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Feign's transport, over the JDK's {@code java.net.http.HttpClient}: HTTP/1.1, redirects never followed, and one
 * time limit per attempt that covers the whole answer, body included. It adds no retries of its own (for the few the
 * JDK makes underneath, see {@link JdkRetries}); a failure becomes a {@link TransportFailure} that says whether the
 * request may have reached the server, with the token scrubbed from its cause. One DEBUG line per
 * attempt (method, path, status, milliseconds, tracking id); headers, and so the token, are never logged.
 */
public final class JdkHttpTransport implements Client {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.wxcsdk.http");
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = restricted();
    /** The JDK's own request timeout stops at the headers; this grace lets it fire first when it applies. */
    private static final long BODY_GRACE_MILLIS = 50;

    /** The JDK client; {@code null} once closed, so that its selector thread can end (JDK 17 cannot close it). */
    private volatile HttpClient http;
    private final Duration connectTimeout;
    private final Network network;
    private final DeadlineSweeper sweeper = new DeadlineSweeper("wxc-sdk-deadlines");
    /** Ends asynchronous attempts at their time limit; {@code null} for a transport used synchronously only. */
    private final ScheduledExecutorService timer;

    /** A transport for synchronous calls: the JDK client's own executor, attempts ended by a {@link DeadlineSweeper}. */
    public JdkHttpTransport(Duration connectTimeout) {
        this(connectTimeout, Network.DEFAULT, null, null);
    }

    /**
     * A transport for synchronous calls over the given network.
     *
     * @param connectTimeout the limit for opening a connection
     * @param network        the proxy, TLS context and proxy credentials
     */
    public JdkHttpTransport(Duration connectTimeout, Network network) {
        this(connectTimeout, network, null, null);
    }

    /**
     * @param connectTimeout the limit for opening a connection
     * @param executor       runs the JDK client's work and completes asynchronous attempts, or {@code null} for the
     *                       JDK client's default
     * @param timer          ends asynchronous attempts at their time limit, or {@code null} when only
     *                       {@link #execute(Request, Request.Options)} is used
     */
    public JdkHttpTransport(Duration connectTimeout, Executor executor, ScheduledExecutorService timer) {
        this(connectTimeout, Network.DEFAULT, executor, timer);
    }

    /**
     * @param connectTimeout the limit for opening a connection
     * @param network        the proxy, TLS context and proxy credentials
     * @param executor       runs the JDK client's work and completes asynchronous attempts, or {@code null} for the
     *                       JDK client's default
     * @param timer          ends asynchronous attempts at their time limit, or {@code null} when only
     *                       {@link #execute(Request, Request.Options)} is used
     */
    public JdkHttpTransport(Duration connectTimeout, Network network, Executor executor,
                            ScheduledExecutorService timer) {
        this.network = network;
        HttpClient.Builder builder = network.configure(HttpClient.newBuilder())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if (executor != null) {
            builder.executor(executor);
        }
        this.http = builder.build();
        this.connectTimeout = connectTimeout;
        this.timer = timer;
        JdkRetries.warnIfAllMethodsRetried();
    }

    /**
     * Sends one attempt and waits for the whole answer.
     *
     * @param request the request
     * @param options its {@code readTimeout} is the attempt's time limit, body included
     * @return the answer
     * @throws TransportFailure when no answer arrived in time
     */
    @Override
    public Response execute(Request request, Request.Options options) {
        URI uri = URI.create(request.url());
        String method = request.httpMethod().name();
        Duration timeout = Duration.ofMillis(Math.max(1, options.readTimeoutMillis()));
        long started = System.nanoTime();
        HttpResponse<byte[]> answer;
        // send(), not sendAsync(...).get(timeout): sendAsync hands every answer to CompletableFuture's async pool,
        // which on machines with fewer than three cores is a new thread per answer. The deadline interrupts send().
        AttemptDeadline deadline = AttemptDeadline.start(sweeper,
                started + TimeUnit.MILLISECONDS.toNanos(timeout.toMillis() + BODY_GRACE_MILLIS));
        try {
            answer = client(method, uri).send(toJdkRequest(request, uri, method, timeout),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            deadline.finish();
            Throwable cause = original(e);
            logAttempt(method, uri, "failed (" + cause.getClass().getSimpleName() + ")", started, request);
            throw failure(cause, method, uri, request);
        } catch (InterruptedException e) {
            if (deadline.finish()) {
                logAttempt(method, uri, "timed out", started, request);
                throw timedOut(method, uri, timeout);
            }
            Thread.currentThread().interrupt();
            throw new TransportFailure(TransportFailure.Kind.INTERRUPTED, method, RequestTarget.of(uri), e);
        }
        deadline.finish();
        logAttempt(method, uri, String.valueOf(answer.statusCode()), started, request);
        return response(request, answer.statusCode(), answer.headers().map(), answer.body());
    }

    /**
     * Sends one attempt without blocking. The answer is completed on the JDK client's executor (the client's own):
     * the future {@code sendAsync} returns is completed on CompletableFuture's default async pool, a new thread per
     * answer on machines with fewer than three cores, so the answer is taken from the body subscriber instead, and
     * that future is only watched for failures. That keeps the SDK's work off that pool, not the thread: the JDK
     * schedules a no-op there for every exchange whether or not anything depends on the future
     * ({@code HttpClientImpl.sendAsync}), so on such machines each answer still starts a short-lived thread (the
     * async benchmark counts 500 for 500 calls) unless the JVM sets
     * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2}.
     *
     * @param request the request
     * @param options its {@code readTimeout} is the attempt's time limit, body included
     * @return the answer, or a {@link TransportFailure}; cancelling it cancels the exchange
     */
    public CompletableFuture<Response> executeAsync(Request request, Request.Options options) {
        URI uri = URI.create(request.url());
        String method = request.httpMethod().name();
        Duration timeout = Duration.ofMillis(Math.max(1, options.readTimeoutMillis()));
        long started = System.nanoTime();
        CompletableFuture<Response> answer = new CompletableFuture<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            HttpResponse.BodySubscriber<byte[]> body = HttpResponse.BodySubscribers.ofByteArray();
            body.getBody().whenComplete((bytes, failure) -> {
                if (failure == null && answer.complete(response(request, info.statusCode(), info.headers().map(),
                        bytes))) {
                    logAttempt(method, uri, String.valueOf(info.statusCode()), started, request);
                }
            });
            return body;
        };
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = client(method, uri).sendAsync(toJdkRequest(request, uri, method, timeout), handler);
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
            return answer;
        }
        exchange.whenComplete((ignored, failure) -> {
            if (failure != null && !answer.isDone()) {
                Throwable cause = unwrap(failure);
                // the JDK's own timer may end the exchange mid-body first; it then reports a broken body
                boolean late = System.nanoTime() - started >= timeout.toNanos();
                if (answer.completeExceptionally(late ? timedOut(method, uri, timeout)
                        : failure(cause, method, uri, request))) {
                    logAttempt(method, uri, late ? "timed out" : "failed (" + cause.getClass().getSimpleName() + ")",
                            started, request);
                }
            }
        });
        ScheduledFuture<?> limit = timer.schedule(() -> {
            if (answer.completeExceptionally(timedOut(method, uri, timeout))) {
                logAttempt(method, uri, "timed out", started, request);
                exchange.cancel(true);
            }
        }, timeout.toMillis() + BODY_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        answer.whenComplete((ignored, failure) -> {
            limit.cancel(false);
            if (answer.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return answer;
    }

    /**
     * Lets go of the JDK client: on JDK 21 and later it is shut down at once (its {@code shutdownNow()}); on JDK 17,
     * which cannot close it, its connections and selector thread end when the garbage collector has taken it. Later
     * attempts fail before sending. Idempotent.
     */
    public void close() {
        HttpClient client = http;
        http = null;
        if (client != null) {
            try {
                HttpClient.class.getMethod("shutdownNow").invoke(client);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // JDK 17: no way to close it; unreferenced, it ends with the next garbage collection
            }
        }
    }

    private HttpClient client(String method, URI uri) {
        HttpClient client = http;
        if (client == null) {
            throw new TransportFailure(TransportFailure.Kind.NOT_SENT, method, RequestTarget.of(uri),
                    new IllegalStateException("the client is closed"), "the client is closed", true);
        }
        return client;
    }

    /** @return whether the deadline thread of synchronous calls is running (for tests of thread ownership) */
    boolean holdsThread() {
        return sweeper.hasThread();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof IOException io && io.getMessage() != null ? original(io) : cause;
    }

    private static Response response(Request request, int status, Map<String, List<String>> headers, byte[] body) {
        return Response.builder()
                .status(status)
                .headers(asFeignHeaders(headers))
                .body(body)
                .request(request)
                .build();
    }

    /**
     * {@code HttpClient.send} rethrows a failure as a new exception with the same message and the original as its
     * cause; the original says more (its class), so it is what is classified and reported.
     */
    private static Throwable original(IOException thrown) {
        Throwable cause = thrown.getCause();
        return cause != null && Objects.equals(cause.getMessage(), thrown.getMessage()) ? cause : thrown;
    }

    private static HttpRequest toJdkRequest(Request request, URI uri, String method, Duration timeout) {
        byte[] body = request.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(method, body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey())) {
                for (String value : header.getValue()) {
                    builder.header(header.getKey(), value);
                }
            }
        }
        return builder.build();
    }

    /** Case-insensitive, so that checking a header allocates nothing. */
    private static Set<String> restricted() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(List.of("connection", "content-length", "expect", "host", "upgrade"));
        return Collections.unmodifiableSet(names);
    }

    /** A failed attempt, its cause described with host and port (see {@link NetworkFailures}), the token scrubbed. */
    private TransportFailure failure(Throwable cause, String method, URI uri, Request request) {
        Throwable shown = Redaction.scrub(cause, Redaction.tokenOf(request.headers()));
        NetworkFailures described = NetworkFailures.of(uri, cause, shown, connectTimeout, network);
        return new TransportFailure(classify(cause), method, RequestTarget.of(uri), shown, described.description(),
                described.permanent());
    }

    private TransportFailure timedOut(String method, URI uri, Duration timeout) {
        HttpTimeoutException timedOut =
                new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        return new TransportFailure(TransportFailure.Kind.TIMED_OUT, method, RequestTarget.of(uri), timedOut,
                NetworkFailures.readTimeout(uri, timedOut), false);
    }

    private static TransportFailure.Kind classify(Throwable failure) {
        // an SSLHandshakeException stays ambiguous (unless the server answered in plain text: NetworkFailures
        // .certainlyNotSent): the JDK also reports a TLS session closed under a pooled
        // connection that way, after the request may have been written. The asynchronous client wraps a refused
        // connection differently from the blocking one, so the whole chain is looked at.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                    || cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException
                    || NetworkFailures.certainlyNotSent(cause)) {
                return TransportFailure.Kind.NOT_SENT;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return failure instanceof HttpTimeoutException
                ? TransportFailure.Kind.TIMED_OUT
                : TransportFailure.Kind.MAYBE_SENT;
    }

    private static Map<String, Collection<String>> asFeignHeaders(Map<String, List<String>> headers) {
        return Collections.unmodifiableMap(headers);
    }

    private static void logAttempt(String method, URI uri, String outcome, long startedNanos, Request request) {
        if (LOG.isDebugEnabled()) {
            Collection<String> trackingId = request.headers().get(TrackingIds.HEADER);
            LOG.debug("{} {} -> {} in {} ms (trackingId={})", method, RequestTarget.of(uri), outcome,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos),
                    trackingId == null || trackingId.isEmpty() ? "-" : trackingId.iterator().next());
        }
    }
}
