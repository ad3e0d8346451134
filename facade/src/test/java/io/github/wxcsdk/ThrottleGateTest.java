package io.github.wxcsdk;

import io.github.wxcsdk.TestClients.Api;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;
import io.github.wxcsdk.testing.logging.CapturedLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule of the throttle's gate, through both APIs, on a fake clock: a 429 with a Retry-After longer than a second
 * holds the client's other calls until the whole Retry-After has passed; a call waits for it only when the gate opens
 * within its deadline and within maxRetryAfter, else it fails at once, unsent, with WebexThrottledException. The
 * gate is logged at INFO once, naming the operation, member and org that closed it.
 */
class ThrottleGateTest {
    private final FakeTime time = new FakeTime();
    private final List<ThrottleEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clearLogs() {
        CapturedLogs.clear();
    }

    private ConferenceControlsApi client(Api api, StubServer stub, Duration callTimeout) {
        return client(api, stub, callTimeout, 3);
    }

    private ConferenceControlsApi client(Api api, StubServer stub, Duration callTimeout, int maxRetries) {
        return api.conference(TestClients.builder(stub, time).callTimeout(callTimeout).maxRetries(maxRetries)
                .retryListener(
                new RetryListener() {
                    @Override
                    public void onRetry(RetryEvent event) {
                    }

                    @Override
                    public void onThrottle(ThrottleEvent event) {
                        events.add(event);
                    }
                }));
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aRetryAfterBeyondMaxRetryAfterFailsTheOtherCallsAtOnceUnsent(Api api) {
        try (StubServer stub = StubServer.start()) {
            stub.enqueue(StubServer.Answer.json(429, "{}").withHeader("Retry-After", "120"));
            ConferenceControlsApi conference = client(api, stub, Duration.ofMinutes(5));

            WebexApiException g1 = assertThrows(WebexApiException.class,
                    () -> conference.forMember("g1", "org-1").hold());
            assertEquals(Duration.ofSeconds(120), g1.retryAfter().orElseThrow());
            String throttledId = stub.onlyRequest().header("TrackingID");

            WebexThrottledException g2 = assertThrows(WebexThrottledException.class,
                    () -> conference.forMember("g2", "org-2").hold());
            assertEquals(1, stub.requests().size(), "g2 was not sent");
            assertEquals(Duration.ofSeconds(120), g2.retryAfter(), "the gate opens when Webex said");
            assertEquals(Duration.ofSeconds(120), g2.requestedRetryAfter());
            assertEquals(time.now().plusSeconds(120), g2.gateOpensAt());
            assertEquals(throttledId, g2.trackingId().orElseThrow(), "the tracking id of the request answered 429");
            assertFalse(WebexTimeoutException.class.isInstance(g2), "not a timeout");
            String message = g2.getMessage();
            assertTrue(message.startsWith("POST /v1/telephony/conference/members/g2/hold?orgId=org-2 was not sent:"
                    + " Webex asked this client to wait. A 429 with Retry-After 120 s answered POST"
                    + " /v1/telephony/conference/members/g1/hold?orgId=org-1 (trackingId=" + throttledId + ")"),
                    message);
            assertTrue(message.contains("(maxRetryAfter of 60000 ms)") && message.contains("retryAfter() = 120000 ms"),
                    message);
            assertEquals(List.of(), time.sleeps(), "nothing waited");
            assertOneInfoLine("g1/hold?orgId=org-1");
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aGateThatOpensAfterTheCallsDeadlineFailsItAtOnceAndIsNotATimeout(Api api) {
        try (StubServer stub = StubServer.start()) {
            stub.enqueue(StubServer.Answer.json(429, "{}").withHeader("Retry-After", "30"));
            ConferenceControlsApi conference = client(api, stub, Duration.ofSeconds(4));

            assertThrows(WebexApiException.class, () -> conference.forMember("g1").hold());
            WebexThrottledException g2 = assertThrows(WebexThrottledException.class, conference::mute);

            assertEquals(Duration.ofSeconds(30), g2.retryAfter());
            assertTrue(g2.getMessage().contains("(its callTimeout of 4000 ms)"), g2.getMessage());
            assertTrue(g2.getMessage().startsWith("POST /v1/telephony/conference/mute was not sent"), g2.getMessage());
            assertEquals(1, stub.requests().size());
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aCallThatMayWaitIsHeldUntilTheWholeRetryAfterHasPassedAndTheGateIsLoggedOnce(Api api) {
        try (StubServer stub = StubServer.start()) {
            stub.enqueue(StubServer.Answer.json(429, "{}").withHeader("Retry-After", "30"));
            // no retries: g1 ends with its 429, and the gate it closed holds the next calls
            ConferenceControlsApi conference = client(api, stub, Duration.ofMinutes(5), 0);

            WebexApiException g1 = assertThrows(WebexApiException.class,
                    () -> conference.forMember("g1", "org-1").getConferenceDetails());
            assertEquals(Duration.ofSeconds(30), g1.retryAfter().orElseThrow());
            var started = time.now();
            conference.forMember("g2", "org-2").hold();
            conference.mute();

            assertEquals(3, stub.requests().size());
            assertTrue(Duration.between(started, time.now()).compareTo(Duration.ofSeconds(30)) >= 0,
                    "held until the Retry-After had passed: " + Duration.between(started, time.now()));
            assertOneInfoLine("GET /v1/telephony/conference/members/g1/conference?orgId=org-1");
            ThrottleEvent closing = events.stream().filter(e -> e.kind() == ThrottleEvent.Kind.RATE_CHANGE)
                    .findFirst().orElseThrow();
            assertEquals("/v1/telephony/conference/members/g1/conference?orgId=org-1", closing.path());
            assertTrue(closing.reason().contains("by GET /v1/telephony/conference/members/g1/conference?orgId=org-1"),
                    closing.reason());
            ThrottleEvent held = events.stream().filter(e -> e.kind() == ThrottleEvent.Kind.WAIT).findFirst()
                    .orElseThrow();
            assertEquals("/v1/telephony/conference/members/g2/hold?orgId=org-2", held.path());
            assertTrue(held.reason().contains("members/g1/conference?orgId=org-1"), held.reason());
        }
    }

    /**
     * A gate taken over from another replica (through the coordination) holds this client's calls as its own would: a
     * call that cannot wait fails at once, unsent, as throttled (not as a timeout), and the gate is logged once.
     */
    @ParameterizedTest
    @EnumSource(Api.class)
    void aGateOfAnotherReplicaFailsACallThatCannotWaitAsThrottled(Api api) {
        try (StubServer stub = StubServer.start()) {
            ClientCoordination gated = new GatedCoordination(Duration.ofSeconds(30));
            ConferenceControlsApi conference = api.conference(TestClients.builder(stub, time)
                    .callTimeout(Duration.ofSeconds(4)).coordination(gated));
            // the first call makes the token (and so the shared state) known; the second call's turn takes the gate
            conference.mute();
            WebexThrottledException held = assertThrows(WebexThrottledException.class, conference::unmute);

            assertEquals(1, stub.requests().size(), "the held call was not sent");
            assertEquals(Duration.ofSeconds(30), held.retryAfter());
            assertTrue(held.getMessage().startsWith("POST /v1/telephony/conference/unmute was not sent"),
                    held.getMessage());
            assertTrue(held.getMessage().contains("another replica sharing this token")
                    && held.getMessage().contains("(its callTimeout of 4000 ms)"), held.getMessage());
            assertOneInfoLine("another replica sharing this token");
        }
    }

    /** A coordination whose shared throttle has a closed gate: what another replica's 429 leaves in Redis. */
    private static final class GatedCoordination implements ClientCoordination {
        private final Duration gate;

        GatedCoordination(Duration gate) {
            this.gate = gate;
        }

        @Override
        public CompletionStage<SharedThrottle> exchangeThrottle(String identity, String replica,
                                                               ThrottleUpdate update) {
            return CompletableFuture.completedFuture(new SharedThrottle(1, 5, false, gate, Duration.ZERO, 1));
        }

        @Override
        public CompletionStage<Optional<String>> readTokenSet(String identity) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Boolean> tryRefreshLease(String identity, String holder, Duration lease) {
            return CompletableFuture.completedFuture(false);
        }

        @Override
        public CompletionStage<Void> releaseRefreshLease(String identity, String holder) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Boolean> publishTokenSet(String identity, String holder, String value) {
            return CompletableFuture.completedFuture(false);
        }
    }

    private static void assertOneInfoLine(String closingCall) {
        List<String> info = CapturedLogs.lines().stream().filter(line -> line.startsWith("INFO io.github.wxcsdk"))
                .toList();
        assertEquals(1, info.size(), () -> "one INFO line per gate: " + info);
        assertTrue(info.get(0).contains("Retry-After") && info.get(0).contains(closingCall), info.get(0));
    }

}
