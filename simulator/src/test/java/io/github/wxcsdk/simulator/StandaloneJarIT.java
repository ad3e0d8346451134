package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged runnable jar, run as users run it: {@code java -jar target/wxc-sdk-simulator.jar}. */
class StandaloneJarIT {
    private static final Path STANDALONE_JAR = Path.of(System.getProperty("standalone.jar"));
    private static final Path THIN_JAR = Path.of(System.getProperty("thin.jar"));
    private static final Pattern SERVING = Pattern.compile("Webex simulator serving http://127\\.0\\.0\\.1:(\\d+)/v1");
    private static final Duration PROCESS_BOUND = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void printsTheBaseUrlServesAndStopsCleanlyOnSigterm() throws Exception {
        Path stderr = temp.resolve("stderr.txt");
        long launched = System.nanoTime();
        Process process = java("--port", "0").redirectError(stderr.toFile()).start();
        try {
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = assertTimeoutPreemptively(PROCESS_BOUND, stdout::readLine);
            long printed = System.nanoTime();

            assertNotNull(line, () -> "no output; stderr: " + read(stderr));
            Matcher serving = SERVING.matcher(line);
            assertTrue(serving.matches(), line);
            int port = Integer.parseInt(serving.group(1));
            assertEquals(200, new SimClient(port, "standalone-user").get(CONFERENCE).statusCode());
            System.out.printf("Standalone jar: launch to printed line %d ms, to first answer %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(printed - launched),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched));

            process.destroy();

            assertTrue(process.waitFor(PROCESS_BOUND.toSeconds(), TimeUnit.SECONDS), "still running after SIGTERM");
            assertEquals(143, process.exitValue(), "128 + SIGTERM");
            assertTrue(read(stderr).contains("Webex simulator on port " + port + " stopped"), () -> read(stderr));
            assertFalse(read(stderr).contains("serving"), () -> "the serving line is printed once, on stdout: "
                    + read(stderr));
            assertThrows(ConnectException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), port).close());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void helpPrintsUsageAndExits0() throws Exception {
        Process process = java("--help").redirectErrorStream(true).start();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(PROCESS_BOUND.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertTrue(output.startsWith("Usage: java -jar wxc-sdk-simulator.jar [--port PORT]"), output);
    }

    @Test
    void badArgumentsExit2() throws Exception {
        Process process = java("--port", "not-a-port").redirectErrorStream(true).start();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(PROCESS_BOUND.toSeconds(), TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("Not a port number: not-a-port"), output);
    }

    @Test
    void standaloneJarCarriesItsDependenciesAndTheThinJarDoesNot() throws IOException {
        try (JarFile standalone = new JarFile(STANDALONE_JAR.toFile())) {
            assertEquals(SimulatorMain.class.getName(),
                    standalone.getManifest().getMainAttributes().getValue("Main-Class"));
            assertNotNull(standalone.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class"));
            assertNotNull(standalone.getEntry("org/slf4j/simple/SimpleLogger.class"));
            assertNotNull(standalone.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"));
            assertEquals(null, standalone.getEntry("org/junit/jupiter/api/Test.class"));
            assertEquals(null, standalone.getEntry("io/github/wxcsdk/simulator/WebexSimulatorExtension.class"));
        }
        try (JarFile thin = new JarFile(THIN_JAR.toFile())) {
            List<String> foreign = new ArrayList<>();
            thin.stream().map(e -> e.getName())
                    .filter(name -> name.endsWith(".class") && !name.startsWith("io/github/wxcsdk/simulator/"))
                    .forEach(foreign::add);
            assertEquals(List.of(), foreign);
            assertNotNull(thin.getEntry("io/github/wxcsdk/simulator/WebexSimulatorExtension.class"));
        }
        assertFalse(STANDALONE_JAR.equals(THIN_JAR));
    }

    private ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", STANDALONE_JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
