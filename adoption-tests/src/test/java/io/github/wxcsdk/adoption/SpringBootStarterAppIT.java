package io.github.wxcsdk.adoption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wxcsdk.simulator.GrantCounts;
import io.github.wxcsdk.simulator.Integration;
import io.github.wxcsdk.simulator.WebexSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A user's Spring Boot application (src/it/spring-boot-app: Boot's parent, web, actuator, and the starter as its only
 * SDK dependency) built by Maven as the user would build it, then run as {@code java -jar} against a simulator that
 * outlives it, as Webex does, configured by properties alone:
 * <ol>
 *   <li>the injected client runs start, mute, details, release;</li>
 *   <li>{@code /actuator/health} shows {@code webex} UP, over HTTP;</li>
 *   <li>{@code /actuator/metrics/webex.sdk.calls} counts the calls, by operation;</li>
 *   <li>{@code /actuator/env} and {@code /actuator/configprops} show values, but no secret; nor does the log;</li>
 *   <li>after a restart, the rotated refresh token that the file store wrote is the one used (the configured one was
 *   retired by the rotation);</li>
 *   <li>an invalid value ({@code webex.connect-timeout=-1s}) stops the start with Boot's report naming the property.</li>
 * </ol>
 * The app's build uses its own local repository: the SDK's artifacts, which {@code invoker:install} put there from this
 * reactor, and everything else from this build's local repository or Maven Central.
 */
class SpringBootStarterAppIT {
    private static final String USER = "boot-user";
    private static final String CLIENT_ID = "boot-app";
    private static final String CLIENT_SECRET = "boot-app-secret-7f3a";
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(8);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Process> started = new ArrayList<>();
    private WebexSimulator simulator;

    @BeforeEach
    void startSimulator() {
        simulator = WebexSimulator.start();
        simulator.oauth().register(USER, Integration.of(CLIENT_ID, CLIENT_SECRET));
    }

    @AfterEach
    void stopEverything() {
        started.forEach(Process::destroyForcibly);
        simulator.close();
    }

