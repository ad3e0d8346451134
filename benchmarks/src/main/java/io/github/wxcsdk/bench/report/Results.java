package io.github.wxcsdk.bench.report;

import io.github.wxcsdk.bench.run.AsyncSuite;
import io.github.wxcsdk.bench.run.DependencySuite.Artifact;
import io.github.wxcsdk.bench.run.LayerSuite.Layer;
import io.github.wxcsdk.bench.run.TransportSuite.Figure;
import io.github.wxcsdk.bench.run.WireParity.Check;

import java.util.List;
import java.util.Map;

/**
 * Everything one run measured; written as {@code results.json} and rendered as {@code results.md}.
 *
 * @param command            how to reproduce it
 * @param settings           iterations, rounds and JVMs used
 * @param machine            where it ran, with the load
 * @param parity             the same-bytes, same-parsing checks
 * @param comparisons        facade beside raw, with ratios and targets
 * @param dependencies       the facade's runtime closure
 * @param dependencyBytes    its total size
 * @param kotlinOrOkHttp     whether Kotlin, OkHttp or Okio is in it
 * @param layers             the cost above the wire, layer by layer, in memory
 * @param transports         the facade over each candidate transport
 * @param transportFootprint bytes each alternative transport would add to the closure
 * @param servers            the candidate loopback servers
 * @param async              the async API beside the sync one with many calls in flight, or {@code null} when not run
 * @param errors             failed runs; empty when every call succeeded
 * @param wallSeconds        how long the run took (JMH and JVMs; the build not included)
 */
public record Results(String command, Map<String, Object> settings, Machine machine, List<Check> parity,
                      List<Comparison> comparisons, List<Artifact> dependencies, long dependencyBytes,
                      boolean kotlinOrOkHttp, List<Layer> layers, List<Figure> transports, Map<String, Long> transportFootprint,
                      List<Figure> servers, AsyncSuite.Load async, List<String> errors, double wallSeconds) {
}
