package io.github.wxcsdk.bench.run;

import io.github.wxcsdk.bench.jmh.ConferenceCalls;
import io.github.wxcsdk.bench.jmh.TransportCalls;
import org.openjdk.jmh.annotations.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The choices behind the setup, measured: the facade over each candidate transport (with the hand-written call as
 * the floor), and the two candidate loopback servers under the hand-written client.
 */
public final class TransportSuite {
    /** The transports, in the order they run. */
    static final List<String> TRANSPORTS = List.of("jdk", "java11", "okhttp", "hc5", "urlconnection");

    private final JmhRunner jmh;
    private final List<String> errors = new ArrayList<>();

    /** @param jmh runs each benchmark */
    public TransportSuite(JmhRunner jmh) {
        this.jmh = jmh;
    }

    /** @return every failed run */
    public List<String> errors() {
        return errors;
    }

    /**
     * One figure of one candidate.
     *
     * @param candidate  the transport or server
     * @param operation  the operation, or what was measured
     * @param p50        median microseconds per call
     * @param p99        99th percentile microseconds per call
     * @param throughput calls per second, NaN when not measured
     */
    public record Figure(String candidate, String operation, double p50, double p99, double throughput) {
    }

    /**
     * @return p50 and p99 per call, one caller, of the facade over each transport and of the raw call
     */
    public List<Figure> transports() {
        List<Figure> figures = new ArrayList<>();
        String[][] operations = {{"getConferenceDetails()", "details", "rawDetails"}, {"mute(callId)", "mute", "rawMute"}};
        for (String[] operation : operations) {
            Measurement raw = run("transport-raw-" + operation[1], ConferenceCalls.class, operation[2], Map.of());
            figures.add(new Figure("raw java.net.http (floor)", operation[0], raw.p50(), raw.p99(), Double.NaN));
            for (String transport : TRANSPORTS) {
                Measurement facade = run("transport-" + transport + "-" + operation[1], TransportCalls.class,
                        operation[1], Map.of("transport", transport));
                figures.add(new Figure(transport, operation[0], facade.p50(), facade.p99(), Double.NaN));
            }
        }
        return figures;
    }

    /**
     * @param other runs against the other server
     * @param names the names of this runner's server and the other's
     * @return the hand-written details call against each server: latency with one caller, throughput with 16
     */
    public List<Figure> servers(JmhRunner other, String[] names) {
        List<Figure> figures = new ArrayList<>();
        JmhRunner[] runners = {jmh, other};
        for (int i = 0; i < 2; i++) {
            String name = "server-" + names[i];
            Measurement latency = runners[i].run(name + "-latency", ConferenceCalls.class, "rawDetails",
                    Mode.SampleTime, 1, false, Map.of());
            Progress.report(name + "-latency", latency);
            Measurement throughput = runners[i].run(name + "-t16", ConferenceCalls.class, "rawDetails",
                    Mode.Throughput, 16, false, Map.of());
            Progress.report(name + "-t16", throughput);
            record(name, latency);
            record(name, throughput);
            figures.add(new Figure(names[i], "raw getConferenceDetails()", latency.p50(), latency.p99(),
                    throughput.score()));
        }
        return figures;
    }

    private Measurement run(String name, Class<?> type, String method, Map<String, String> params) {
        Measurement measurement = jmh.run(name, type, method, Mode.SampleTime, 1, false, params);
        Progress.report(name, measurement);
        record(name, measurement);
        return measurement;
    }

    private void record(String name, Measurement measurement) {
        if (!measurement.ok()) {
            errors.add(name + ": " + measurement.error());
        }
    }
}
