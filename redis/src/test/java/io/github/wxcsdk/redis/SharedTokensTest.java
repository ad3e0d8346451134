package io.github.wxcsdk.redis;

import io.github.wxcsdk.auth.OAuthTokenProvider;
import io.github.wxcsdk.auth.OAuthTokens;
import io.github.wxcsdk.simulator.GrantCounts;
import io.github.wxcsdk.simulator.Integration;
import io.github.wxcsdk.simulator.IssuedTokens;
import io.github.wxcsdk.simulator.WebexSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OAuth token sets shared through a real redis-server, refreshed at the simulator's OAuth server (which rotates
 * refresh tokens: a refresh token used once is refused with {@code invalid_grant} afterwards).
 */
class SharedTokensTest {
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private static WebexSimulator sim;

    @BeforeAll
    static void simulator() {
        sim = WebexSimulator.start(0);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void eightProvidersRefreshOncePerExpiryWithRotation() throws Exception {
        String clientId = "eight-providers";
        IssuedTokens first = register(clientId, Duration.ofSeconds(2));
        AtomicInteger handedOver = new AtomicInteger();
        Set<String> used = ConcurrentHashMap.newKeySet();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<RedisCoordination> replicas = new ArrayList<>();
        try {
            List<Future<Integer>> failures = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4_500);
            for (int i = 0; i < 8; i++) {
                RedisCoordination redis = RedisCoordination.connect(REDIS.uri());
                replicas.add(redis);
                OAuthTokenProvider provider = provider(clientId, first.refreshToken(), redis, handedOver);
                failures.add(callers.submit(() -> {
                    start.await();
                    int failed = 0;
                    while (System.nanoTime() < end) {
                        try {
                            used.add(provider.accessToken(Duration.ofSeconds(5)));
                        } catch (RuntimeException e) {
                            failed++;
                        }
                        Thread.sleep(10);
                    }
                    return failed;
                }));
            }
            start.countDown();
            int failed = 0;
            for (Future<Integer> f : failures) {
                failed += f.get(30, TimeUnit.SECONDS);
            }
            GrantCounts grants = sim.oauth().grantCounts(clientId);
            assertEquals(0, failed, "calls that got no token");
            assertEquals(0, grants.refused(), "refresh tokens refused (invalid_grant)");
            // the first refresh at once (the builders had only a refresh token), then one per expiry (2 s tokens,
            // refreshed 0.2 s before): 3 in 4.5 s, or 2 when a slow machine starts late; 8 or more without sharing
            assertTrue(grants.refreshToken() >= 2 && grants.refreshToken() <= 3, "refreshes: " + grants);
            assertEquals(grants.refreshToken(), handedOver.get(), "onRefresh once per refresh, where it ran");
            assertEquals(grants.refreshToken(), used.size(), "every access token used came from the shared set");

            String everything = REDIS.dump();
            assertFalse(everything.isEmpty());
            for (String token : used) {
                assertFalse(everything.contains(token), "an access token in Redis");
            }
            assertFalse(everything.contains(first.refreshToken()));
            assertFalse(everything.contains("secret-of-" + clientId));
            assertTrue(everything.contains("v1."), "the encrypted token set is stored");
        } finally {
            callers.shutdownNow();
            replicas.forEach(RedisCoordination::close);
        }
    }

    @Test
    void aRestartedReplicaStartsFromTheNewestRefreshToken() throws Exception {
        String clientId = "restarted-replica";
        IssuedTokens first = register(clientId, Duration.ofHours(1));
        AtomicInteger handedOver = new AtomicInteger();
        try (RedisCoordination a = RedisCoordination.connect(REDIS.uri());
             RedisCoordination b = RedisCoordination.connect(REDIS.uri())) {
            OAuthTokenProvider before = provider(clientId, first.refreshToken(), a, handedOver);
            String token = before.accessToken(Duration.ofSeconds(5));
            OAuthTokens rotated = before.currentTokens().orElseThrow();
            assertFalse(rotated.refreshToken().equals(first.refreshToken()), "the simulator rotated it");

            // the replica restarts with the refresh token of its configuration, which Webex no longer accepts
            OAuthTokenProvider after = provider(clientId, first.refreshToken(), b, handedOver);
            assertEquals(token, after.accessToken(Duration.ofSeconds(5)));
            assertEquals(rotated.refreshToken(), after.currentTokens().orElseThrow().refreshToken());
            GrantCounts grants = sim.oauth().grantCounts(clientId);
            assertEquals(1, grants.refreshToken());
            assertEquals(0, grants.refused());
            assertEquals(1, handedOver.get());
        }
    }

    @Test
    void theLeaseOfAKilledHolderExpiresAndAnotherReplicaRefreshes() throws Exception {
        String clientId = "killed-holder";
        IssuedTokens first = register(clientId, Duration.ofHours(1));
        // a replica took the refresh lease for 1 s and was killed before it refreshed
        String identity = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                ("wxc-sdk-java token set v1\n" + clientId + "\n" + first.refreshToken())
                        .getBytes(StandardCharsets.UTF_8)));
        try (RedisCoordination alive = RedisCoordination.connect(REDIS.uri())) {
            try (RedisCoordination killed = RedisCoordination.connect(REDIS.uri())) {
                assertTrue(killed.tryRefreshLease(identity, "killed", Duration.ofSeconds(1)).toCompletableFuture()
                        .get(5, TimeUnit.SECONDS));
            }   // its process ends without releasing the lease
            AtomicInteger handedOver = new AtomicInteger();
            OAuthTokenProvider provider = provider(clientId, first.refreshToken(), alive, handedOver);
            long started = System.nanoTime();
            String token = provider.accessToken(Duration.ofSeconds(10));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertFalse(token.isBlank());
            assertTrue(waitedMillis >= 500, "it waited for the lease to expire: " + waitedMillis + " ms");
            assertEquals(1, sim.oauth().grantCounts(clientId).refreshToken());
            assertEquals(1, handedOver.get());
        }
    }

    private static IssuedTokens register(String clientId, Duration lifetime) {
        sim.oauth().register("user-of-" + clientId, Integration.of(clientId, "secret-of-" + clientId)
                .withAccessTokenLifetime(lifetime).withRefreshTokenRotation(true));
        return sim.oauth().issueTokens(clientId);
    }

    private static OAuthTokenProvider provider(String clientId, String refreshToken, RedisCoordination redis,
                                               AtomicInteger handedOver) {
        return OAuthTokenProvider.builder().clientId(clientId).clientSecret("secret-of-" + clientId)
                .refreshToken(refreshToken).tokenEndpoint(sim.baseUrl() + "/access_token")
                .onRefresh(tokens -> handedOver.incrementAndGet())
                .coordination(redis)
                .build();
    }
}
