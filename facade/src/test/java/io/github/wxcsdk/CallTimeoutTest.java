package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.RawSocketServer;
import io.github.wxcsdk.testing.SchedulerLateness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code callTimeout} in real time, against a server that reads requests and never answers: no call may run past its
 * limit by more than {@value #TOLERATED_OVERRUN_MILLIS} ms, whatever it is waiting for. On a machine so busy that
 * any timed wait wakes up late, the test allows that measured lateness on top (see {@link SchedulerLateness}).
 */
class CallTimeoutTest {
    private static final long CALL_TIMEOUT_MILLIS = 300;
    private static final long TOLERATED_OVERRUN_MILLIS = 100;
    private static RawSocketServer silent;

    @BeforeAll
    static void start() {
        silent = RawSocketServer.silent();
    }

    @AfterAll
    static void stop() {
        silent.close();
    }

    @Test
    void aRetriedReadEndsAtTheCallTimeout() {
        assertEndsInTime(ConferenceControlsApi::getConferenceDetails, WebexTimeoutException.class);
    }

    @Test
    void aStateChangeEndsAtTheCallTimeout() {
        assertEndsInTime(ConferenceControlsApi::hold, WebexTimeoutException.class);
    }

    @Test
    void aStartEndsAtTheCallTimeoutWithAnUnknownOutcome() {
        assertEndsInTime(conference -> conference.startConference("c1", "c2"), WebexOutcomeUnknownException.class);
    }

    @Test
    void waitingForARequestSlotCountsAgainstTheCallTimeout() throws Exception {
        ConferenceControlsApi conference = client(builder -> builder.maxConcurrentRequests(1));
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() ->
                assertThrows(WebexException.class, conference::hold));
        Thread.sleep(CALL_TIMEOUT_MILLIS / 3);
        // starts while the slot is taken and gets it shortly before its own deadline
        assertTimed(conference::hold, WebexTimeoutException.class);
        holder.get(5, TimeUnit.SECONDS);
    }

    private static void assertEndsInTime(Consumer<ConferenceControlsApi> call, Class<?> expected) {
        ConferenceControlsApi conference = client(builder -> { });
        for (int i = 0; i < 3; i++) {
            assertTimed(() -> call.accept(conference), expected);
        }
    }

    private static void assertTimed(Executable call, Class<?> expected) {
        try (SchedulerLateness lateness = SchedulerLateness.sample()) {
            long started = System.nanoTime();
            WebexException thrown = assertThrows(WebexException.class, call);
            long overrun = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) - CALL_TIMEOUT_MILLIS;
            long late = lateness.maxMillis();
            System.out.println("callTimeout overrun: " + overrun + " ms (" + thrown.getClass().getSimpleName()
                    + "; timed waits ran up to " + late + " ms late meanwhile)");
            assertInstanceOf(expected, thrown);
            assertTrue(overrun <= TOLERATED_OVERRUN_MILLIS + late, "overran callTimeout by " + overrun + " ms");
        }
    }

    private static ConferenceControlsApi client(Consumer<WebexSimpleApi.Builder> adjust) {
        WebexSimpleApi.Builder builder = TestClients.realTimeBuilder(silent.baseUrl())
                .callTimeout(Duration.ofMillis(CALL_TIMEOUT_MILLIS))
                .readTimeout(Duration.ofSeconds(30));
        adjust.accept(builder);
        return builder.build().telephony().conference();
    }
}
