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

    private JdkCannedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static JdkCannedServer start() {
        try {
            return new JdkCannedServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback", e);
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
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
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
