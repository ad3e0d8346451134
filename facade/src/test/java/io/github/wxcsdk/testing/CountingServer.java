package io.github.wxcsdk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server for load tests: as many handler threads as clients, answers every GET with {@code {}} and every
 * other request with 204 after an optional delay, and counts requests in flight, keeping the highest count and every
 * {@code TrackingID} it saw.
 */
public final class CountingServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final long delayMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Queue<String> trackingIds = new ConcurrentLinkedQueue<>();

    private CountingServer(long delayMillis) {
        this.delayMillis = delayMillis;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * @param delayMillis how long each answer takes
     * @return a started server on an ephemeral loopback port
     */
    public static CountingServer start(long delayMillis) {
        return new CountingServer(delayMillis);
    }

    /** @return the API root to configure a client with, ending in {@code /v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** @return the most requests that were in flight at once */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** @return the {@code TrackingID} of every request, in arrival order */
    public List<String> trackingIds() {
        return List.copyOf(trackingIds);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            trackingIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("TrackingID")));
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
        if (exchange.getRequestMethod().equals("GET")) {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } else {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        }
    }
}
