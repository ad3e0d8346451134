package io.github.wxcsdk.internal.throttle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the throttle takes from and gives to other replicas ({@link RequestThrottle#adopt}, {@link
 * RequestThrottle#rescale}, {@link RequestThrottle.Learning}), on a fake clock. The exchange through Redis itself is
 * tested in the wxc-sdk-redis module against a real redis-server.
 */
class SharedPaceTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = -5_000 * S;

    private final RequestThrottle throttle = new RequestThrottle(0, new ThrottleReporter(event -> { }));

    @Test
    void anAdoptedPaceAndGateHoldBackAThrottleThatSawNo429() {
        throttle.adopt(T0, 5, false, T0 + 3 * S);
        assertEquals(5.0, throttle.requestsPerSecond());
        Reservation first = throttle.reserve(T0);
        Reservation second = throttle.reserve(T0);
        assertEquals(3 * S, throttle.delayNanos(first, T0), "the gate");
        assertEquals(3 * S + S / 5, throttle.delayNanos(second, T0), "then one every 1/5 s");
    }

    @Test
    void a429OfARequestSentBeforeTheAdoptionIsAnEcho() {
        Reservation sentBefore = throttle.reserve(T0);
        assertEquals(0, throttle.delayNanos(sentBefore, T0));
        throttle.adopt(T0 + S / 10, 8, false, T0);
        // an echo of the congestion the adopted pace already answers: the pace stays
        throttle.onThrottled(sentBefore, T0 + S / 5, Duration.ofSeconds(1));
        assertEquals(8.0, throttle.requestsPerSecond());
    }

    @Test
    void the429sThatChangeThePaceAreToldOnceEach() {
        List<String> told = new ArrayList<>();
        throttle.learnedBy((rate, probing, gateUntil, now) -> told.add(rate + " " + probing + " " + (gateUntil - now)));
        Reservation turn = throttle.reserve(T0);
        throttle.delayNanos(turn, T0);
        throttle.onThrottled(turn, T0, Duration.ofSeconds(5));
        assertEquals(List.of("2.0 true " + 5 * S), told, "the first 429: pace 2/s, probing, a 5 s gate");
    }

    @Test
    void rescalingFollowsTheReplicasAndNeverStartsPacing() {
        throttle.rescale(T0, 0.5);
        assertEquals(Double.POSITIVE_INFINITY, throttle.requestsPerSecond(), "off until a 429 or an adopted pace");
        throttle.adopt(T0, 12, false, T0);
        throttle.rescale(T0, 2.0 / 3);
        assertEquals(8.0, throttle.requestsPerSecond(), 1e-9);
        assertTrue(throttle.requestsPerSecond() >= ThrottleTuning.DEFAULT.minRate());
    }
}
