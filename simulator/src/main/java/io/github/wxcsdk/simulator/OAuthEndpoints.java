package io.github.wxcsdk.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Webex's OAuth endpoints over HTTP: {@code POST /v1/access_token} (form-encoded; the authorization-code and
 * refresh-token grants) and {@code GET /v1/authorize}, which approves at once and redirects with a code, so that an
 * OAuth flow runs offline. Neither needs a bearer token.
 */
final class OAuthEndpoints {
    static final String TOKEN_PATH = WebexSimulator.API_PREFIX + "/access_token";
    static final String AUTHORIZE_PATH = WebexSimulator.API_PREFIX + "/authorize";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final OAuthServer server;

    OAuthEndpoints(OAuthServer server) {
        this.server = server;
    }

    /** The answer when {@code exchange} is for one of these endpoints, else empty. */
    Optional<Reply> serve(HttpExchange exchange, String trackingId) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean token = path.equals(TOKEN_PATH);
        if (!token && !path.equals(AUTHORIZE_PATH)) {
            return Optional.empty();
        }
        String allowed = token ? "POST" : "GET";
        if (!exchange.getRequestMethod().equals(allowed)) {
            return Optional.of(WebexErrors.of(Problem.METHOD_NOT_ALLOWED, Problem.METHOD_NOT_ALLOWED.message(),
                    trackingId, Map.of("Allow", allowed)));
        }
        try {
            return Optional.of(token ? accessToken(exchange) : authorize(exchange.getRequestURI().getRawQuery()));
        } catch (OAuthError e) {
            return Optional.of(e.reply(trackingId));
        }
    }

    private Reply accessToken(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw OAuthError.invalidRequest("The request body must be " + FORM + ".");
        }
        Map<String, String> form = parse(new String(Router.readBody(exchange), StandardCharsets.UTF_8));
        String[] basic = basicCredentials(exchange.getRequestHeaders().getFirst("Authorization"));
        String clientId = form.getOrDefault("client_id", basic[0]);
        String clientSecret = form.getOrDefault("client_secret", basic[1]);
        String grantType = required(form, "grant_type");
        IssuedTokens tokens = switch (grantType) {
            case "refresh_token" -> server.refresh(clientId, clientSecret, required(form, "refresh_token"));
            case "authorization_code" -> server.exchangeCode(clientId, clientSecret, required(form, "code"),
                    required(form, "redirect_uri"));
            default -> throw OAuthError.unsupportedGrantType();
        };
        return new Reply(200, tokens.toJson(), Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
    }

    private Reply authorize(String rawQuery) {
        Map<String, String> query = parse(rawQuery);
        Integration integration = server.integration(required(query, "client_id"));
        if (integration == null) {
            throw OAuthError.invalidRequest("Unknown client_id.");
        }
        String redirectUri = required(query, "redirect_uri");
        if (!integration.redirectUris().isEmpty() && !integration.redirectUris().contains(redirectUri)) {
            throw OAuthError.invalidRequest("redirect_uri is not registered for this integration.");
        }
        // from here on, errors go back to the client through the redirect, as RFC 6749 4.1.2.1 says
        String state = query.get("state");
        if (!"code".equals(query.get("response_type"))) {
            return redirect(redirectUri, "error", "unsupported_response_type", state);
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(query.getOrDefault("scope", "").trim().split(" +")));
        scopes.remove("");
        if (!OAuthServer.disallowedScopes(integration, scopes).isEmpty()) {
            return redirect(redirectUri, "error", "invalid_scope", state);
        }
        return redirect(redirectUri, "code", server.authorize(integration.clientId(), redirectUri), state);
    }

    private static Reply redirect(String redirectUri, String name, String value, String state) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?')
                .append(name).append('=').append(encode(value));
        if (state != null) {
            location.append("&state=").append(encode(state));
        }
        return new Reply(302, null, Map.of("Location", location.toString()));
    }

    /** {@code Authorization: Basic base64(client_id:client_secret)}, the other way RFC 6749 lets a client log in. */
    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new String[2];
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("Malformed Basic credentials.");
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? new String[2] : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static Map<String, String> parse(String form) {
        try {
            return QueryString.parse(form);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("Malformed form or query encoding.");
        }
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw OAuthError.invalidRequest(name + " is required.");
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
