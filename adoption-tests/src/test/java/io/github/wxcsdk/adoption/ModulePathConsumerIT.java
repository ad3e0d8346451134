package io.github.wxcsdk.adoption;

import io.github.wxcsdk.simulator.WebexSimulator;
import io.github.wxcsdk.simulator.WebexSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new user's application on the module path: it {@code requires io.github.wxcsdk.conference} and nothing else,
 * compiles against the packaged facade and its runtime dependencies, and runs in its own JVM against the simulator.
 * Internal and generated packages stay out of its reach: importing them does not compile.
 */
@ExtendWith(WebexSimulatorExtension.class)
class ModulePathConsumerIT {
    private static final String TOKEN = "module-path-user";
    private static final String MAIN = """
            package example;

            import io.github.wxcsdk.WebexSimpleApi;
            import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

            public class Main {
                public static void main(String[] args) {
                    ConferenceControlsApi conference = WebexSimpleApi.builder().baseUrl(args[0]).accessToken(args[1])
                            .build().telephony().conference();
                    conference.startConference(args[2], args[3]);
                    conference.getConferenceDetails().ifPresent(details -> System.out.println(
                            details.state() + " " + details.participants().size()));
                    conference.releaseConference();
                    System.out.println("released: " + conference.getConferenceDetails().isEmpty());
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void aConsumerThatRequiresOnlyTheFacadeCompilesAndRuns(WebexSimulator simulator) throws Exception {
        Path classes = compile("module example.consumer { requires io.github.wxcsdk.conference; }", MAIN)
                .assertSucceeded();

        Process process = new ProcessBuilder(javaExecutable(), "--module-path", classes + pathSeparator() + modulePath(),
                "-m", "example.consumer/example.Main", simulator.baseUrl(), TOKEN,
                simulator.createCall(TOKEN), simulator.createCall(TOKEN))
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the consumer did not finish within 60 s");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("CONNECTED 2") || output.contains("connected 2"), output);
        assertTrue(output.contains("released: true"), output);
    }

    @Test
    void internalPackagesOfTheFacadeAreNotVisible() throws IOException {
        Compilation compilation = compile("module example.consumer { requires io.github.wxcsdk.conference; }", """
                package example;

                public class Main {
                    io.github.wxcsdk.internal.Clients clients;
                }
                """);
        compilation.assertFailedWith("package io.github.wxcsdk.internal is not visible");
    }

    @Test
    void generatedPackagesAreNotVisibleEvenWhenTheirModuleIsRequired() throws IOException {
        String main = """
                package example;

                public class Main {
                    io.github.wxcsdk.internal.generated.conference.model.ConferenceDetails details;
                }
                """;
        compile("module example.consumer { requires io.github.wxcsdk.conference; }", main)
                .assertFailedWith("package io.github.wxcsdk.internal.generated.conference.model is not visible");
        // exported to the facade only
        compile("module example.consumer { requires io.github.wxcsdk.conference; "
                + "requires io.github.wxcsdk.conference.client; }", main)
                .assertFailedWith("package io.github.wxcsdk.internal.generated.conference.model is not visible");
    }

    private Compilation compile(String moduleInfo, String main) throws IOException {
        Path sources = Files.createTempDirectory(work, "src");
        Path classes = Files.createTempDirectory(work, "classes");
        Files.writeString(sources.resolve("module-info.java"), moduleInfo);
        Files.createDirectories(sources.resolve("example"));
        Files.writeString(sources.resolve("example/Main.java"), main);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                "--module-path", modulePath()));
        arguments.add(sources.resolve("module-info.java").toString());
        arguments.add(sources.resolve("example/Main.java").toString());
        int status = javac.run(null, diagnostics, new PrintStream(diagnostics, true, StandardCharsets.UTF_8),
                arguments.toArray(String[]::new));
        return new Compilation(status, diagnostics.toString(StandardCharsets.UTF_8), classes);
    }

    /** The facade's packaged jar and its runtime dependencies, as Maven resolved them (dependency:build-classpath). */
    private static String modulePath() throws IOException {
        String path = Files.readString(Path.of(System.getProperty("facade.module.path"))).trim();
        assertTrue(path.contains("wxc-sdk-conference-0") && path.contains(".jar"),
                "the facade must be on the module path as its packaged jar: " + path);
        return path;
    }

    private static String pathSeparator() {
        return System.getProperty("path.separator");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Compilation(int status, String diagnostics, Path classes) {
        Path assertSucceeded() {
            assertEquals(0, status, diagnostics);
            return classes;
        }

        void assertFailedWith(String expected) {
            assertNotEquals(0, status, "compiled, but should not have");
            assertTrue(diagnostics.contains(expected), diagnostics);
        }
    }
}
