package io.github.wxcsdk.bench.jmh;

import io.github.wxcsdk.bench.server.ServerProcess;

/**
 * Where the benchmark clients send to: the server named by {@code -Dwxc.bench.baseUrl} (the runner starts one for
 * the whole run), else a server JVM started on first use and stopped when this JVM ends.
 */
public final class Endpoint {
    /** The system property naming the server's API root. */
    public static final String BASE_URL_PROPERTY = "wxc.bench.baseUrl";
    private static String ownServer;

    private Endpoint() {
    }

    /** @return the API root, {@code http://127.0.0.1:<port>/v1} */
    public static synchronized String baseUrl() {
        String configured = System.getProperty(BASE_URL_PROPERTY);
        if (configured != null) {
            return configured;
        }
        if (ownServer == null) {
            ServerProcess server = ServerProcess.start(System.getProperty("wxc.bench.server", "socket"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            ownServer = server.baseUrl();
        }
        return ownServer;
    }
}
