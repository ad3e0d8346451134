package io.github.wxcsdk.internal.throttle;

import io.github.wxcsdk.RetryEvent;
import io.github.wxcsdk.RetryListener;
import io.github.wxcsdk.ThrottleEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throttle against a fake clock: every time is a number the test chooses. */
class RequestThrottleTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    /** Far from zero and negative, as System.nanoTime() may be. */
    private static final long T0 = -5_000 * S;

    private final List<ThrottleEvent> events = new ArrayList<>();
    private final RequestThrottle throttle = new RequestThrottle(0, reporter());

    private ThrottleReporter reporter() {
        return new ThrottleReporter(new RetryListener() {
            @Override
            public void onRetry(RetryEvent event) {
            }

            @Override
            public void onThrottle(ThrottleEvent event) {
                events.add(event);
            }
        });
    }

    /** Sends at once while off; the first 429 (sent while off) starts pacing at the initial rate. */
    private void startPacing(long now) {
        Reservation turn = throttle.reserve(now);
        assertEquals(0, throttle.delayNanos(turn, now));
        throttle.onThrottled(turn, now, null);
    }

    @Test
    void isOffUntilTheFirst429() {
        Reservation turn = throttle.reserve(T0);
        assertSame(Reservation.IMMEDIATE, turn);
        assertEquals(0, throttle.delayNanos(turn, T0));
        throttle.onSuccess(turn, T0);
        assertEquals(Double.POSITIVE_INFINITY, throttle.requestsPerSecond());
        assertTrue(events.isEmpty());
    }

    @Test
    void pacesAtTheInitialRateAfterTheFirst429InArrivalOrder() {
        startPacing(T0);
        assertEquals(ThrottleTuning.DEFAULT.initialRate(), throttle.requestsPerSecond());
        Reservation first = throttle.reserve(T0);
        Reservation second = throttle.reserve(T0);
        Reservation third = throttle.reserve(T0);
        assertEquals(0, throttle.delayNanos(first, T0));
        assertEquals(500 * MS, throttle.delayNanos(second, T0));
        assertEquals(1000 * MS, throttle.delayNanos(third, T0));
        assertEquals(ThrottleEvent.Kind.RATE_CHANGE, events.get(0).kind());
        assertEquals("first 429: pacing starts", events.get(0).reason());
    }

    @Test
    void callersWaitingOnARetryAfterOfOneSecondLeaveOneAtATime() {
        List<Reservation> inFlight = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            inFlight.add(throttle.reserve(T0));
        }
        List<Long> sends = new ArrayList<>();
        long resendAt = T0 + 2 * MS;
        for (Reservation turn : inFlight) {
            resendAt = T0 + 2 * MS + throttle.onThrottled(turn, T0 + 2 * MS, Duration.ofSeconds(1));
        }
        assertEquals(T0 + 2 * MS + S, resendAt);
        List<Reservation> resent = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            resent.add(throttle.reserve(resendAt));
        }
        for (Reservation turn : resent) {
            sends.add(sendTime(turn, resendAt));
        }
        for (int i = 1; i < sends.size(); i++) {
            assertEquals(500 * MS, sends.get(i) - sends.get(i - 1), "one send per interval, in order");
        }
        assertEquals(1, events.size(), "63 echoes of the same congestion change nothing");
    }

    @Test
    void a429WithoutRetryAfterSpreadsTheResends() {
        startPacing(T0);
        List<Reservation> turns = new ArrayList<>();
        long now = T0 + 2 * S;
        for (int i = 0; i < 16; i++) {
            turns.add(throttle.reserve(now));
        }
        long last = 0;
        for (Reservation turn : turns) {
            last = sendTime(turn, now);
        }
        List<Long> waits = new ArrayList<>();
        for (Reservation turn : turns) {
            waits.add(throttle.onThrottled(turn, last + MS, null));
        }
        assertTrue(waits.stream().allMatch(w -> w == 0), "no Retry-After: nothing to wait alone");
        double pace = throttle.requestsPerSecond();
        List<Long> resends = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            resends.add(sendTime(throttle.reserve(last + MS), last + MS));
        }
        for (int i = 1; i < resends.size(); i++) {
            assertEquals(Math.round(S / pace), resends.get(i) - resends.get(i - 1));
        }
    }

    @Test
    void learnsTheRateTheServiceLetsThroughAndProbesAboveIt() {
        startPacing(T0);
        long now = T0;
        // slow start: successes at the pace; the pace doubles every 500 ms
        List<Long> sent = new ArrayList<>();
        while (throttle.requestsPerSecond() < 64) {
            Reservation turn = throttle.reserve(now);
            now = sendTime(turn, now);
            throttle.onSuccess(turn, now);
            sent.add(now);
        }
        // a 429 now: the pace drops to 90 % of what got through in the last second
        Reservation throttled = throttle.reserve(now);
        now = sendTime(throttled, now);
        long end = now;
        long lastSecond = sent.stream().filter(t -> t > end - S).count();
        throttle.onThrottled(throttled, now, Duration.ofSeconds(1));
        double lowered = throttle.requestsPerSecond();
        assertTrue(lowered <= 0.9 * lastSecond && lowered >= 0.9 * 0.75 * lastSecond,
                lowered + " vs " + lastSecond + " in the last second");
        // CUBIC: below the learned limit for K s, then above it
        long decreasedAt = now;
        double atK = 0;
        long k = Math.round(Math.cbrt(0.1 / ThrottleTuning.DEFAULT.cubicScale()) * S);
        while (now - decreasedAt < k + 10 * S) {
            Reservation turn = throttle.reserve(now);
            now = sendTime(turn, now);
            throttle.onSuccess(turn, now);
            if (atK == 0 && now - decreasedAt >= k - S) {
                atK = throttle.requestsPerSecond();
            }
        }
        assertTrue(atK <= lowered / 0.9, "not above the learned limit before K: " + atK);
        assertTrue(throttle.requestsPerSecond() > lowered / 0.9 * 1.05, "probes above the learned limit");
    }

    @Test
    void decreasesOncePerCongestion() {
        startPacing(T0);
        long now = T0 + 3 * S;
        Reservation a = throttle.reserve(now);
        Reservation b = throttle.reserve(now);
        long sentA = sendTime(a, now);
        long sentB = sendTime(b, sentA);
        throttle.onThrottled(a, sentB + MS, null);
        double after = throttle.requestsPerSecond();
        throttle.onThrottled(b, sentB + 2 * MS, null);
        assertEquals(after, throttle.requestsPerSecond(), "b was sent before the decrease had a chance");
    }

    @Test
    void aLongRetryAfterHoldsBackEveryCallOfTheClient() {
        startPacing(T0);
        long now = T0 + 3 * S;
        Reservation sent = throttle.reserve(now);
        now = sendTime(sent, now);
        Reservation waiting = throttle.reserve(now);
        Reservation later = throttle.reserve(now);
        throttle.onThrottled(sent, now + MS, Duration.ofSeconds(30));
        long gateEnd = now + MS + 30 * S;
        assertEquals(gateEnd, sendTime(waiting, now + 2 * MS), "the waiting call moves behind the gate");
        long interval = Math.round(S / throttle.requestsPerSecond());
        assertEquals(gateEnd + interval, sendTime(later, gateEnd), "and the next one interval later");
        assertTrue(events.get(events.size() - 1).reason().contains("the gate holds the client's calls for 30000 ms"));
    }

    @Test
    void aRetryAfterOfOneSecondHoldsBackOnlyItsOwnCall() {
        startPacing(T0);
        long now = succeedUntil(T0, T0 + 3 * S);
        Reservation sent = throttle.reserve(now);
        now = sendTime(sent, now);
        Reservation waiting = throttle.reserve(now);
        long slotBefore = now + throttle.delayNanos(waiting, now);
        long own = throttle.onThrottled(sent, now + MS, Duration.ofSeconds(1));
        assertEquals(S, own, "its own Retry-After");
        long interval = Math.round(S / throttle.requestsPerSecond());
        long sentWaiting = sendTime(waiting, now + MS);
        assertTrue(sentWaiting < now + S, "the others keep going at the (lowered) pace, no gate");
        assertTrue(sentWaiting <= Math.max(slotBefore, now + MS + interval));
    }

    @Test
    void aCancelledTurnIsGivenBackToTheNextCaller() {
        startPacing(T0);
        long now = T0 + 3 * S;
        Reservation first = throttle.reserve(now);
        Reservation second = throttle.reserve(now);
        Reservation third = throttle.reserve(now);
        long interval = Math.round(S / throttle.requestsPerSecond());
        assertEquals(2 * interval, throttle.delayNanos(third, now));
        throttle.cancel(second);
        assertEquals(interval, throttle.delayNanos(third, now), "the turn behind the cancelled one moves up");
        throttle.cancel(third);
        assertEquals(interval, throttle.delayNanos(throttle.reserve(now), now), "the tail is reused");
        assertThrows(IllegalStateException.class, () -> throttle.delayNanos(third, now));
        assertEquals(0, throttle.delayNanos(first, now));
    }

    @Test
    void aFixedPacePacesFromTheFirstCallAndIsNeverExceeded() {
        RequestThrottle fixed = new RequestThrottle(10, reporter());
        long now = T0;
        List<Long> sends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sends.add(sendTime(fixed, fixed.reserve(now), now));
        }
        assertEquals(List.of(T0, T0 + 100 * MS, T0 + 200 * MS, T0 + 300 * MS, T0 + 400 * MS), sends);
        for (int i = 0; i < 500; i++) {
            Reservation turn = fixed.reserve(now);
            now = sendTime(fixed, turn, now);
            fixed.onSuccess(turn, now);
        }
        assertEquals(10, fixed.requestsPerSecond());
        Reservation turn = fixed.reserve(now);
        now = sendTime(fixed, turn, now);
        fixed.onThrottled(turn, now, null);
        assertTrue(fixed.requestsPerSecond() < 10, "a 429 still lowers a fixed pace");
    }

    @Test
    void reportsWaitsWithTheCallAndNothingElse() {
        throttle.reportWait(250 * MS, "WXCJAVA_1", "POST", "/v1/telephony/conference/mute");
        ThrottleEvent event = events.get(0);
        assertEquals(ThrottleEvent.Kind.WAIT, event.kind());
        assertEquals(Duration.ofMillis(250), event.delay());
        assertEquals("WXCJAVA_1", event.trackingId());
        assertEquals("POST", event.httpMethod());
        assertEquals("/v1/telephony/conference/mute", event.path());
    }

    @Test
    void aThrowingListenerDoesNotStopTheThrottle() {
        RequestThrottle throwing = new RequestThrottle(0, new ThrottleReporter(new RetryListener() {
            @Override
            public void onRetry(RetryEvent event) {
            }

            @Override
            public void onThrottle(ThrottleEvent event) {
                throw new IllegalStateException("listener bug");
            }
        }));
        Reservation turn = throwing.reserve(T0);
        assertEquals(0, throwing.onThrottled(turn, T0, null));
        assertEquals(ThrottleTuning.DEFAULT.initialRate(), throwing.requestsPerSecond());
    }

    @Test
    void withoutAdaptationA429OnlyHoldsBackItsOwnCall() {
        RequestThrottle off = new RequestThrottle(0, false, reporter());
        Reservation turn = off.reserve(T0);
        assertEquals(30 * S, off.onThrottled(turn, T0, Duration.ofSeconds(30)));
        assertSame(Reservation.IMMEDIATE, off.reserve(T0 + MS), "still off: no pace, no gate");
        assertEquals(Double.POSITIVE_INFINITY, off.requestsPerSecond());
        assertTrue(events.isEmpty());
    }

    @Test
    void aTurnOfNoneCountsAsSentBeforeTheThrottleStarted() {
        startPacing(T0);
        double pace = throttle.requestsPerSecond();
        assertEquals(S, throttle.onThrottled(null, T0 + 5 * S, Duration.ofSeconds(1)));
        assertEquals(pace, throttle.requestsPerSecond(), "an echo: no second decrease");
        throttle.cancel(null);
        throttle.onSuccess(null, T0 + 5 * S);
    }

    @Test
    void rejectsANegativeOrInfinitePace() {
        assertThrows(IllegalArgumentException.class, () -> new RequestThrottle(-1, reporter()));
        assertThrows(IllegalArgumentException.class,
                () -> new RequestThrottle(Double.POSITIVE_INFINITY, reporter()));
        assertThrows(IllegalArgumentException.class, () -> new RequestThrottle(Double.NaN, reporter()));
        assertThrows(NullPointerException.class, () -> new RequestThrottle(0, null));
    }

    /** Sends back to back, every answer a success, until {@code end}. */
    private long succeedUntil(long from, long end) {
        long now = from;
        while (now < end) {
            Reservation turn = throttle.reserve(now);
            now = sendTime(turn, now);
            throttle.onSuccess(turn, now);
        }
        return now;
    }

    /** Waits as an executor would (at most MAX_WAIT_NANOS at a time) and returns when the turn was sent. */
    private long sendTime(Reservation turn, long from) {
        return sendTime(throttle, turn, from);
    }

    private static long sendTime(RequestThrottle throttle, Reservation turn, long from) {
        long now = from;
        for (long wait; (wait = throttle.delayNanos(turn, now)) > 0; ) {
            now += Math.min(wait, RequestThrottle.MAX_WAIT_NANOS);
        }
        return now;
    }
}
