package io.github.wxcsdk.bench.replicas;

import io.github.wxcsdk.simulator.Integration;
import io.github.wxcsdk.simulator.IssuedTokens;
import io.github.wxcsdk.simulator.RateLimit;
import io.github.wxcsdk.simulator.RequestCounts;
import io.github.wxcsdk.simulator.WebexSimulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several replicas, one token: P JVM processes ({@link Replica}) × T threads call {@code getConferenceDetails()} with
 * one token against the simulator's rate limit, with and without {@code RedisCoordination}, and a token-refresh run
 * (P processes, 3-second access tokens with rotation). Reports goodput (all calls over the slowest replica's finish,
 * as a fraction of the limit), the share of requests answered 429, failed calls, each replica's finish time and Redis
 * round trips per call. Never part of {@code ./mvnw verify}: {@code benchmarks/replicas.sh} runs it.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.wxcsdk.bench.replicas.ReplicasBenchmark [--runs bucket4x16,bucket8x8,window,
 *      steady,refresh] [--out FILE]
 * </pre>
 */
public final class ReplicasBenchmark {
    private static final Pattern RESULT = Pattern.compile(
            "RESULT finishMillis=(\\d+) calls=(\\d+) failed=(\\d+) roundTrips=(\\d+) refreshes=(\\d+)");
    private static final String TOKEN = "replicas-benchmark-token";

    private ReplicasBenchmark() {
    }

    /** One replica's report. */
    record ReplicaResult(long finishMillis, long calls, long failed, long roundTrips, long refreshes,
                         List<String> failures) {
    }

    /** One run. */
    record Run(String name, String limit, double perSecond, int processes, int threads, boolean redis,
               List<ReplicaResult> replicas, RequestCounts counts, long refreshGrants, long refused) {
        long calls() {
            return replicas.stream().mapToLong(ReplicaResult::calls).sum();
        }

        long failed() {
            return replicas.stream().mapToLong(ReplicaResult::failed).sum();
        }

        long slowest() {
            return replicas.stream().mapToLong(ReplicaResult::finishMillis).max().orElse(0);
        }

        long fastest() {
            return replicas.stream().mapToLong(ReplicaResult::finishMillis).min().orElse(0);
        }

        double goodput() {
            return perSecond <= 0 ? Double.NaN : calls() / (slowest() / 1000.0) / perSecond;
        }

        double throttledShare() {
            return counts.total() == 0 ? 0 : counts.throttled() / (double) counts.total();
        }

        double roundTripsPerCall() {
            long trips = replicas.stream().mapToLong(ReplicaResult::roundTrips).sum();
            return calls() == 0 ? 0 : trips / (double) calls();
        }

        long refreshes() {
            return replicas.stream().mapToLong(ReplicaResult::refreshes).sum();
        }
    }

