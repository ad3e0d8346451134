package io.github.wxcsdk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A fast keep-alive loopback server for tests that make many calls: {@code GET} gets 200 with a fixed JSON body,
 * anything else 204, each answer in one write with {@code TCP_NODELAY} (the JDK's {@code HttpServer} writes head and
 * body apart and so waits for delayed ACKs, about 40 ms a call). Requests are not recorded.
 */
public final class CannedServer implements AutoCloseable {
    private final ServerSocket listener;
    private final byte[] ok;
    private final byte[] noContent = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private CannedServer(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ok = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                + json).getBytes(StandardCharsets.UTF_8);
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "canned-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * @param json the body of every 200 answer
     * @return a started server on an ephemeral loopback port
     */
    public static CannedServer start(String json) {
        try {
            return new CannedServer(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the API root to configure a client with, ending in {@code /v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/v1";
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closed anyway
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread connection = new Thread(() -> serve(socket), "canned-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                in.readNBytes(contentLength(head));
                out.write(head.startsWith("GET ") ? ok : noContent);
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n') {
                return head.toString();
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
