package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's quick start compiles as written and does what it says against a stub server. */
class ReadmeQuickStartTest {
    private static final Pattern QUICKSTART = Pattern.compile("<!-- quickstart:[^>]*-->\\s*```java\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void quickStartCompilesAndRuns(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("QuickStart.java");
        Files.writeString(source, quickStartBlock());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "-Xlint:all", "-Werror", "-d", dir.toString(),
                "-classpath", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));

        try (StubServer stub = StubServer.start();
             URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            for (int i = 0; i < 6; i++) {
                stub.enqueue(StubServer.Answer.noContent());
            }
            stub.enqueue(StubServer.Answer.json(ConferenceDetailsParsingTest.OFFICIAL_EXAMPLE));
            stub.enqueue(StubServer.Answer.json(404, "{\"message\": \"Conference does not exist.\"}"));
            ConferenceControlsApi conference = TestClients.builder(stub, new FakeTime()).build()
                    .telephony().conference();

            String out = captureStdout(() -> loader.loadClass("QuickStart")
                    .getMethod("run", ConferenceControlsApi.class, String.class, String.class, String.class)
                    .invoke(null, conference, "c1", "c2", "c3"));

            assertEquals("connected with 2 participants", out.strip());
            List<String> calls = stub.requests().stream().map(r -> r.method() + " " + r.path()).toList();
            assertEquals(List.of("POST /v1/telephony/conference", "POST /v1/telephony/conference/addParticipant",
                    "POST /v1/telephony/conference/mute", "POST /v1/telephony/conference/mute",
                    "POST /v1/telephony/conference/hold", "POST /v1/telephony/conference/resume",
                    "GET /v1/telephony/conference", "DELETE /v1/telephony/conference"), calls);
        }
    }

    private static String quickStartBlock() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher matcher = QUICKSTART.matcher(readme);
        assertTrue(matcher.find(), "README.md has a quickstart block");
        return matcher.group(1);
    }

    /** Runs the action with System.out captured; the quick start prints, which is what it shows users. */
    private static String captureStdout(ThrowingRunnable action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
