package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.CountingServer;
import io.github.wxcsdk.testing.FakeTime;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One client shared by many threads, against a loopback server. */
class ConcurrencyTest {

    @Test
    void maxConcurrentRequestsBoundsWhatTheServerSees() throws Exception {
        int bound = 3;
        try (CountingServer server = CountingServer.start(25)) {
            ConferenceControlsApi conference = TestClients.builder(server.baseUrl(), new FakeTime())
                    .maxConcurrentRequests(bound).build().telephony().conference();

            long millis = runConcurrently(12, 5, conference, ConferenceControlsApi::hold);

            assertEquals(60, server.trackingIds().size());
            assertTrue(server.maxInFlight() <= bound, "in flight at once: " + server.maxInFlight());
            assertTrue(server.maxInFlight() > 1, "the test must really run requests in parallel");
            System.out.println("maxConcurrentRequests(" + bound + "): at most " + server.maxInFlight()
                    + " in flight, " + millis + " ms");
        }
    }

    /** Bounded: 32 threads, 100 calls each, a few seconds on two cores. */
    @Test
    void oneClientServesManyThreadsWithAUniqueTrackingIdPerCall() throws Exception {
        int threads = 32;
        int callsPerThread = 100;
        try (CountingServer server = CountingServer.start(0)) {
            ConferenceControlsApi conference = TestClients.builder(server.baseUrl(), new FakeTime())
                    .build().telephony().conference();
            List<Consumer<ConferenceControlsApi>> mix = List.of(ConferenceControlsApi::getConferenceDetails,
                    c -> c.mute("c1"), ConferenceControlsApi::hold, c -> c.startConference("c1", "c2"),
                    ConferenceControlsApi::releaseConference);

            AtomicInteger next = new AtomicInteger();

            long millis = runConcurrently(threads, callsPerThread, conference,
                    api -> mix.get(Math.floorMod(next.getAndIncrement(), mix.size())).accept(api));

            List<String> trackingIds = server.trackingIds();
            assertEquals(threads * callsPerThread, trackingIds.size(), "one request per call, no retries");
            assertEquals(trackingIds.size(), new HashSet<>(trackingIds).size(), "every TrackingID unique");
            System.out.println("stress: " + threads + " threads, " + trackingIds.size() + " calls, " + millis
                    + " ms, at most " + server.maxInFlight() + " in flight");
        }
    }

    /** @return milliseconds taken; fails on the first call that threw */
    private static long runConcurrently(int threads, int callsPerThread, ConferenceControlsApi conference,
                                        Consumer<ConferenceControlsApi> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < callsPerThread; i++) {
                        call.accept(conference);
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