    @Test
    void aBootAppBuiltByMavenRunsFromPropertiesAloneAndKeepsItsRotatedTokenAcrossARestart() throws Exception {
        long buildStart = System.nanoTime();
        Path jar = buildApp("spring-boot-app");
        System.out.printf("spring-boot-app built by Maven in %d ms%n", (System.nanoTime() - buildStart) / 1_000_000);

        Path work = Path.of(System.getProperty("spring-boot-app.work"), "run");
        deleteRecursively(work);
        Files.createDirectories(work);
        Path tokenFile = work.resolve("state/webex-tokens.json");
        String configuredRefreshToken = simulator.oauth().issueTokens(CLIENT_ID).refreshToken();
        List<String> properties = List.of(
                "--server.port=0",
                "--webex.base-url=" + simulator.baseUrl(),
                "--webex.oauth.token-endpoint=" + simulator.baseUrl() + "/access_token",
                "--webex.oauth.client-id=" + CLIENT_ID,
                "--webex.oauth.client-secret=" + CLIENT_SECRET,
                "--webex.oauth.refresh-token=" + configuredRefreshToken,
                "--webex.token-store.file=" + tokenFile);

        // first run: start, mute, details, release; health; no secret in env or configprops
        long runStart = System.nanoTime();
        App first = start(jar, work, properties, "first");
        System.out.printf("spring-boot-app first start in %d ms%n", (System.nanoTime() - runStart) / 1_000_000);
        JsonNode conference = first.post("/conference?first=" + simulator.createCall(USER)
                + "&second=" + simulator.createCall(USER));
        assertEquals("connected", conference.get("state").asText().toLowerCase(), conference.toString());
        assertEquals(2, conference.get("participants").asInt(), conference.toString());
        assertEquals(1, conference.get("mutedParticipants").asInt(), conference.toString());
        assertTrue(conference.get("released").asBoolean(), conference.toString());

        JsonNode health = first.get("/actuator/health");
        assertEquals("UP", health.path("components").path("webex").path("status").asText(), health.toString());
        assertEquals("oauth", health.path("components").path("webex").path("details").path("tokenProvider").asText());
        assertTrue(health.path("components").path("webex").path("details").has("accessTokenExpiresAt"),
                health.toString());

        assertCallsMeasured(first);

        String env = first.get("/actuator/env").toString();
        String configprops = first.get("/actuator/configprops").toString();
        assertTrue(env.contains(simulator.baseUrl()), "env shows values: " + env.length());
        for (String shown : List.of(env, configprops, health.toString())) {
            assertFalse(shown.contains(CLIENT_SECRET), () -> "the client secret is shown: " + around(shown,
                    CLIENT_SECRET));
            assertFalse(shown.contains(configuredRefreshToken), () -> "the refresh token is shown: " + around(shown,
                    configuredRefreshToken));
        }
        assertTrue(env.contains("******"));

        String rotatedRefreshToken = storedField(tokenFile, "refresh_token");
        String storedAccessToken = storedField(tokenFile, "access_token");
        assertNotEquals(configuredRefreshToken, rotatedRefreshToken, "the first call refreshed, and Webex rotated");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tokenFile)));
        first.stop();

        // restart with the same properties: the configured refresh token is retired, the stored one must be used;
        // the stored access token is revoked, so that the restarted app has to refresh with it
        simulator.oauth().revoke(storedAccessToken);
        App second = start(jar, work, properties, "second");
        JsonNode again = second.post("/conference?first=" + simulator.createCall(USER)
                + "&second=" + simulator.createCall(USER));
        assertTrue(again.get("released").asBoolean(), again.toString());
        assertEquals("UP", second.get("/actuator/health").path("components").path("webex").path("status").asText());
        second.stop();

        GrantCounts grants = simulator.oauth().grantCounts(CLIENT_ID);
        assertEquals(2, grants.refreshToken(), "one refresh per run: " + grants);
        assertEquals(0, grants.refused(), "no refresh token was refused: " + grants);
        String newest = storedField(tokenFile, "refresh_token");
        assertNotEquals(rotatedRefreshToken, newest, "the second run refreshed with the stored token and stored the next");

        for (App app : List.of(first, second)) {
            String log = Files.readString(app.log);
            assertTrue(log.contains("Started ConferenceApplication"), log);
            for (String secret : List.of(CLIENT_SECRET, configuredRefreshToken, rotatedRefreshToken, newest,
                    storedAccessToken)) {
                assertFalse(log.contains(secret), app.log + " shows a secret");
            }
        }
        assertTrue(Files.readString(second.log).contains("Webex OAuth starts from the token set in"),
                "the restarted app says it starts from the stored set");

        // an invalid value stops the start, and Boot's failure report names the property (a secret's value never)
        List<String> invalid = new ArrayList<>(properties);
        invalid.add("--webex.connect-timeout=-1s");
        String report = failedStart(jar, work.resolve("invalid"), invalid);
        assertTrue(report.contains("webex.connect-timeout") && report.contains("connectTimeout must be positive"),
                report);
        String badSecret = "bad-secret-\u00e9-4711";
        List<String> invalidSecret = new ArrayList<>(properties.stream()
                .map(p -> p.startsWith("--webex.oauth.client-secret=") ? "--webex.oauth.client-secret=" + badSecret : p)
                .toList());
        String secretReport = failedStart(jar, work.resolve("invalid-secret"), invalidSecret);
        assertTrue(secretReport.contains("webex.oauth.client-secret") && secretReport.contains("not shown"),
                secretReport);
        assertFalse(secretReport.contains("bad-secret"), "the failure report shows the secret");
    }

    /** Starts the app with an invalid setting: it must end, failed, with Boot's failure report; returns its log. */
    private String failedStart(Path jar, Path directory, List<String> properties) throws Exception {
        Files.createDirectories(directory);
        Path log = directory.resolve("app.log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString()));
        command.addAll(properties);
        Process failing = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        started.add(failing);
        assertTrue(failing.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS), "the invalid start did not end");
        assertNotEquals(0, failing.exitValue());
        String report = Files.readString(log);
        assertTrue(report.contains("APPLICATION FAILED TO START"), tail(log));
        assertFalse(report.contains(CLIENT_SECRET), "the failure report shows the client secret");
        return report;
    }

    @Test
    void theSameStarterWorksInASpringBoot4App() throws Exception {
        long buildStart = System.nanoTime();
        Path jar = buildApp("spring-boot-4-app");
        System.out.printf("spring-boot-4-app built by Maven in %d ms%n", (System.nanoTime() - buildStart) / 1_000_000);
        Path work = Path.of(System.getProperty("spring-boot-app.work"), "run-boot4");
        deleteRecursively(work);
        String refreshToken = simulator.oauth().issueTokens(CLIENT_ID).refreshToken();
        App app = start(jar, work, List.of("--server.port=0",
                "--webex.base-url=" + simulator.baseUrl(),
                "--webex.oauth.token-endpoint=" + simulator.baseUrl() + "/access_token",
                "--webex.oauth.client-id=" + CLIENT_ID,
                "--webex.oauth.client-secret=" + CLIENT_SECRET,
                "--webex.oauth.refresh-token=" + refreshToken), "boot4");
        JsonNode conference = app.post("/conference?first=" + simulator.createCall(USER)
                + "&second=" + simulator.createCall(USER));
        assertEquals(2, conference.get("participants").asInt(), conference.toString());
        assertEquals(1, conference.get("mutedParticipants").asInt(), conference.toString());
        assertTrue(conference.get("released").asBoolean(), conference.toString());
        JsonNode health = app.get("/actuator/health");
        assertEquals("UP", health.path("components").path("webex").path("status").asText(), health.toString());
        assertCallsMeasured(app);
        String env = app.get("/actuator/env").toString();
        assertTrue(env.contains(simulator.baseUrl()), "env shows values");
        assertFalse(env.contains(CLIENT_SECRET), () -> "the client secret is shown: " + around(env, CLIENT_SECRET));
        assertFalse(env.contains(refreshToken), () -> "the refresh token is shown: " + around(env, refreshToken));
        app.stop();
        assertFalse(Files.readString(app.log).contains(CLIENT_SECRET));
    }

    /** {@code /actuator/metrics/webex.sdk.calls}: the five calls of {@code /conference}, tagged by operation. */
    private static void assertCallsMeasured(App app) throws Exception {
        JsonNode calls = app.get("/actuator/metrics/webex.sdk.calls");
        double count = -1;
        for (JsonNode measurement : calls.path("measurements")) {
            if ("COUNT".equals(measurement.path("statistic").asText())) {
                count = measurement.path("value").asDouble();
            }
        }
        assertTrue(count >= 5, "start, mute, details, release, details: " + calls);
        List<String> operations = new ArrayList<>();
        for (JsonNode tag : calls.path("availableTags")) {
            if ("operation".equals(tag.path("tag").asText())) {
                tag.path("values").forEach(value -> operations.add(value.asText()));
            }
        }
        assertTrue(operations.contains("getConferenceDetails") && operations.size() >= 4, calls.toString());
    }

    /** Builds an app with the Maven that runs this build, into its own copy, with its own local repository. */
    private Path buildApp(String name) throws IOException, InterruptedException {
        Path source = Path.of(System.getProperty("spring-boot-app.dir")).resolveSibling(name);
        Path project = Path.of(System.getProperty("spring-boot-app.work"), name);
        deleteRecursively(project);
        copyRecursively(source, project);
        Path settings = project.resolve("it-settings.xml");
        Files.writeString(settings, settings(Path.of(System.getProperty("outer.repo"))));
        Path mavenHome = Path.of(System.getProperty("maven.home"));
        String mvn = mavenHome.resolve("bin").resolve(isWindows() ? "mvn.cmd" : "mvn").toString();
        Path log = project.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(mvn, "-B", "-ntp", "-s", settings.toString(),
                "-Dmaven.repo.local=" + System.getProperty("it.repo"),
                "-Dwxc-sdk.version=" + System.getProperty("sdk.version"), "-DskipTests", "package")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_ARGS");
        Process build = builder.start();
        started.add(build);
        if (!build.waitFor(BUILD_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            fail("the app's Maven build did not finish within " + BUILD_LIMIT + ":\n" + tail(log));
        }
        assertEquals(0, build.exitValue(), "the app's Maven build failed:\n" + tail(log));
        Path jar = project.resolve("target/conference-app.jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar);
        return jar;
    }

    /**
     * This build's local repository serves the app's build as a remote one (it is read, never written); Maven Central
     * stays behind it for what this build never needed.
     */
    private static String settings(Path outerRepository) {
        String url = outerRepository.toUri().toString();
        String repository = """
                <id>outer-local</id><url>%s</url>
                <releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots>
                """.formatted(url);
        return """
                <settings>
                  <profiles>
                    <profile>
                      <id>outer-local</id>
                      <repositories><repository>%s</repository></repositories>
                      <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>outer-local</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository);
    }

    private App start(Path jar, Path work, List<String> properties, String name) throws Exception {
        Path directory = work.resolve(name);
        Files.createDirectories(directory);
        Path log = directory.resolve("app.log");
        // C1 only: a test app starts faster and runs for seconds
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString()));
        command.addAll(properties);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        started.add(process);
        Path portFile = directory.resolve("application.port");
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!Files.isRegularFile(portFile) || Files.readString(portFile).isBlank()) {
            if (!process.isAlive()) {
                fail("the app ended with " + process.exitValue() + ":\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                fail("the app did not start within " + START_LIMIT + ":\n" + tail(log));
            }
            Thread.sleep(100);
        }
        return new App(process, Integer.parseInt(Files.readString(portFile).trim()), log);
    }

    private String storedField(Path tokenFile, String field) throws IOException {
        return json.readTree(tokenFile.toFile()).get(field).asText();
    }

    private final class App {
        final Process process;
        final int port;
        final Path log;

        App(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        JsonNode get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        JsonNode post(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private JsonNode send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), response.body() + "\n" + tail(log));
            return json.readTree(response.body());
        }

        /** SIGTERM: Boot closes the context, and with it the clients. */
        void stop() throws InterruptedException {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the app did not stop within 30 s");
        }
    }

    /** Where {@code secret} shows in {@code text}, with the secret itself left out of the report. */
    private static String around(String text, String secret) {
        int at = text.indexOf(secret);
        return text.substring(Math.max(0, at - 120), at) + "[SECRET]"
                + text.substring(at + secret.length(), Math.min(text.length(), at + secret.length() + 40));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null) {
                    throw new UncheckedIOException(e);
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase().contains("win");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
