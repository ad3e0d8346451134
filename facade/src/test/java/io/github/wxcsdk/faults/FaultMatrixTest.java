package io.github.wxcsdk.faults;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.github.wxcsdk.RetryEvent;
import io.github.wxcsdk.TestClients;
import io.github.wxcsdk.TestClients.Api;
import io.github.wxcsdk.WebexApiException;
import io.github.wxcsdk.WebexClientException;
import io.github.wxcsdk.WebexException;
import io.github.wxcsdk.WebexOutcomeUnknownException;
import io.github.wxcsdk.WebexTimeoutException;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.LoopbackWireMock;
import io.github.wxcsdk.testing.RawSocketServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@link Condition} against every {@link Operation}, through a real HTTP fault injector: how many attempts the
 * SDK made, how many reached the server, and which exception the caller got. The expectation comes from
 * {@link #expected(Condition, Operation)}, the rules restated as a table, not from the code under test.
 * Waits between attempts use fake time; only the timeout rows really wait, {@value #SHORT_READ_MILLIS} ms an attempt.
 */
class FaultMatrixTest {
    static final int MAX_RETRIES = 2;
    static final int SHORT_READ_MILLIS = 100;
    /** How long a slow answer takes: well past the short read timeout. */
    static final int SLOW_MILLIS = 1000;
    /** The call timeout of the throttled rows: a 429 is resent until the next wait would pass it, not maxRetries. */
    static final int THROTTLED_CALL_TIMEOUT_SECONDS = 30;

    @RegisterExtension
    static final WireMockExtension WIREMOCK = LoopbackWireMock.extension();

    /**
     * The rules. Every operation is resent on 429 until the next wait would pass the call timeout (throttling
     * counts against callTimeout, not maxRetries). Details and release are resent on 429, 423/503 with Retry-After, 502/503/504 and every
     * connection failure; state changes on 429, 423/503 with Retry-After, 503 and failures before sending, and after
     * ambiguous failures only when allowed; start and addParticipant only on 429 and failures before sending, anything
     * ambiguous being a {@link WebexOutcomeUnknownException}.
     */
    static Expectation expected(Condition condition, Operation operation) {
        int all = 1 + MAX_RETRIES;
        boolean creates = operation.safety == Operation.Safety.NOT_IDEMPOTENT;
        switch (condition.signal) {
            case FINAL:
                return Expectation.answered(1);
            case THROTTLED:
                // waits of Retry-After (2 s) or the default 5 s, resent while the next wait ends before the deadline
                int wait = condition == Condition.STATUS_429_RETRY_AFTER ? 2 : 5;
                return Expectation.answered((THROTTLED_CALL_TIMEOUT_SECONDS + wait - 1) / wait);
            case BUSY_WITH_RETRY_AFTER:
            case UNAVAILABLE:
                return Expectation.answered(creates ? 1 : all);
            case GATEWAY_FAILED:
                return creates ? Expectation.unknown() : Expectation.answered(
                        operation.resentAfterAmbiguousFailure() ? all : 1);
            case NOT_SENT:
                return new Expectation(all, 0, WebexClientException.class);
            case LOST_SILENTLY:
                return jdkResendsGet(operation, ambiguous(operation, WebexClientException.class));
            case LOST:
                return ambiguous(operation, WebexClientException.class);
            case TIMED_OUT:
                return ambiguous(operation, WebexTimeoutException.class);
            default:
                throw new AssertionError(condition.signal);
        }
    }

    /**
     * The one resend below the SDK (see {@code JdkRetries}): when a connection closes before any byte of the answer,
     * the JDK's client sends a GET once more by itself, so the server sees each SDK attempt of details twice.
     */
    private static Expectation jdkResendsGet(Operation operation, Expectation expectation) {
        return operation == Operation.DETAILS
                ? new Expectation(expectation.attempts(), 2 * expectation.serverContacts(), expectation.type())
                : expectation;
    }

    private static Expectation ambiguous(Operation operation, Class<? extends WebexException> type) {
        if (operation.safety == Operation.Safety.NOT_IDEMPOTENT) {
            return Expectation.unknown();
        }
        int attempts = operation.resentAfterAmbiguousFailure() ? 1 + MAX_RETRIES : 1;
        return new Expectation(attempts, attempts, type);
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(Api.values()).flatMap(api -> Arrays.stream(Condition.values())
                .flatMap(condition -> Arrays.stream(Operation.values())
                        .map(op -> Arguments.of(condition, op, api))));
    }

    @ParameterizedTest(name = "{0} x {1} ({2})")
    @MethodSource("cases")
    void failsAsTheRulesSay(Condition condition, Operation operation, Api api) {
        Expectation expected = expected(condition, operation);
        try (Target target = Target.arrange(condition)) {
            List<RetryEvent> retries = new CopyOnWriteArrayList<>();
            ConferenceControlsApi conference = api.conference(TestClients.builder(target.baseUrl(), new FakeTime())
                    .maxRetries(MAX_RETRIES)
                    .callTimeout(Duration.ofSeconds(condition.signal == Condition.Signal.THROTTLED
                            ? THROTTLED_CALL_TIMEOUT_SECONDS : 300))
                    .readTimeout(Duration.ofMillis(condition.signal == Condition.Signal.TIMED_OUT
                            ? SHORT_READ_MILLIS : 10_000))
                    .retryStateChangesOnAmbiguousFailure(operation.retryStateChangesOnAmbiguousFailure)
                    .retryListener(retries::add));

            WebexException thrown = assertThrows(WebexException.class, () -> operation.call.accept(conference));

            assertAll(
                    () -> assertEquals(expected.type(), thrown.getClass(), () -> "exception: " + thrown),
                    () -> assertEquals(expected.attempts(), retries.size() + 1, "attempts the SDK made"),
                    () -> assertEquals(expected.serverContacts(), target.contacts().getAsInt(),
                            "requests the server saw"),
                    () -> assertTrue(thrown.trackingId().isPresent(), "a tracking id"),
                    () -> {
                        if (thrown instanceof WebexApiException apiException) {
                            assertEquals(condition.status(), apiException.statusCode());
                            assertEquals(expected.attempts(), apiException.attempts());
                        }
                    });
        }
    }

    /**
     * What the caller sees.
     *
     * @param attempts       requests the SDK sends, retries included
     * @param serverContacts requests (or connections) the server sees
     * @param type           the exact exception class
     */
    record Expectation(int attempts, int serverContacts, Class<? extends WebexException> type) {
        static Expectation answered(int attempts) {
            return new Expectation(attempts, attempts, WebexApiException.class);
        }

        static Expectation unknown() {
            return new Expectation(1, 1, WebexOutcomeUnknownException.class);
        }
    }

    /**
     * Where a condition is made.
     *
     * @param baseUrl  the API root to point the client at
     * @param contacts how many requests (for the raw socket server: connections) reached the server
     * @param stop     stops what was started for the condition
     */
    record Target(String baseUrl, IntSupplier contacts, Runnable stop) implements AutoCloseable {
        static Target arrange(Condition condition) {
            if (condition == Condition.CONNECTION_REFUSED) {
                return new Target(RawSocketServer.refusingBaseUrl(), () -> 0, () -> { });
            }
            if (condition == Condition.RESET_BEFORE_REQUEST_READ) {
                RawSocketServer server = RawSocketServer.resetting();
                return new Target(server.baseUrl(), server::connections, server::close);
            }
            WIREMOCK.stubFor(any(anyUrl()).willReturn(condition.answer));
            return new Target(LoopbackWireMock.baseUrl(WIREMOCK),
                    () -> WIREMOCK.countRequestsMatching(RequestPatternBuilder.allRequests().build()).getCount(),
                    () -> { });
        }

        @Override
        public void close() {
            stop.run();
        }
    }
}
