package io.github.wxcsdk.internal.call;

import io.github.wxcsdk.internal.ClientSettings;
import io.github.wxcsdk.internal.InMemoryClients;
import io.github.wxcsdk.internal.http.ErrorResponse;
import io.github.wxcsdk.internal.http.TransportFailure;
import io.github.wxcsdk.WebexException;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.FakeTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backoff, Retry-After and the call deadline, for any inputs. */
class RetryTimingPropertyTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Property
    void backoffIsFullJitterUnderTheExponentialCeiling(@ForAll @IntRange(min = 1, max = 64) int failedAttempt,
                                                       @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false)
                                                       double jitter) {
        RetryPolicy policy = new RetryPolicy(settings(100, () -> jitter));
        Duration wait = policy.waitBeforeRetry(RetryClass.IDEMPOTENT, timedOut(), failedAttempt);
        long ceiling = Math.min(20_000, 500L << Math.min(failedAttempt - 1, 20));
        assertTrue(!wait.isNegative() && wait.toMillis() <= ceiling, wait + " above " + ceiling);
    }

    @Property
    void nothingIsRetriedPastMaxRetries(@ForAll @IntRange(min = 0, max = 10) int maxRetries,
                                        @ForAll @IntRange(min = 1, max = 20) int failedAttempt) {
        Duration wait = new RetryPolicy(settings(maxRetries, () -> 0.5))
                .waitBeforeRetry(RetryClass.IDEMPOTENT, timedOut(), failedAttempt);
        assertEquals(failedAttempt > maxRetries, wait == null);
    }

    @Property
    void anAmbiguousFailureIsNeverResentForStartOrAddParticipant(
            @ForAll @IntRange(min = 1, max = 5) int failedAttempt,
            @ForAll("ambiguousStatus") int status) {
        RetryPolicy policy = new RetryPolicy(settings(10, () -> 0.5));
        assertNull(policy.waitBeforeRetry(RetryClass.NOT_IDEMPOTENT, timedOut(), failedAttempt));
        assertNull(policy.waitBeforeRetry(RetryClass.NOT_IDEMPOTENT, answer(status, null), failedAttempt));
    }

    @Property
    void retryAfterParsingNeverThrowsAndNeverGoesNegative(@ForAll String header) {
        Duration wait = RetryAfter.parse(header, FIXED.instant());
        assertTrue(wait == null || !wait.isNegative());
    }

    @Property
    void retryAfterSecondsAreTakenAsSent(@ForAll @LongRange(min = 0, max = Integer.MAX_VALUE) long seconds) {
        assertEquals(Duration.ofSeconds(seconds), RetryAfter.parse(Long.toString(seconds), FIXED.instant()));
    }

    /** Whatever the server answers, the SDK's waits never take a call past its callTimeout. */
    @Property(tries = 200)
    void noCallOutlivesItsDeadline(@ForAll("answers") List<InMemoryClients.Answer> answers,
                                   @ForAll @LongRange(min = 1, max = 300) long callTimeoutSeconds,
                                   @ForAll @IntRange(min = 0, max = 6) int maxRetries) {
        FakeTime time = new FakeTime();
        Instant start = time.now();
        Iterator<InMemoryClients.Answer> next = answers.iterator();
        AtomicInteger served = new AtomicInteger();
        ConferenceControlsApi conference = InMemoryClients.conference(
                InMemoryClients.settings(time, maxRetries, Duration.ofSeconds(callTimeoutSeconds)), () -> {
                    served.incrementAndGet();
                    return next.hasNext() ? next.next() : InMemoryClients.Answer.json(204, new byte[0], Map.of());
                });
        try {
            conference.hold();
        } catch (WebexException expected) {
            // failing is fine; running late is not
        }
        Duration elapsed = Duration.between(start, time.now());
        assertTrue(elapsed.compareTo(Duration.ofSeconds(callTimeoutSeconds)) < 0,
                "waited " + elapsed + " of " + callTimeoutSeconds + " s");
        long throttled = answers.stream().filter(answer -> answer.status() == 429).count();
        assertTrue(served.get() <= 1 + maxRetries + throttled, "only 429s are resent beyond maxRetries");
    }

    @Provide
    Arbitrary<Integer> ambiguousStatus() {
        return Arbitraries.of(502, 504);
    }

    @Provide
    Arbitrary<List<InMemoryClients.Answer>> answers() {
        Arbitrary<String> retryAfter = Arbitraries.oneOf(Arbitraries.longs().between(-5, 4000).map(String::valueOf),
                Arbitraries.strings().ofMaxLength(8), Arbitraries.just(""));
        Arbitrary<InMemoryClients.Answer> answer = Arbitraries.of(423, 429, 500, 502, 503, 504).flatMap(status ->
                retryAfter.map(value -> InMemoryClients.Answer.json(status,
                        "{}".getBytes(StandardCharsets.UTF_8), Map.of("Retry-After", List.of(value)))));
        return answer.list().ofMinSize(1).ofMaxSize(8);
    }

    private static ClientSettings settings(int maxRetries, DoubleSupplier jitter) {
        // a fake time that never moves: now() is FIXED's instant
        return InMemoryClients.builder(new FakeTime(), maxRetries, Duration.ofMinutes(5)).jitter(jitter).build();
    }

    private static TransportFailure timedOut() {
        return new TransportFailure(TransportFailure.Kind.TIMED_OUT, "GET", "/v1/telephony/conference",
                new HttpTimeoutException("slow"));
    }

    private static ErrorResponse answer(int status, String retryAfter) {
        return new ErrorResponse(status, "POST", "/v1/telephony/conference", null, null, List.of(), null, retryAfter);
    }
}
