package io.github.wxcsdk.internal.throttle;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever happens between reservations, waiting turns leave in arrival order and never as a burst. */
class RequestThrottlePropertyTest {
    private static final long MS = 1_000_000L;

    /** One step: wait {@code ms}, then reserve, answer the oldest sent turn, or cancel a waiting one. */
    record Step(int kind, int ms, int retryAfterSeconds, int index) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 700), Arbitraries.of(0, 1, 5),
                        Arbitraries.integers().between(0, 50))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 300)
    void waitingTurnsAreDueInArrivalOrder(@ForAll("steps") List<Step> steps) {
        RequestThrottle throttle = new RequestThrottle(0, new ThrottleReporter(event -> { }));
        long now = -42_000 * MS;
        List<Reservation> waiting = new ArrayList<>();
        List<Reservation> sent = new ArrayList<>();
        for (Step step : steps) {
            now += step.ms() * MS;
            for (Reservation turn : List.copyOf(waiting)) {
                if (throttle.delayNanos(turn, now) == 0) {
                    waiting.remove(turn);
                    sent.add(turn);
                }
            }
            switch (step.kind()) {
                case 0, 1 -> waiting.add(throttle.reserve(now));
                case 2 -> {
                    if (!sent.isEmpty()) {
                        throttle.onSuccess(sent.remove(0), now);
                    }
                }
                case 3 -> {
                    if (!sent.isEmpty()) {
                        throttle.onThrottled(sent.remove(0), now, step.retryAfterSeconds() == 0 ? null
                                : Duration.ofSeconds(step.retryAfterSeconds()));
                    }
                }
                default -> {
                    if (!waiting.isEmpty()) {
                        throttle.cancel(waiting.remove(step.index() % waiting.size()));
                    }
                }
            }
            long previous = Long.MIN_VALUE;
            int sameTime = 0;
            for (Reservation turn : waiting) {
                if (turn == Reservation.IMMEDIATE) {
                    continue;
                }
                long due = now + throttle.delayNanos(turn, now);
                assertTrue(due >= previous, "turns leave in arrival order");
                sameTime = due == previous ? sameTime + 1 : 0;
                // two may meet at the end of a gate: one that was due but not yet sent, and the first after it
                assertTrue(sameTime <= 1, "no burst");
                previous = due;
            }
            waiting.removeIf(turn -> turn.sent);
        }
    }
}
