package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.RawSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code callTimeout} against a server that reads requests and never answers, with a read timeout of
 * {@value #READ_TIMEOUT_SECONDS} s: whatever a call waits for (an answer, a retry, a request slot), its callTimeout
 * ends it, with the exception the rules say. In real time, how long a call took is only bounded far above the
 * callTimeout ({@value #ENDED_WITHIN_SECONDS} s, well below the read timeout, so a call left to the read timeout
 * fails): on a busy machine a timed wait may wake up late, and that is not what this test is about. What the SDK's
 * own deadline decides (resend or not, send at all or not) runs on fake time, where it is exact.
 */
class CallTimeoutTest {
    private static final long CALL_TIMEOUT_MILLIS = 300;
    private static final long READ_TIMEOUT_SECONDS = 30;
    /** A call cut by its callTimeout ends long before this; one left to the read timeout ends after it. */
    private static final long ENDED_WITHIN_SECONDS = 10;
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
        assertEndsAtTheCallTimeout(ConferenceControlsApi::getConferenceDetails, WebexTimeoutException.class);
    }

    @Test
    void aStateChangeEndsAtTheCallTimeout() {
        assertEndsAtTheCallTimeout(ConferenceControlsApi::hold, WebexTimeoutException.class);
    }

    @Test
    void aStartEndsAtTheCallTimeoutWithAnUnknownOutcome() {
        assertEndsAtTheCallTimeout(conference -> conference.startConference("c1", "c2"),
                WebexOutcomeUnknownException.class);
    }

    @Test
    void waitingForARequestSlotCountsAgainstTheCallTimeout() throws Exception {
        ConferenceControlsApi conference = client(builder -> builder.maxConcurrentRequests(1));
        CompletableFuture<Void> holder = holdTheOnlySlot(conference);
        // starts while the slot is taken and gets it shortly before its own deadline, or not at all
        assertEnds(conference::hold, WebexTimeoutException.class);
        holder.get(ENDED_WITHIN_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * On fake time, exactly: a call whose callTimeout passes while it waits for the only request slot fails without
     * sending anything, with the callTimeout's own exception, however long the wait really took.
     */
    @Test
    void aCallWhoseTimeoutPassedWhileWaitingForASlotSendsNothing() throws Exception {
        FakeTime time = new FakeTime();
        ConferenceControlsApi conference = TestClients.builder(silent.baseUrl(), time)
                .callTimeout(Duration.ofMillis(CALL_TIMEOUT_MILLIS))
                .readTimeout(Duration.ofSeconds(READ_TIMEOUT_SECONDS))
                .maxConcurrentRequests(1)
                .build().telephony().conference();
        CompletableFuture<Void> holder = holdTheOnlySlot(conference);
        int connections = silent.connections();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            try {
                conference.hold();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }, runnable -> new Thread(runnable, "slot-waiter").start());
        awaitWaitingForASlot(waiter);
        time.sleep(Duration.ofMillis(CALL_TIMEOUT_MILLIS));

        Throwable thrown = waiting.get(ENDED_WITHIN_SECONDS, TimeUnit.SECONDS);
        assertInstanceOf(WebexTimeoutException.class, thrown, () -> messages(thrown));
        // ended by its own deadline (no attempt failed: no cause), not by a read timeout of an attempt it sent
        assertTrue(thrown.getMessage().startsWith("The call did not complete within its callTimeout of "
                + CALL_TIMEOUT_MILLIS + " ms; nothing was sent"), thrown.getMessage());
        assertEquals(null, thrown.getCause(), () -> messages(thrown));
        holder.get(ENDED_WITHIN_SECONDS, TimeUnit.SECONDS);
        assertEquals(connections, silent.connections(), "the call that timed out waiting sent nothing");
    }

    /**
     * On fake time, which stands still while an attempt waits for the silent server and moves only by the SDK's
     * waits between attempts: a timed-out read is resent after each wait while the callTimeout leaves time for it,
     * and the call ends with a timeout after exactly one attempt more than it waited, whatever the machine's speed.
     */
    @Test
    void aTimedOutReadIsResentOnlyWhileTheCallTimeoutLeavesTime() {
        FakeTime time = new FakeTime();
        ConferenceControlsApi conference = TestClients.builder(silent.baseUrl(), time)
                .callTimeout(Duration.ofMillis(CALL_TIMEOUT_MILLIS))
                .readTimeout(Duration.ofSeconds(READ_TIMEOUT_SECONDS))
                .build().telephony().conference();

        WebexException thrown = assertThrows(WebexException.class, conference::getConferenceDetails);

        assertInstanceOf(WebexTimeoutException.class, thrown, () -> messages(thrown));
        List<Duration> waits = time.sleeps();
        long waited = waits.stream().mapToLong(Duration::toMillis).sum();
        assertFalse(waits.isEmpty(), "a timed-out read is resent while time is left");
        assertTrue(waited < CALL_TIMEOUT_MILLIS, "waits within the callTimeout: " + waits);
        int attempts = waits.size() + 1;
        assertTrue(thrown.getMessage().contains("after " + attempts + " attempts"), thrown.getMessage());
    }

    /** @return the holder's call, once its request has reached the server (then it holds the slot) */
    private static CompletableFuture<Void> holdTheOnlySlot(ConferenceControlsApi conference)
            throws InterruptedException {
        int connections = silent.connections();
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() ->
                assertThrows(WebexException.class, conference::hold));
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(ENDED_WITHIN_SECONDS);
        while (silent.connections() == connections && !holder.isDone() && System.nanoTime() - giveUpAt < 0) {
            Thread.sleep(5);
        }
        return holder;
    }

    /** Returns once {@code waiter} waits for a request slot (its callTimeout has started before). */
    private static void awaitWaitingForASlot(AtomicReference<Thread> waiter) throws InterruptedException {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(ENDED_WITHIN_SECONDS);
        while (System.nanoTime() - giveUpAt < 0) {
            Thread thread = waiter.get();
            if (thread != null && Arrays.stream(thread.getStackTrace())
                    .anyMatch(frame -> frame.getMethodName().equals("acquirePermit"))) {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the second call never waited for a request slot");
    }

    private static void assertEndsAtTheCallTimeout(Consumer<ConferenceControlsApi> call,
                                                   Class<? extends WebexException> expected) {
        ConferenceControlsApi conference = client(builder -> { });
        for (int i = 0; i < 3; i++) {
            assertEnds(() -> call.accept(conference), expected);
        }
    }

    /** @return what {@code call} threw, of the {@code expected} class, after checking it ended in time */
    private static WebexException assertEnds(Executable call, Class<? extends WebexException> expected) {
        long started = System.nanoTime();
        WebexException thrown = assertThrows(WebexException.class, call);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("callTimeout of " + CALL_TIMEOUT_MILLIS + " ms: the call took " + tookMillis + " ms ("
                + thrown.getClass().getSimpleName() + ")");
        assertInstanceOf(expected, thrown, () -> messages(thrown));
        assertTrue(tookMillis < TimeUnit.SECONDS.toMillis(ENDED_WITHIN_SECONDS),
                "ended by the callTimeout, not the read timeout: took " + tookMillis + " ms");
        return thrown;
    }

    private static String messages(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            messages.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(" / ");
        }
        return messages.toString();
    }

    private static ConferenceControlsApi client(Consumer<WebexSimpleApi.Builder> adjust) {
        WebexSimpleApi.Builder builder = TestClients.realTimeBuilder(silent.baseUrl())
                .callTimeout(Duration.ofMillis(CALL_TIMEOUT_MILLIS))
                .readTimeout(Duration.ofSeconds(READ_TIMEOUT_SECONDS));
        adjust.accept(builder);
        return builder.build().telephony().conference();
    }
}
