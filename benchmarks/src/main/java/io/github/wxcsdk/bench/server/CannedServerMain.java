package io.github.wxcsdk.bench.server;

import java.io.IOException;

/**
 * The server's own JVM: starts a {@link CannedServer}, prints {@code LISTENING <port>}, and exits when its standard
 * input closes, so it never outlives the process that started it.
 */
public final class CannedServerMain {
    private CannedServerMain() {
    }

    /**
     * @param args {@code socket} (default), {@code jdk} or {@code delayed}
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException {
        CannedServer server = CannedServer.start(args.length > 0 ? args[0] : "socket");
        System.out.println("LISTENING " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close our standard input (or die)
        }
        server.close();
        System.exit(0);
    }
}
