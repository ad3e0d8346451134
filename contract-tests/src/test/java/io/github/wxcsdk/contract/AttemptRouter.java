package io.github.wxcsdk.contract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that forwards the n-th request it receives to the n-th of its upstream servers and relays
 * the answer unchanged. It puts a sequence of answers to identical requests in front of a client, each answer coming
 * from its own Pact mock server (one mock server always gives identical requests the same answer). A request beyond
 * the last upstream is answered with 500, which fails the client's call.
 */
final class AttemptRouter implements AutoCloseable {
    /** Headers that belong to one connection, or that the JDK client sets itself and refuses to be given. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "date", "expect", "host",
            "keep-alive", "transfer-encoding", "upgrade");

    private final HttpServer server;
    private final List<String> upstreams;
    private final AtomicInteger received = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private AttemptRouter(List<String> upstreams) throws IOException {
        this.upstreams = List.copyOf(upstreams);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    /**
     * @param upstreamUrls the servers of the first, second, ... request, each without a path
     * @return a started router
     * @throws IOException when no loopback port can be bound
     */
    static AttemptRouter start(String... upstreamUrls) throws IOException {
        return new AttemptRouter(List.of(upstreamUrls));
    }

    /** @return the router's URL, without a path */
    String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** @return how many requests arrived so far */
    int requestsReceived() {
        return received.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void forward(HttpExchange exchange) throws IOException {
        int attempt = received.getAndIncrement();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            if (attempt >= upstreams.size()) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstreams.get(attempt)
                            + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (forwarded(name)) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (forwarded(name) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answerBody = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), answerBody.length == 0 ? -1 : answerBody.length);
            exchange.getResponseBody().write(answerBody);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    private static boolean forwarded(String header) {
        return !NOT_FORWARDED.contains(header.toLowerCase(Locale.ROOT));
    }
}
