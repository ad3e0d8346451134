package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;
import io.github.wxcsdk.testing.RawSocketServer;
import io.github.wxcsdk.testing.StubServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What only the asynchronous API has: futures returned at once, arguments checked before a future exists,
 * completion on the client's (or the user's) executor, cancellation, the call timeout, and threads that belong to the
 * client. The shared rules (fault matrix, Retry-After table, canary) run through both APIs in their own tests.
 */
class AsyncApiTest {

    @Test
    void aCallReturnsAtOnceAndCompletesWithTheAnswer() throws Exception {
        try (StubServer stub = StubServer.start(); WebexSimpleAsyncApi api = async(stub).buildAsync()) {
            stub.enqueue(StubServer.Answer.json("{\"state\":\"connected\",\"participants\":[]}"));
            CompletableFuture<Optional<io.github.wxcsdk.telephony.conference.ConferenceDetails>> details =
                    api.telephony().conference().getConferenceDetails();
            assertEquals("connected", details.get(5, TimeUnit.SECONDS).orElseThrow().stateAsString());
            api.telephony().conference().forMember("m", "o").mute("c1").get(5, TimeUnit.SECONDS);
            assertEquals("/v1/telephony/conference/members/m/mute", stub.requests().get(1).path());
        }
    }

    @Test
    void invalidArgumentsThrowBeforeAFutureExists() {
        try (StubServer stub = StubServer.start(); WebexSimpleAsyncApi api = async(stub).buildAsync()) {
            ConferenceControlsAsyncApi conference = api.telephony().conference();
            assertThrows(NullPointerException.class, () -> conference.mute(null));
            assertThrows(IllegalArgumentException.class, () -> conference.startConference(List.of("one")));
            assertThrows(IllegalArgumentException.class, () -> conference.forMember(" "));
            assertThrows(NullPointerException.class, () -> conference.forMember("m", null));
            assertEquals(List.of(), stub.requests());
        }
    }

