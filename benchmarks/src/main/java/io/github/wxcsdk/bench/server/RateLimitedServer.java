package io.github.wxcsdk.bench.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback server that limits one token as Webex does: the canned details for {@code GET
 * /v1/telephony/conference} while the limit allows, else {@code 429} with {@code Retry-After} (whole seconds) and a
 * Webex error body. Two models: a token bucket and a fixed window. Counts what it answered, for the throttling suite.
 * In the benchmark's JVM: at these rates (tens of requests per second) it costs nothing measurable.
 */
public final class RateLimitedServer implements AutoCloseable {
    private static final long SECOND = 1_000_000_000L;
    private static final byte[] DETAILS_BODY = CannedAnswers.DETAILS_JSON.getBytes(StandardCharsets.UTF_8);
    private static final byte[] THROTTLED_BODY = ("{\"message\":\"Too Many Requests\",\"errors\":[{\"description\":"
            + "\"Too Many Requests\"}],\"trackingId\":\"ROUTERGW_bench-429\"}").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "rate-limited");
        thread.setDaemon(true);
        return thread;
    });
    private final Limit limit;
    private final long start = System.nanoTime();
    private final List<Long> successTimes = new ArrayList<>();
    private final Map<Long, Integer> throttledPerWindow = new TreeMap<>();
    private long requests;
    private long throttled;
    // the limiter's state
    private double tokens;
    private long lastRefill = start;
    private long windowId = -1;
    private int windowCount;

    /**
     * What the server allows.
     *
     * @param rate   token bucket: tokens per second; fixed window: unused (0)
     * @param burst  token bucket: the bucket's size
     * @param quota  fixed window: requests per window (0 for a token bucket)
     * @param window fixed window: the window's length in nanoseconds
     */
    public record Limit(double rate, double burst, int quota, long window) {
        /** @return a token bucket of {@code rate} per second holding at most {@code burst} */
        public static Limit tokenBucket(double rate, double burst) {
            return new Limit(rate, burst, 0, 0);
        }

        /** @return a fixed window of {@code quota} requests per {@code seconds} */
        public static Limit fixedWindow(int quota, int seconds) {
            return new Limit(0, 0, quota, seconds * SECOND);
        }

        /** @return the allowed rate, requests per second */
        public double perSecond() {
            return quota > 0 ? quota * (double) SECOND / window : rate;
        }

        @Override
        public String toString() {
            return quota > 0 ? "fixed window " + quota + "/" + window / SECOND + " s"
                    : String.format(java.util.Locale.ROOT, "token bucket %.0f/s burst %.0f", rate, burst);
        }
    }

    private RateLimitedServer(Limit limit) throws IOException {
        this.limit = limit;
        this.tokens = limit.burst();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * @param limit what the server allows
     * @return the running server
     */
    public static RateLimitedServer start(Limit limit) {
        // as ServerProcess does for the canned JDK server: without it Nagle and delayed ACKs add ~40 ms per answer
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            return new RateLimitedServer(limit);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback", e);
        }
    }

    /** @return the base URL to give the client */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** @return requests answered, in all */
    public synchronized long requests() {
        return requests;
    }

    /** @return requests answered 429 */
    public synchronized long throttled() {
        return throttled;
    }

    /** @return the nanoseconds since start of every success, in order */
    public synchronized List<Long> successTimes() {
        return List.copyOf(successTimes);
    }

    /** @return fixed window: 429s per window number (from 0); empty for a token bucket */
    public synchronized Map<Long, Integer> throttledPerWindow() {
        return Map.copyOf(throttledPerWindow);
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
        long retryAfter = admit(System.nanoTime());
        exchange.getResponseHeaders().add("TrackingID", "ROUTERGW_5b1c5e0e-0d9c-4b5e-9a43-bench");
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        byte[] body = retryAfter < 0 ? DETAILS_BODY : THROTTLED_BODY;
        if (retryAfter >= 0) {
            exchange.getResponseHeaders().add("Retry-After", Long.toString(retryAfter));
        }
        exchange.sendResponseHeaders(retryAfter < 0 ? 200 : 429, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** @return -1 to answer, else the {@code Retry-After} in whole seconds (at least 1) */
    private synchronized long admit(long now) {
        requests++;
        long elapsed = now - start;
        long retryAfter;
        if (limit.quota() > 0) {
            long id = elapsed / limit.window();
            if (id != windowId) {
                windowId = id;
                windowCount = 0;
            }
            if (windowCount < limit.quota()) {
                windowCount++;
                retryAfter = -1;
            } else {
                retryAfter = Math.max(1, ((id + 1) * limit.window() - elapsed + SECOND - 1) / SECOND);
                throttledPerWindow.merge(id, 1, Integer::sum);
            }
        } else {
            tokens = Math.min(limit.burst(), tokens + (now - lastRefill) * limit.rate() / SECOND);
            lastRefill = now;
            if (tokens >= 1) {
                tokens -= 1;
                retryAfter = -1;
            } else {
                retryAfter = Math.max(1, (long) Math.ceil((1 - tokens) / limit.rate()));
            }
        }
        if (retryAfter < 0) {
            successTimes.add(elapsed);
        } else {
            throttled++;
        }
        return retryAfter;
    }
}
