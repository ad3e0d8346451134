package io.github.wxcsdk;

import io.github.wxcsdk.testing.StubServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A synchronous client that is dropped without {@code close()} holds no thread once it is garbage: neither the SDK's
 * deadline thread nor the JDK HttpClient's selector thread outlives it. The only wait is the deadline thread's idle
 * time (about 2 s) and the garbage collector, polled with a bound.
 */
class DroppedClientThreadsTest {
    private static final int CLIENTS = 20;

    @Test
    void droppedSyncClientsHoldNoThreadsAfterAGc() throws InterruptedException {
        List<String> before = clientThreads();
        try (StubServer stub = StubServer.start()) {
            makeOneCallOnEachOfManyClients(stub);
            assertTrue(clientThreads().size() > before.size(), "the clients had threads while in use");
            List<String> left = clientThreads();
            long giveUpAt = System.nanoTime() + 20_000_000_000L;
            while (left.size() > before.size() && System.nanoTime() < giveUpAt) {
                System.gc();
                Thread.sleep(100);
                left = clientThreads();
            }
            assertEquals(before, left, "threads of dropped clients still alive after GC");
            assertEquals(CLIENTS, stub.requests().size());
        }
    }

    /** Builds the clients in a frame of its own, so nothing on the test's stack keeps one reachable. */
    private static void makeOneCallOnEachOfManyClients(StubServer stub) {
        for (int i = 0; i < CLIENTS; i++) {
            TestClients.realTimeBuilder(stub.baseUrl()).build().telephony().conference().hold();
        }
    }

    /** The threads a synchronous client starts: the SDK's deadline thread and the JDK HttpClient's selector. */
    private static List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("wxc-sdk-deadlines") || name.matches("HttpClient-\\d+-SelectorManager"))
                .sorted()
                .collect(Collectors.toList());
    }
}
