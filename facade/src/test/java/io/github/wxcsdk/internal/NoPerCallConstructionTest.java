package io.github.wxcsdk.internal;

import io.github.wxcsdk.internal.http.JdkHttpTransport;
import io.github.wxcsdk.internal.wire.WireMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.internal.generated.conference.model.ConferenceDetails;
import io.github.wxcsdk.internal.generated.conference.model.MuteRequest;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.CannedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 6: the {@code ObjectMapper}, the {@code HttpClient} and the Feign proxy are built once per client, never per
 * call. Rather than trust that some fields stay the same, this measures the whole call path: a call (details or mute)
 * must allocate less, on the threads that run it, than building a mapper or a Feign proxy does, and must start no
 * thread, as building an {@code HttpClient} does (and as {@code sendAsync} did on small machines, once per call). The
 * costs of building each are measured here too, so the test cannot pass vacuously after a JDK, Jackson or Feign
 * upgrade.
 */
class NoPerCallConstructionTest {
    private static final String DETAILS = "{\"state\":\"connected\",\"appearance\":2,"
            + "\"created\":\"2026-03-04T10:15:30.123Z\",\"muted\":false,\"participants\":["
            + "{\"callId\":\"Y2lzY29zcGFyazovL3VzL0NBTEwvMDAwMQ\",\"muted\":false,\"deafened\":false},"
            + "{\"callId\":\"Y2lzY29zcGFyazovL3VzL0NBTEwvMDAwMg\",\"muted\":true,\"deafened\":false}]}";
    private static final int WARM_UP = 2000;
    private static final int CALLS = 1000;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private CannedServer server;
    private ConferenceControlsApi conference;

    @BeforeEach
    void start() {
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM cannot count allocated bytes per thread");
        server = CannedServer.start(DETAILS);
        conference = WebexSimpleApi.builder().accessToken("test-token").baseUrl(server.baseUrl()).build()
                .telephony().conference();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCallAllocatesLessThanAnyOfTheSharedInstancesAndStartsNoThread() {
        callPairs(WARM_UP);
        long startedBefore = threads.getTotalStartedThreadCount();
        long allocatedBefore = clientThreadsAllocated();
        callPairs(CALLS);
        long perCall = (clientThreadsAllocated() - allocatedBefore) / (2L * CALLS);
        long started = threads.getTotalStartedThreadCount() - startedBefore;

        long mapper = constructionCost(() -> {
            ObjectMapper fresh = WireMapper.create();
            try {
                fresh.writeValueAsBytes(new MuteRequest().callId("Y2lzY29zcGFyazovL3VzL0NBTEwvMDAwMQ"));
                return fresh.readValue(DETAILS, ConferenceDetails.class);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        long threadsBefore = threads.getTotalStartedThreadCount();
        new JdkHttpTransport(Duration.ofSeconds(1));
        long httpClientThreads = threads.getTotalStartedThreadCount() - threadsBefore;
        long proxy = constructionCost(() -> Feign.builder().target(ConferenceControlsClient.class, server.baseUrl()));
        System.out.printf("per call %d B; building an ObjectMapper (used once) %d B, a Feign proxy %d B;"
                + " threads started by %d calls: %d, by building an HttpClient: %d%n", perCall, mapper, proxy,
                2 * CALLS, started, httpClientThreads);

        assertTrue(httpClientThreads >= 1, "building an HttpClient no longer starts a thread: find another sign");
        assertTrue(started < CALLS / 10, started + " threads started during " + 2 * CALLS + " calls");
        assertTrue(perCall < mapper, "a call allocates " + perCall + " B, building an ObjectMapper " + mapper);
        assertTrue(perCall < proxy, "a call allocates " + perCall + " B, building a Feign proxy " + proxy);
    }

    private void callPairs(int pairs) {
        for (int i = 0; i < pairs; i++) {
            assertTrue(conference.getConferenceDetails().isPresent());
            conference.mute("Y2lzY29zcGFyazovL3VzL0NBTEwvMDAwMQ");
        }
    }

    /** Bytes allocated so far by this thread and the HTTP client's own threads (the stub's are not counted). */
    private long clientThreadsAllocated() {
        long total = threads.getCurrentThreadAllocatedBytes();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("HttpClient-")) {
                total += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
            }
        }
        return total;
    }

    /** The fewest bytes one construction allocates on this thread, after a first one has loaded the classes. */
    private long constructionCost(Supplier<Object> construction) {
        construction.get();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            Object built = construction.get();
            fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
            assertTrue(built != null);
        }
        return fewest;
    }
}
