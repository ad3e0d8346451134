package io.github.wxcsdk.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.wxcsdk.bench.report.Comparison;
import io.github.wxcsdk.bench.report.Machine;
import io.github.wxcsdk.bench.report.MarkdownReport;
import io.github.wxcsdk.bench.report.Results;
import io.github.wxcsdk.bench.run.AsyncSuite;
import io.github.wxcsdk.bench.run.CallSuite;
import io.github.wxcsdk.bench.run.ColdStartSuite;
import io.github.wxcsdk.bench.run.DependencySuite;
import io.github.wxcsdk.bench.run.InterleavedSuite;
import io.github.wxcsdk.bench.run.DependencySuite.Artifact;
import io.github.wxcsdk.bench.run.JmhRunner;
import io.github.wxcsdk.bench.run.LayerSuite;
import io.github.wxcsdk.bench.run.ThrottlingSuite;
import io.github.wxcsdk.bench.run.TransportSuite;
import io.github.wxcsdk.bench.run.TransportSuite.Figure;
import io.github.wxcsdk.bench.run.WireParity;
import io.github.wxcsdk.bench.server.DelayControl;
import io.github.wxcsdk.bench.server.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark command ({@code benchmarks/run.sh} calls it): checks that both sides send the same bytes, starts the
 * canned server in its own JVM, runs the suites, and writes {@code results.json} and {@code results.md}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--quick]
 *      [--suites parity,latency,throughput,interleaved,cold,deps,layers,transports,servers,throttling,async]
 *      [--out benchmarks/target] [--facade-deps facade/target/runtime-deps.txt]
 *      [--benchmarks-deps benchmarks/target/runtime-deps.txt]
 * </pre>
 * Exits with 1 when a run failed or the two sides did not do the same work; a missed target is reported, not fatal.
 */
public final class BenchmarkMain {
    private static final String COMMAND = "benchmarks/run.sh";

