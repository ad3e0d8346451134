package io.github.wxcsdk.contract;

import com.sun.net.httpserver.HttpServer;
import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.auth.OAuthRefreshException;
import io.github.wxcsdk.auth.OAuthTokenProvider;
import io.github.wxcsdk.auth.OAuthTokenProviderClock;
import io.github.wxcsdk.auth.OAuthTokens;
import io.github.wxcsdk.simulator.GrantCounts;
import io.github.wxcsdk.simulator.Integration;
import io.github.wxcsdk.simulator.WebexSimulator;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token lifecycle end to end: an {@link OAuthTokenProvider} and the client's {@code 401} path against the
 * simulator's OAuth server, which issues 2-second access tokens and rotates refresh tokens, with 32 threads sharing
 * one {@link WebexSimpleApi}. Checks that no call fails, that the simulator serves one refresh per expiry (not one per
 * thread), that {@code onRefresh} receives every rotated token set in order, that a revoked access token is recovered
 * through the {@code 401} path with one extra refresh, and that a revoked refresh token fails calls clearly.
 *
 * <p>Three tests share one fake clock between the simulator and the provider (through the provider's test hook), so
 * their counts and times are exact; the 32 threads run in lock-step rounds (every thread makes one call, then the
 * clock advances). One test runs on the real clock for 7 seconds, free-running, for the races a fake clock cannot
 * produce (a token expiring while a request is under way, a refresh slower than the old token's last 0.2 s).
 */
class TokenLifecycleIT {
    private static final String USER = "token-lifecycle-user";
    private static final String CLIENT_ID = "token-lifecycle-integration";
    private static final String CLIENT_SECRET = "token-lifecycle-client-secret-0123456789";
    private static final Duration LIFETIME = Duration.ofSeconds(2);
    /** The provider refreshes a token this long after it arrived: its lifetime less 10 %. */
    private static final Duration REFRESH_AGE = Duration.ofMillis(1800);
    private static final int THREADS = 32;

    @Test
    @Timeout(120)
    void thirtyTwoThreadsCauseOneRefreshPerExpiryAndARevokedTokenOneMore() throws Exception {
        ManualClock clock = new ManualClock();
        Duration step = Duration.ofMillis(200);
        int rounds = 35;
        int revokeBeforeRound = 20;
        try (WebexSimulator sim = WebexSimulator.start(0, clock)) {
            Session session = new Session(sim, clock);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            String revoked = null;
            try {
                for (int round = 0; round < rounds; round++) {
                    if (round == revokeBeforeRound) {
                        revoked = session.revokeCurrentAccessToken();
                    }
                    session.callOnceFromEveryThread(pool);
                    clock.advance(step);
                }
            } finally {
                pool.shutdownNow();
            }

            session.assertNoCallFailed(rounds * THREADS);
            // the first call at 0 s; then each token 1.8 s after it arrived, except the one revoked at 4.0 s: replaced
            // at once, through the 401 path; the 7 s without the revocation would have taken refreshes at 0, 1.8,
            // 3.6 and 5.4
            assertEquals(List.of(seconds("0"), seconds("1.8"), seconds("3.6"), seconds("4.0"), seconds("5.8")),
                    session.refreshTimes());
            assertEquals(5, sim.oauth().grantCounts(CLIENT_ID).refreshToken());
            int resent = session.resentAfter401.get();
            assertTrue(resent >= 1 && resent <= THREADS, "calls resent after a 401: " + resent);
            session.assertEveryRotatedSetHandedOverInOrder(revoked);
        }
    }

    @Test
    @Timeout(120)
    void onTheRealClockFreeRunningThreadsLoseNoCall() throws Exception {
        Clock clock = Clock.systemUTC();
        Duration run = Duration.ofSeconds(7);
        Duration revokeAfter = Duration.ofMillis(2700);
        try (WebexSimulator sim = WebexSimulator.start(0, clock)) {
            Session session = new Session(sim, clock);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            String revoked;
            Instant revokedAt;
            OAuthTokens revokedSet;
            long calls;
            try {
                long end = System.nanoTime() + run.toNanos();
                AtomicLong attempted = new AtomicLong();
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    Runnable call = session.operation(i);
                    running.add(pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            attempted.incrementAndGet();
                            session.run(call);
                        }
                    }));
                }
                Thread.sleep(revokeAfter.toMillis());
                revokedSet = session.provider.currentTokens().orElseThrow();
                revokedAt = clock.instant();
                revoked = session.revokeCurrentAccessToken();
                for (Future<?> loop : running) {
                    loop.get(60, TimeUnit.SECONDS);
                }
                calls = attempted.get();
            } finally {
                pool.shutdownNow();
            }

            session.assertNoCallFailed(calls);
            assertTrue(session.resentAfter401.get() >= 1, "a call was resent after the revoked token's 401");
            List<Instant> refreshes = session.refreshInstants();
            Instant replacement = refreshes.stream().filter(at -> at.isAfter(revokedAt)).findFirst().orElseThrow();
            assertTrue(replacement.isBefore(revokedSet.accessTokenExpiresAt().minus(LIFETIME.minus(REFRESH_AGE))),
                    "the revoked token was replaced before its refresh was due");
            int early = 0;
            for (int i = 1; i < refreshes.size(); i++) {
                if (Duration.between(refreshes.get(i - 1), refreshes.get(i))
                        .compareTo(REFRESH_AGE.minusMillis(50)) < 0) {
                    early++;
                }
            }
            assertTrue(early <= 1, "only the revocation may cause a refresh before a token is 1.8 s old: "
                    + session.refreshTimes());
            long grants = sim.oauth().grantCounts(CLIENT_ID).refreshToken();
            long lifetimes = (run.toMillis() + LIFETIME.toMillis() - 1) / LIFETIME.toMillis();
            assertTrue(grants >= lifetimes && grants <= lifetimes + 2,
                    "refreshes for " + run + " of " + LIFETIME + " tokens with one revoked: " + grants);
            session.assertEveryRotatedSetHandedOverInOrder(revoked);
            System.out.printf("TokenLifecycleIT on the real clock: %d threads, %d calls in %s, %d refreshes at %s,"
                            + " %d resent after 401%n", THREADS, calls, run, grants, session.refreshTimes(),
                    session.resentAfter401.get());
        }
    }

    @Test
    @Timeout(60)
    void aRevokedRefreshTokenFailsCallsClearlyOnceTheAccessTokenExpires() {
        ManualClock clock = new ManualClock();
        try (WebexSimulator sim = WebexSimulator.start(0, clock)) {
            Session session = new Session(sim, clock);
            OAuthTokens tokens = session.provider.currentTokens().orElseThrow();
            assertTrue(sim.oauth().revoke(tokens.refreshToken()));

            clock.advance(Duration.ofMillis(1900));
            session.conference.mute();
            assertEquals(new GrantCounts(0, 1, 1), sim.oauth().grantCounts(CLIENT_ID),
                    "the early refresh was refused and the still valid access token was used");

            clock.advance(Duration.ofMillis(100));
            OAuthRefreshException refused = assertThrows(OAuthRefreshException.class, session.conference::mute);
            assertTrue(refused.renewalRequired());
            assertEquals(Optional.of("invalid_grant"), refused.error());
            assertEquals(400, refused.statusCode());
            String message = refused.getMessage();
            assertTrue(message.contains("must be renewed") && message.contains("authorize the Integration again"),
                    message);
            for (String secret : List.of(CLIENT_SECRET, tokens.refreshToken(), tokens.accessToken(),
                    session.initialRefreshToken)) {
                assertFalse(message.contains(secret) || refused.toString().contains(secret),
                        "the message quotes a secret");
            }

            OAuthRefreshException again = assertThrows(OAuthRefreshException.class, session.conference::mute);
            assertTrue(again.renewalRequired());
            assertEquals(message, again.getMessage());
            assertEquals(new GrantCounts(0, 1, 1), sim.oauth().grantCounts(CLIENT_ID),
                    "a refused refresh token is not sent again");
        }
    }

    @Test
    @Timeout(60)
    void anEarlyRefreshAnsweredAfterTheOldTokenExpiredIsNotLost() throws Exception {
        ManualClock clock = new ManualClock();
        Duration answerDelay = Duration.ofMillis(500);
        try (WebexSimulator sim = WebexSimulator.start(0, clock);
             SlowTokenEndpoint slow = new SlowTokenEndpoint(sim.baseUrl() + "/access_token", answerDelay)) {
            Session session = new Session(sim, clock, slow.url());

            clock.advance(REFRESH_AGE);
            // the early refresh: the simulator rotates the refresh token at once, its answer arrives 0.5 s later,
            // after the 0.2 s the old access token had left
            session.run(session.conference::mute);
            slow.awaitForwarded(2);
            clock.advance(LIFETIME.minus(REFRESH_AGE));
            session.run(session.conference::mute);

            session.assertNoCallFailed(2);
            assertEquals(new GrantCounts(0, 2, 0), sim.oauth().grantCounts(CLIENT_ID));
            // the first mute used the still-valid token and left the refresh in the background; its answer came after
            // the clock had moved to 2.0 s, was applied then (the second mute waited for it) and handed over
            assertEquals(List.of(seconds("0"), seconds("2.0")), session.refreshTimes());
            session.assertEveryRotatedSetHandedOverInOrder(null);
        }
    }

    private static Duration seconds(String seconds) {
        return Duration.ofMillis(new BigDecimal(seconds).movePointRight(3).longValueExact());
    }

    /**
     * One integration of the simulator's user, a provider started from a refresh token that the simulator issued, and
     * a client with a conference of two calls; the first call (starting the conference) makes the first refresh.
     */
    private static final class Session {
        final WebexSimulator sim;
        final Clock clock;
        final Instant start;
        final String initialRefreshToken;
        final OAuthTokenProvider provider;
        final ConferenceControlsApi conference;
        final List<Refresh> refreshes = new CopyOnWriteArrayList<>();
        final AtomicInteger resentAfter401 = new AtomicInteger();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();

        Session(WebexSimulator sim, Clock clock) {
            this(sim, clock, sim.baseUrl() + "/access_token");
        }

        Session(WebexSimulator sim, Clock clock, String tokenEndpoint) {
            this.sim = sim;
            this.clock = clock;
            this.start = clock.instant();
            sim.oauth().register(USER, Integration.of(CLIENT_ID, CLIENT_SECRET).withAccessTokenLifetime(LIFETIME));
            initialRefreshToken = sim.oauth().issueTokens(CLIENT_ID).refreshToken();
            provider = OAuthTokenProviderClock.withClock(OAuthTokenProvider.builder(), clock)
                    .clientId(CLIENT_ID)
                    .clientSecret(CLIENT_SECRET)
                    .refreshToken(initialRefreshToken)
                    .tokenEndpoint(tokenEndpoint)
                    .onRefresh(tokens -> refreshes.add(new Refresh(clock.instant(), tokens)))
                    .build();
            conference = WebexSimpleApi.builder()
                    .baseUrl(sim.baseUrl())
                    .tokenProvider(provider)
                    .retryListener(event -> {
                        if (event.statusCode() == 401) {
                            resentAfter401.incrementAndGet();
                        }
                    })
                    .build().telephony().conference();
            sim.createCall(USER, "c1");
            sim.createCall(USER, "c2");
            conference.startConference("c1", "c2");
        }

        /** Half the threads read the conference, half mute its host (idempotent). */
        Runnable operation(int thread) {
            return thread % 2 == 0
                    ? () -> conference.getConferenceDetails().orElseThrow(() -> new AssertionError("no conference"))
                    : conference::mute;
        }

        void run(Runnable call) {
            try {
                call.run();
            } catch (RuntimeException | AssertionError e) {
                failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        /** A round: every thread makes one call, all released at once; returns when all have finished. */
        void callOnceFromEveryThread(ExecutorService pool) throws Exception {
            CyclicBarrier together = new CyclicBarrier(THREADS);
            List<Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Runnable call = operation(i);
                calls.add(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    run(call);
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(calls)) {
                done.get();
            }
            // a token within its margin is refreshed in the background: the round ends when that refresh has, so
            // the shared clock moves on only afterwards and the refresh's time is the round's
            OAuthTokenProviderClock.awaitRefresh(provider);
        }

        /** Revokes the provider's current access token in the simulator, behind the provider's back. */
        String revokeCurrentAccessToken() {
            String token = provider.currentTokens().orElseThrow().accessToken();
            assertTrue(sim.oauth().revoke(token));
            return token;
        }

        void assertNoCallFailed(long calls) {
            assertTrue(calls > 0);
            assertEquals(List.of(), List.copyOf(failures), "failed calls of " + calls);
        }

        List<Instant> refreshInstants() {
            return refreshes.stream().map(Refresh::at).toList();
        }

        List<Duration> refreshTimes() {
            return refreshes.stream().map(refresh -> Duration.between(start, refresh.at())).toList();
        }

        /**
         * Every set {@code onRefresh} received is one the simulator issued, handed over once per grant, in order.
         * The simulator rotates refresh tokens (a used one is refused from then on), so when none of the refreshes
         * was refused, each used the refresh token of the set handed over just before it: after the last refresh
         * the simulator knows only the newest refresh token. It knows every access token handed over; each is still
         * revocable except the one revoked during the run.
         */
        void assertEveryRotatedSetHandedOverInOrder(String revokedAccessToken) {
            GrantCounts grants = sim.oauth().grantCounts(CLIENT_ID);
            assertEquals(0, grants.refused(), "refused refreshes");
            assertEquals(grants.refreshToken(), refreshes.size(), "onRefresh once per grant");
            List<String> refreshTokens = refreshes.stream().map(refresh -> refresh.tokens().refreshToken()).toList();
            assertEquals(refreshTokens.size(), new HashSet<>(refreshTokens).size(), "rotated refresh tokens distinct");
            assertFalse(refreshTokens.contains(initialRefreshToken));
            for (Refresh refresh : refreshes) {
                String accessToken = refresh.tokens().accessToken();
                assertEquals(!accessToken.equals(revokedAccessToken), sim.oauth().revoke(accessToken),
                        "an access token handed over at " + Duration.between(start, refresh.at())
                                + " is one the simulator issued");
            }
            assertFalse(sim.oauth().revoke(initialRefreshToken), "the initial refresh token was rotated out");
            for (int i = 0; i < refreshTokens.size() - 1; i++) {
                assertFalse(sim.oauth().revoke(refreshTokens.get(i)), "refresh token " + i + " was rotated out");
            }
            assertTrue(sim.oauth().revoke(refreshTokens.get(refreshTokens.size() - 1)),
                    "the newest refresh token is the one the simulator holds");
        }
    }

    /**
     * A token endpoint in front of the simulator's that forwards each request at once and answers only after a
     * delay: a slow network or a busy Webex, as the client sees it.
     */
    private static final class SlowTokenEndpoint implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService handlers = Executors.newCachedThreadPool();
        private final HttpClient http = HttpClient.newHttpClient();
        private final AtomicInteger forwarded = new AtomicInteger();

        SlowTokenEndpoint(String target, Duration delay) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(handlers);
            server.createContext("/", exchange -> {
                try {
                    HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(target))
                                    .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                                            exchange.getRequestBody().readAllBytes()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    forwarded.incrementAndGet();
                    Thread.sleep(delay.toMillis());
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                    exchange.getResponseBody().write(answer.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    // the client gave up waiting: the simulator has served the request all the same
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/access_token";
        }

        void awaitForwarded(int requests) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (forwarded.get() < requests) {
                assertTrue(System.nanoTime() < end, "requests forwarded: " + forwarded.get());
                Thread.sleep(10);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    /** A token set {@code onRefresh} received, and when. */
    private record Refresh(Instant at, OAuthTokens tokens) {
        @Override
        public String toString() {
            return "Refresh(" + at + ")";
        }
    }

    /** A clock that moves only when the test advances it; shared by the simulator and the provider. */
    private static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
