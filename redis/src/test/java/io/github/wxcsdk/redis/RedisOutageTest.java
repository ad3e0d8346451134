package io.github.wxcsdk.redis;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.simulator.RateLimit;
import io.github.wxcsdk.simulator.WebexSimulator;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two clients with one token share their throttle through a real redis-server, which is killed mid-run and
 * restarted: no call fails, each coordination logs one WARN, and the clients rejoin when it is back.
 */
class RedisOutageTest {
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private static final String TOKEN = "outage-test-token";

    @Test
    void redisStoppedMidRunAndRestartedFailsNoCall() throws Exception {
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/redis-tests.log"));
        String warning = "Redis at " + REDIS.uri() + " does not answer";
        String back = "Redis at " + REDIS.uri() + " answers again";
        try (WebexSimulator sim = WebexSimulator.start(0);
             RedisCoordination redisA = RedisCoordination.connect(REDIS.uri());
             RedisCoordination redisB = RedisCoordination.connect(REDIS.uri())) {
            sim.rateLimits().set(TOKEN, RateLimit.tokenBucket(40, 10));
            List<ConferenceControlsApi> clients = List.of(client(sim, redisA), client(sim, redisB));
            ExecutorService callers = Executors.newFixedThreadPool(8);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Future<int[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ConferenceControlsApi conference = clients.get(i % 2);
                results.add(callers.submit(() -> {
                    int[] okAndFailed = new int[2];
                    while (running.get()) {
                        try {
                            conference.getConferenceDetails();
                            okAndFailed[0]++;
                        } catch (RuntimeException e) {
                            okAndFailed[1]++;
                        }
                    }
                    return okAndFailed;
                }));
            }
            Thread.sleep(1_500);
            long tripsBeforeOutage = redisA.roundTrips() + redisB.roundTrips();
            assertTrue(tripsBeforeOutage > 0, "the clients heartbeat");
            REDIS.stop();
            Thread.sleep(2_000);
            REDIS.start();
            // back: both rejoin within a few heartbeats (a second after the last failure)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!REDIS.command("KEYS", "wxc-sdk:*replicas").contains("replicas")
                    || !REDIS.command("ZCARD", firstKey("replicas")).contains(":2")) {
                assertTrue(System.nanoTime() < deadline, "the replicas rejoined");
                Thread.sleep(50);
            }
            running.set(false);
            callers.shutdown();
            int ok = 0;
            int failed = 0;
            for (Future<int[]> result : results) {
                int[] r = result.get(60, TimeUnit.SECONDS);
                ok += r[0];
                failed += r[1];
            }
            assertEquals(0, failed, "calls failed");
            assertTrue(ok > 0);
            String lines = Files.readString(log);
            assertEquals(2, count(lines, warning), "one WARN per coordination:\n" + lines);
            assertEquals(2, count(lines, back), "one INFO per coordination when Redis is back");
            assertTrue(!REDIS.dump().contains(TOKEN), "the token is only hashed into keys");
        }
    }

    private static String firstKey(String suffix) throws Exception {
        for (String line : REDIS.command("KEYS", "wxc-sdk:*" + suffix).split("\r\n")) {
            if (line.startsWith("wxc-sdk:")) {
                return line;
            }
        }
        return "none";
    }

    private static ConferenceControlsApi client(WebexSimulator sim, RedisCoordination redis) {
        return WebexSimpleApi.builder().accessToken(TOKEN).baseUrl(sim.baseUrl()).coordination(redis).build()
                .telephony().conference();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
