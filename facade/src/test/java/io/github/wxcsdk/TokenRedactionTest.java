package io.github.wxcsdk;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.LoopbackWireMock;
import io.github.wxcsdk.testing.RawSocketServer;
import io.github.wxcsdk.testing.logging.CapturedLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A canary token, full of regex metacharacters and braces, through every failure path, with servers that echo it back
 * in every way they can: no captured log line at any level (TRACE included), no exception message, cause, suppressed
 * exception, stack trace text or {@code toString()} may contain it, raw or JSON-escaped.
 */
class TokenRedactionTest {
    static final String CANARY = "canary.*+?^${}()|[]\\\\tok";
    /** The canary as a JSON string's content, with its backslashes escaped. */
    private static final String CANARY_IN_JSON = CANARY.replace("\\", "\\\\");

    @RegisterExtension
    static final WireMockExtension WIREMOCK = LoopbackWireMock.extension();

    private final List<Object> shown = new ArrayList<>();

    @BeforeEach
    void forgetEarlierLogs() {
        CapturedLogs.clear();
    }

    @Test
    void errorAnswersThatEchoTheToken() {
        List<ResponseDefinitionBuilder> answers = List.of(
                json(401, "{\"message\":\"token " + CANARY_IN_JSON + " is invalid\",\"errors\":[{\"description\":"
                        + "\"bad \\u0063" + CANARY_IN_JSON.substring(1) + "\"}],\"trackingId\":\"" + CANARY_IN_JSON
                        + "\"}"),
                json(403, "[\"" + CANARY_IN_JSON + "\"]"),
                aResponse().withStatus(400).withHeader("trackingid", CANARY).withBody(""),
                aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Bearer " + CANARY + "</body></html>"),
                aResponse().withStatus(302).withHeader("Location", "https://example.invalid/?t=" + CANARY),
                json(429, "{\"message\":\"" + CANARY_IN_JSON + "\"}").withHeader("Retry-After", CANARY),
                json(503, "{\"message\":\"" + CANARY_IN_JSON + "\"}").withHeader("Retry-After", "1"),
                json(502, "{\"message\":\"" + CANARY_IN_JSON + "\"}"),
                json(200, CANARY),
                json(200, "\"" + CANARY_IN_JSON + "\""),
                json(200, "{\"state\":\"" + CANARY_IN_JSON + "\",\"appearance\":\"" + CANARY_IN_JSON + "\"}"));
        for (ResponseDefinitionBuilder answer : answers) {
            WIREMOCK.stubFor(any(anyUrl()).willReturn(answer));
            everyOperation(wireMockApi(), builder -> { });
        }
        assertNothingShowsTheCanary();
    }

    @Test
    void brokenConnections() {
        for (Fault fault : Fault.values()) {
            WIREMOCK.stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault)));
            everyOperation(wireMockApi(), builder -> { });
        }
        WIREMOCK.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204).withFixedDelay(500)));
        everyOperation(wireMockApi(), builder -> builder.readTimeout(Duration.ofMillis(50)));
        everyOperation(RawSocketServer.refusingBaseUrl(), builder -> { });
        assertNothingShowsTheCanary();
    }

    @Test
    void aServerThatAnswersWithTheTokenAsItsStatusLine() {
        byte[] echo = ("Bearer " + CANARY + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        try (RawSocketServer server = RawSocketServer.answering(echo)) {
            everyOperation(server.baseUrl(), builder -> { });
        }
        assertTrue(CapturedLogs.lines().stream().anyMatch(line -> line.contains("[REDACTED]")),
                "the JDK's message quoting the status line was redacted, not dropped");
        assertNothingShowsTheCanary();
    }

    @Test
    void aRetryListenerAndTheClientItself() {
        WIREMOCK.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        everyOperation(wireMockApi(), builder -> builder.retryListener(event -> {
            shown.add(event);
            throw new IllegalStateException("listener failed");
        }));
        WebexSimpleApi api = TestClients.builder(wireMockApi(), new FakeTime()).accessToken(CANARY)
                .build();
        shown.add(api);
        shown.add(api.telephony().conference());
        shown.add(api.telephony().conference().forLineOwner("owner"));
        shown.add(api.telephony().conference().forMember("member", "org"));
        WebexSimpleAsyncApi async = TestClients.builder(wireMockApi(), new FakeTime()).accessToken(CANARY)
                .buildAsync();
        shown.add(async);
        shown.add(async.telephony().conference());
        shown.add(async.telephony().conference().forMember("member"));
        async.close();
        assertNothingShowsTheCanary();
    }

    private void everyOperation(String baseUrl, Consumer<WebexSimpleApi.Builder> adjust) {
        WebexSimpleApi.Builder builder = TestClients.builder(baseUrl, new FakeTime()).accessToken(CANARY)
                .maxRetries(1);
        adjust.accept(builder);
        List<Consumer<ConferenceControlsApi>> calls = List.of(ConferenceControlsApi::getConferenceDetails,
                ConferenceControlsApi::releaseConference, ConferenceControlsApi::mute, ConferenceControlsApi::hold,
                c -> c.startConference("c1", "c2"), c -> c.addParticipant("c3"), ConferenceControlsApi::bargeIn,
                c -> c.forMember("m", "o").getConferenceDetails(), c -> c.forMember("m").startConference("c1", "c2"));
        for (TestClients.Api api : TestClients.Api.values()) {
            ConferenceControlsApi conference = api.conference(builder);
            for (Consumer<ConferenceControlsApi> call : calls) {
                try {
                    call.accept(conference);
                } catch (WebexException e) {
                    shown.add(e);
                }
            }
        }
    }

    private void assertNothingShowsTheCanary() {
        assertFalse(shown.isEmpty());
        for (Object thing : shown) {
            assertFalse(text(thing).contains(CANARY), () -> "shows the token: " + text(thing));
            assertFalse(text(thing).contains(CANARY_IN_JSON), () -> "shows the escaped token: " + text(thing));
        }
        List<String> lines = CapturedLogs.lines();
        assertFalse(lines.isEmpty(), "the SDK logs at DEBUG and TRACE, and every level is captured");
        for (String line : lines) {
            assertFalse(line.contains(CANARY) || line.contains(CANARY_IN_JSON), () -> "logged the token: " + line);
        }
    }

    /** Everything a throwable can show: messages, toString and the printed trace of every cause and suppressed. */
    private static String text(Object thing) {
        if (!(thing instanceof Throwable failure)) {
            return String.valueOf(thing);
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        StringBuilder all = new StringBuilder(trace.toString());
        for (Throwable link = failure; link != null; link = link.getCause()) {
            all.append('\n').append(link.getMessage()).append('\n').append(link.getLocalizedMessage());
        }
        return all.toString();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void theCanaryReallyContainsMetacharactersAndItsJsonFormDiffers() {
        assertTrue(CANARY.matches(".*[.*+?^${}()|\\[\\]\\\\].*"));
        assertEquals(CANARY.length() + 2, CANARY_IN_JSON.length());
    }

    @Test
    void aMissingTokenFailsBeforeSending() {
        WebexSimpleApi api = TestClients.builder(wireMockApi(), new FakeTime())
                .tokenSupplier(() -> " ").build();
        assertThrows(IllegalStateException.class, () -> api.telephony().conference().hold());
        assertEquals(0, WIREMOCK.getAllServeEvents().size());
    }

    private static String wireMockApi() {
        return LoopbackWireMock.baseUrl(WIREMOCK);
    }
}
