package io.github.wxcsdk;

import io.github.wxcsdk.testing.StubServer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A synchronous client that is dropped without {@code close()} holds no thread once it is garbage: neither the SDK's
 * deadline thread nor the JDK HttpClient's selector thread outlives it. The only wait is the deadline thread's idle
 * time (about 2 s) and the garbage collector, polled with a bound.
 */
class DroppedClientThreadsTest {
    private static final int CLIENTS = 20;

    @Test
    void droppedSyncClientsHoldNoThreadsAfterAGc() throws InterruptedException {
        Set<Thread> before = clientThreads();
        try (StubServer stub = StubServer.start()) {
            makeOneCallOnEachOfManyClients(stub);
            // only the threads these clients started: other tests' clients may still be winding down
            Set<Thread> started = clientThreads();
            started.removeAll(before);
            assertFalse(started.isEmpty(), "the clients had threads while in use");
            long giveUpAt = System.nanoTime() + 20_000_000_000L;
            while (started.stream().anyMatch(Thread::isAlive) && System.nanoTime() < giveUpAt) {
                System.gc();
                Thread.sleep(100);
            }
            List<String> alive = started.stream().filter(Thread::isAlive).map(Thread::getName).sorted().toList();
            assertEquals(List.of(), alive, "threads of dropped clients still alive after GC");
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
    private static Set<Thread> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("wxc-sdk-deadlines")
                        || t.getName().matches("HttpClient-\\d+-SelectorManager"))
                .collect(Collectors.toCollection(HashSet::new));
    }
}
