package io.github.wxcsdk.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.WebexSimpleAsyncApi;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The async client never blocks one of its threads waiting for a token: while the token endpoint holds a refresh
 * (for as long as the test wants: a 3-second refresh, without the 3 seconds), no I/O thread of the client is inside
 * the token provider, and a call whose answer is already in flight completes.
 */
class AsyncClientRefreshTest {

    @Test
    void aRefreshBlocksNoIoThreadAndACallInFlightCompletesMeanwhile() throws Exception {
        CountDownLatch holdAnswerReceived = new CountDownLatch(1);
        CountDownLatch releaseHoldAnswer = new CountDownLatch(1);
        CountDownLatch refreshReceived = new CountDownLatch(1);
        CountDownLatch releaseRefresh = new CountDownLatch(1);
        List<String> authorizations = new CopyOnWriteArrayList<>();
        ExecutorService serverThreads = Executors.newCachedThreadPool();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/v1/access_token", exchange -> {
            refreshReceived.countDown();
            await(releaseRefresh);
            answer(exchange, 200, "{\"access_token\":\"access-1\",\"expires_in\":3600,\"refresh_token\":\"refresh-1\"}");
        });
        server.createContext("/v1/telephony/conference/hold", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            holdAnswerReceived.countDown();
            await(releaseHoldAnswer);
            answer(exchange, 204, "");
        });
        server.createContext("/v1/telephony/conference/mute", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, 204, "");
        });
        server.start();
        String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        OAuthTokenProvider tokens = OAuthTokenProvider.builder().clientId("client-id").clientSecret("client-secret")
                .tokens(OAuthTokens.of("access-0", Instant.now().plus(Duration.ofHours(1)), "refresh-0", null))
                .tokenEndpoint(root + "/access_token").build();
        try (WebexSimpleAsyncApi api = WebexSimpleApi.builder().baseUrl(root).tokenProvider(tokens).buildAsync()) {
            CompletableFuture<Void> inFlight = api.telephony().conference().hold();
            assertTrue(holdAnswerReceived.await(10, TimeUnit.SECONDS));

            tokens.unauthorized("access-0");
            CompletableFuture<Void> needsRefresh = api.telephony().conference().mute();
            assertTrue(refreshReceived.await(10, TimeUnit.SECONDS), "the refresh is under way");

            assertEquals(List.of(), ioThreadsInTheTokenProvider(), "an I/O thread waits for the token");
            releaseHoldAnswer.countDown();
            inFlight.get(10, TimeUnit.SECONDS);
            assertFalse(needsRefresh.isDone(), "the refresh is still held: the call in flight did not wait for it");
            assertEquals(List.of(), ioThreadsInTheTokenProvider());

            releaseRefresh.countDown();
            needsRefresh.get(10, TimeUnit.SECONDS);
            assertEquals(List.of("Bearer access-0", "Bearer access-1"), authorizations);
        } finally {
            releaseHoldAnswer.countDown();
            releaseRefresh.countDown();
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    /** @return the client's I/O threads whose stack is inside the token provider (waiting for a refresh) */
    private static List<String> ioThreadsInTheTokenProvider() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey().getName().startsWith("wxc-sdk-async-"))
                .filter(entry -> List.of(entry.getValue()).stream()
                        .anyMatch(frame -> frame.getClassName().startsWith("io.github.wxcsdk.auth.")))
                .map(Map.Entry::getKey).map(Thread::getName).toList();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
