package io.github.wxcsdk.auth;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.wxcsdk.auth.TokenEndpointStub.answers;
import static io.github.wxcsdk.auth.TokenEndpointStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Canary client secret, refresh token, access token and authorization code, full of regex metacharacters, through
 * every path of the OAuth code, against token endpoints that echo them back in every way they can: no captured log
 * line at any level, no exception message, cause or stack trace text, no {@code toString()} may contain them, raw or
 * JSON-escaped.
 */
class OAuthSecretRedactionTest {
    private static final String SECRET = "canary-secret.*+?^${}()|[]\\\\x";
    private static final String REFRESH = "canary-refresh.*+?^${}()|[]\\\\x";
    private static final String ACCESS = "canary-access.*+?^${}()|[]\\\\x";
    private static final String CODE = "canary-code.*+?^${}()|[]\\\\x";
    private static final List<String> CANARIES = List.of(SECRET, REFRESH, ACCESS, CODE);

    @RegisterExtension
    static final WireMockExtension WIREMOCK = LoopbackWireMock.extension();

    private final FakeTime time = new FakeTime();
    private final List<Object> shown = new ArrayList<>();

    @BeforeEach
    void forgetEarlierLogs() {
        CapturedLogs.clear();
    }

    @Test
    void tokenEndpointsThatEchoTheSecrets() {
        String all = inJson(SECRET) + " " + inJson(REFRESH) + " " + inJson(ACCESS) + " " + inJson(CODE);
        List<ResponseDefinitionBuilder> echoes = List.of(
                json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + all + "\",\"trackingId\":\""
                        + inJson(REFRESH) + "\"}"),
                json(400, "{\"error\":\"" + inJson(SECRET) + "\",\"message\":\"" + all + "\"}"),
                json(401, "{\"message\":\"" + all + "\"}").withHeader("trackingid", SECRET),
                json(503, "{\"message\":\"" + all + "\"}").withHeader("Retry-After", "1"),
                json(429, "{\"message\":\"" + all + "\"}").withHeader("Retry-After", REFRESH),
                aResponse().withStatus(302).withHeader("Location", "https://example.invalid/?t=" + ACCESS),
                json(200, "{\"access_token\":{\"a\":\"" + all + "\"},\"expires_in\":\"" + all + "\"}"),
                json(200, "\"" + all + "\""),
                aResponse().withStatus(500).withHeader("Content-Type", "text/html").withBody("<p>" + SECRET
                        + REFRESH + "</p>"),
                aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        for (ResponseDefinitionBuilder echo : echoes) {
            WIREMOCK.resetAll();
            answers(WIREMOCK, echo, echo, echo);
            everyPath(TokenEndpointStub.url(WIREMOCK));
        }
        assertFalse(CapturedLogs.lines().isEmpty(), "the OAuth code logs at DEBUG and WARN; every level is captured");
        assertTrue(shown.stream().anyMatch(thing -> text(thing).contains("[withheld: it quoted a secret]")));
        assertNothingShowsACanary();
    }

    @Test
    void aServerThatAnswersWithTheSecretsAsItsStatusLine() {
        byte[] echo = ("HTTP/1.1 " + SECRET + " " + REFRESH + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        try (RawSocketServer server = RawSocketServer.answering(echo)) {
            everyPath(server.baseUrl() + "/access_token");
        }
        everyPath(RawSocketServer.refusingBaseUrl() + "/access_token");
        assertFalse(CapturedLogs.lines().isEmpty(), "the OAuth code logs at DEBUG and WARN; every level is captured");
        assertNothingShowsACanary();
    }

    @Test
    void aSuccessfulRefreshAndEverythingThatCanBePrinted() {
        answers(WIREMOCK, json(200, "{\"access_token\":\"" + inJson(ACCESS) + "\",\"expires_in\":60,"
                + "\"refresh_token\":\"" + inJson(REFRESH) + "\",\"refresh_token_expires_in\":600}"));
        OAuthTokenProvider provider = provider(TokenEndpointStub.url(WIREMOCK)).onRefresh(tokens -> {
            throw new IllegalStateException("could not store " + tokens.accessToken() + tokens.refreshToken(),
                    new RuntimeException(SECRET));
        }).build();
        assertEquals(ACCESS, provider.accessToken(Duration.ofSeconds(5)));
        provider.unauthorized(ACCESS);
        shown.add(provider);
        shown.add(provider.currentTokens().orElseThrow());
        shown.add(flow(TokenEndpointStub.url(WIREMOCK)));
        shown.add(flow(TokenEndpointStub.url(WIREMOCK)).authorizeUri("state").toString().replace("canary", ""));
        assertTrue(CapturedLogs.lines().stream().anyMatch(line -> line.startsWith("WARN")));
        assertNothingShowsACanary();
    }

    @Test
    void argumentChecksDoNotShowTheValues() {
        for (String bad : List.of(" " + SECRET + " x", SECRET + "\u00e9")) {
            try {
                OAuthTokenProvider.builder().clientSecret(bad);
            } catch (IllegalArgumentException e) {
                shown.add(e);
            }
            try {
                OAuthTokens.of(bad, time.now(), REFRESH, null);
            } catch (IllegalArgumentException e) {
                shown.add(e);
            }
        }
        assertEquals(4, shown.size());
        assertNothingShowsACanary();
    }

    /** Refresh with only a refresh token, refresh of expired stored tokens, and a code exchange. */
    private void everyPath(String tokenEndpoint) {
        List<Runnable> paths = List.of(
                () -> provider(tokenEndpoint).build().accessToken(Duration.ofSeconds(3)),
                () -> provider(tokenEndpoint).tokens(OAuthTokens.of(ACCESS, time.now(), REFRESH, null)).build()
                        .accessToken(Duration.ofSeconds(3)),
                () -> flow(tokenEndpoint).exchange(CODE, Duration.ofSeconds(3)));
        for (Runnable path : paths) {
            try {
                path.run();
                shown.add("no failure");
            } catch (OAuthRefreshException e) {
                shown.add(e);
            }
        }
    }

    private OAuthTokenProvider.Builder provider(String tokenEndpoint) {
        return OAuthTokenProvider.builder().clientId("client").clientSecret(SECRET).refreshToken(REFRESH)
                .tokenEndpoint(tokenEndpoint).time(time);
    }

    private OAuthAuthorizationCodeFlow flow(String tokenEndpoint) {
        return OAuthAuthorizationCodeFlow.builder().clientId("client").clientSecret(SECRET)
                .redirectUri("http://127.0.0.1:8765/callback").scope("spark:calls_read").tokenEndpoint(tokenEndpoint)
                .time(time).build();
    }

    private void assertNothingShowsACanary() {
        assertFalse(shown.isEmpty());
        List<String> texts = new ArrayList<>(CapturedLogs.lines());
        shown.forEach(thing -> texts.add(text(thing)));
        for (String text : texts) {
            for (String canary : CANARIES) {
                assertFalse(text.contains(canary) || text.contains(inJson(canary)),
                        () -> "shows a secret: " + text);
            }
        }
    }

    private static String inJson(String text) {
        return text.replace("\\", "\\\\");
    }

    /** Everything a throwable can show: messages, toString and the printed trace of every cause and suppressed. */
    private static String text(Object thing) {
        if (!(thing instanceof Throwable failure)) {
            return String.valueOf(thing);
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
