package io.github.wxcsdk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP server for faults below HTTP that WireMock cannot make: a reset before the request is read, an
 * answer that never comes, arbitrary bytes. Counts the connections it accepts. Closing it closes every connection.
 */
public final class RawSocketServer implements AutoCloseable {
    private final ServerSocket listener;
    private final Behaviour behaviour;
    private final byte[] answer;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private enum Behaviour { RESET, SILENT, ANSWER }

    private RawSocketServer(Behaviour behaviour, byte[] answer) {
        this.behaviour = behaviour;
        this.answer = answer;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptAll, "raw-socket-server-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * @return a server that resets every connection as soon as the first byte of a request arrives, without reading
     *         the request: it never acts on one. (A reset before any byte arrives would race the client's connect,
     *         which the JDK then reports as a {@code ConnectException}.)
     */
    public static RawSocketServer resetting() {
        return new RawSocketServer(Behaviour.RESET, null);
    }

    /** @return a server that reads requests and never answers */
    public static RawSocketServer silent() {
        return new RawSocketServer(Behaviour.SILENT, null);
    }

    /** @return a server that reads a request's head, writes {@code bytes} and closes */
    public static RawSocketServer answering(byte[] bytes) {
        return new RawSocketServer(Behaviour.ANSWER, bytes.clone());
    }

    /** @return an API root on a loopback port where nothing listens: connections are refused */
    public static String refusingBaseUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the API root to configure a client with, ending in {@code /v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/v1";
    }

    /** @return how many connections were accepted */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(RawSocketServer::closeQuietly);
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread handler = new Thread(() -> handle(socket), "raw-socket-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket socket) {
        try {
            switch (behaviour) {
                case RESET:
                    socket.getInputStream().read();
                    socket.setSoLinger(true, 0);
                    socket.close();
                    break;
                case SILENT:
                    drain(socket.getInputStream());
                    break;
                default:
                    readHead(socket.getInputStream());
                    socket.getOutputStream().write(answer);
                    socket.close();
            }
        } catch (IOException e) {
            closeQuietly(socket);
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // keep reading until the client or close() ends the connection
            }
        } catch (SocketException e) {
            // closed by close()
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // best effort
        }
    }
}
