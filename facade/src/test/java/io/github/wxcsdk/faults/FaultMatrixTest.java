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
import java.util.concurrent.TimeUnit;
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
 * Waits between attempts and the call timeout use fake time; only the timeout rows really wait, the read timeout of
 * {@value #SHORT_READ_MILLIS} ms an attempt.
 */
class FaultMatrixTest {
    static final int MAX_RETRIES = 2;
    /**
     * The read timeout of the timeout rows: long enough for a loaded machine to deliver the request within it (a
     * shorter one may end an attempt before the server read it), short enough to keep the matrix quick. Nothing here
     * bounds how long it really took: only the outcome (exception, attempts, requests) is asserted.
     */
    static final int SHORT_READ_MILLIS = 250;
    /**
     * How long a slow answer takes: six times the short read timeout, so a late timer cannot let it through, and no
     * longer, as the server holds a thread for each slow answer meanwhile.
     */
    static final int SLOW_MILLIS = 1500;
    /** How long the server may take to log a request the client has already given up on. */
    static final int CONTACTS_SETTLE_SECONDS = 10;
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
                // resent after each wait (Retry-After, else 5 s, and the throttle's pace) until the next would pass
                // the call timeout: at most one attempt per 2 s here, and more than maxRetries
                int wait = condition == Condition.STATUS_429_RETRY_AFTER ? 2 : 5;
                return Expectation.throttled((THROTTLED_CALL_TIMEOUT_SECONDS + wait - 1) / wait);
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
            int contacts = awaitContacts(target, expected.serverContacts() < 0 ? attemptsOf(thrown, retries)
                    : expected.serverContacts());

            assertAll(
                    () -> assertEquals(expected.type(), thrown.getClass(), () -> "exception: " + thrown),
                    () -> assertTrue(expected.allows(attemptsOf(thrown, retries)), "attempts the SDK made: "
                            + attemptsOf(thrown, retries) + ", expected " + expected),
                    () -> assertTrue(expected.serverContacts() < 0
                                    ? contacts == attemptsOf(thrown, retries)
                                    : contacts == expected.serverContacts(),
                            "requests the server saw: " + contacts + ", expected " + expected),
                    () -> assertTrue(thrown.trackingId().isPresent(), "a tracking id"),
                    () -> {
                        if (thrown instanceof WebexApiException apiException) {
                            assertEquals(condition.status(), apiException.statusCode());
                            assertEquals(attemptsOf(thrown, retries), apiException.attempts());
                        }
                    });
        }
    }

    /**
     * The requests the server saw, once it has seen {@code expected} of them or {@value #CONTACTS_SETTLE_SECONDS} s
     * have passed: a server logs a request when it has read it, which on a busy machine may be after the client gave
     * up on it (a timed-out attempt ends the client's side at once). Waits only while it has seen fewer; a count
     * already above {@code expected} is returned at once.
     */
    private static int awaitContacts(Target target, int expected) {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONTACTS_SETTLE_SECONDS);
        int seen = target.contacts().getAsInt();
        while (seen < expected && System.nanoTime() - giveUpAt < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return seen;
            }
            seen = target.contacts().getAsInt();
        }
        return seen;
    }

    /**
     * The attempts of a call: the exception's count where it has one (a throttled call may announce a retry that its
     * deadline then stops before it is sent), else one more than the retries the listener saw.
     */
    private static int attemptsOf(WebexException thrown, List<RetryEvent> retries) {
        return thrown instanceof WebexApiException api ? api.attempts() : retries.size() + 1;
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

        /** Resent more often than {@code maxRetries} allows, and at most {@code atMost} times in all. */
        static Expectation throttled(int atMost) {
            return new Expectation(-atMost, -atMost, WebexApiException.class);
        }

        /** @return whether {@code attempts} fits this expectation */
        boolean allows(int count) {
            return attempts >= 0 ? count == attempts : count > 1 + MAX_RETRIES && count <= -attempts;
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
