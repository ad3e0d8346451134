package io.github.wxcsdk.redis;

import io.github.wxcsdk.ClientCoordination.SharedThrottle;
import io.github.wxcsdk.ClientCoordination.ThrottleUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Lua scripts and the bounded operations of {@link RedisCoordination}, against a real redis-server. */
class RedisCoordinationTest {
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void heartbeatsCountLiveReplicasAndUpdatesBumpTheVersion() throws Exception {
        String id = ID.replace('0', 'a');
        try (RedisCoordination a = RedisCoordination.connect(REDIS.uri());
             RedisCoordination b = RedisCoordination.connect(REDIS.uri())) {
            SharedThrottle first = get(a.exchangeThrottle(id, "replica-a", null));
            assertEquals(0, first.version());
            assertEquals(0.0, first.requestsPerSecond());
            assertEquals(1, first.replicas());

            SharedThrottle second = get(b.exchangeThrottle(id, "replica-b",
                    new ThrottleUpdate(36.5, false, Duration.ofSeconds(5))));
            assertEquals(1, second.version());
            assertEquals(36.5, second.requestsPerSecond());
            assertFalse(second.probing());
            assertEquals(2, second.replicas());
            assertTrue(second.gateRemaining().compareTo(Duration.ofMillis(4_900)) > 0, second.toString());

            SharedThrottle seen = get(a.exchangeThrottle(id, "replica-a", null));
            assertEquals(1, seen.version());
            assertEquals(36.5, seen.requestsPerSecond());
            assertEquals(2, seen.replicas());

            // the same congestion (within a second): a lower pace is not taken, a higher one is; the gate stays
            SharedThrottle lower = get(a.exchangeThrottle(id, "replica-a",
                    new ThrottleUpdate(10, false, Duration.ZERO)));
            assertEquals(1, lower.version());
            assertEquals(36.5, lower.requestsPerSecond());
            SharedThrottle higher = get(a.exchangeThrottle(id, "replica-a",
                    new ThrottleUpdate(38, false, Duration.ofSeconds(1))));
            assertEquals(2, higher.version());
            assertEquals(38, higher.requestsPerSecond());
            assertTrue(higher.gateRemaining().compareTo(Duration.ofMillis(4_000)) > 0, "a shorter gate never"
                    + " shortens the one that is closed: " + higher);
            assertTrue(a.roundTrips() >= 3);
        }
    }

    @Test
    void oneLeaseHolderAtATimeAndOnlyItPublishes() throws Exception {
        String id = ID.replace('1', 'b');
        try (RedisCoordination redis = RedisCoordination.connect(REDIS.uri())) {
            assertTrue(get(redis.tryRefreshLease(id, "a", Duration.ofSeconds(10))));
            assertTrue(get(redis.tryRefreshLease(id, "a", Duration.ofSeconds(10))), "the holder extends it");
            assertFalse(get(redis.tryRefreshLease(id, "b", Duration.ofSeconds(10))));
            assertFalse(get(redis.publishTokenSet(id, "b", "v1.b")));
            assertTrue(get(redis.publishTokenSet(id, "a", "v1.a")));
            assertEquals("v1.a", get(redis.readTokenSet(id)).orElseThrow());

            get(redis.releaseRefreshLease(id, "b"));   // not the holder: nothing happens
            assertFalse(get(redis.tryRefreshLease(id, "b", Duration.ofSeconds(10))));
            get(redis.releaseRefreshLease(id, "a"));
            assertTrue(get(redis.tryRefreshLease(id, "b", Duration.ofSeconds(10))));
            get(redis.releaseRefreshLease(id, "b"));
            // nobody holds it: a holder whose lease expired while it refreshed still publishes what it got
            assertTrue(get(redis.publishTokenSet(id, "a", "v1.late")));
            assertEquals("v1.late", get(redis.readTokenSet(id)).orElseThrow());
        }
    }

    @Test
    void theLeaseOfAHolderThatDiedExpires() throws Exception {
        String id = ID.replace('2', 'c');
        RedisCoordination holder = RedisCoordination.connect(REDIS.uri());
        try (RedisCoordination other = RedisCoordination.connect(REDIS.uri())) {
            assertTrue(get(holder.tryRefreshLease(id, "holder", Duration.ofMillis(300))));
            holder.close();     // it dies without releasing
            assertFalse(get(other.tryRefreshLease(id, "other", Duration.ofSeconds(10))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean taken = false;
            while (!taken && System.nanoTime() < deadline) {
                Thread.sleep(50);
                taken = get(other.tryRefreshLease(id, "other", Duration.ofSeconds(10)));
            }
            assertTrue(taken, "the lease expired and the other provider took it");
        }
    }

    @Test
    void aDeadRedisFailsEveryOperationFastAndBounded() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (RedisCoordination redis = RedisCoordination.connect("redis://127.0.0.1:" + port)) {
            long started = System.nanoTime();
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> get(redis.readTokenSet(ID)));
            assertFalse(failure.getCause().getMessage() != null && failure.getCause().getMessage().contains(ID));
            // the next second fails at once, without trying
            assertThrows(ExecutionException.class, () -> get(redis.exchangeThrottle(ID, "r", null)));
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
        }
    }

    @Test
    void uriAndCredentialsAreCheckedWithoutShowingThem() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> RedisCoordination.connect("http://user:hunter2@localhost:6379"));
        assertFalse(bad.getMessage().contains("hunter2"));
        assertThrows(IllegalArgumentException.class, () -> RedisCoordination.connect("redis://"));
        assertThrows(IllegalArgumentException.class,
                () -> RedisCoordination.connect(REDIS.uri(), Duration.ofMillis(1)));
        try (RedisCoordination tls = RedisCoordination.connect("rediss://wxc:hunter2@redis.example:6380/2")) {
            assertEquals("RedisCoordination(rediss://redis.example:6380)", tls.toString());
        }
    }

    private static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
