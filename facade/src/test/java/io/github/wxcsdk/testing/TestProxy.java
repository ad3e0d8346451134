package io.github.wxcsdk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A proxy on loopback for tests, as a company network has one: {@code CONNECT} tunnels for https and forwarding of
 * absolute-form requests for plain http, optionally asking for Basic credentials ({@code 407}). It records the request
 * line of everything it was asked for (never the credentials). Each connection carries one request (or one tunnel) and
 * is closed after it. Its threads are the test's own and end at {@link #close()}.
 */
public final class TestProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String expectedAuthorization;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private TestProxy(String user, String password) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
        this.acceptor = new Thread(this::accept, "test-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return a started proxy that asks for no credentials */
    public static TestProxy start() {
        return start(null, null);
    }

    /**
     * @param user     the user name it accepts, or {@code null} for no credentials
     * @param password the password it accepts
     * @return a started proxy
     */
    public static TestProxy start(String user, String password) {
        try {
            return new TestProxy(user, password);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a selector that sends every request (http and https) to this proxy */
    public ProxySelector selector() {
        return ProxySelector.of(address());
    }

    /** @return the proxy's loopback address */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    /** @return {@code host:port} as messages name it */
    public String hostAndPort() {
        return address().getHostString() + ':' + listener.getLocalPort();
    }

    /** @return the request lines it received, for example {@code CONNECT localhost:4711} or {@code POST http://...} */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Thread worker = new Thread(() -> serve(client), "test-proxy-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            requests.add(requestLine[0] + ' ' + requestLine[1]);
            List<String> headers = new ArrayList<>();
            String authorization = null;
            int contentLength = 0;
            for (int i = 1; i < lines.length; i++) {
                String name = lines[i].substring(0, Math.max(0, lines[i].indexOf(':'))).strip()
                        .toLowerCase(Locale.ROOT);
                String value = lines[i].substring(lines[i].indexOf(':') + 1).strip();
                switch (name) {
                    case "proxy-authorization" -> authorization = value;
                    case "proxy-connection", "connection", "keep-alive" -> { }
                    default -> {
                        if (name.equals("content-length")) {
                            contentLength = Integer.parseInt(value);
                        }
                        headers.add(lines[i]);
                    }
                }
            }
            if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
                byte[] body = new byte[contentLength];
                in.readNBytes(body, 0, contentLength);
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            if (requestLine[0].equals("CONNECT")) {
                tunnel(client, requestLine[1]);
            } else {
                forward(client, requestLine, headers, contentLength);
            }
        } catch (IOException | RuntimeException e) {
            // the client or the target went away
        }
    }

    private void tunnel(Socket client, String authority) throws IOException {
        int colon = authority.lastIndexOf(':');
        try (Socket target = new Socket(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)))) {
            open.add(target);
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            pipeBothWays(client, target);
        } catch (IOException e) {
            client.getOutputStream().write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void forward(Socket client, String[] requestLine, List<String> headers, int contentLength)
            throws IOException {
        URI uri = URI.create(requestLine[1]);
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        try (Socket target = new Socket(uri.getHost(), port)) {
            open.add(target);
            StringBuilder head = new StringBuilder(requestLine[0]).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
            headers.forEach(line -> head.append(line).append("\r\n"));
            head.append("Connection: close\r\n\r\n");
            OutputStream toTarget = target.getOutputStream();
            toTarget.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            toTarget.write(client.getInputStream().readNBytes(contentLength));
            toTarget.flush();
            target.getInputStream().transferTo(client.getOutputStream());
            client.getOutputStream().flush();
        }
    }

    private static void pipeBothWays(Socket client, Socket target) {
        Thread up = new Thread(() -> pipe(client, target), "test-proxy-up");
        up.setDaemon(true);
        up.start();
        pipe(target, client);
        closeQuietly(target);
        closeQuietly(client);
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
            if (matched == 4) {
                String text = head.toString(StandardCharsets.US_ASCII);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
    }
}
