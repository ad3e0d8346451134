package io.github.wxcsdk.auth;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.LoopbackWireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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

/**
 * The non-blocking form: one refresh in flight for every caller, deadlines that end a caller's wait but not the
 * refresh, and the {@code TrackingID} of the token endpoint's requests. Deadlines are fired by the test (a fake
 * timer), the clock is fake; only the token endpoint's answers take real (short) time.
 */
class OAuthTokenProviderAsyncTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final WireMockExtension WIREMOCK = LoopbackWireMock.extension();

    private final FakeTime time = new FakeTime();
    private final List<OAuthTokens> handed = new CopyOnWriteArrayList<>();
    private final List<Runnable> deadlines = new CopyOnWriteArrayList<>();
    private final List<OAuthTokenProvider> providers = new CopyOnWriteArrayList<>();

    private OAuthTokenProvider provider() {
        OAuthTokenProvider provider = OAuthTokenProvider.builder().clientId("client-id").clientSecret("client-secret")
                .refreshToken("refresh-0").tokenEndpoint(TokenEndpointStub.url(WIREMOCK)).onRefresh(handed::add)
                .time(time).deadlines((delay, task) -> {
                    deadlines.add(task);
                    return () -> deadlines.remove(task);
                }).build();
        providers.add(provider);
        return provider;
    }

    @AfterEach
    void settle() throws Exception {
        for (OAuthTokenProvider provider : providers) {
            settled(provider);
        }
    }

    private static void settled(OAuthTokenProvider provider) throws Exception {
        try {
            provider.refreshInFlight().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // the test looks at the outcome
        }
    }

    @Test
    void asyncCallersShareOneRefreshAndTheCallReturnsBeforeTheAnswer() throws Exception {
        answers(WIREMOCK, tokenSet(1, 3600).withFixedDelay(300));
        OAuthTokenProvider provider = provider();
        List<CompletableFuture<String>> tokens = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            tokens.add(provider.accessTokenAsync(WAIT));
        }
        assertFalse(tokens.get(0).isDone(), "returned before the answer, which takes 300 ms: nothing waited for it");
        for (CompletableFuture<String> token : tokens) {
            assertEquals("access-1", token.get(30, TimeUnit.SECONDS));
        }
        assertEquals(1, forms(WIREMOCK).size(), "one refresh for 32 callers");
        assertTrue(provider.accessTokenAsync(WAIT).isDone(), "a valid token is there at once");
    }

    @Test
    void anAnswerAfterTheCallersDeadlineIsStillAppliedAndHandedOver() throws Exception {
        answers(WIREMOCK, tokenSet(1, 3600).withFixedDelay(400));
        OAuthTokenProvider provider = provider();
        CompletableFuture<String> token = provider.accessTokenAsync(Duration.ofMillis(100));
        assertEquals(1, deadlines.size());
        deadlines.get(0).run();

        ExecutionException late = assertThrows(ExecutionException.class, token::get);
        OAuthRefreshException failure = assertInstanceOf(OAuthRefreshException.class, late.getCause());
        assertEquals("No valid access token within PT0.1S: the refresh is still running (its answer will be used"
                + " when it comes)", failure.getMessage());
        assertFalse(failure.renewalRequired());

        settled(provider);
        assertEquals(List.of("refresh-1"), handed.stream().map(OAuthTokens::refreshToken).toList(),
                "the rotated refresh token was handed to onRefresh although the caller had given up");
        assertEquals("access-1", provider.accessToken(WAIT));
        assertEquals(1, forms(WIREMOCK).size(), "the late answer was used, not thrown away and asked again");
        assertEquals(failure.trackingId().orElseThrow(), trackingIds().get(0), "the refresh's TrackingID");
    }

    @Test
    void theBlockingFormGivesUpAtItsDeadlineAndTheAnswerIsStillApplied() throws Exception {
        answers(WIREMOCK, tokenSet(1, 3600).withFixedDelay(400));
        // the real clock: the blocking form waits maxWait of real time (on a test clock it waits for the refresh)
        OAuthTokenProvider provider = OAuthTokenProvider.builder().clientId("client-id")
                .clientSecret("client-secret").refreshToken("refresh-0").tokenEndpoint(TokenEndpointStub.url(WIREMOCK))
                .onRefresh(handed::add).build();
        providers.add(provider);
        OAuthRefreshException failure = assertThrows(OAuthRefreshException.class,
                () -> provider.accessToken(Duration.ofMillis(50)));
        assertTrue(failure.getMessage().startsWith("No valid access token within PT0.05S"), failure.getMessage());

        settled(provider);
        assertEquals(1, handed.size());
        assertEquals("access-1", provider.accessToken(WAIT));
        assertEquals(1, forms(WIREMOCK).size());
    }

    @Test
    void aRefreshKeepsItsTrackingIdAcrossRetriesAndTheNextRefreshHasANewOne() throws Exception {
        answers(WIREMOCK, json(503, "{}"), tokenSet(1, 2), tokenSet(2, 3600));
        OAuthTokenProvider provider = provider();
        assertEquals("access-1", provider.accessTokenAsync(WAIT).get(30, TimeUnit.SECONDS));
        time.sleep(Duration.ofSeconds(2));
        assertEquals("access-2", provider.accessTokenAsync(WAIT).get(30, TimeUnit.SECONDS));

        List<String> ids = trackingIds();
        assertEquals(3, ids.size());
        ids.forEach(id -> assertTrue(id.matches("WXCJAVA_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                id));
        assertEquals(ids.get(0), ids.get(1), "a retry keeps the refresh's id");
        assertFalse(ids.get(1).equals(ids.get(2)), "the next refresh has its own");
    }

    @Test
    void aRefusalFailsEveryWaitingCallerWithTheSameTypedException() throws Exception {
        answers(WIREMOCK, json(400, "{\"error\":\"invalid_grant\"}").withFixedDelay(200));
        OAuthTokenProvider provider = provider();
        CompletableFuture<String> first = provider.accessTokenAsync(WAIT);
        CompletableFuture<String> second = provider.accessTokenAsync(WAIT);
        for (CompletableFuture<String> token : List.of(first, second)) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> token.get(30, TimeUnit.SECONDS));
            assertTrue(assertInstanceOf(OAuthRefreshException.class, failed.getCause()).renewalRequired());
        }
        assertTrue(provider.accessTokenAsync(WAIT).isCompletedExceptionally(), "remembered: fails at once");
        assertEquals(1, forms(WIREMOCK).size());
    }

    private static List<String> trackingIds() {
        return WIREMOCK.findAll(postRequestedFor(urlEqualTo(TokenEndpointStub.PATH))).stream()
                .map((LoggedRequest request) -> request.getHeader("TrackingID")).toList();
    }
}
