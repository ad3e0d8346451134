package io.github.wxcsdk.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link CannedServerMain} in a JVM of its own, started from this JVM's class path. */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the server JVM and waits until it listens.
     *
     * @param kind {@code socket}, {@code jdk} or {@code delayed}
     * @return the running server
     */
    public static ServerProcess start(String kind) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // nodelay: without it com.sun.net.httpserver writes head and body apart and waits ~40 ms for delayed ACKs
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms64m", "-Xmx256m",
                "-Dsun.net.httpserver.nodelay=true",
                "-cp", System.getProperty("java.class.path"), CannedServerMain.class.getName(), kind))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line = out.readLine();
            if (line == null || !line.startsWith("LISTENING ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the server JVM did not start: " + line);
            }
            return new ServerProcess(process, Integer.parseInt(line.substring("LISTENING ".length()).trim()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the server JVM", e);
        }
    }

    /** @return the API root of the server, {@code http://127.0.0.1:<port>/v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /** @return the port the server listens on, on loopback */
    public int port() {
        return port;
    }

    /** @return the server JVM's process id */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