    private BenchmarkMain() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when the run cannot go on
     */
    public static void main(String[] args) throws Exception {
        Arguments a = Arguments.parse(args);
        long started = System.nanoTime();
        Machine machine = Machine.now();
        Files.createDirectories(a.out().resolve("jmh-logs"));
        System.out.println("wxc-sdk-java benchmarks: " + machine.cores() + " cores, " + machine.jdk() + ", load "
                + machine.loadStart());

        List<String> errors = new ArrayList<>();
        List<WireParity.Check> parity = List.of();
        if (a.runs("parity")) {
            parity = WireParity.run();
            parity.stream().filter(c -> !c.identical()).forEach(c -> errors.add("not the same work: "
                    + c.operation() + "\nfacade:\n" + c.request() + "\nraw:\n" + c.raw()));
            System.out.println("same bytes and parsing on both sides: "
                    + (parity.stream().allMatch(WireParity.Check::identical) ? "yes" : "NO"));
        }

        List<Comparison> comparisons = new ArrayList<>();
        List<Figure> transports = List.of();
        List<Figure> servers = List.of();
        List<LayerSuite.Layer> layers = List.of();
        try (ServerProcess server = ServerProcess.start("socket")) {
            // the facade has more code to compile than the raw call: on 2 busy cores C2 needs ~8 s to catch up
            JmhRunner jmh = new JmhRunner(server.baseUrl(), a.out().resolve("jmh-logs"), a.warmups(),
                    a.iterations());
            JmhRunner choices = jmh.withIterations(a.choiceWarmups(), a.choiceIterations());
            if (a.runs("latency")) {
                System.out.println("per-call latency, 1 caller, " + a.latencyRounds() + " rounds");
                CallSuite calls = new CallSuite(jmh);
                comparisons.addAll(calls.latency(a.latencyRounds()));
                errors.addAll(calls.errors());
            }
            if (a.runs("throughput")) {
                System.out.println("throughput and allocation (-prof gc), " + a.throughputRounds() + " rounds");
                CallSuite calls = new CallSuite(jmh.withIterations(a.throughputWarmups(), a.throughputIterations()));
                comparisons.addAll(calls.throughput(new int[] {1, 4, 16}, a.throughputRounds()));
                errors.addAll(calls.errors());
            }
            if (a.runs("interleaved")) {
                System.out.println("facade and raw interleaved in one JVM");
                InterleavedSuite interleaved = new InterleavedSuite(server.baseUrl(), a.latencyRounds(),
                        a.pairsPerRound(), a.throughputWarmups() / 2, a.slicePairs());
                comparisons.addAll(interleaved.latency());
                comparisons.addAll(interleaved.throughput(new int[] {1, 4, 16}));
            }
            if (a.runs("cold")) {
                System.out.println("cold start, " + a.coldJvms() + " JVMs per side");
                ColdStartSuite cold = new ColdStartSuite(server.baseUrl());
                comparisons.add(cold.run(a.coldJvms()));
                errors.addAll(cold.errors());
            }
            if (a.runs("layers")) {
                System.out.println("layers, in memory (-prof gc)");
                LayerSuite layerSuite = new LayerSuite(choices);
                layers = layerSuite.run();
                errors.addAll(layerSuite.errors());
            }
            TransportSuite transportSuite = new TransportSuite(choices);
            if (a.runs("transports")) {
                System.out.println("transport comparison");
                transports = transportSuite.transports();
            }
            if (a.runs("servers")) {
                System.out.println("server comparison");
                try (ServerProcess jdkServer = ServerProcess.start("jdk")) {
                    JmhRunner other = new JmhRunner(jdkServer.baseUrl(), a.out().resolve("jmh-logs"),
                            a.choiceWarmups(), a.choiceIterations());
                    servers = transportSuite.servers(other, new String[] {"raw sockets", "com.sun.net.httpserver"});
                }
            }
            errors.addAll(transportSuite.errors());
        }
        AsyncSuite.Load async = null;
        if (a.runs("async")) {
            System.out.println("async API: " + AsyncSuite.CALLS + " calls in flight, each answered after "
                    + AsyncSuite.DELAY_MILLIS + " ms, " + a.asyncRounds() + " rounds");
            try (ServerProcess delayed = ServerProcess.start("delayed")) {
                AsyncSuite asyncSuite = new AsyncSuite(delayed.baseUrl(), new DelayControl(delayed.port()),
                        a.asyncRounds());
                async = asyncSuite.run();
                errors.addAll(asyncSuite.errors());
                System.out.println("async targets (wall time, threads started, no failed call): "
                        + (async.met() ? "met" : "NOT met"));
            }
        }

        if (a.runs("throttling")) {
            System.out.println("throttling: one token, 1/16/64 threads, default settings, rate-limited loopback server");
            List<ThrottlingSuite.Row> rows = new ThrottlingSuite(a.quick()).run();
            Files.writeString(a.out().resolve("throttling.md"), ThrottlingSuite.markdown(rows));
        }

        List<Artifact> closure = List.of();
        Map<String, Long> footprint = new LinkedHashMap<>();
        if (a.runs("deps")) {
            closure = DependencySuite.facadeClosure(a.facadeDeps(), a.benchmarksDeps());
            List<Artifact> benchmarkClosure = DependencySuite.read(a.benchmarksDeps());
            for (String transport : List.of("java11", "okhttp", "hc5")) {
                footprint.put(transport, DependencySuite.total(DependencySuite.transportExtra(benchmarkClosure,
                        transport)));
            }
            footprint.put("jdk", 0L);
            footprint.put("urlconnection", 0L);
        }

        Results results = new Results(COMMAND + (a.quick() ? " --quick" : ""), a.settings(), machine.ended(),
                parity, comparisons, closure, DependencySuite.total(closure),
                DependencySuite.hasKotlinOrOkHttp(closure), layers, transports, footprint, servers, async, errors,
                (System.nanoTime() - started) / 1e9);
        write(a.out(), results);
        long met = comparisons.stream().filter(Comparison::met).count();
        System.out.println("targets met: " + met + " of " + comparisons.size() + "; errors: " + errors.size()
                + "; see " + a.out().resolve("results.md"));
        System.exit(errors.isEmpty() ? 0 : 1);
    }

