package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The standalone main, run in-process. */
class SimulatorMainTest {
    private static final Pattern SERVING = Pattern.compile("Webex simulator serving http://127\\.0\\.0\\.1:(\\d+)/v1");

    @Test
    void printsTheBaseUrlServesAndStopsOnShutdown() throws Exception {
        LineCapture out = new LineCapture();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch shutdown = new CountDownLatch(1);

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SimulatorMain.run(
                new String[] {"--port", "0"}, out.stream(), new PrintStream(err, true, StandardCharsets.UTF_8),
                shutdown));
        String line = out.lines.poll(10, TimeUnit.SECONDS);

        assertNotNull(line, "nothing printed; stderr: " + err);
        Matcher serving = SERVING.matcher(line);
        assertTrue(serving.matches(), line);
        int port = Integer.parseInt(serving.group(1));
        assertEquals(200, new SimClient(port, "main-user").get(CONFERENCE).statusCode());

        shutdown.countDown();

        assertEquals(SimulatorMain.EXIT_OK, exit.get(10, TimeUnit.SECONDS));
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), port).close());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsThePortInEqualsForm() throws Exception {
        LineCapture out = new LineCapture();
        CountDownLatch shutdown = new CountDownLatch(1);

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SimulatorMain.run(
                new String[] {"--port=0"}, out.stream(), System.err, shutdown));

        assertTrue(SERVING.matcher(out.lines.poll(10, TimeUnit.SECONDS)).matches());
        shutdown.countDown();
        assertEquals(SimulatorMain.EXIT_OK, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void printsTheServingLineOnceAndAppliesTheRateLimit() throws Exception {
        LineCapture out = new LineCapture();
        CountDownLatch shutdown = new CountDownLatch(1);

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SimulatorMain.run(
                new String[] {"--port=0", "--rate-limit", "window:1/60s"}, out.stream(), System.err, shutdown));
        Matcher serving = SERVING.matcher(out.lines.poll(10, TimeUnit.SECONDS));
        assertTrue(serving.matches());
        assertEquals("Rate limit per token: window:1/60s", out.lines.poll(10, TimeUnit.SECONDS));
        SimClient user = new SimClient(Integer.parseInt(serving.group(1)), "limited-user");

        assertEquals(200, user.get(CONFERENCE).statusCode());
        assertEquals(429, user.get(CONFERENCE).statusCode());
        shutdown.countDown();
        assertEquals(SimulatorMain.EXIT_OK, exit.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(), List.copyOf(out.lines), "nothing else on stdout");
    }

    @Test
    void helpPrintsUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = SimulatorMain.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, new CountDownLatch(0));

        assertEquals(SimulatorMain.EXIT_OK, status);
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("Usage: java -jar wxc-sdk-simulator.jar [--port PORT]"), usage);
        assertTrue(usage.contains("--help"), usage);
        assertTrue(usage.contains("--rate-limit LIMIT"), usage);
        assertTrue(usage.contains("bucket:40/s,burst=10"), usage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port", "--port abc", "--port 70000", "--port -1", "--verbose", "8080", "--rate-limit",
        "--rate-limit fast", "--rate-limit=bucket:0/s", "--rate-limit window:1/60s,burst=2"})
    void badArgumentsPrintUsageAndExitWith2(String args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = SimulatorMain.run(args.split(" "), System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
                new CountDownLatch(0));

        assertEquals(SimulatorMain.EXIT_USAGE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage:"), err::toString);
    }

    @Test
    void aBusyPortExitsWith1() {
        try (WebexSimulator busy = WebexSimulator.start()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = SimulatorMain.run(new String[] {"--port", String.valueOf(busy.port())}, System.out,
                    new PrintStream(err, true, StandardCharsets.UTF_8), new CountDownLatch(0));

            assertEquals(SimulatorMain.EXIT_CANNOT_START, status);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("Cannot listen on 127.0.0.1:" + busy.port()),
                    err::toString);
        }
    }

    /** A PrintStream whose complete lines arrive in a queue, so the test waits for output instead of sleeping. */
    private static final class LineCapture extends OutputStream {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        PrintStream stream() {
            return new PrintStream(this, true, StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8).stripTrailing());
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
