package io.github.wxcsdk.bench.run;

import io.github.wxcsdk.bench.jmh.InMemoryCalls;
import org.openjdk.jmh.annotations.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the cost above the wire goes: {@code getConferenceDetails()} in memory (no network), through the whole
 * facade, through the generated Feign client alone (run by the facade's precompiled plans, and built by Feign), and
 * Jackson alone; time and allocation per call.
 */
public final class LayerSuite {
    private final JmhRunner jmh;
    private final List<String> errors = new ArrayList<>();

    /** @param jmh runs each benchmark */
    public LayerSuite(JmhRunner jmh) {
        this.jmh = jmh;
    }

    /** @return every failed run */
    public List<String> errors() {
        return errors;
    }

    /**
     * One layer.
     *
     * @param layer       what runs
     * @param micros      mean microseconds per call
     * @param allocBytes  bytes allocated per call
     */
    public record Layer(String layer, double micros, double allocBytes) {
    }

    /** @return the facade, the generated client alone (precompiled and Feign-built) and Jackson alone, in memory */
    public List<Layer> run() {
        List<Layer> layers = new ArrayList<>();
        String[][] runs = {
            {"facade", "whole facade (executor, precompiled plan, decoder, mapping to the public model)"},
            {"generatedClient", "generated Feign client alone, run by the precompiled plans (request, decoder)"},
            {"feignBuilt", "generated Feign client built by Feign.builder(), as before the plans (templates, decoder)"},
            {"jacksonOnly", "Jackson alone (parse the details)"},
        };
        for (String[] run : runs) {
            String name = "layers-" + run[0];
            Measurement m = jmh.run(name, InMemoryCalls.class, run[0], Mode.AverageTime, 1, true, Map.of());
            Progress.line(String.format("  %-40s %7.2f µs  %8.0f B/call", name, m.score(), m.allocBytes()));
            if (!m.ok()) {
                errors.add(name + ": " + m.error());
            }
            layers.add(new Layer(run[1], m.score(), m.allocBytes()));
        }
        // what a call listener adds: hold() (204, no body) with none, one doing nothing, Micrometer's, OpenTelemetry's
        for (String listener : new String[] {"none", "noop", "micrometer", "opentelemetry"}) {
            String name = "layers-hold-" + listener;
            Measurement m = jmh.run(name, InMemoryCalls.class, "holdWithListener", Mode.AverageTime, 1, true,
                    Map.of("listener", listener));
            Progress.line(String.format("  %-40s %7.2f µs  %8.0f B/call", name, m.score(), m.allocBytes()));
            if (!m.ok()) {
                errors.add(name + ": " + m.error());
            }
            layers.add(new Layer("hold() in memory, call listener: " + listener, m.score(), m.allocBytes()));
        }
        return layers;
    }
}
