package io.github.wxcsdk;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.LoopbackWireMock;
import io.github.wxcsdk.testing.StubServer;
import io.github.wxcsdk.testing.logging.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redirects, plain http, the JDK client's own resends, and what the SDK logs about attempts. */
class TransportSafetyTest {
    @RegisterExtension
    static final WireMockExtension WIREMOCK = LoopbackWireMock.extension();

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsNotFollowedButReported(int status) {
        try (StubServer stub = StubServer.start(); StubServer elsewhere = StubServer.start()) {
            stub.enqueue(new StubServer.Answer(status, Map.of("Location", elsewhere.baseUrl()
                    + "/telephony/conference"), ""));
            WebexApiException thrown = assertThrows(WebexApiException.class, () ->
                    TestClients.builder(stub, new FakeTime()).build().telephony().conference().getConferenceDetails());
            assertEquals(status, thrown.statusCode());
            assertTrue(thrown.getMessage().matches(status + "( [A-Z][a-z]+)+ \\(trackingId=.*"),
                    thrown.getMessage());
            assertEquals(1, stub.requests().size());
            assertEquals(List.of(), elsewhere.requests(), "the token never travels to the redirect's target");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://webexapis.com/v1", "http://10.0.0.1/v1", "http://127.example.com/v1",
        "ftp://localhost/v1", "//webexapis.com/v1"})
    void plainHttpIsRefusedOffLoopback(String baseUrl) {
        WebexSimpleApi.Builder builder = WebexSimpleApi.builder().accessToken("t").baseUrl(baseUrl);
        assertThrows(IllegalStateException.class, builder::build);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://webexapis.com/v1", "http://localhost:8080/v1", "http://127.0.0.1/v1",
        "http://127.1.2.3:9/v1", "http://[::1]:8080/v1"})
    void httpsAnywhereAndPlainHttpOnLoopback(String baseUrl) {
        assertTrue(WebexSimpleApi.builder().accessToken("t").baseUrl(baseUrl).build().toString().contains(baseUrl));
    }

    /**
     * The JDK's client, not the SDK, sends a GET once more when the connection closes before any byte of the answer
     * (see {@code JdkRetries}); it never does so for DELETE or POST. With SDK retries off, that is all that is left.
     */
    @Test
    void theJdkResendsOnlyAGetWhenAConnectionClosesSilently() {
        WIREMOCK.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        List<Consumer<ConferenceControlsApi>> calls = List.of(ConferenceControlsApi::getConferenceDetails,
                ConferenceControlsApi::releaseConference, ConferenceControlsApi::hold,
                c -> c.startConference("c1", "c2"));
        List<Integer> expectedRequests = List.of(2, 1, 1, 1);
        for (int i = 0; i < calls.size(); i++) {
            WIREMOCK.resetRequests();
            ConferenceControlsApi conference = TestClients.builder(wireMockApi(), new FakeTime())
                    .maxRetries(0).build().telephony().conference();
            Consumer<ConferenceControlsApi> call = calls.get(i);
            assertThrows(WebexClientException.class, () -> call.accept(conference));
            assertEquals(expectedRequests.get(i), WIREMOCK.getAllServeEvents().size(), "call " + i);
        }
    }

    @Test
    void oneDebugLinePerAttemptAndNothingAboveDebugForARetryThatSucceeds() {
        try (StubServer stub = StubServer.start()) {
            stub.enqueue(StubServer.Answer.json(503, "{}")).enqueue(StubServer.Answer.json(429, "{}"));
            CapturedLogs.clear();

            TestClients.builder(stub, new FakeTime()).build().telephony().conference().hold();

            List<String> sdkLines = CapturedLogs.lines().stream()
                    .filter(line -> line.split(" ")[1].startsWith("io.github.wxcsdk")).toList();
            List<String> debug = sdkLines.stream().filter(line -> line.startsWith("DEBUG io.github.wxcsdk.http "))
                    .toList();
            String trackingId = stub.requests().get(0).header("TrackingID");
            assertEquals(3, debug.size(), () -> "one per attempt: " + debug);
            for (int i = 0; i < 3; i++) {
                String line = debug.get(i);
                String status = List.of("503", "429", "204").get(i);
                assertTrue(line.matches(".*POST /v1/telephony/conference/hold -> " + status
                        + " in \\d+ ms \\(trackingId=" + trackingId + "\\)"), line);
            }
            assertTrue(sdkLines.stream().allMatch(line -> line.startsWith("DEBUG") || line.startsWith("TRACE")),
                    () -> "a retry that succeeded logged above DEBUG: " + sdkLines);
        }
    }

    private static String wireMockApi() {
        return LoopbackWireMock.baseUrl(WIREMOCK);
    }
}
