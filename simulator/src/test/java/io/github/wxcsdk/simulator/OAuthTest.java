package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static io.github.wxcsdk.simulator.SimClient.json;
import static io.github.wxcsdk.simulator.WebexErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth endpoints, the integration control requests and the 401 of expired or revoked tokens, on a fake clock. */
class OAuthTest {
    private static final String CLIENT = "C-client-id";
    private static final String SECRET = "s3cret-value";
    private static final String REDIRECT = "http://127.0.0.1:8765/callback";

    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private WebexSimulator simulator;
    private SimClient alice;

    @BeforeEach
    void start() {
        simulator = WebexSimulator.start(0, clock);
        alice = new SimClient(simulator, "alice-token");
        simulator.oauth().register(alice.token(), Integration.of(CLIENT, SECRET)
                .withScopes(Set.of("spark:calls_read", "spark:calls_write"))
                .withRedirectUris(REDIRECT)
                .withAccessTokenLifetime(Duration.ofSeconds(2))
                .withRefreshTokenLifetime(Duration.ofSeconds(100)));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void anIssuedAccessTokenActsAsTheIntegrationsUser() {
        IssuedTokens tokens = simulator.oauth().issueTokens(CLIENT);
        SimClient viaOAuth = alice.as(tokens.accessToken());

        viaOAuth.startConference(simulator.createCall(alice.token()), alice.createCall());

        assertEquals(2, alice.details().get("participants").size());
        assertEquals(Duration.ofSeconds(2), tokens.expiresIn());
        assertEquals(Duration.ofSeconds(100), tokens.refreshTokenExpiresIn());
    }

    @Test
    void theRefreshGrantAnswersWebexFieldsAndRotatesTheRefreshToken() {
        IssuedTokens first = simulator.oauth().issueTokens(CLIENT);

        HttpResponse<String> response = tokenRequest(Map.of("grant_type", "refresh_token", "client_id", CLIENT,
                "client_secret", SECRET, "refresh_token", first.refreshToken()));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode body = json(response);
        assertEquals(Set.of("access_token", "expires_in", "refresh_token", "refresh_token_expires_in", "token_type"),
                fieldNames(body));
        assertEquals("Bearer", body.get("token_type").textValue());
        assertEquals(2, body.get("expires_in").intValue());
        assertEquals(100, body.get("refresh_token_expires_in").intValue());
        assertNotEquals(first.refreshToken(), body.get("refresh_token").textValue());
        assertNotEquals(first.accessToken(), body.get("access_token").textValue());
        assertEquals(200, alice.as(body.get("access_token").textValue()).get(CONFERENCE).statusCode());
        // the used refresh token is spent
        assertOAuthError(tokenRequest(Map.of("grant_type", "refresh_token", "client_id", CLIENT,
                "client_secret", SECRET, "refresh_token", first.refreshToken())), 400, "invalid_grant");
        assertEquals(new GrantCounts(0, 1, 1), simulator.oauth().grantCounts(CLIENT));
    }

    @Test
    void withoutRotationARefreshAnswersTheSameRefreshTokenWithItsRemainingLifetime() {
        simulator.oauth().register(alice.token(), Integration.of("fixed", SECRET)
                .withRefreshTokenLifetime(Duration.ofSeconds(100)).withRefreshTokenRotation(false));
        IssuedTokens first = simulator.oauth().issueTokens("fixed");
        clock.advance(Duration.ofSeconds(30));

        JsonNode body = json(tokenRequest(Map.of("grant_type", "refresh_token", "client_id", "fixed",
                "client_secret", SECRET, "refresh_token", first.refreshToken())));

        assertEquals(first.refreshToken(), body.get("refresh_token").textValue());
        assertEquals(70, body.get("refresh_token_expires_in").intValue());
        assertEquals(1209600, body.get("expires_in").intValue(), "Webex's 14 days by default");
    }

    @Test
    void ofConcurrentRefreshesWithOneRefreshTokenExactlyOneSucceeds() throws Exception {
        String refreshToken = simulator.oauth().issueTokens(CLIENT).refreshToken();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(threads.submit(() -> {
                    go.await();
                    return refresh(refreshToken).statusCode();
                }));
            }
            go.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(30, TimeUnit.SECONDS));
            }

            assertEquals(1, answered.stream().filter(status -> status == 200).count(), answered::toString);
            assertEquals(new GrantCounts(0, 1, 7), simulator.oauth().grantCounts(CLIENT));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anExpiredOrRevokedAccessTokenIs401WithWebexBody() {
        IssuedTokens tokens = simulator.oauth().issueTokens(CLIENT);
        SimClient viaOAuth = alice.as(tokens.accessToken());
        assertEquals(200, viaOAuth.get(CONFERENCE).statusCode());

        clock.advance(Duration.ofSeconds(2));

        assertProblem(viaOAuth.get(CONFERENCE), Problem.ACCESS_TOKEN_REJECTED);
        assertEquals(Problem.UNAUTHORIZED.message(), Problem.ACCESS_TOKEN_REJECTED.message());

        IssuedTokens fresh = simulator.oauth().issueTokens(CLIENT);
        assertEquals(204, alice.post("/_simulator/oauth/revoke",
                "{\"token\": \"" + fresh.accessToken() + "\"}").statusCode());
        assertProblem(alice.as(fresh.accessToken()).get(CONFERENCE), Problem.ACCESS_TOKEN_REJECTED);
        assertProblem(alice.post("/_simulator/oauth/revoke", "{\"token\": \"" + fresh.accessToken() + "\"}"),
                Problem.INVALID_CONTROL_REQUEST);
        // tokens the simulator did not issue are users, as always
        assertEquals(200, alice.as("some-other-token").get(CONFERENCE).statusCode());
    }

    @Test
    void aRevokedOrExpiredRefreshTokenIsInvalidGrant() {
        IssuedTokens revoked = simulator.oauth().issueTokens(CLIENT);
        IssuedTokens expired = simulator.oauth().issueTokens(CLIENT);
        assertTrue(simulator.oauth().revoke(revoked.refreshToken()));
        assertFalse(simulator.oauth().revoke(revoked.refreshToken()));

        assertOAuthError(refresh(revoked.refreshToken()), 400, "invalid_grant");
        clock.advance(Duration.ofSeconds(100));
        assertOAuthError(refresh(expired.refreshToken()), 400, "invalid_grant");
        assertOAuthError(refresh("never-issued"), 400, "invalid_grant");
    }

    @Test
    void clientAuthenticationFailuresAreInvalidClient401() {
        IssuedTokens tokens = simulator.oauth().issueTokens(CLIENT);

        assertOAuthError(tokenRequest(Map.of("grant_type", "refresh_token", "client_id", CLIENT,
                "client_secret", "wrong", "refresh_token", tokens.refreshToken())), 401, "invalid_client");
        assertOAuthError(tokenRequest(Map.of("grant_type", "refresh_token", "client_id", "nobody",
                "client_secret", SECRET, "refresh_token", tokens.refreshToken())), 401, "invalid_client");
        // a failed authentication does not spend the refresh token
        assertEquals(200, refresh(tokens.refreshToken()).statusCode());
    }

    @Test
    void malformedTokenRequestsAreOAuthErrors() {
        assertOAuthError(tokenRequest(Map.of("client_id", CLIENT, "client_secret", SECRET)), 400, "invalid_request");
        assertOAuthError(tokenRequest(Map.of("grant_type", "password", "client_id", CLIENT, "client_secret", SECRET)),
                400, "unsupported_grant_type");
        assertOAuthError(tokenRequest(Map.of("grant_type", "refresh_token", "client_id", CLIENT,
                "client_secret", SECRET)), 400, "invalid_request");
        HttpResponse<String> json = SimClient.sendRaw(HttpRequest.newBuilder(tokenUri())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\": \"refresh_token\"}")).build());
        assertOAuthError(json, 400, "invalid_request");
        assertEquals("POST", alice.get("/v1/access_token").headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void theAuthorizationCodeFlowRunsOffline() {
        HttpResponse<String> redirect = authorize(Map.of("response_type", "code", "client_id", CLIENT,
                "redirect_uri", REDIRECT, "scope", "spark:calls_read spark:calls_write", "state", "xyz 1"));

        assertEquals(302, redirect.statusCode(), redirect.body());
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertEquals(REDIRECT, location.getScheme() + "://" + location.getAuthority() + location.getPath());
        Map<String, String> query = decode(location.getRawQuery());
        assertEquals("xyz 1", query.get("state"));

        Map<String, String> exchange = Map.of("grant_type", "authorization_code", "client_id", CLIENT,
                "client_secret", SECRET, "code", query.get("code"), "redirect_uri", REDIRECT);
        HttpResponse<String> tokens = tokenRequest(exchange);

        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(200, alice.as(json(tokens).get("access_token").textValue()).get(CONFERENCE).statusCode());
        assertOAuthError(tokenRequest(exchange), 400, "invalid_grant");
        assertEquals(new GrantCounts(1, 0, 1), simulator.oauth().grantCounts(CLIENT));
    }

    @Test
    void aCodeNeedsItsRedirectUriAndExpires() {
        String code = code(Map.of("response_type", "code", "client_id", CLIENT, "redirect_uri", REDIRECT));
        assertOAuthError(tokenRequest(Map.of("grant_type", "authorization_code", "client_id", CLIENT,
                "client_secret", SECRET, "code", code, "redirect_uri", "http://elsewhere/cb")), 400, "invalid_grant");

        String late = code(Map.of("response_type", "code", "client_id", CLIENT, "redirect_uri", REDIRECT));
        clock.advance(OAuthServer.CODE_LIFETIME);
        assertOAuthError(tokenRequest(Map.of("grant_type", "authorization_code", "client_id", CLIENT,
                "client_secret", SECRET, "code", late, "redirect_uri", REDIRECT)), 400, "invalid_grant");
    }

    @Test
    void authorizeRefusesWithoutRedirectingOrRedirectsWithAnError() {
        assertOAuthError(authorize(Map.of("response_type", "code", "client_id", "nobody", "redirect_uri", REDIRECT)),
                400, "invalid_request");
        assertOAuthError(authorize(Map.of("response_type", "code", "client_id", CLIENT,
                "redirect_uri", "http://evil/cb")), 400, "invalid_request");

        HttpResponse<String> badScope = authorize(Map.of("response_type", "code", "client_id", CLIENT,
                "redirect_uri", REDIRECT, "scope", "spark:all", "state", "s"));
        assertEquals(302, badScope.statusCode());
        assertEquals(REDIRECT + "?error=invalid_scope&state=s", badScope.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> token = authorize(Map.of("response_type", "token", "client_id", CLIENT,
                "redirect_uri", REDIRECT));
        assertEquals(REDIRECT + "?error=unsupported_response_type",
                token.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void basicClientCredentialsWorkToo() {
        IssuedTokens tokens = simulator.oauth().issueTokens(CLIENT);
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = SimClient.sendRaw(HttpRequest.newBuilder(tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "refresh_token",
                        "refresh_token", tokens.refreshToken())))).build());

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void theControlSurfaceRegistersIssuesAndCounts() {
        SimClient bob = new SimClient(simulator, "bob-token");
        assertEquals(204, bob.post("/_simulator/oauth/integrations", "{\"clientId\": \"bob-app\","
                + " \"clientSecret\": \"x\", \"scopes\": [\"spark:calls_read\"], \"redirectUris\": [\"http://a/b\"],"
                + " \"accessTokenLifetime\": 5, \"refreshTokenLifetime\": 50, \"rotateRefreshTokens\": true}")
                .statusCode());

        HttpResponse<String> issued = bob.post("/_simulator/oauth/tokens", "{\"clientId\": \"bob-app\"}");

        assertEquals(201, issued.statusCode(), issued.body());
        JsonNode tokens = json(issued);
        assertEquals(5, tokens.get("expires_in").intValue());
        assertEquals(50, tokens.get("refresh_token_expires_in").intValue());
        SimClient viaOAuth = bob.as(tokens.get("access_token").textValue());
        String call = viaOAuth.createCall();
        viaOAuth.startConference(call, bob.createCall());
        assertEquals(2, bob.details().get("participants").size());
        assertEquals(json("{\"authorizationCode\": 0, \"refreshToken\": 0, \"refused\": 0}"),
                json(bob.get("/_simulator/oauth/grants?clientId=bob-app")));
    }

    @Test
    void malformedControlRequestsAre400() {
        for (String body : List.of("{\"clientId\": \"x\"}", "{\"clientId\": \"x\", \"clientSecret\": \"y\","
                + " \"accessTokenLifetime\": 0}", "{\"clientId\": \"x\", \"clientSecret\": \"y\", \"scope\": \"a\"}",
                "{\"clientId\": \"x\", \"clientSecret\": \"y\", \"scopes\": \"a\"}")) {
            assertProblem(alice.post("/_simulator/oauth/integrations", body), Problem.INVALID_CONTROL_REQUEST);
        }
        assertProblem(alice.post("/_simulator/oauth/tokens", "{\"clientId\": \"nobody\"}"),
                Problem.INVALID_CONTROL_REQUEST);
        assertProblem(alice.get("/_simulator/oauth/grants"), Problem.INVALID_CONTROL_REQUEST);
        assertProblem(alice.post("/_simulator/oauth/revoke", "{}"), Problem.INVALID_CONTROL_REQUEST);
    }

    @Test
    void noTokenOrSecretAppearsInToString() {
        IssuedTokens tokens = simulator.oauth().issueTokens(CLIENT);
        Integration integration = Integration.of(CLIENT, SECRET);

        assertFalse(tokens.toString().contains(tokens.accessToken()));
        assertFalse(tokens.toString().contains(tokens.refreshToken()));
        assertFalse(integration.toString().contains(SECRET));
    }

    @Test
    void javaApiValidatesArguments() {
        OAuthServer oauth = simulator.oauth();

        assertThrows(NullPointerException.class, () -> oauth.register("u", null));
        assertThrows(IllegalArgumentException.class, () -> oauth.register("two words", Integration.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> oauth.issueTokens("nobody"));
        assertThrows(IllegalArgumentException.class, () -> oauth.grantCounts("nobody"));
        assertThrows(NullPointerException.class, () -> oauth.revoke(null));
        assertThrows(IllegalArgumentException.class, () -> Integration.of(" ", "b"));
        assertThrows(IllegalArgumentException.class,
                () -> Integration.of("a", "b").withAccessTokenLifetime(Duration.ofMillis(1500)));
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return tokenRequest(Map.of("grant_type", "refresh_token", "client_id", CLIENT, "client_secret", SECRET,
                "refresh_token", refreshToken));
    }

    private HttpResponse<String> tokenRequest(Map<String, String> parameters) {
        return SimClient.sendRaw(HttpRequest.newBuilder(tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build());
    }

    private URI tokenUri() {
        return URI.create(simulator.baseUrl() + "/access_token");
    }

    private HttpResponse<String> authorize(Map<String, String> parameters) {
        return SimClient.sendRaw(HttpRequest.newBuilder(
                URI.create(simulator.baseUrl() + "/authorize?" + form(parameters))).GET().build());
    }

    private String code(Map<String, String> parameters) {
        HttpResponse<String> redirect = authorize(parameters);
        assertEquals(302, redirect.statusCode(), redirect.body());
        return decode(URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawQuery()).get("code");
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals(error, body.get("error").textValue(), response.body());
        assertEquals(body.get("error_description"), body.get("message"));
        assertEquals(body.get("message"), body.get("errors").get(0).get("description"));
        assertEquals(response.headers().firstValue("trackingid").orElseThrow(), body.get("trackingId").textValue());
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
