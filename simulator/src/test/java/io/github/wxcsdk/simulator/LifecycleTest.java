package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Starting, addressing and stopping a simulator. */
class LifecycleTest {
    /** Generous, for a loaded 2-core CI machine; the measured time is printed. */
    private static final Duration START_BOUND = Duration.ofSeconds(2);
    private static final Duration STOP_BOUND = Duration.ofSeconds(2);

    @Test
    void startsFastAndServesOnAnEphemeralLoopbackPort() {
        long started = System.nanoTime();
        try (WebexSimulator simulator = WebexSimulator.start()) {
            long listening = System.nanoTime();
            int status = SimClient.newUser(simulator).get(CONFERENCE).statusCode();
            long served = System.nanoTime();

            assertEquals(200, status);
            Duration startup = Duration.ofNanos(listening - started);
            System.out.printf("Simulator start-up: start() %d ms, start() to first answer %d ms%n",
                    startup.toMillis(), Duration.ofNanos(served - started).toMillis());
            assertTrue(startup.compareTo(START_BOUND) < 0, "start() took " + startup);
            assertTrue(simulator.port() > 0);
            assertEquals("http://127.0.0.1:" + simulator.port() + "/v1", simulator.baseUrl());
        }
    }

    @Test
    void listensOnLoopbackOnly() throws SocketException {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        Assumptions.assumeTrue(external.isPresent(), "no non-loopback IPv4 address to test with");

        try (WebexSimulator simulator = WebexSimulator.start()) {
            assertThrows(ConnectException.class, () -> connect(external.get(), simulator.port()));
            assertDoesNotThrow(() -> connect(InetAddress.getByName("127.0.0.1"), simulator.port()));
        }
    }

    @Test
    void startsOnAGivenPortAndRefusesABusyOne() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        try (WebexSimulator simulator = WebexSimulator.start(port)) {
            assertEquals(port, simulator.port());
            assertEquals(200, SimClient.newUser(simulator).get(CONFERENCE).statusCode());

            UncheckedIOException busy = assertThrows(UncheckedIOException.class, () -> WebexSimulator.start(port));
            assertTrue(busy.getMessage().contains(String.valueOf(port)), busy.getMessage());
        }
    }

    @Test
    void rejectsAnInvalidPort() {
        assertThrows(IllegalArgumentException.class, () -> WebexSimulator.start(-1));
        assertThrows(IllegalArgumentException.class, () -> WebexSimulator.start(65536));
    }

    @Test
    void closeReleasesThePortPromptlyAndTwiceIsHarmless() {
        WebexSimulator simulator = WebexSimulator.start();
        int port = simulator.port();
        assertEquals(200, SimClient.newUser(simulator).get(CONFERENCE).statusCode());

        long started = System.nanoTime();
        simulator.close();
        Duration stop = Duration.ofNanos(System.nanoTime() - started);

        System.out.printf("Simulator close: %d ms%n", stop.toMillis());
        assertTrue(stop.compareTo(STOP_BOUND) < 0, "close() took " + stop);
        assertThrows(ConnectException.class, () -> connect(InetAddress.getByName("127.0.0.1"), port));
        assertDoesNotThrow(simulator::close);
    }

    @Test
    void closeDoesNotWaitForADelayedFault() throws Exception {
        WebexSimulator simulator = WebexSimulator.start();
        SimClient user = SimClient.newUser(simulator);
        simulator.addFault(user.token(), Fault.of(504).withDelay(Fault.MAX_DELAY));
        CompletableFuture<Object> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return user.get(CONFERENCE).statusCode();
            } catch (UncheckedIOException e) {
                return e;
            }
        });
        // wait until a worker is sleeping in the fault's delay, not for a fixed time
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!aWorkerIsInFaultDelay()) {
            assertTrue(System.nanoTime() < deadline, "the request never reached the fault's delay");
            Thread.onSpinWait();
        }

        long started = System.nanoTime();
        simulator.close();
        Duration stop = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(stop.compareTo(STOP_BOUND) < 0, "close() took " + stop);
        inFlight.get(STOP_BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    private static boolean aWorkerIsInFaultDelay() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("wxcsim-"))
                .flatMap(e -> Arrays.stream(e.getValue()))
                .anyMatch(frame -> frame.getClassName().equals(Router.class.getName())
                        && frame.getMethodName().equals("pause"));
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }
}
