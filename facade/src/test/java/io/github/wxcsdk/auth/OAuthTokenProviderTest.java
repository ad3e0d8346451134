package io.github.wxcsdk.auth;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.wxcsdk.WebexException;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.LoopbackWireMock;
import io.github.wxcsdk.testing.logging.CapturedLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.wxcsdk.auth.TokenEndpointStub.answers;
import static io.github.wxcsdk.auth.TokenEndpointStub.forms;
import static io.github.wxcsdk.auth.TokenEndpointStub.json;
import static io.github.wxcsdk.auth.TokenEndpointStub.tokenSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OAuthTokenProvider against a loopback token endpoint, with a fake clock that moves only when told or slept. */
class OAuthTokenProviderTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long FOURTEEN_DAYS = Duration.ofDays(14).toSeconds();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = LoopbackWireMock.extension();

    private final FakeTime time = new FakeTime();
    private final Instant start = time.now();
    private final List<OAuthTokens> handed = new CopyOnWriteArrayList<>();

    private final List<OAuthTokenProvider> providers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetEarlierLogs() {
        CapturedLogs.clear();
    }

    /** A refresh left in the background would ask the next test's token endpoint. */
    @AfterEach
    void settleBackgroundRefreshes() {
        providers.forEach(OAuthTokenProviderTest::settled);
    }

    private OAuthTokenProvider tracked(OAuthTokenProvider provider) {
        providers.add(provider);
        return provider;
    }

    /** Waits for the refresh in flight, if any, whatever its outcome. */
    private static void settled(OAuthTokenProvider provider) {
        try {
            provider.refreshInFlight().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // its outcome is the test's business
        }
    }

    private OAuthTokenProvider.Builder builder() {
        return OAuthTokenProvider.builder().clientId("client-id").clientSecret("client-secret")
                .refreshToken("refresh-0").tokenEndpoint(TokenEndpointStub.url(WIREMOCK)).onRefresh(handed::add)
                .time(time);
    }

    @Test
    void theFirstCallRefreshesWithAFormEncodedRefreshGrant() {
        answers(WIREMOCK, tokenSet(1, FOURTEEN_DAYS));
        OAuthTokenProvider provider = tracked(builder().build());
        assertEquals(0, forms(WIREMOCK).size(), "building asks nothing");

        assertEquals("access-1", provider.accessToken(WAIT));
        assertEquals("access-1", provider.accessToken(WAIT));

        assertEquals(List.of(Map.of("grant_type", "refresh_token", "client_id", "client-id", "client_secret",
                "client-secret", "refresh_token", "refresh-0")), forms(WIREMOCK));
        assertTrue(WIREMOCK.findAll(postRequestedFor(urlEqualTo(TokenEndpointStub.PATH))).get(0)
                .getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        OAuthTokens tokens = OAuthTokens.of("access-1", start.plusSeconds(FOURTEEN_DAYS), "refresh-1",
                start.plus(Duration.ofDays(90)));
        assertEquals(List.of(tokens), handed, "the rotated refresh token is handed over, with the expiries");
        assertEquals(tokens, provider.currentTokens().orElseThrow());
    }

    @Test
    void aTwoSecondTokenIsRefreshedAfterNinetyPercentOfItsLifeNotOnEveryCall() {
        answers(WIREMOCK, tokenSet(1, 2), tokenSet(2, 2));
        OAuthTokenProvider provider = tracked(builder().build());
        assertEquals("access-1", provider.accessToken(WAIT));
        for (int i = 0; i < 1799; i++) {
            time.sleep(Duration.ofMillis(1));
            assertEquals("access-1", provider.accessToken(WAIT));
        }
        assertEquals(1, forms(WIREMOCK).size());

        time.sleep(Duration.ofMillis(1));
        assertEquals("access-1", provider.accessToken(WAIT), "still valid: used at once, refreshed in the background");
        settled(provider);
        assertEquals("access-2", provider.accessToken(WAIT));
        assertEquals("refresh-1", forms(WIREMOCK).get(1).get("refresh_token"), "the rotated refresh token is used");
    }

    @Test
    void aFourteenDayTokenIsRefreshedFiveMinutesBeforeItExpires() {
        answers(WIREMOCK, tokenSet(1, FOURTEEN_DAYS), tokenSet(2, FOURTEEN_DAYS));
        OAuthTokenProvider provider = tracked(builder().build());
        provider.accessToken(WAIT);
        time.sleep(Duration.ofDays(14).minusMinutes(5).minusMillis(1));
        assertEquals("access-1", provider.accessToken(WAIT));
        time.sleep(Duration.ofMillis(1));
        assertEquals("access-1", provider.accessToken(WAIT));
        settled(provider);
        assertEquals("access-2", provider.accessToken(WAIT));
    }

    @Test
    void theMarginIsFiveMinutesOrTenPercentOfTheLifetimeWhicheverIsLess() {
        assertEquals(Duration.ofMillis(200), TokenRefresher.margin(Duration.ofSeconds(2)));
        assertEquals(Duration.ofMinutes(1), TokenRefresher.margin(Duration.ofMinutes(10)));
        assertEquals(Duration.ofMinutes(5), TokenRefresher.margin(Duration.ofMinutes(50)));
        assertEquals(Duration.ofMinutes(5), TokenRefresher.margin(Duration.ofDays(14)));
        assertEquals(Duration.ZERO, TokenRefresher.margin(Duration.ZERO));
        assertEquals(Duration.ZERO, TokenRefresher.margin(Duration.ofSeconds(-1)));
    }

    @Test
    void storedTokensAreUsedUntilTheirMargin() {
        answers(WIREMOCK, tokenSet(1, 3600));
        OAuthTokenProvider provider = tracked(builder()
                .tokens(OAuthTokens.of("access-0", start.plus(Duration.ofHours(1)), "refresh-0", null)).build());
        assertEquals("access-0", provider.accessToken(WAIT));
        time.sleep(Duration.ofMinutes(55).minusMillis(1));
        assertEquals("access-0", provider.accessToken(WAIT));
        assertEquals(0, forms(WIREMOCK).size());
        time.sleep(Duration.ofMillis(1));
        assertEquals("access-0", provider.accessToken(WAIT));
        settled(provider);
        assertEquals("access-1", provider.accessToken(WAIT));
        assertEquals("refresh-0", forms(WIREMOCK).get(0).get("refresh_token"));
    }

    /** The proof of the issue, deterministic in time: 32 threads, five lifetimes of a 2-second token. */
    @Test
    void thirtyTwoThreadsOverFiveLifetimesCauseOneRefreshPerExpiry() throws Exception {
        int rounds = 5;
        var sets = new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder[rounds];
        for (int i = 0; i < rounds; i++) {
            sets[i] = tokenSet(i + 1, 2).withFixedDelay(100);
        }
        answers(WIREMOCK, sets);
        OAuthTokenProvider provider = tracked(builder().build());
        for (int round = 1; round <= rounds; round++) {
            List<String> got = concurrently(32, () -> {
                List<String> tokens = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    tokens.add(provider.accessToken(WAIT));
                }
                return tokens;
            });
            assertEquals(Set.of("access-" + round), new HashSet<>(got), "every call of round " + round);
            assertEquals(320, got.size(), "no failed call");
            assertEquals(round, forms(WIREMOCK).size(), "one refresh per expiry, not one per thread");
            time.sleep(Duration.ofSeconds(2));
        }
        List<String> sent = forms(WIREMOCK).stream().map(form -> form.get("refresh_token")).toList();
        assertEquals(List.of("refresh-0", "refresh-1", "refresh-2", "refresh-3", "refresh-4"), sent);
        assertEquals(List.of("refresh-1", "refresh-2", "refresh-3", "refresh-4", "refresh-5"),
                handed.stream().map(OAuthTokens::refreshToken).toList(), "onRefresh saw every rotation, in order");
    }

    @Test
    void callersWithAStillValidTokenDoNotWaitForTheRefresh() throws Exception {
        answers(WIREMOCK, tokenSet(1, 100), tokenSet(2, 100).withFixedDelay(1000));
        OAuthTokenProvider provider = tracked(builder().build());
        provider.accessToken(WAIT);
        time.sleep(Duration.ofSeconds(95));
        List<String> got = concurrently(32, () -> List.of(provider.accessToken(WAIT)));
        assertEquals(List.of("access-1"), got.stream().distinct().toList(),
                "every thread used the still-valid token instead of waiting for the new one");
        settled(provider);
        assertEquals(2, forms(WIREMOCK).size(), "one refresh for all 32 threads");
        assertEquals("access-2", provider.accessToken(WAIT));
    }

    @Test
    void transientFailuresAreRetriedWithBackoffAndRetryAfter() {
        answers(WIREMOCK, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                json(503, "{}").withHeader("Retry-After", "2"), json(500, "{\"message\":\"oops\"}"),
                tokenSet(1, 3600));
        OAuthTokenProvider provider = tracked(builder().build());
        assertEquals("access-1", provider.accessToken(WAIT));
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(2)), time.sleeps());
        assertEquals(4, forms(WIREMOCK).size());
    }

    @Test
    void transientFailuresUntilMaxWaitFailWithoutAskingForRenewal() {
        answers(WIREMOCK, json(503, "{}"), json(503, "{}"), json(503, "{}"), json(503, "{}"));
        OAuthTokenProvider provider = tracked(builder().build());
        OAuthRefreshException failure = assertThrows(OAuthRefreshException.class,
                () -> provider.accessToken(Duration.ofSeconds(3)));
        assertFalse(failure.renewalRequired());
        assertEquals(503, failure.statusCode());
        assertTrue(failure.getMessage().contains("after 3 attempt(s) within PT3S"), failure.getMessage());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), time.sleeps());
    }

    @Test
    void aRetryAfterBeyondMaxWaitFailsAtOnce() {
        answers(WIREMOCK, json(429, "{}").withHeader("Retry-After", "60"), tokenSet(1, 3600));
        OAuthTokenProvider provider = tracked(builder().build());
        OAuthRefreshException failure = assertThrows(OAuthRefreshException.class, () -> provider.accessToken(WAIT));
        assertEquals(429, failure.statusCode());
        assertEquals(List.of(), time.sleeps());
        assertEquals(1, forms(WIREMOCK).size());
    }

    @Test
    void invalidGrantFailsTypedAndClearAndIsNotAskedAgain() {
        answers(WIREMOCK, json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token has"
                + " expired\"}").withHeader("trackingid", "ROUTER_1"), tokenSet(1, 3600));
        OAuthTokenProvider provider = tracked(builder().build());
        OAuthRefreshException failure = assertThrows(OAuthRefreshException.class, () -> provider.accessToken(WAIT));
        assertInstanceOf(WebexException.class, failure);
        assertTrue(failure.renewalRequired());
        assertEquals(400, failure.statusCode());
        assertEquals("invalid_grant", failure.error().orElseThrow());
        assertTrue(failure.trackingId().orElseThrow().matches("WXCJAVA_[0-9a-f-]{36}"), failure.trackingId().get());
        assertEquals(failure.trackingId().get(), WIREMOCK.findAll(postRequestedFor(urlEqualTo(TokenEndpointStub.PATH)))
                .get(0).getHeader("TrackingID"), "the id the SDK sent, not the server's own (ROUTER_1)");
        assertEquals("Webex refused the refresh token (HTTP 400, invalid_grant: The refresh token has expired): it"
                + " is revoked or expired and must be renewed: authorize the Integration again (for example with"
                + " 'wxc-conference login') or copy a new refresh token from the Service App's page",
                failure.getMessage());

        OAuthRefreshException again = assertThrows(OAuthRefreshException.class, () -> provider.accessToken(WAIT));
        assertTrue(again.renewalRequired());
        assertEquals(1, forms(WIREMOCK).size(), "a refused refresh token is not sent again");
        assertEquals(List.of(), time.sleeps(), "a refusal is not retried");
    }

    @Test
    void refusedClientCredentialsSaySo() {
        answers(WIREMOCK, json(401, "{\"message\":\"The request requires a valid client\",\"trackingId\":"
                + "\"ROUTER_2\"}"));
        OAuthRefreshException failure = assertThrows(OAuthRefreshException.class,
                () -> tracked(builder().build()).accessToken(WAIT));
        assertTrue(failure.renewalRequired());
        assertTrue(failure.getMessage().startsWith("Webex refused the client credentials (HTTP 401: The request"
                + " requires a valid client): check the client id and client secret"), failure.getMessage());
        assertEquals(WIREMOCK.findAll(postRequestedFor(urlEqualTo(TokenEndpointStub.PATH))).get(0)
                .getHeader("TrackingID"), failure.trackingId().orElseThrow());
    }

    @Test
    void unauthorizedForcesOneRefreshHoweverManyCallsReportTheToken() throws Exception {
        answers(WIREMOCK, tokenSet(1, 3600), tokenSet(2, 3600).withFixedDelay(100), tokenSet(3, 3600));
        OAuthTokenProvider provider = tracked(builder().build());
        String rejected = provider.accessToken(WAIT);

        List<String> got = concurrently(32, () -> {
            provider.unauthorized(rejected);
            return List.of(provider.accessToken(WAIT));
        });

        assertEquals(Set.of("access-2"), new HashSet<>(got));
        assertEquals(2, forms(WIREMOCK).size());
        provider.unauthorized(rejected);
        provider.unauthorized(null);
        assertEquals("access-2", provider.accessToken(WAIT), "a late report of an older token changes nothing");
        assertEquals(2, forms(WIREMOCK).size());
    }

    @Test
    void anEarlyRefreshThatFailsKeepsTheValidTokenAndPausesBeforeTryingAgain() {
        answers(WIREMOCK, tokenSet(1, 3600), json(503, "{}"), json(503, "{}"), json(503, "{}"), json(503, "{}"),
                json(503, "{}"), tokenSet(2, 3600));
        OAuthTokenProvider provider = tracked(builder().build());
        provider.accessToken(WAIT);
        time.sleep(Duration.ofMinutes(56));
        assertEquals("access-1", provider.accessToken(Duration.ofMinutes(5)), "no failure while the token is valid");
        settled(provider);
        assertEquals(6, forms(WIREMOCK).size(), "retried within 10 seconds, then gave up");
        assertEquals("access-1", provider.accessToken(WAIT));
        settled(provider);
        assertEquals(6, forms(WIREMOCK).size(), "the next call does not try again at once");
        time.sleep(Duration.ofSeconds(30));
        assertEquals("access-1", provider.accessToken(WAIT));
        settled(provider);
        assertEquals("access-2", provider.accessToken(WAIT));
    }

    @Test
    void anEarlyRefreshWaitsForTheAnswerBeyondTheOldTokensExpiry() {
        answers(WIREMOCK, tokenSet(1, 2), tokenSet(2, 2).withFixedDelay(500));
        OAuthTokenProvider provider = tracked(builder().build());
        provider.accessToken(WAIT);
        time.sleep(Duration.ofMillis(1800));
        assertEquals("access-1", provider.accessToken(WAIT));
        time.sleep(Duration.ofMillis(300));
        settled(provider);
        assertEquals("access-2", provider.accessToken(WAIT),
                "the answer came after the 0.2 s the old token had left; giving up would lose refresh-2");
        assertEquals(List.of("refresh-1", "refresh-2"), handed.stream().map(OAuthTokens::refreshToken).toList());
        assertEquals(2, forms(WIREMOCK).size());
    }

    @Test
    void anOnRefreshThatThrowsIsLoggedWithoutSecretsAndTheNewTokensAreUsed() {
        answers(WIREMOCK, tokenSet(1, 3600));
        OAuthTokenProvider provider = tracked(builder().onRefresh(tokens -> {
            throw new IllegalStateException("disk full, lost " + tokens.refreshToken());
        }).build());
        assertEquals("access-1", provider.accessToken(WAIT));
        assertEquals("refresh-1", provider.currentTokens().orElseThrow().refreshToken());
        List<String> warnings = CapturedLogs.lines().stream().filter(line -> line.startsWith("WARN")).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("java.lang.IllegalStateException"), warnings.get(0));
        assertFalse(warnings.get(0).contains("refresh-1"), warnings.get(0));
    }

    @Test
    void onRefreshHasTheTokensBeforeAnyCallCanUseThem() {
        answers(WIREMOCK, tokenSet(1, 3600));
        List<String> seenDuringOnRefresh = new ArrayList<>();
        OAuthTokenProvider[] provider = new OAuthTokenProvider[1];
        provider[0] = tracked(builder().onRefresh(tokens -> seenDuringOnRefresh.add(
                provider[0].currentTokens().map(OAuthTokens::accessToken).orElse("none"))).build());
        assertEquals("access-1", provider[0].accessToken(WAIT));
        assertEquals(List.of("none"), seenDuringOnRefresh, "the new set was not yet published");
    }

    @Test
    void aRedirectIsNotFollowed() {
        answers(WIREMOCK, aResponse().withStatus(307).withHeader("Location", TokenEndpointStub.url(WIREMOCK)),
                tokenSet(1, 3600));
        OAuthRefreshException failure = assertThrows(OAuthRefreshException.class,
                () -> tracked(builder().build()).accessToken(WAIT));
        assertEquals(307, failure.statusCode());
        assertFalse(failure.renewalRequired());
        assertEquals(1, forms(WIREMOCK).size());
    }

    @Test
    void aWrongEndpointIsNotMistakenForARefusedRefreshToken() {
        answers(WIREMOCK, json(404, "{\"message\":\"no such path\"}"), tokenSet(1, 3600));
        OAuthTokenProvider provider = tracked(builder().build());
        OAuthRefreshException failure = assertThrows(OAuthRefreshException.class, () -> provider.accessToken(WAIT));
        assertFalse(failure.renewalRequired());
        assertEquals("The token endpoint gave an unexpected answer (HTTP 404: no such path)", failure.getMessage());
        assertEquals("access-1", provider.accessToken(WAIT), "not remembered as a refusal");
    }

    @Test
    void anAnswerWithoutATokenFailsAndIsNotRetried() {
        answers(WIREMOCK, json(200, "{\"expires_in\":3600}"), tokenSet(1, 3600));
        OAuthRefreshException failure = assertThrows(OAuthRefreshException.class,
                () -> tracked(builder().build()).accessToken(WAIT));
        assertTrue(failure.getMessage().contains("without a usable access_token"), failure.getMessage());
        assertEquals(1, forms(WIREMOCK).size());
    }

    @Test
    void theBuilderChecksItsArguments() {
        assertThrows(NullPointerException.class, () -> OAuthTokenProvider.builder().clientId(null));
        assertThrows(IllegalArgumentException.class, () -> OAuthTokenProvider.builder().clientSecret(" "));
        assertThrows(IllegalArgumentException.class, () -> OAuthTokenProvider.builder().refreshToken("a b"));
        IllegalArgumentException plainHttp = assertThrows(IllegalArgumentException.class,
                () -> OAuthTokenProvider.builder().tokenEndpoint("http://example.com/v1/access_token"));
        assertTrue(plainHttp.getMessage().contains("must use https"), plainHttp.getMessage());
        OAuthTokenProvider.builder().tokenEndpoint("http://localhost:1/v1/access_token");
        assertThrows(IllegalStateException.class,
                () -> OAuthTokenProvider.builder().clientId("id").clientSecret("secret").build());
        assertThrows(NullPointerException.class, () -> tracked(builder().build()).accessToken(null));
    }

    /** Runs {@code task} on {@code threads} threads released at once; returns everything they returned. */
    private static List<String> concurrently(int threads, Callable<List<String>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> future : futures) {
                all.addAll(future.get(30, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