    /**
     * @param args {@code --runs a,b} and {@code --out FILE}
     * @throws Exception when a run cannot be made
     */
    public static void main(String[] args) throws Exception {
        Set<String> runs = Set.of("bucket4x16", "bucket8x8", "window", "steady", "refresh");
        Path out = Path.of("benchmarks/target/replicas.md");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Set.of(args[++i].split(","));
            } else if (args[i].equals("--out")) {
                out = Path.of(args[++i]);
            }
        }
        List<Run> results = new ArrayList<>();
        // every run starts from an empty Redis: the runs share one token, so a pace stored by the previous run would
        // otherwise be adopted by the next
        try (RedisProcess redis = RedisProcess.start()) {
            String modes = System.getProperty("replicas.modes", "alone,shared");
            for (boolean shared : new boolean[] {false, true}) {
                if (!modes.contains(shared ? "shared" : "alone")) {
                    continue;
                }
                if (runs.contains("bucket4x16")) {
                    redis.flush();
                    results.add(throttle("token bucket", "bucket:40/s,burst=10", 40, 4, 16,
                            Integer.getInteger("replicas.calls", 600), shared, redis));
                }
                if (runs.contains("bucket8x8")) {
                    redis.flush();
                    results.add(throttle("token bucket", "bucket:40/s,burst=10", 40, 8, 8, 300, shared, redis));
                }
                if (runs.contains("window")) {
                    redis.flush();
                    results.add(throttle("fixed window", "window:100/10s", 10, 4, 16, 100, shared, redis));
                }
                if (runs.contains("refresh")) {
                    redis.flush();
                    results.add(refresh(4, 4, 60, shared, redis));
                }
            }
            if (runs.contains("steady")) {
                redis.flush();
                results.add(throttle("no limit (steady, no 429)", "none", 0, 4, 16, Integer.getInteger("steady.calls", 3000), true, redis));
            }
        }
        String table = markdown(results);
        System.out.println(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.exit(0);
    }

    private static Run throttle(String name, String limit, double perSecond, int processes, int threads, int calls,
                                boolean shared, RedisProcess redis) throws Exception {
        try (WebexSimulator sim = WebexSimulator.start(0)) {
            if (!limit.equals("none")) {
                sim.rateLimits().set(TOKEN, RateLimit.parse(limit));
            }
            List<ReplicaResult> replicas = spawn("throttle", sim.baseUrl(), TOKEN, processes, threads, calls,
                    shared ? redis.uri() : "none");
            Run run = new Run(name, limit, perSecond, processes, threads, shared, replicas, sim.rateLimits()
                    .counts(TOKEN), 0, 0);
            System.out.println(line(run));
            return run;
        }
    }

    private static Run refresh(int processes, int threads, int seconds, boolean shared, RedisProcess redis)
            throws Exception {
        try (WebexSimulator sim = WebexSimulator.start(0)) {
            String user = "replicas-user";     // any other token is a user of its own
            String clientId = "replicas-client-" + (shared ? "shared" : "alone");
            sim.oauth().register(user, Integration.of(clientId, "replicas-secret")
                    .withAccessTokenLifetime(Duration.ofSeconds(3)).withRefreshTokenRotation(true));
            IssuedTokens first = sim.oauth().issueTokens(clientId);
            List<ReplicaResult> replicas = spawn("refresh", sim.baseUrl(),
                    clientId + ":replicas-secret:" + first.refreshToken(), processes, threads, seconds,
                    shared ? redis.uri() : "none");
            var grants = sim.oauth().grantCounts(clientId);
            Run run = new Run("token refresh, 3 s tokens, " + seconds + " s", "none", 0, processes, threads, shared,
                    replicas, sim.rateLimits().totals(), grants.refreshToken(), grants.refused());
            System.out.println(line(run));
            return run;
        }
    }

    private static List<ReplicaResult> spawn(String mode, String baseUrl, String credential, int processes,
                                             int threads, int amount, String redisUri) throws Exception {
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-Dreplica.trace=" + Boolean.getBoolean("replica.trace"), "-cp",
                    System.getProperty("java.class.path"), Replica.class.getName(), mode, baseUrl, credential,
                    Integer.toString(threads), Integer.toString(amount), redisUri)
                    .redirectErrorStream(true).start();
            children.add(child);
            outputs.add(new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)));
        }
        // every replica warmed up, then one common start
        for (BufferedReader out : outputs) {
            for (String line; (line = out.readLine()) != null && !line.equals("READY"); ) {
                System.out.println("  replica: " + line);
            }
        }
        String startAt = Long.toString(System.currentTimeMillis() + 200) + "\n";
        for (Process child : children) {
            child.getOutputStream().write(startAt.getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().flush();
        }
        List<ReplicaResult> results = new ArrayList<>();
        List<String> traces = new ArrayList<>();
        for (int c = 0; c < children.size(); c++) {
            Process child = children.get(c);
            ReplicaResult result = null;
            List<String> failures = new ArrayList<>();
            try (BufferedReader in = outputs.get(c)) {
                for (String line; (line = in.readLine()) != null; ) {
                    Matcher m = RESULT.matcher(line);
                    if (m.find()) {
                        result = new ReplicaResult(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                                Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)),
                                failures);
                    } else if (line.startsWith("FAILURE")) {
                        failures.add(line);
                    } else if (line.startsWith("TRACE")) {
                        traces.add("  replica " + c + " " + line);
                    } else if (!line.isBlank()) {
                        System.out.println("  replica: " + line);
                    }
                }
            }
            child.waitFor(10, TimeUnit.MINUTES);
            if (result == null) {
                throw new IllegalStateException("a replica ended without a result: exit " + child.exitValue());
            }
            failures.stream().limit(5).forEach(f -> System.out.println("  " + f));
            results.add(result);
        }
        traces.stream().sorted(java.util.Comparator.comparingDouble(t -> Double.parseDouble(t.split(" ")[5])))
                .forEach(System.out::println);
        return results;
    }

    private static String line(Run r) {
        return String.format(Locale.ROOT, "%s %s, %d x %d, %s: goodput %.2f, 429s %.1f %% of %d, failed %d of %d,"
                        + " finish %s s, Redis round trips per call %.3f%s", r.name(), r.limit(), r.processes(),
                r.threads(), r.redis() ? "RedisCoordination" : "alone", r.goodput(), 100 * r.throttledShare(),
                r.counts().total(), r.failed(), r.calls() + r.failed(), finishes(r), r.roundTripsPerCall(),
                r.name().startsWith("token refresh") ? String.format(Locale.ROOT,
                        ", refresh grants %d (onRefresh %d), refused %d", r.refreshGrants(), r.refreshes(),
                        r.refused()) : "");
    }

    private static String finishes(Run r) {
        return String.join(" / ", r.replicas().stream().mapToLong(ReplicaResult::finishMillis).sorted()
                .mapToObj(ms -> String.format(Locale.ROOT, "%.1f", ms / 1000.0)).toList());
    }

    static String markdown(List<Run> runs) {
        StringBuilder out = new StringBuilder("| run | replicas × threads | coordination | goodput / limit "
                + "| 429 share | failed calls | replica finish times (s) | slowest / fastest | Redis round trips "
                + "per call | refresh grants / refused |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            out.append(String.format(Locale.ROOT, "| %s %s | %d × %d | %s | %s | %.1f %% | %d of %d | %s | %.2f "
                            + "| %.3f | %s |%n", r.name(), r.limit().equals("none") ? "" : r.limit(),
                    r.processes(), r.threads(), r.redis() ? "Redis" : "none",
                    Double.isNaN(r.goodput()) ? "–" : String.format(Locale.ROOT, "%.2f", r.goodput()),
                    100 * r.throttledShare(), r.failed(), r.calls() + r.failed(), finishes(r),
                    r.fastest() == 0 ? 0 : r.slowest() / (double) r.fastest(), r.roundTripsPerCall(),
                    r.name().startsWith("token refresh") ? r.refreshGrants() + " / " + r.refused() : "–"));
        }
        return out.toString();
    }

    /** A redis-server of Debian's package on a free loopback port, without persistence. */
    private static final class RedisProcess implements AutoCloseable {
        private final Process process;
        private final int port;

        private RedisProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static RedisProcess start() throws IOException, InterruptedException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                try (java.net.Socket probe = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                    probe.getOutputStream().flush();
                    return new RedisProcess(process, port);
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("redis-server did not start (is Debian's redis-server installed?)");
        }

        String uri() {
            return "redis://127.0.0.1:" + port;
        }

        /** Empties the server (FLUSHALL), so a run does not start from what the previous one shared. */
        void flush() throws IOException {
            try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                byte[] answer = new byte[5];
                int read = socket.getInputStream().readNBytes(answer, 0, 5);
                if (read < 5 || answer[0] != '+') {
                    throw new IOException("redis-server did not flush: " + new String(answer, 0, read,
                            java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
