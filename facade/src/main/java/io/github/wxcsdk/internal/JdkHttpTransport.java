package io.github.wxcsdk.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Feign's transport, over the JDK's {@code java.net.http.HttpClient}: HTTP/1.1, redirects never followed, and one
 * time limit per attempt that covers the whole answer, body included. It adds no retries of its own (for the few the
 * JDK makes underneath, see {@link JdkRetries}); a failure becomes a {@link TransportFailure} that says whether the
 * request may have reached the server, with the token scrubbed from its cause. One DEBUG line per attempt (method,
 * path, status, milliseconds, tracking id); headers, and so the token, are never logged.
 */
final class JdkHttpTransport implements Client {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.wxcsdk.http");
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    /**
     * The JDK's own request timeout stops at the headers, and it alone tells a connect that timed out (nothing sent)
     * from a slow answer; it is set this much (at most a fifth of the attempt) before the hard end of the attempt, so
     * that it fires first when it applies.
     */
    private static final Duration JDK_TIMEOUT_LEAD = Duration.ofMillis(50);

    private final HttpClient http;
    private final Duration readTimeout;

    JdkHttpTransport(Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
        this.readTimeout = readTimeout;
        JdkRetries.warnIfAllMethodsRetried();
    }

    @Override
    public Response execute(Request request, Request.Options options) {
        URI uri = URI.create(request.url());
        String method = request.httpMethod().name();
        Duration timeout = AttemptTimeout.remaining(readTimeout);
        Duration lead = timeout.dividedBy(5).compareTo(JDK_TIMEOUT_LEAD) < 0 ? timeout.dividedBy(5) : JDK_TIMEOUT_LEAD;
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(
                toJdkRequest(request, uri, method, timeout.minus(lead)), HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> answer = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            logAttempt(method, uri, String.valueOf(answer.statusCode()), started, request);
            return Response.builder()
                    .status(answer.statusCode())
                    .headers(asFeignHeaders(answer.headers().map()))
                    .body(answer.body())
                    .request(request)
                    .build();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            logAttempt(method, uri, "failed (" + cause.getClass().getSimpleName() + ")", started, request);
            throw new TransportFailure(classify(cause), method, uri.getRawPath(),
                    Redaction.scrub(cause, Redaction.tokenOf(request.headers())));
        } catch (TimeoutException e) {
            future.cancel(true);
            logAttempt(method, uri, "timed out", started, request);
            throw new TransportFailure(TransportFailure.Kind.TIMED_OUT, method, uri.getRawPath(),
                    new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportFailure(TransportFailure.Kind.INTERRUPTED, method, uri.getRawPath(), e);
        }
    }

    private static HttpRequest toJdkRequest(Request request, URI uri, String method, Duration timeout) {
        byte[] body = request.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(method, body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValue()) {
                    builder.header(header.getKey(), value);
                }
            }
        }
        return builder.build();
    }

    private static TransportFailure.Kind classify(Throwable failure) {
        // an SSLHandshakeException stays ambiguous: the JDK also reports a TLS session closed under a pooled
        // connection that way, after the request may have been written
        if (failure instanceof HttpConnectTimeoutException || failure instanceof ConnectException
                || failure instanceof UnknownHostException || failure instanceof UnresolvedAddressException) {
            return TransportFailure.Kind.NOT_SENT;
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
            LOG.debug("{} {} -> {} in {} ms (trackingId={})", method, uri.getRawPath(), outcome,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos),
                    trackingId == null || trackingId.isEmpty() ? "-" : trackingId.iterator().next());
        }
    }
}
