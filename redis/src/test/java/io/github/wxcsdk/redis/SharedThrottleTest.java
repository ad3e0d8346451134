package io.github.wxcsdk.redis;

import io.github.wxcsdk.internal.throttle.RequestThrottle;
import io.github.wxcsdk.internal.throttle.Reservation;
import io.github.wxcsdk.internal.throttle.ThrottleCoordinator;
import io.github.wxcsdk.internal.throttle.ThrottleReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two clients' throttles (as two replicas, each with its own {@link RedisCoordination}) share a gate and a pace
 * through a real redis-server. The throttles run on a fake clock; only Redis's answers arrive in real time, and the
 * test waits for them (bounded), never for the throttle.
 */
class SharedThrottleTest {
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private static final long SECOND = 1_000_000_000L;

    private final long[] now = {1_000 * SECOND};

    @Test
    void a429SeenByOneReplicaClosesTheGateAndSetsThePaceForAll() throws Exception {
        try (RedisCoordination redisA = RedisCoordination.connect(REDIS.uri());
             RedisCoordination redisB = RedisCoordination.connect(REDIS.uri());
             RedisCoordination redisC = RedisCoordination.connect(REDIS.uri())) {
            RequestThrottle a = throttle();
            RequestThrottle b = throttle();
            ThrottleCoordinator sharedA = new ThrottleCoordinator(redisA, a, () -> now[0]);
            ThrottleCoordinator sharedB = new ThrottleCoordinator(redisB, b, () -> now[0]);
            sharedA.tokenUsed("token-of-the-gate-test");
            sharedB.tokenUsed("token-of-the-gate-test");

            // steady state without 429s: one heartbeat per replica per second, however many calls
            for (int call = 0; call < 100; call++) {
                sharedA.beforeTurn(now[0]);
                sharedB.beforeTurn(now[0]);
                now[0] += SECOND / 100;
            }
            awaitTrue(() -> redisA.roundTrips() == 1 && redisB.roundTrips() == 1);
            heartbeat(sharedA, sharedB);
            awaitTrue(() -> sharedA.replicas() == 2 && sharedB.replicas() == 2);
            assertEquals(Double.POSITIVE_INFINITY, b.requestsPerSecond(), "nobody paces before a 429");

            // A is answered 429 with Retry-After: 5: its gate closes, its pace starts, and it tells the others
            Reservation sent = a.reserve(now[0]);
            assertEquals(0, a.delayNanos(sent, now[0]));
            a.onThrottled(sent, now[0], Duration.ofSeconds(5));
            assertEquals(2.0, a.requestsPerSecond());
            awaitVersion(1);

            // B has seen no 429; its next heartbeat gives it the gate and its half of the pace (2/s for both)
            now[0] += SECOND;
            sharedB.beforeTurn(now[0]);
            awaitTrue(() -> !Double.isInfinite(b.requestsPerSecond()));
            // A paces at 2/s (the first pace), so both together at 4/s, and B takes its half
            assertEquals(2.0, b.requestsPerSecond(), 1e-9);
            Reservation bTurn = b.reserve(now[0]);
            long wait = b.delayNanos(bTurn, now[0]);
            // Redis counts the gate in real time (a few ms passed), B's throttle in the fake time
            assertTrue(wait > 4 * SECOND && wait <= 5 * SECOND, "B waits for A's gate: " + wait);

            // after the gate, a second 429 at A (the limit found): A lowers the pace, B takes the same share
            now[0] += 10 * SECOND;
            for (int i = 0; i < 40; i++) {
                Reservation ok = a.reserve(now[0]);
                now[0] += Math.max(0, a.delayNanos(ok, now[0]));
                a.delayNanos(ok, now[0]);
                a.onSuccess(ok, now[0]);
                now[0] += SECOND / 20;
            }
            Reservation throttled = a.reserve(now[0]);
            now[0] += Math.max(0, a.delayNanos(throttled, now[0]));
            a.delayNanos(throttled, now[0]);
            a.onThrottled(throttled, now[0], Duration.ofSeconds(1));
            double paceA = a.requestsPerSecond();
            awaitVersion(2);
            now[0] += SECOND;
            sharedB.beforeTurn(now[0]);
            awaitTrue(() -> Math.abs(b.requestsPerSecond() - paceA) < 1e-6);

            // a third replica joins: the shares shrink to a third of the pace of all
            RequestThrottle c = throttle();
            ThrottleCoordinator sharedC = new ThrottleCoordinator(redisC, c, () -> now[0]);
            sharedC.tokenUsed("token-of-the-gate-test");
            sharedC.beforeTurn(now[0]);
            awaitTrue(() -> sharedC.replicas() == 3 && !Double.isInfinite(c.requestsPerSecond()));
            now[0] += SECOND;
            double before = b.requestsPerSecond();
            sharedB.beforeTurn(now[0]);
            awaitTrue(() -> sharedB.replicas() == 3);
            awaitTrue(() -> Math.abs(b.requestsPerSecond() - before * 2 / 3) < 1e-6);
            assertEquals(paceA * 2 / 3, c.requestsPerSecond(), paceA / 100, "C's share of the pace of all");
        }
    }

    /** Waits until the shared state has {@code version}, read from Redis directly. */
    private static void awaitVersion(int version) throws Exception {
        String key = "wxc-sdk:{" + ThrottleCoordinator.identity("token-of-the-gate-test") + "}:throttle";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!REDIS.command("HGET", key, "version").contains("\r\n" + version + "\r\n")) {
            assertTrue(System.nanoTime() < deadline, "version " + version + " not within 5 s");
            Thread.sleep(5);
        }
    }

    private void heartbeat(ThrottleCoordinator... replicas) {
        now[0] += SECOND;
        for (ThrottleCoordinator replica : replicas) {
            replica.beforeTurn(now[0]);
        }
    }

    private static RequestThrottle throttle() {
        return new RequestThrottle(0, true, new ThrottleReporter(event -> { }));
    }

    /** Waits for Redis's answer to arrive and be applied, at most 5 s. */
    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 5 s");
            Thread.sleep(5);
        }
    }
}
