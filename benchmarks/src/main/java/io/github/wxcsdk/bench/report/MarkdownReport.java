package io.github.wxcsdk.bench.report;

import io.github.wxcsdk.bench.run.AsyncSuite;
import io.github.wxcsdk.bench.run.DependencySuite;
import io.github.wxcsdk.bench.run.DependencySuite.Artifact;
import io.github.wxcsdk.bench.run.LayerSuite.Layer;
import io.github.wxcsdk.bench.run.TransportSuite.Figure;
import io.github.wxcsdk.bench.run.WireParity.Check;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders {@link Results} as the readable {@code results.md}. */
public final class MarkdownReport {
    private final StringBuilder out = new StringBuilder();

    private MarkdownReport() {
    }

    /**
     * @param results what was measured
     * @return the Markdown text
     */
    public static String render(Results results) {
        MarkdownReport report = new MarkdownReport();
        report.header(results);
        report.comparisons(results.comparisons());
        report.dependencies(results);
        report.layers(results.layers());
        report.transports(results);
        report.servers(results.servers());
        report.async(results.async());
        report.parity(results.parity());
        report.errors(results.errors());
        return report.out.toString();
    }

    private void header(Results results) {
        Machine m = results.machine();
        line("# wxc-sdk-java benchmarks: the facade beside a hand-written call");
        line("");
        line("Reproduce: `" + results.command() + "`");
        line("");
        line("| machine | |");
        line("|---|---|");
        line("| cores | " + m.cores() + " (" + m.cpu() + ") |");
        line("| memory | " + m.memoryGiB() + " GiB |");
        line("| JDK | " + m.jdk() + " |");
        line("| OS | " + m.os() + " |");
        line("| load average (1/5/15 min) | start " + m.loadStart() + ", end " + m.loadEnd() + " |");
        line("| started | " + m.started() + " |");
        line("| settings | " + results.settings().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + " |");
        line("| wall time | " + fmt(results.wallSeconds(), 0) + " s (without the build) |");
        line("");
    }

    private void comparisons(List<Comparison> comparisons) {
        if (comparisons.isEmpty()) {
            return;
        }
        line("## Facade vs hand-written java.net.http + Jackson");
        line("");
        line("Each figure is the median over rounds; facade and raw ran alternately (facade first, then raw first).");
        line("");
        line("| figure | operation | callers | facade | raw | ratio facade/raw | difference | target | met |");
        line("|---|---|---:|---:|---:|---:|---:|---|---|");
        for (Comparison c : comparisons) {
            int decimals = c.unit().equals("µs") ? 1 : 0;
            line("| " + c.figure() + " | " + c.operation() + " | " + c.callers() + " | "
                    + fmt(c.facade(), decimals) + " " + c.unit() + " | " + fmt(c.raw(), decimals) + " " + c.unit()
                    + " | " + fmt(c.ratio(), 3) + " | " + signed(c.difference(), decimals) + " " + c.unit() + " | "
                    + c.target() + " | " + (c.met() ? "yes" : "**NO**") + " |");
        }
        line("");
        long met = comparisons.stream().filter(Comparison::met).count();
        line("Targets met: " + met + " of " + comparisons.size() + ".");
        line("");
    }

    private void dependencies(Results results) {
        if (results.dependencies().isEmpty()) {
            return;
        }
        line("## Runtime dependency closure of `wxc-sdk-conference` (compile + runtime, transitive)");
        line("");
        line("| artifact | size | why it is there |");
        line("|---|---:|---|");
        for (Artifact a : results.dependencies()) {
            line("| " + a.coordinates() + " | " + kb(a.bytes()) + " | " + a.why() + " |");
        }
        line("| **total** | **" + kb(results.dependencyBytes()) + "** | target ≤ "
                + kb(DependencySuite.LIMIT_BYTES) + ": " + (results.dependencyBytes() <= DependencySuite.LIMIT_BYTES
                ? "met" : "**NOT MET**") + " |");
        line("");
        line("Kotlin, OkHttp or Okio in the closure: " + (results.kotlinOrOkHttp() ? "**YES**" : "none") + ".");
        line("");
    }

    private void layers(List<Layer> layers) {
        if (layers.isEmpty()) {
            return;
        }
        line("## Where the cost above the wire goes (`getConferenceDetails()` in memory, no network, 1 caller)");
        line("");
        line("| layer | time per call | allocation per call |");
        line("|---|---:|---:|");
        for (Layer layer : layers) {
            line("| " + layer.layer() + " | " + fmt(layer.micros(), 2) + " µs | " + fmt(layer.allocBytes(), 0)
                    + " B |");
        }
        line("");
    }

