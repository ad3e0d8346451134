package io.github.wxcsdk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A loopback HTTP server for tests: records every request and answers from a queue of canned answers (204 with no
 * body when the queue is empty).
 */
public final class StubServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    private StubServer(TestCertificate certificate) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (certificate == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
            server = https;
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** @return a started server on an ephemeral loopback port */
    public static StubServer start() {
        try {
            return new StubServer(null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param certificate the certificate the server presents
     * @return a started https server on an ephemeral loopback port
     */
    public static StubServer startHttps(TestCertificate certificate) {
        try {
            return new StubServer(certificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the API root to configure a client with, ending in {@code /v1} ({@code https://localhost:...} when https) */
    public String baseUrl() {
        return (server instanceof HttpsServer ? "https://localhost:" : "http://127.0.0.1:")
                + server.getAddress().getPort() + "/v1";
    }

    /** @return the server's port */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Queues an answer for the next request. */
    public synchronized StubServer enqueue(Answer answer) {
        answers.add(answer);
        return this;
    }

    /** @return the requests received so far, in order */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** @return the only request received, failing when there was not exactly one */
    public synchronized RecordedRequest onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.size() + ": " + requests);
        }
        return requests.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        Answer answer;
        synchronized (this) {
            requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, new String(body, StandardCharsets.UTF_8)));
            answer = answers.isEmpty() ? Answer.noContent() : answers.poll();
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * One recorded request.
     *
     * @param method  the HTTP method
     * @param path    the raw path
     * @param query   the raw query, or {@code null}
     * @param headers the headers, names case-insensitive
     * @param body    the body as UTF-8 text, empty when none
     */
    public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                                  String body) {
        /** @return the first value of the header, or {@code null} */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * A canned answer.
     *
     * @param status  the HTTP status
     * @param headers response headers
     * @param body    the body, empty for none
     */
    public record Answer(int status, Map<String, String> headers, String body) {
        /** @return 204 with no body */
        public static Answer noContent() {
            return new Answer(204, Map.of(), "");
        }

        /** @return 200 with a JSON body */
        public static Answer json(String json) {
            return new Answer(200, Map.of("Content-Type", "application/json"), json);
        }

        /** @return the status with a JSON body */
        public static Answer json(int status, String json) {
            return new Answer(status, Map.of("Content-Type", "application/json"), json);
        }

        /** @return this answer with one more header */
        public Answer withHeader(String name, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(name, value);
            return new Answer(status, more, body);
        }
    }
}
