package io.github.wxcsdk.bench.replicas;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.auth.OAuthTokenProvider;
import io.github.wxcsdk.redis.RedisCoordination;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One replica of {@link ReplicasBenchmark}, in its own JVM: {@code threads} threads share one client (with or
 * without {@link RedisCoordination}) and make {@code calls} calls in all, from a start time common to every replica;
 * prints one {@code RESULT} line (finish time after the common start, failed calls, Redis round trips, refreshes run
 * here).
 *
 * <pre>
 * throttle mode: Replica throttle baseUrl token threads calls redisUri|none
 * refresh mode:  Replica refresh  baseUrl clientId:secret:refreshToken threads seconds redisUri|none
 * </pre>
 * It prints {@code READY} when warmed up, then reads the common start (epoch millis) from its standard input.
 * <pre>
 * </pre>
 */
public final class Replica {
    private Replica() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when the replica cannot run
     */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String baseUrl = args[1];
        String credential = args[2];
        int threads = Integer.parseInt(args[3]);
        int amount = Integer.parseInt(args[4]);
        String redisUri = args[5];
        RedisCoordination redis = redisUri.equals("none") ? null : RedisCoordination.connect(redisUri);
        AtomicLong refreshes = new AtomicLong();
        WebexSimpleApi.Builder builder = WebexSimpleApi.builder().baseUrl(baseUrl);
        if (mode.equals("refresh")) {
            String[] parts = credential.split(":", 3);
            OAuthTokenProvider.Builder tokens = OAuthTokenProvider.builder().clientId(parts[0]).clientSecret(parts[1])
                    .refreshToken(parts[2]).tokenEndpoint(baseUrl + "/access_token")
                    .onRefresh(t -> refreshes.incrementAndGet());
            if (redis != null) {
                tokens.coordination(redis);
            }
            builder.tokenProvider(tokens.build());
        } else {
            builder.accessToken(credential);
        }
        if (redis != null) {
            builder.coordination(redis);
        }
        long[] t0 = {0};
        if (Boolean.getBoolean("replica.trace")) {
            builder.retryListener(new io.github.wxcsdk.RetryListener() {
                @Override
                public void onRetry(io.github.wxcsdk.RetryEvent event) {
                }

                @Override
                public void onThrottle(io.github.wxcsdk.ThrottleEvent event) {
                    if (event.kind() == io.github.wxcsdk.ThrottleEvent.Kind.RATE_CHANGE) {
                        System.out.printf(Locale.ROOT, "TRACE %.2f %.2f %s%n",
                                (System.currentTimeMillis() - t0[0]) / 1000.0, event.requestsPerSecond(), event.reason());
                    }
                }
            });
        }
        ConferenceControlsApi conference = builder.build().telephony().conference();
        // warm up the JVM with a token the simulator does not limit, then wait for the common start
        ConferenceControlsApi warmup = WebexSimpleApi.builder().baseUrl(baseUrl).accessToken("warm-up-token").build()
                .telephony().conference();
        for (int i = 0; i < 20; i++) {
            warmup.getConferenceDetails();
        }
        System.out.println("READY");
        System.out.flush();
        long startAt = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8)).readLine().trim());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Map<String, Integer> failures = new TreeMap<>();
        t0[0] = startAt;
        long endAt = startAt + amount * 1000L;
        while (System.currentTimeMillis() < startAt) {
            Thread.sleep(Math.max(1, Math.min(50, startAt - System.currentTimeMillis())));
        }
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                while (mode.equals("refresh") ? System.currentTimeMillis() < endAt : next.getAndIncrement() < amount) {
                    try {
                        conference.getConferenceDetails();
                        done.incrementAndGet();
                    } catch (RuntimeException e) {
                        synchronized (failures) {
                            failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                        }
                    }
                    if (mode.equals("refresh")) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "replica-caller-" + i);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long finished = System.currentTimeMillis() - startAt;
        long failed = failures.values().stream().mapToLong(Integer::intValue).sum();
        long trips = redis == null ? 0 : redis.roundTrips();
        System.out.printf(Locale.ROOT, "RESULT finishMillis=%d calls=%d failed=%d roundTrips=%d refreshes=%d%n",
                finished, done.get(), failed, trips, refreshes.get());
        failures.forEach((what, count) -> System.out.println("FAILURE " + count + " x " + what));
        if (redis != null) {
            redis.close();
        }
        System.exit(0);
    }
}
