package io.github.wxcsdk.redis;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package; {@code .ci/run} installs it) on a free loopback port, for one test
 * class: {@code @RegisterExtension static final RedisServer REDIS = new RedisServer();}. Without persistence
 * ({@code --save '' --appendonly no}). {@link #stop()} and {@link #start()} stop and restart it on the same port
 * mid-test (its data is then gone, as after a real restart without persistence). No mock: the SDK talks RESP to it.
 */
final class RedisServer implements BeforeAllCallback, AfterAllCallback {
    /** The least a coordination's ACL user needs: its keys, and the commands of its scripts. */
    static final List<String> ACL_RULES = List.of("~wxc-sdk:*", "-@all", "+eval", "+get", "+set", "+del", "+time",
            "+zadd", "+zremrangebyscore", "+zcard", "+pexpire", "+hget", "+hset", "+hmget", "+hincrby", "+ping",
            "+client|setname");

    private final List<String> extraArgs = new ArrayList<>();
    private final boolean tls;
    private Process process;
    private int port;
    private int tlsPort;
    private Path dir;

    RedisServer(String... extraArgs) {
        this(false, extraArgs);
    }

    private RedisServer(boolean tls, String... extraArgs) {
        this.tls = tls;
        this.extraArgs.addAll(List.of(extraArgs));
    }

    /**
     * A server that also listens with TLS (a self-signed certificate for 127.0.0.1 made with {@code openssl}, in
     * {@link #certificate()}) and has an ACL user with only {@link #ACL_RULES}.
     */
    static RedisServer withTlsAndAclUser(String user, String password) {
        List<String> args = new ArrayList<>(List.of("--user", user, "on", ">" + password));
        args.addAll(ACL_RULES);
        return new RedisServer(true, args.toArray(String[]::new));
    }

    /** @return the PEM certificate of the TLS port */
    Path certificate() {
        return dir.resolve("cert.pem");
    }

    int tlsPort() {
        return tlsPort;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("wxc-redis");
        port = freePort();
        if (tls) {
            tlsPort = freePort();
            Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", dir.resolve("key.pem").toString(), "-out", certificate().toString(), "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
            if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                throw new IllegalStateException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
            }
            extraArgs.addAll(0, List.of("--tls-port", Integer.toString(tlsPort), "--tls-cert-file",
                    certificate().toString(), "--tls-key-file", dir.resolve("key.pem").toString(),
                    "--tls-ca-cert-file", certificate().toString(), "--tls-auth-clients", "no"));
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** @return {@code redis://127.0.0.1:port} */
    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Starts the server (again) on its port and waits until it answers {@code PING}. */
    synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--protected-mode", "yes"));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server ended: " + Files.readString(dir.resolve("redis.log")));
            }
            try {
                if (command("PING").contains("PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("redis-server did not answer within 10 s");
    }

    /** Stops the server at once (SIGKILL: as a crash, nothing is saved). */
    synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    /**
     * Sends one command in RESP with the given arguments on a new connection and returns the raw answer (enough for
     * the tests' {@code KEYS}, {@code GET} and {@code ACL}).
     */
    String command(String... args) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2_000);
            StringBuilder out = new StringBuilder("*" + args.length + "\r\n");
            for (String arg : args) {
                out.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg)
                        .append("\r\n");
            }
            OutputStream os = socket.getOutputStream();
            os.write(out.toString().getBytes(StandardCharsets.UTF_8));
            os.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** @return every key and the string value of each (type string) or its type, for leak checks */
    String dump() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String line : command("KEYS", "*").split("\r\n")) {
            if (line.startsWith("*") || line.startsWith("$") || line.isEmpty()) {
                continue;
            }
            all.append(line).append(" = ").append(command("DUMP", line)).append('\n');
            String type = command("TYPE", line);
            if (type.contains("hash")) {
                all.append(command("HGETALL", line)).append('\n');
            } else if (type.contains("zset")) {
                all.append(command("ZRANGE", line, "0", "-1")).append('\n');
            } else if (type.contains("string")) {
                all.append(command("GET", line)).append('\n');
            }
        }
        return all.toString();
    }
}