    @Test
    void aServerErrorFailsTheFutureWithTheSameException() {
        try (StubServer stub = StubServer.start(); WebexSimpleAsyncApi api = async(stub).buildAsync()) {
            stub.enqueue(StubServer.Answer.json(404, "{\"message\":\"no conference\"}"));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> api.telephony().conference().hold().get(5, TimeUnit.SECONDS));
            WebexApiException cause = assertInstanceOf(WebexApiException.class, e.getCause());
            assertEquals(404, cause.statusCode());
            assertEquals("no conference", cause.webexMessage().orElseThrow());
        }
    }

    @Test
    void futuresCompleteOnTheGivenExecutorNotOnAnHttpThread() throws Exception {
        ExecutorService mine = Executors.newSingleThreadExecutor(task -> new Thread(task, "users-executor"));
        try (StubServer stub = StubServer.start();
             WebexSimpleAsyncApi api = async(stub).executor(mine).buildAsync()) {
            AtomicReference<String> thread = new AtomicReference<>();
            CountDownLatch attached = new CountDownLatch(1);
            mine.execute(() -> await(attached));   // the completion waits behind this until the callback is attached
            CompletableFuture<Void> done = api.telephony().conference().hold()
                    .thenRun(() -> thread.set(Thread.currentThread().getName()));
            attached.countDown();
            done.get(5, TimeUnit.SECONDS);
            assertEquals("users-executor", thread.get());
        } finally {
            mine.shutdownNow();
        }
    }

    @Test
    void aBlockingCallbackStallsNoOtherCall() throws Exception {
        try (StubServer stub = StubServer.start(); WebexSimpleAsyncApi api = async(stub).buildAsync()) {
            CountDownLatch release = new CountDownLatch(1);
            ConferenceControlsAsyncApi conference = api.telephony().conference();
            CompletableFuture<Void> blocked = conference.hold().thenRun(() -> await(release));
            try {
                conference.resume().get(5, TimeUnit.SECONDS);
                assertTrue(Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().startsWith("wxc-sdk-async-io") && isAwaiting(t)),
                        "the callback runs on a completion thread, not an I/O thread");
            } finally {
                release.countDown();
            }
            blocked.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void cancellingStopsTheCall() throws Exception {
        // the retry's wait is held by the test: it is cancelled with the call, and firing it anyway sends nothing
        HeldWaits waits = new HeldWaits();
        try (StubServer stub = StubServer.start();
             WebexSimpleAsyncApi api = async(stub).time(waits).buildAsync()) {
            stub.enqueue(StubServer.Answer.json(503, "{}"));
            CompletableFuture<Void> hold = api.telephony().conference().hold();
            CompletableFuture<Void> retryWait = waits.next.get(10, TimeUnit.SECONDS);
            assertEquals(1, stub.requests().size());

            assertTrue(hold.cancel(true));
            assertThrows(CancellationException.class, hold::join);
            // the wait is cancelled by the cancelling thread, or by the call's step that was scheduling it just then
            assertThrows(CancellationException.class, () -> retryWait.get(10, TimeUnit.SECONDS),
                    "the pending wait was cancelled with the call");
            waits.task.get().run();
            assertEquals(1, stub.requests().size(), "the retry that was due sends nothing after cancel");
        }
    }

    /** Real time, but a scheduled wait is handed to the test instead of running. */
    private static final class HeldWaits implements io.github.wxcsdk.internal.Time {
        final CompletableFuture<CompletableFuture<Void>> next = new CompletableFuture<>();
        final AtomicReference<Runnable> task = new AtomicReference<>();

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public java.time.Instant now() {
            return java.time.Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }

        @Override
        public java.util.concurrent.Future<?> schedule(java.util.concurrent.ScheduledExecutorService timer,
                                                       Duration duration, Runnable scheduled) {
            CompletableFuture<Void> wait = new CompletableFuture<>();
            task.set(scheduled);
            next.complete(wait);
            return wait;
        }
    }

    @Test
    void theCallTimeoutFailsTheFutureWithAWebexTimeoutException() {
        try (RawSocketServer silent = RawSocketServer.silent();
             WebexSimpleAsyncApi api = TestClients.realTimeBuilder(silent.baseUrl())
                     .callTimeout(Duration.ofMillis(300)).readTimeout(Duration.ofSeconds(30)).buildAsync()) {
            long started = System.nanoTime();
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> api.telephony().conference().hold().get(20, TimeUnit.SECONDS));
            assertInstanceOf(WebexTimeoutException.class, e.getCause());
            // ended by the 300 ms callTimeout, not the 30 s read timeout; the bound leaves room for a loaded machine
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 10_000);
        }
    }

    /**
     * Seen from outside, by the names the client gives its threads: only the threads that appeared while this client
     * was in use count (other tests' clients may still be winding down). Idle threads would live another
     * {@code ClientThreads.KEEP_ALIVE_SECONDS} (5 s) after the call, so a thread still alive well within that after
     * {@code close()} returned is one that close() left running.
     */
    @Test
    void aClosedOrIdleClientHoldsNoThreads() throws Exception {
        try (StubServer stub = StubServer.start()) {
            Set<Thread> before = asyncClientThreads();
            WebexSimpleAsyncApi api = async(stub).buildAsync();
            api.telephony().conference().hold().get(5, TimeUnit.SECONDS);
            Set<Thread> started = asyncClientThreads();
            started.removeAll(before);
            assertFalse(started.isEmpty(), "the client had threads of its own while in use");

            api.close();
            // a pool reports termination as its last worker exits, an instant before the thread itself has ended
            long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            for (Thread thread : started) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(giveUpAt - System.nanoTime())));
            }
            List<String> alive = started.stream().filter(Thread::isAlive).map(Thread::getName).sorted().toList();
            assertEquals(List.of(), alive, "close() has ended the client's threads");
        }
    }

    /** The threads an asynchronous client names as its own ({@code ClientThreads}: wxc-sdk-async-io-1 and so on). */
    private static Set<Thread> asyncClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith("wxc-sdk-async-"))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static WebexSimpleApi.Builder async(StubServer stub) {
        return TestClients.realTimeBuilder(stub.baseUrl());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isAwaiting(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getMethodName().equals("await") && frame.getClassName().endsWith("AsyncApiTest")) {
                return true;
            }
        }
        return false;
    }

    private static void waitForRequests(StubServer stub, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (stub.requests().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
