package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An OAuth error of {@code /v1/access_token} or {@code /v1/authorize}. Its answer carries both the OAuth fields
 * (RFC 6749: {@code error}, {@code error_description}) and Webex's usual ones ({@code message},
 * {@code errors[].description}, {@code trackingId}), so clients that read either shape understand it.
 */
final class OAuthError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    private OAuthError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    static OAuthError invalidClient() {
        return new OAuthError(401, "invalid_client", "Client authentication failed: unknown client_id or wrong"
                + " client_secret.");
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    static OAuthError unsupportedGrantType() {
        return new OAuthError(400, "unsupported_grant_type",
                "grant_type must be authorization_code or refresh_token.");
    }

    String error() {
        return error;
    }

    Reply reply(String trackingId) {
        ObjectNode body = Json.object()
                .put("error", error)
                .put("error_description", getMessage())
                .put("message", getMessage());
        body.putArray("errors").addObject().put("description", getMessage());
        body.put("trackingId", trackingId);
        return new Reply(status, body, Map.of("Cache-Control", "no-store"));
    }
}
