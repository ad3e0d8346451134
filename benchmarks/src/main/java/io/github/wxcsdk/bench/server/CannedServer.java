package io.github.wxcsdk.bench.server;

/** A loopback HTTP/1.1 server that answers every request with {@link CannedAnswers}. */
public interface CannedServer extends AutoCloseable {
    /** @return the port it listens on, on the loopback address */
    int port();

    /** Stops accepting and closes the listening socket. */
    @Override
    void close();

    /**
     * Starts one of the implementations.
     *
     * @param kind {@code socket} (raw sockets, the default), {@code jdk} ({@code com.sun.net.httpserver}) or
     *             {@code delayed} (each answer after a delay, see {@link DelayedCannedServer})
     * @return the started server, on an ephemeral port
     */
    static CannedServer start(String kind) {
        switch (kind) {
            case "socket":
                return SocketCannedServer.start(null);
            case "jdk":
                return JdkCannedServer.start();
            case "delayed":
                return DelayedCannedServer.start();
            default:
                throw new IllegalArgumentException("unknown server kind: " + kind);
        }
    }
}
