package io.github.wxcsdk.bench.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The same canned answers from the JDK's {@code com.sun.net.httpserver}: measured against {@link SocketCannedServer}
 * to choose the cheaper one (see RESULTS.md). The JDK server adds a {@code Date} header of its own; its JVM runs with
 * {@code -Dsun.net.httpserver.nodelay=true} (see {@link ServerProcess}).
 */
final class JdkCannedServer implements CannedServer {
    private static final byte[] DETAILS_BODY = CannedAnswers.DETAILS_JSON.getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "canned-jdk");
        thread.setDaemon(true);
        return thread;
    });

    private JdkCannedServer() {
        server = listen(256);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static JdkCannedServer start() {
        return new JdkCannedServer();
    }

    /**
     * @param backlog connections the system may queue before they are accepted
     * @return a server bound to an ephemeral loopback port, not started
     */
    static HttpServer listen(int backlog) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback", e);
        }
    }

    /**
     * Reads the request's body to its end, as the JDK server needs before the connection can carry the next request.
     *
     * @param exchange the request
     * @throws IOException when the client went away
     */
    static void skipBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        skipBody(exchange);
        writeAnswer(exchange);
    }

    /**
     * Sends the canned answer for the exchange's request and ends the exchange.
     *
     * @param exchange a request whose body was read
     * @throws IOException when the client went away
     */
    static void writeAnswer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        exchange.getResponseHeaders().add("TrackingID", "ROUTERGW_5b1c5e0e-0d9c-4b5e-9a43-bench");
        if (method.equals("GET") && path.equals(CannedAnswers.DETAILS_PATH)) {
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(200, DETAILS_BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(DETAILS_BODY);
            }
        } else {
            exchange.sendResponseHeaders(method.equals("POST") && path.equals(CannedAnswers.MUTE_PATH) ? 204 : 404, -1);
            exchange.close();
        }
    }
}
