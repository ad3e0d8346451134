package io.github.wxcsdk.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Talks to the control path of a {@code delayed} server over a plain socket, one connection per request: no HTTP
 * client of the JDK, so the benchmark's thread counts see no thread of its own.
 */
public final class DelayControl {
    private final int port;

    /** @param port the delayed server's port on loopback */
    public DelayControl(int port) {
        this.port = port;
    }

    /**
     * What the server saw since the last reset.
     *
     * @param pending   requests whose answer is not sent yet
     * @param received  requests received
     * @param spreadMs  milliseconds from the first request to the last
     * @param maxLateMs the worst delay of an answer past its due time, in milliseconds
     */
    public record Stats(int pending, int received, long spreadMs, long maxLateMs) {
    }

    /**
     * Sets the delay of every later answer and zeroes the figures.
     *
     * @param delayMillis the delay
     */
    public void reset(long delayMillis) {
        exchange("POST /control/reset?delay=" + delayMillis);
    }

    /** @return the server's figures now */
    public Stats stats() {
        Map<String, Long> values = new HashMap<>();
        for (String pair : exchange("GET /control/stats").trim().split(" ")) {
            int equals = pair.indexOf('=');
            values.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
        }
        return new Stats(values.get("pending").intValue(), values.get("received").intValue(), values.get("spreadMs"),
                values.get("maxLateMs"));
    }

    private String exchange(String requestLine) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            if (!answer.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("the delayed server answered " + requestLine + " with " + answer);
            }
            return answer.substring(answer.indexOf("\r\n\r\n") + 4);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the delayed server's control path", e);
        }
    }
}