    private void transports(Results results) {
        if (results.transports().isEmpty()) {
            return;
        }
        line("## Transport comparison: the whole facade over each Feign client (1 caller)");
        line("");
        line("| transport | operation | p50 | p99 | p50 vs jdk | jars it would add |");
        line("|---|---|---:|---:|---:|---:|");
        Map<String, Double> jdk = results.transports().stream().filter(f -> f.candidate().equals("jdk"))
                .collect(Collectors.toMap(Figure::operation, Figure::p50));
        for (Figure f : results.transports()) {
            Long extra = results.transportFootprint().get(f.candidate());
            line("| " + f.candidate() + " | " + f.operation() + " | " + fmt(f.p50(), 1) + " µs | "
                    + fmt(f.p99(), 1) + " µs | " + fmt(f.p50() / jdk.getOrDefault(f.operation(), Double.NaN), 3)
                    + " | " + (extra == null ? "-" : "+" + kb(extra)) + " |");
        }
        line("");
    }

    private void servers(List<Figure> servers) {
        if (servers.isEmpty()) {
            return;
        }
        line("## Loopback server: raw sockets vs com.sun.net.httpserver (hand-written client, details)");
        line("");
        line("| server | p50 (1 caller) | p99 (1 caller) | throughput (16 callers) |");
        line("|---|---:|---:|---:|");
        for (Figure f : servers) {
            line("| " + f.candidate() + " | " + fmt(f.p50(), 1) + " µs | " + fmt(f.p99(), 1) + " µs | "
                    + fmt(f.throughput(), 0) + " calls/s |");
        }
        line("");
    }