    private static void write(Path out, Results results) throws java.io.IOException {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        json.writeValue(out.resolve("results.json").toFile(), results);
        Files.writeString(out.resolve("results.md"), MarkdownReport.render(results));
    }

    /**
     * The command line.
     *
     * @param suites           which suites run
     * @param quick            a smoke run: fewer iterations, rounds and JVMs
     * @param out              where results go
     * @param facadeDeps       the facade's {@code dependency:list}
     * @param benchmarksDeps   the benchmarks module's {@code dependency:list}
     * @param warmups          warm-up iterations per facade/raw JMH run
     * @param iterations       measured iterations per latency run
     * @param throughputWarmups warm-up iterations per throughput run: with 16 callers on 2 cores the JIT competes
     *                         with the callers, and both sides were still speeding up after 8 s
     * @param throughputIterations measured iterations per throughput run
     * @param choiceWarmups    warm-up iterations per run of the layer, transport and server suites
     * @param choiceIterations measured iterations per run of those suites
     * @param latencyRounds    facade/raw pairs for latency
     * @param throughputRounds facade/raw pairs for throughput
     * @param coldJvms         JVMs per side for cold start
     * @param pairsPerRound    facade/raw call pairs per interleaved latency round
     * @param slicePairs       facade/raw one-second slice pairs per caller count, interleaved throughput
     * @param asyncRounds      measured rounds per side of the async suite
     */
    record Arguments(Set<String> suites, boolean quick, Path out, Path facadeDeps, Path benchmarksDeps, int warmups,
                     int iterations, int throughputWarmups, int throughputIterations, int choiceWarmups,
                     int choiceIterations,
                     int latencyRounds, int throughputRounds, int coldJvms, int pairsPerRound, int slicePairs,
                     int asyncRounds) {
        static final Set<String> ALL = Set.of("parity", "latency", "throughput", "interleaved", "cold", "deps",
                "layers", "transports", "servers", "throttling", "async");

        static Arguments parse(String[] args) {
            Set<String> suites = ALL;
            boolean quick = false;
            Path out = Path.of("benchmarks/target");
            Path facadeDeps = Path.of("facade/target/runtime-deps.txt");
            Path benchmarksDeps = Path.of("benchmarks/target/runtime-deps.txt");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--suites" -> suites = Set.of(args[++i].split(","));
                    case "--out" -> out = Path.of(args[++i]);
                    case "--facade-deps" -> facadeDeps = Path.of(args[++i]);
                    case "--benchmarks-deps" -> benchmarksDeps = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (!ALL.containsAll(suites)) {
                throw new IllegalArgumentException("suites are " + ALL + ", got " + suites);
            }
            return quick
                    ? new Arguments(suites, true, out, facadeDeps, benchmarksDeps, 2, 2, 2, 2, 1, 2, 1, 1, 3, 3000, 3,
                            2)
                    : new Arguments(suites, false, out, facadeDeps, benchmarksDeps, 8, 5, 20, 4, 4, 3, 3, 2, 12, 20000,
                            10, 5);
        }

        boolean runs(String suite) {
            return suites.contains(suite);
        }

        Map<String, Object> settings() {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("suites", String.join(",", ALL.stream().filter(suites::contains).sorted().toList()));
            settings.put("warmup", warmups + " x 1 s (throughput " + throughputWarmups + " x 1 s)");
            settings.put("measurement", iterations + " x 1 s (throughput " + throughputIterations + " x 1 s)");
            settings.put("layers/transports/servers", choiceWarmups + "+" + choiceIterations + " x 1 s");
            settings.put("forks per run", 1);
            settings.put("latency rounds", latencyRounds);
            settings.put("throughput rounds", throughputRounds);
            settings.put("cold-start JVMs per side", coldJvms);
            settings.put("interleaved", latencyRounds + " x " + pairsPerRound + " call pairs, " + throughputWarmups / 2
                    + " + " + 2 * slicePairs + " one-second slices per caller count");
            settings.put("async rounds per side", asyncRounds);
            return settings;
        }
    }
}
