package io.github.wxcsdk.auth;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.LoopbackWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.github.wxcsdk.auth.TokenEndpointStub.answers;
import static io.github.wxcsdk.auth.TokenEndpointStub.forms;
import static io.github.wxcsdk.auth.TokenEndpointStub.json;
import static io.github.wxcsdk.auth.TokenEndpointStub.tokenSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authorize URL and the code exchange of OAuthAuthorizationCodeFlow. */
class OAuthAuthorizationCodeFlowTest {
    @RegisterExtension
    static final WireMockExtension WIREMOCK = LoopbackWireMock.extension();

    private final FakeTime time = new FakeTime();

    private OAuthAuthorizationCodeFlow.Builder builder() {
        return OAuthAuthorizationCodeFlow.builder().clientId("C1a/b").clientSecret("secret")
                .redirectUri("http://127.0.0.1:8765/callback").scope("spark:calls_read spark:calls_write")
                .tokenEndpoint(TokenEndpointStub.url(WIREMOCK)).time(time);
    }

    @Test
    void theAuthorizeUrlCarriesEveryParameterEncoded() {
        assertEquals("https://webexapis.com/v1/authorize?response_type=code&client_id=C1a%2Fb&redirect_uri="
                + "http%3A%2F%2F127.0.0.1%3A8765%2Fcallback&scope=spark%3Acalls_read%20spark%3Acalls_write"
                + "&state=s%26t%3Dx", builder().build().authorizeUri("s&t=x").toString());
        assertEquals("http://localhost:9/v1/authorize?response_type=code&client_id=C1a%2Fb&redirect_uri="
                        + "http%3A%2F%2F127.0.0.1%3A8765%2Fcallback&scope=spark%3Acalls_read%20spark%3Acalls_write"
                        + "&state=x",
                builder().authorizeEndpoint("http://localhost:9/v1/authorize").build().authorizeUri("x").toString());
        assertThrows(IllegalArgumentException.class, () -> builder().build().authorizeUri(" "));
    }

    @Test
    void theCodeIsExchangedWithAnAuthorizationCodeGrant() {
        answers(WIREMOCK, tokenSet(1, 1209600));
        OAuthTokens tokens = builder().build().exchange("the-code", Duration.ofSeconds(5));
        assertEquals("access-1", tokens.accessToken());
        assertEquals("refresh-1", tokens.refreshToken());
        assertEquals(time.now().plusSeconds(1209600), tokens.accessTokenExpiresAt());
        assertEquals(List.of(Map.of("grant_type", "authorization_code", "client_id", "C1a/b", "client_secret",
                "secret", "code", "the-code", "redirect_uri", "http://127.0.0.1:8765/callback")), forms(WIREMOCK));
    }

    @Test
    void aRefusedCodeSaysToLogInAgain() {
        answers(WIREMOCK, json(400, "{\"error\":\"invalid_grant\"}"));
        OAuthRefreshException failure = assertThrows(OAuthRefreshException.class,
                () -> builder().build().exchange("used-code", Duration.ofSeconds(5)));
        assertTrue(failure.renewalRequired());
        assertEquals("Webex refused the authorization code (HTTP 400, invalid_grant): it is used, expired or was"
                + " issued for another redirect URI: start the login again", failure.getMessage());
    }

    @Test
    void requiredSettingsAndPlainHttpRedirectsElsewhereFail() {
        assertThrows(IllegalStateException.class, () -> OAuthAuthorizationCodeFlow.builder().clientId("c").build());
        assertThrows(IllegalArgumentException.class, () -> builder().redirectUri("http://example.com/callback"));
        assertThrows(IllegalArgumentException.class, () -> builder().scope(" "));
        assertThrows(NullPointerException.class, () -> builder().build().exchange(null, Duration.ofSeconds(1)));
    }
}