    private void async(AsyncSuite.Load load) {
        if (load == null) {
            return;
        }
        AsyncSuite.Side a = load.async();
        AsyncSuite.Side s = load.sync();
        line("## Async API: " + load.calls() + " `" + load.operation() + "` calls in flight, each answered after "
                + load.delayMillis() + " ms");
        line("");
        line("One client per side and round, default settings (no bound on concurrent requests); the async client"
                + " sends every call from one thread, the sync client gets " + load.calls() + " caller threads that"
                + " call once each. The loopback server runs in its own JVM and schedules each answer without a thread"
                + " per request."
                + " Medians of " + a.rounds().size() + " rounds after a warm-up round; load average " + load.loadStart()
                + " at the start, " + load.loadEnd() + " at the end.");
        line("");
        line("| figure | async (1 sending thread) | sync (" + load.calls() + " caller threads) | async target | met |");
        line("|---|---:|---:|---|---|");
        line("| wall time, first call to last answer, fresh client (" + load.calls() + " new connections) | "
                + fmt(a.wallMillis(), 0) + " ms | " + fmt(s.wallMillis(), 0)
                + " ms | ≤ " + fmt(AsyncSuite.WALL_TARGET_MILLIS, 0) + " ms (5 × the delay) | "
                + yes(a.wallMillis() <= AsyncSuite.WALL_TARGET_MILLIS) + " |");
        line("| wall time, the same calls again on the same client (connections pooled) | "
                + fmt(a.againWallMillis(), 0) + " ms | " + fmt(s.againWallMillis(), 0) + " ms | - | |");
        line("| CPU time of the client JVM, all threads (JIT and GC included), fresh client | "
                + fmt(a.cpuMillis(), 0) + " ms | " + fmt(s.cpuMillis(), 0) + " ms | - | |");
        line("| CPU time, the calls again on the same client | " + fmt(a.againCpuMillis(), 0) + " ms | "
                + fmt(s.againCpuMillis(), 0) + " ms | - | |");
        line("| threads started, fresh client (client and JDK; callers not counted) | "
                + fmt(a.threadsStarted(), 0) + " | "
                + fmt(s.threadsStarted(), 0) + " | ≤ " + AsyncSuite.THREAD_TARGET + " | "
                + yes(a.threadsStarted() <= AsyncSuite.THREAD_TARGET) + " |");
        line("| heap per call in flight | " + fmt(a.heapPerCall(), 0) + " B | " + fmt(s.heapPerCall(), 0)
                + " B | - | |");
        line("| resident memory per call in flight (thread stacks included) | " + fmt(a.residentPerCall(), 0)
                + " B | " + fmt(s.residentPerCall(), 0) + " B | - | |");
        line("| failed calls, all rounds | " + a.failed() + " | " + s.failed() + " | 0 | " + yes(a.failed() == 0)
                + " |");
        line("| time to send every call | " + fmt(a.issueMillis(), 0) + " ms | - | - | |");
        line("");
        line("Threads that appeared during a round (sampled every 10 ms, numbers in names replaced by N; a thread that"
                + " lived less than a sample is counted above but not named here):");
        line("");
        line("| round | async | sync |");
        line("|---:|---|---|");
        for (int i = 0; i < a.rounds().size(); i++) {
            line("| " + (i + 1) + " | " + groups(a.rounds().get(i).threadGroups()) + " | "
                    + (i < s.rounds().size() ? groups(s.rounds().get(i).threadGroups()) : "") + " |");
        }
        line("");
        line("| round | side | wall | CPU | wall again | CPU again | threads started | heap/call | resident/call"
                + " | held at measure | failed |"
                + " server: first to last request | server: worst answer lateness |");
        line("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (AsyncSuite.Side side : List.of(a, s)) {
            for (int i = 0; i < side.rounds().size(); i++) {
                AsyncSuite.Round r = side.rounds().get(i);
                line("| " + (i + 1) + " | " + side.api() + " | " + fmt(r.wallMillis(), 0) + " ms | "
                        + fmt(r.cpuMillis(), 0) + " ms | " + fmt(r.againWallMillis(), 0) + " ms | "
                        + fmt(r.againCpuMillis(), 0) + " ms | " + r.threadsStarted() + " | " + fmt(r.heapPerCall(), 0)
                        + " B | " + fmt(r.residentPerCall(), 0)
                        + " B | " + r.inFlightMeasured() + " | " + r.failed() + " | " + r.serverSpreadMs() + " ms | "
                        + r.serverMaxLateMs() + " ms |");
            }
        }
        line("");
        AsyncSuite.Release release = load.release();
        line("The async client's threads after the same load:");
        line("");
        line("| moment | async client threads alive (`wxc-sdk-async-*`) | every `wxc-sdk-*` thread alive |");
        line("|---|---:|---|");
        line("| when `close()` returned | " + release.sdkThreadsAtClose() + " | " + names(release.namesAtClose())
                + " |");
        line("| 6 s after `close()` | " + release.sdkThreadsSixSecondsAfter() + " | "
                + names(release.namesSixSecondsAfter()) + " |");
        line("| a client left open, 6 s after its last answer | " + release.sdkThreadsIdleSixSeconds() + " | "
                + names(release.namesIdle()) + " |");
        line("");
        line("JDK HTTP client selector threads (`HttpClient-N-SelectorManager`, one per client not yet collected): "
                + release.selectorsBefore() + " before the closed client was built, "
                + release.selectorsSixSecondsAfter() + " 6 s after its `close()` (the client unreachable, GC run).");
        line("");
    }

    private static String groups(Map<String, Integer> groups) {
        return groups.isEmpty() ? "none" : groups.entrySet().stream()
                .map(e -> "`" + e.getKey() + "` × " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : names.stream().map(name -> "`" + name + "`")
                .collect(Collectors.joining(", "));
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**NO**";
    }

    private void parity(List<Check> checks) {
        if (checks.isEmpty()) {
            return;
        }
        line("## Same work on both sides (checked before measuring)");
        line("");
        line("| check | result | request bytes |");
        line("|---|---|---:|");
        for (Check c : checks) {
            line("| " + c.operation() + " | " + (c.identical() ? "yes" : "**NO**") + " | "
                    + (c.bytes() == 0 ? "" : c.bytes()) + " |");
        }
        line("");
        for (Check c : checks) {
            if (c.bytes() > 0) {
                line("`" + c.operation() + "`, as both sides sent it (TrackingID masked):");
                line("");
                line("```http");
                out.append(c.request().replace("\r\n", "\n").strip()).append('\n');
                line("```");
                line("");
            }
        }
    }

    private void errors(List<String> errors) {
        line("## Errors");
        line("");
        if (errors.isEmpty()) {
            line("None: no run failed. A failed call aborts a latency, cold-start or comparison run and is listed here;");
            line("throughput runs count failed calls instead, in their row.");
        } else {
            errors.forEach(e -> line("- " + e));
        }
        line("");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private static String fmt(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private static String signed(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%+,." + decimals + "f", value);
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%,.1f KB", bytes / 1000.0);
    }
}
