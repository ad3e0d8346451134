package io.github.wxcsdk.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The cheapest server that is still honest HTTP/1.1: blocking sockets, one thread per keep-alive connection, the
 * request head scanned for its end and its {@code Content-Length}, the body skipped, and the canned answer written
 * with one {@code write}. Nothing is parsed beyond method and path, so its cost hides little of the clients'.
 */
public final class SocketCannedServer implements CannedServer {
    private static final int MAX_REQUEST = 64 * 1024;
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final Consumer<byte[]> requestListener;

    private SocketCannedServer(Consumer<byte[]> requestListener) throws IOException {
        this.listener = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        this.requestListener = requestListener;
        Thread acceptor = new Thread(this::acceptLoop, "canned-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * @param requestListener sees the bytes of every request (head and body), or {@code null}
     * @return a started server on an ephemeral loopback port
     */
    public static SocketCannedServer start(Consumer<byte[]> requestListener) {
        try {
            return new SocketCannedServer(requestListener);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback", e);
        }
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread connection = new Thread(() -> serve(socket), "canned-conn-" + socket.getPort());
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
            byte[] buffer = new byte[16 * 1024];
            int filled = 0;
            while (true) {
                int headEnd;
                while ((headEnd = headEnd(buffer, filled)) < 0) {
                    if (filled == buffer.length) {
                        return;
                    }
                    int read = in.read(buffer, filled, buffer.length - filled);
                    if (read < 0) {
                        return;
                    }
                    filled += read;
                }
                int requestEnd = headEnd + 4 + contentLength(buffer, headEnd);
                if (requestEnd > MAX_REQUEST) {
                    return;
                }
                if (requestEnd > buffer.length) {
                    buffer = Arrays.copyOf(buffer, requestEnd);
                }
                while (filled < requestEnd) {
                    int read = in.read(buffer, filled, buffer.length - filled);
                    if (read < 0) {
                        return;
                    }
                    filled += read;
                }
                if (requestListener != null) {
                    requestListener.accept(Arrays.copyOf(buffer, requestEnd));
                }
                out.write(answer(buffer));
                System.arraycopy(buffer, requestEnd, buffer, 0, filled - requestEnd);
                filled -= requestEnd;
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** @return the canned answer for the request line at the start of {@code request} */
    private static byte[] answer(byte[] request) {
        int space = indexOf(request, 0, (byte) ' ');
        int pathEnd = space + 1;
        while (request[pathEnd] != ' ' && request[pathEnd] != '?') {
            pathEnd++;
        }
        return CannedAnswers.answerFor(new String(request, 0, space, StandardCharsets.US_ASCII),
                new String(request, space + 1, pathEnd - space - 1, StandardCharsets.US_ASCII));
    }

    private static int headEnd(byte[] buffer, int filled) {
        for (int i = 3; i < filled; i++) {
            if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                return i - 3;
            }
        }
        return -1;
    }

    private static int contentLength(byte[] buffer, int headEnd) {
        for (int line = indexOf(buffer, 0, (byte) '\n') + 1; line > 0 && line < headEnd;
                line = indexOf(buffer, line, (byte) '\n') + 1) {
            if (startsWithIgnoreCase(buffer, line, CONTENT_LENGTH)) {
                int value = 0;
                for (int i = line + CONTENT_LENGTH.length; buffer[i] != '\r'; i++) {
                    if (buffer[i] >= '0' && buffer[i] <= '9') {
                        value = value * 10 + buffer[i] - '0';
                    }
                }
                return value;
            }
        }
        return 0;
    }

    private static boolean startsWithIgnoreCase(byte[] buffer, int at, byte[] lowerCasePrefix) {
        for (int i = 0; i < lowerCasePrefix.length; i++) {
            int c = buffer[at + i];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lowerCasePrefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] buffer, int from, byte wanted) {
        for (int i = from; i < buffer.length; i++) {
            if (buffer[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
