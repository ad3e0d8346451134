package io.github.wxcsdk.bench.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The canned answers, each sent a set delay after its request arrived, without a thread per waiting request: the
 * JDK server's dispatcher thread reads every request and only schedules its answer, and {@value #ANSWER_THREADS}
 * timer threads write the answers when they are due (com.sun.net.httpserver lets an exchange be answered from any
 * thread after its handler returned). Thousands of requests can wait at once.
 *
 * <p>A control path, answered at once, lets the benchmark change the delay and read what the server saw:
 * {@code POST /control/reset?delay=<ms>} sets the delay and zeroes the figures; {@code GET /control/stats} answers
 * {@code pending=<n> received=<n> spreadMs=<first to last request> maxLateMs=<worst answer past its due time>}.
 */
final class DelayedCannedServer implements CannedServer {
    /** The delay until the benchmark sets another. */
    static final long DEFAULT_DELAY_MILLIS = 200;
    private static final int ANSWER_THREADS = 2;

    private final HttpServer server;
    private final ScheduledThreadPoolExecutor answers = new ScheduledThreadPoolExecutor(ANSWER_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "delayed-answer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long delayMillis = DEFAULT_DELAY_MILLIS;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private final AtomicLong maxLateNanos = new AtomicLong();

    private DelayedCannedServer() {
        server = JdkCannedServer.listen(2048);
        server.createContext("/control/", this::control);
        server.createContext("/", this::delayed);
        // no executor: handlers run on the dispatcher thread, which they never block
        server.start();
    }

    static DelayedCannedServer start() {
        return new DelayedCannedServer();
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        answers.shutdownNow();
    }

    private void delayed(HttpExchange exchange) throws IOException {
        JdkCannedServer.skipBody(exchange);
        long now = System.nanoTime();
        if (received.getAndIncrement() == 0) {
            firstNanos.set(now);
        }
        lastNanos.accumulateAndGet(now, Math::max);
        pending.incrementAndGet();
        long delay = delayMillis;
        long due = now + TimeUnit.MILLISECONDS.toNanos(delay);
        answers.schedule(() -> answer(exchange, due), delay, TimeUnit.MILLISECONDS);
    }

    private void answer(HttpExchange exchange, long due) {
        maxLateNanos.accumulateAndGet(System.nanoTime() - due, Math::max);
        pending.decrementAndGet();
        try {
            JdkCannedServer.writeAnswer(exchange);
        } catch (IOException e) {
            exchange.close();
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        JdkCannedServer.skipBody(exchange);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String text;
        if (path.equals("/control/reset") && query != null && query.startsWith("delay=")) {
            delayMillis = Long.parseLong(query.substring("delay=".length()));
            received.set(0);
            firstNanos.set(0);
            lastNanos.set(0);
            maxLateNanos.set(0);
            text = "delay=" + delayMillis;
        } else if (path.equals("/control/stats")) {
            int count = received.get();
            text = "pending=" + pending.get() + " received=" + count
                    + " spreadMs=" + (count == 0 ? 0
                    : TimeUnit.NANOSECONDS.toMillis(lastNanos.get() - firstNanos.get()))
                    + " maxLateMs=" + TimeUnit.NANOSECONDS.toMillis(maxLateNanos.get());
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
