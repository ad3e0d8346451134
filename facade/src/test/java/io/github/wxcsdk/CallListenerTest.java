package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;
import io.github.wxcsdk.testing.logging.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link CallListener}: start, attempts and exactly one end per call, on the threads it promises, with
 * what the events say; a throwing listener changes nothing; {@link RetryListener} still works beside it.
 */
class CallListenerTest {
    private static final CallAttribute<String> STARTED_ON = CallAttribute.named("test.startedOn");

    /** Records what it sees, and on which thread. */
    private static final class Recording implements CallListener {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<AttemptEvent> attempts = new CopyOnWriteArrayList<>();
        final List<CallEvent> ends = new CopyOnWriteArrayList<>();
        final List<String> endThreads = new CopyOnWriteArrayList<>();

        @Override
        public void onCallStart(CallStart call) {
            call.setAttribute(STARTED_ON, Thread.currentThread().getName());
            seen.add("start " + call.operationId());
        }

        @Override
        public void onAttempt(AttemptEvent attempt) {
            attempts.add(attempt);
            seen.add("attempt " + attempt.attempt() + " " + attempt.statusCode());
        }

        @Override
        public void onCallEnd(CallEvent event) {
            ends.add(event);
            endThreads.add(Thread.currentThread().getName());
            seen.add("end " + event.outcome());
        }

        CallEvent onlyEnd() {
            assertEquals(1, ends.size(), ends::toString);
            return ends.get(0);
        }
    }

    @Test
    void aSyncCallEndsOnTheCallingThreadBeforeItReturns() {
        Recording recording = new Recording();
        try (StubServer stub = StubServer.start()) {
            TestClients.builder(stub, new FakeTime()).callListener(recording).build().telephony().conference()
                    .mute("call-1");
            assertEquals(List.of("start muteConference", "attempt 1 204", "end SUCCESS"), recording.seen);

            CallEvent end = recording.onlyEnd();
            String caller = Thread.currentThread().getName();
            assertEquals(caller, end.attribute(STARTED_ON));
            assertEquals(List.of(caller), recording.endThreads);
            assertEquals("muteConference", end.operationId());
            assertEquals("POST", end.httpMethod());
            assertEquals("/telephony/conference/mute", end.urlTemplate());
            assertEquals("127.0.0.1", end.serverAddress());
            assertEquals(204, end.statusCode());
            assertEquals(1, end.attempts());
            assertEquals(stub.onlyRequest().header("TrackingID"), end.trackingId());
            assertEquals(CallOutcome.SUCCESS, end.outcome());
            assertTrue(end.failure().isEmpty());
            assertTrue(end.errorType().isEmpty());
            assertEquals(Duration.ZERO, end.throttleWait());
            assertEquals(Duration.ZERO, end.retryWait());
        }
    }

    @Test
    void aRetriedCallReportsEachAttemptItsWaitsAndStillTellsTheRetryListener() {
        Recording recording = new Recording();
        List<RetryEvent> retries = new CopyOnWriteArrayList<>();
        FakeTime time = new FakeTime();
        try (StubServer stub = StubServer.start()) {
            stub.enqueue(StubServer.Answer.json(503, "{}"));
            TestClients.builder(stub, time).callListener(recording).retryListener(retries::add).build().telephony()
                    .conference().hold();

            assertEquals(1, retries.size());
            assertEquals(List.of("start holdConference", "attempt 1 503", "attempt 2 204", "end SUCCESS"),
                    recording.seen);
            AttemptEvent first = recording.attempts.get(0);
            assertEquals(CallOutcome.SERVER_ERROR, first.outcome());
            assertEquals("503", first.errorType().orElseThrow());
            assertEquals(retries.get(0).delay(), first.retryDelay().orElseThrow());
            assertEquals(0, first.resendCount());
            AttemptEvent second = recording.attempts.get(1);
            assertTrue(second.retryDelay().isEmpty());
            assertEquals(1, second.resendCount());
            CallEvent end = recording.onlyEnd();
            assertEquals(2, end.attempts());
            assertEquals(retries.get(0).delay(), end.retryWait());
            // fake time: the call lasted exactly the wait it slept
            assertEquals(time.sleeps().get(0), end.duration());
        }
    }

