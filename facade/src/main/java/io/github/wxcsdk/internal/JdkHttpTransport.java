package io.github.wxcsdk.internal;

import feign.Client;
import feign.Request;
import feign.Response;
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
import java.util.concurrent.TimeUnit;

/**
 * Feign's transport, over the JDK's {@code java.net.http.HttpClient}: HTTP/1.1, redirects never followed, and one
 * time limit per attempt that covers the whole answer, body included. It adds no retries of its own (for the few the
 * JDK makes underneath, see {@link JdkRetries}); a failure becomes a {@link TransportFailure} that says whether the
 * request may have reached the server, with the token scrubbed from its cause. One DEBUG line per
 * attempt (method, path, status, milliseconds, tracking id); headers, and so the token, are never logged.
 */
final class JdkHttpTransport implements Client {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.wxcsdk.http");
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = restricted();
    /** The JDK's own request timeout stops at the headers; this grace lets it fire first when it applies. */
    private static final long BODY_GRACE_MILLIS = 50;

    private final HttpClient http;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    JdkHttpTransport(Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        JdkRetries.warnIfAllMethodsRetried();
    }

    @Override
    public Response execute(Request request, Request.Options options) {
        URI uri = URI.create(request.url());
        String method = request.httpMethod().name();
        Duration timeout = AttemptTimeout.remaining(readTimeout);
        long started = System.nanoTime();
        HttpResponse<byte[]> answer;
        // send(), not sendAsync(...).get(timeout): sendAsync hands every answer to CompletableFuture's async pool,
        // which on machines with fewer than three cores is a new thread per answer. The deadline interrupts send().
        AttemptDeadline deadline = AttemptDeadline.start(
                started + TimeUnit.MILLISECONDS.toNanos(timeout.toMillis() + BODY_GRACE_MILLIS));
        try {
            answer = http.send(toJdkRequest(request, uri, method, timeout), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            deadline.finish();
            Throwable cause = original(e);
            logAttempt(method, uri, "failed (" + cause.getClass().getSimpleName() + ")", started, request);
            Throwable shown = Redaction.scrub(cause, Redaction.tokenOf(request.headers()));
            NetworkFailures network = NetworkFailures.of(uri, cause, shown, connectTimeout);
            throw new TransportFailure(classify(cause), method, uri.getRawPath(), shown, network.description(),
                    network.permanent());
        } catch (InterruptedException e) {
            if (deadline.finish()) {
                logAttempt(method, uri, "timed out", started, request);
                HttpTimeoutException timedOut =
                        new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
                throw new TransportFailure(TransportFailure.Kind.TIMED_OUT, method, uri.getRawPath(), timedOut,
                        NetworkFailures.of(uri, timedOut, timedOut, connectTimeout).description(), false);
            }
            Thread.currentThread().interrupt();
            throw new TransportFailure(TransportFailure.Kind.INTERRUPTED, method, uri.getRawPath(), e);
        }
        deadline.finish();
        logAttempt(method, uri, String.valueOf(answer.statusCode()), started, request);
        return Response.builder()
                .status(answer.statusCode())
                .headers(asFeignHeaders(answer.headers().map()))
                .body(answer.body())
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

    private static TransportFailure.Kind classify(Throwable failure) {
        // an SSLHandshakeException stays ambiguous (unless the server answered in plain text: NetworkFailures): the JDK also reports a TLS session closed under a pooled
        // connection that way, after the request may have been written
        if (failure instanceof HttpConnectTimeoutException || failure instanceof ConnectException
                || failure instanceof UnknownHostException || failure instanceof UnresolvedAddressException
                || NetworkFailures.certainlyNotSent(failure)) {
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
