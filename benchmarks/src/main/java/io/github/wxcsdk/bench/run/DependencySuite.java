package io.github.wxcsdk.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime closure of the facade ({@code wxc-sdk-conference}, compile and runtime scope, transitively), read from
 * the {@code dependency:list} files that {@code benchmarks/run.sh} writes, with each jar's size and why it is there.
 */
public final class DependencySuite {
    /** The facade's closure may not exceed this. */
    public static final long LIMIT_BYTES = 3_500_000;
    private static final Pattern LINE = Pattern.compile(
            "^\\s+([^:\\s]+):([^:]+):([^:]+):(?:[^:]+:)?([^:]+):(compile|runtime):(.+?)(?:\\s+--\\s+module.*)?$");
    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("wxc-sdk-conference", "the facade: public API, retries, errors, JDK transport"),
            Map.entry("wxc-sdk-conference-client", "the generated Feign interface and wire models"),
            Map.entry("feign-core", "reads the generated interface's annotations; Request/Response/Client types of the transport"),
            Map.entry("jackson-databind", "JSON to and from the wire models"),
            Map.entry("jackson-core", "JSON parser and generator under jackson-databind"),
            Map.entry("jackson-annotations", "the annotations on the generated models"),
            Map.entry("jackson-datatype-jsr310", "JavaTimeModule: OffsetDateTime for 'created'"),
            Map.entry("jakarta.annotation-api", "@Nullable/@Nonnull on the generated code"),
            Map.entry("jakarta.validation-api", "bean-validation annotations on the generated models"),
            Map.entry("slf4j-api", "the facade's DEBUG log of attempts and retries (no binding shipped)"));

    private DependencySuite() {
    }

    /**
     * One jar.
     *
     * @param coordinates {@code group:artifact:version}
     * @param artifactId  the artifact
     * @param bytes       the jar's size
     * @param why         why it is on the class path
     */
    public record Artifact(String coordinates, String artifactId, long bytes, String why) {
    }

    /**
     * @param facadeList     the facade module's {@code dependency:list} (its closure, without itself)
     * @param benchmarksList the benchmarks module's, which names the facade's own jar
     * @return the facade's jar first, then its closure
     */
    public static List<Artifact> facadeClosure(Path facadeList, Path benchmarksList) {
        List<Artifact> closure = new ArrayList<>();
        read(benchmarksList).stream().filter(a -> a.artifactId().equals("wxc-sdk-conference")).forEach(closure::add);
        closure.addAll(read(facadeList));
        return closure;
    }

    /**
     * @param list a {@code dependency:list} output file with absolute file names
     * @return its compile and runtime artifacts
     */
    public static List<Artifact> read(Path list) {
        List<Artifact> artifacts = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(list)) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    Path jar = Path.of(m.group(6).trim());
                    artifacts.add(new Artifact(m.group(1) + ":" + m.group(2) + ":" + m.group(4), m.group(2),
                            Files.size(jar), WHY.getOrDefault(m.group(2), "UNEXPLAINED: new dependency?")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + list + " (run benchmarks/run.sh)", e);
        }
        return artifacts;
    }

    /**
     * @param artifacts a closure
     * @return whether any is Kotlin, OkHttp or Okio
     */
    public static boolean hasKotlinOrOkHttp(List<Artifact> artifacts) {
        return artifacts.stream().map(a -> a.coordinates().toLowerCase(Locale.ROOT))
                .anyMatch(c -> c.contains("kotlin") || c.contains("okhttp") || c.contains("okio"));
    }

    /**
     * @param artifacts the benchmarks module's closure
     * @param transport {@code okhttp}, {@code hc5} or {@code java11}
     * @return the jars that transport would add to the facade's closure
     */
    public static List<Artifact> transportExtra(List<Artifact> artifacts, String transport) {
        return artifacts.stream().filter(a -> {
            String c = a.coordinates();
            switch (transport) {
                case "okhttp":
                    return c.contains("okhttp") || c.contains("okio") || c.startsWith("org.jetbrains");
                case "hc5":
                    return c.contains("feign-hc5") || c.startsWith("org.apache.httpcomponents");
                case "java11":
                    return c.contains("feign-java11");
                default:
                    return false;
            }
        }).toList();
    }

    /**
     * @param artifacts jars
     * @return their total size
     */
    public static long total(List<Artifact> artifacts) {
        return artifacts.stream().mapToLong(Artifact::bytes).sum();
    }
}