    @Test
    void aFailedCallCarriesTheExceptionItThrew() {
        Recording recording = new Recording();
        try (StubServer stub = StubServer.start()) {
            stub.enqueue(StubServer.Answer.json(404, "{\"message\":\"no conference\"}"));
            WebexApiException thrown = assertThrows(WebexApiException.class, () -> TestClients
                    .builder(stub, new FakeTime()).callListener(recording).build().telephony().conference()
                    .forMember("member-7").releaseConference());

            CallEvent end = recording.onlyEnd();
            assertSame(thrown, end.failure().orElseThrow());
            assertSame(thrown, end.error().orElseThrow());
            assertEquals(CallOutcome.CLIENT_ERROR, end.outcome());
            assertEquals("404", end.errorType().orElseThrow());
            assertEquals(404, end.statusCode());
            assertEquals("releaseConferenceByMemberId", end.operationId());
            assertEquals("/telephony/conference/members/{memberId}/conference", end.urlTemplate());
            assertFalse(end.toString().contains("member-7"), end::toString);
        }
    }

    @Test
    void anAsyncCallStartsOnTheCallingThreadAndEndsBeforeItsFutureCompletes() throws Exception {
        Recording recording = new Recording();
        try (StubServer stub = StubServer.start();
             WebexSimpleAsyncApi api = TestClients.realTimeBuilder(stub.baseUrl()).callListener(recording)
                     .buildAsync()) {
            ConferenceControlsAsyncApi conference = api.telephony().conference();
            AtomicInteger endsAtCompletion = new AtomicInteger(-1);
            CompletableFuture<Void> call = conference.resume();
            call.thenRun(() -> endsAtCompletion.set(recording.ends.size())).get(10, TimeUnit.SECONDS);

            assertEquals(1, endsAtCompletion.get());
            CallEvent end = recording.onlyEnd();
            assertEquals(Thread.currentThread().getName(), end.attribute(STARTED_ON));
            assertEquals("resumeConference", end.operationId());
            assertEquals(CallOutcome.SUCCESS, end.outcome());
        }
    }

    @Test
    void aCancelledAsyncCallEndsOnceOnTheCancellingThread() throws Exception {
        Recording recording = new Recording();
        try (StubServer stub = StubServer.start()) {
            stub.enqueue(StubServer.Answer.json(429, "{}").withHeader("Retry-After", "30"));
            try (WebexSimpleAsyncApi api = TestClients.realTimeBuilder(stub.baseUrl()).callListener(recording)
                    .buildAsync()) {
                CompletableFuture<Void> hold = api.telephony().conference().hold();
                // the first attempt was answered 429: the call now waits 30 s to retry
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (recording.attempts.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(1, recording.attempts.size());
                assertTrue(hold.cancel(true));
            }
            // the client is closed: no step of the call can still run
            CallEvent end = recording.onlyEnd();
            assertEquals(List.of(Thread.currentThread().getName()), recording.endThreads);
            assertEquals(CallOutcome.UNKNOWN_OUTCOME, end.outcome());
            assertTrue(end.error().orElseThrow() instanceof java.util.concurrent.CancellationException);
            assertTrue(end.failure().isEmpty());
            assertEquals(429, end.statusCode());
            assertEquals(1, end.attempts());
        }
    }

    @ParameterizedTest
    @EnumSource(TestClients.Api.class)
    void everyListenerSeesEveryCallAndOneThatThrowsIsLoggedOnceAtWarn(TestClients.Api api) {
        CallListener throwing = new CallListener() {
            @Override
            public void onCallStart(CallStart call) {
                throw new IllegalStateException("listener bug with " + call.trackingId());
            }

            @Override
            public void onCallEnd(CallEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        Recording recording = new Recording();
        try (StubServer stub = StubServer.start()) {
            CapturedLogs.clear();
            var conference = api.conference(TestClients.builder(stub, new FakeTime()).callListener(throwing)
                    .callListener(recording));
            conference.mute();
            conference.unmute();

            assertEquals(2, recording.ends.size());
            assertTrue(recording.ends.stream().allMatch(end -> end.outcome() == CallOutcome.SUCCESS));
            List<String> warnings = CapturedLogs.lines().stream()
                    .filter(line -> line.startsWith("WARN io.github.wxcsdk")).toList();
            assertEquals(1, warnings.size(), warnings::toString);
            assertTrue(warnings.get(0).contains("IllegalStateException"), warnings.get(0));
            assertFalse(warnings.get(0).contains("listener bug"), "no message: it may quote anything");
        }
    }

    @Test
    void builderRejectsNull() {
        assertThrows(NullPointerException.class, () -> WebexSimpleApi.builder().callListener(null));
    }
}
