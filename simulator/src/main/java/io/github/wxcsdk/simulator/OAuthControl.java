package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The control requests of the OAuth server, under {@code /_simulator/oauth}: register an integration for the bearer
 * token's user, issue a token set without a browser, revoke a token, read grant counters.
 */
final class OAuthControl {
    static final String PATH = ControlOperations.PREFIX + "/oauth";
    private static final Set<String> INTEGRATION_FIELDS = Set.of("clientId", "clientSecret", "scopes", "redirectUris",
            "accessTokenLifetime", "refreshTokenLifetime", "rotateRefreshTokens");

    private final OAuthServer oauth;

    OAuthControl(OAuthServer oauth) {
        this.oauth = oauth;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", PATH + "/integrations", false, this::register),
                new Route("POST", PATH + "/tokens", false, this::issueTokens),
                new Route("POST", PATH + "/revoke", false, this::revoke),
                new Route("GET", PATH + "/grants", false, this::grantCounts));
    }

    private Reply register(Request request) {
        ObjectNode body = ControlFields.body(request, INTEGRATION_FIELDS);
        Integration integration;
        try {
            integration = Integration.of(ControlFields.requiredText(body, "clientId"),
                            ControlFields.requiredText(body, "clientSecret"))
                    .withScopes(ControlFields.texts(body, "scopes"))
                    .withRedirectUris(ControlFields.texts(body, "redirectUris").toArray(String[]::new));
            Integer accessLifetime = ControlFields.integer(body, "accessTokenLifetime");
            if (accessLifetime != null) {
                integration = integration.withAccessTokenLifetime(Duration.ofSeconds(accessLifetime));
            }
            Integer refreshLifetime = ControlFields.integer(body, "refreshTokenLifetime");
            if (refreshLifetime != null) {
                integration = integration.withRefreshTokenLifetime(Duration.ofSeconds(refreshLifetime));
            }
            Boolean rotate = ControlFields.bool(body, "rotateRefreshTokens");
            if (rotate != null) {
                integration = integration.withRefreshTokenRotation(rotate);
            }
        } catch (IllegalArgumentException e) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(e.getMessage() + ".");
        }
        oauth.register(request.token(), integration);
        return Reply.noContent();
    }

    private Reply issueTokens(Request request) {
        String clientId = ControlFields.requiredText(ControlFields.body(request, Set.of("clientId")), "clientId");
        try {
            return Reply.json(201, oauth.issueTokens(clientId).toJson());
        } catch (IllegalArgumentException e) {
            throw Problem.INVALID_CONTROL_REQUEST.exception("Unknown clientId.");
        }
    }

    private Reply revoke(Request request) {
        String token = ControlFields.requiredText(ControlFields.body(request, Set.of("token")), "token");
        if (!oauth.revoke(token)) {
            throw Problem.INVALID_CONTROL_REQUEST.exception("Not a valid token of the simulator's OAuth server.");
        }
        return Reply.noContent();
    }

    private Reply grantCounts(Request request) {
        String clientId = request.query().get("clientId");
        if (clientId == null || clientId.isBlank()) {
            throw Problem.INVALID_CONTROL_REQUEST.exception("The query parameter clientId is required.");
        }
        GrantCounts counts;
        try {
            counts = oauth.grantCounts(clientId);
        } catch (IllegalArgumentException e) {
            throw Problem.INVALID_CONTROL_REQUEST.exception("Unknown clientId.");
        }
        return Reply.json(200, Json.object()
                .put("authorizationCode", counts.authorizationCode())
                .put("refreshToken", counts.refreshToken())
                .put("refused", counts.refused()));
    }
}
