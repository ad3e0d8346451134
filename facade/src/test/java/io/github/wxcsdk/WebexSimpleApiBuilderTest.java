package io.github.wxcsdk;

import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration rules of {@link WebexSimpleApi.Builder}: token sources, base URL safety, option checks. */
class WebexSimpleApiBuilderTest {

    @Test
    void tokenComesFromTheEnvironmentWhenNoneIsConfigured() {
        try (StubServer stub = StubServer.start()) {
            WebexSimpleApi api = WebexSimpleApi.builder().baseUrl(stub.baseUrl())
                    .environment(Map.of("WEBEX_ACCESS_TOKEN", " env-token ")::get).build();
            api.telephony().conference().hold();
            assertEquals("Bearer env-token", stub.onlyRequest().header("Authorization"));
        }
    }

    @Test
    void noTokenAnywhereFailsAtBuild() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WebexSimpleApi.builder().environment(name -> null).build());
        assertTrue(e.getMessage().contains("WEBEX_ACCESS_TOKEN"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> WebexSimpleApi.builder().environment(name -> "  ").build());
    }

    @Test
    void tokenSupplierIsAskedBeforeEveryRequest() {
        AtomicInteger calls = new AtomicInteger();
        try (StubServer stub = StubServer.start()) {
            WebexSimpleApi api = TestClients.builder(stub, new FakeTime())
                    .tokenSupplier(() -> "token-" + calls.incrementAndGet()).build();
            api.telephony().conference().hold();
            api.telephony().conference().resume();
            List<StubServer.RecordedRequest> requests = stub.requests();
            assertEquals("Bearer token-1", requests.get(0).header("Authorization"));
            assertEquals("Bearer token-2", requests.get(1).header("Authorization"));
        }
    }

    @Test
    void aSupplierWithoutTokenFailsBeforeSending() {
        try (StubServer stub = StubServer.start()) {
            WebexSimpleApi api = TestClients.builder(stub, new FakeTime()).tokenSupplier(() -> null).build();
            assertThrows(IllegalStateException.class, () -> api.telephony().conference().hold());
            assertEquals(List.of(), stub.requests());
        }
    }

    @Test
    void tokensWithTemplateCharactersAreSentVerbatim() {
        String token = "a{b}c$d+e/f=";
        try (StubServer stub = StubServer.start()) {
            TestClients.builder(stub, new FakeTime()).accessToken(token).build().telephony().conference().mute();
            assertEquals("Bearer " + token, stub.onlyRequest().header("Authorization"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://webexapis.com/v1", "http://10.0.0.1/v1", "ftp://127.0.0.1/v1", "webexapis.com/v1",
            "https://user:pw@webexapis.com/v1", "https://webexapis.com/v1?x=1", "https://exa mple.com"})
    void unsafeOrMalformedBaseUrlsAreRefused(String baseUrl) {
        assertThrows(IllegalStateException.class,
                () -> WebexSimpleApi.builder().accessToken("t").baseUrl(baseUrl).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://webexapis.com/v1", "https://webexapis.com/v1/", "http://localhost:8080/v1",
            "http://127.0.0.1:1/v1", "http://[::1]:8080/v1", "HTTPS://WEBEXAPIS.COM/v1"})
    void httpsAndLoopbackBaseUrlsAreAccepted(String baseUrl) {
        assertDoesNotThrow(() -> WebexSimpleApi.builder().accessToken("t").baseUrl(baseUrl).build());
    }

    @Test
    void nothingPrintsTheToken() {
        WebexSimpleApi api = WebexSimpleApi.builder().accessToken("secret-token-xyz").build();
        assertFalse(api.toString().contains("secret-token-xyz"), api.toString());
        assertFalse(api.telephony().conference().toString().contains("secret-token-xyz"));
        assertEquals("WebexSimpleApi{baseUrl=https://webexapis.com/v1}", api.toString());
    }

    @Test
    void theSameConferenceApiIsReturnedEveryTime() {
        WebexSimpleApi api = WebexSimpleApi.builder().accessToken("t").build();
        assertSame(api.telephony(), api.telephony());
        assertSame(api.telephony().conference(), api.telephony().conference());
    }

    @Test
    void optionsAreChecked() {
        WebexSimpleApi.Builder builder = WebexSimpleApi.builder();
        assertThrows(NullPointerException.class, () -> builder.accessToken(null));
        assertThrows(IllegalArgumentException.class, () -> builder.accessToken(" "));
        assertThrows(NullPointerException.class, () -> builder.tokenSupplier(null));
        assertThrows(NullPointerException.class, () -> builder.baseUrl(null));
        assertThrows(IllegalArgumentException.class, () -> builder.connectTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.readTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.callTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.maxRetries(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.maxRetryAfter(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.maxConcurrentRequests(-1));
        assertThrows(NullPointerException.class, () -> builder.retryListener(null));
    }
}
