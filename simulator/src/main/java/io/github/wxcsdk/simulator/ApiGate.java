package io.github.wxcsdk.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * What happens to a request before routing: the OAuth endpoints are served; a Webex API request ({@code /v1/...})
 * with an access token that the OAuth server issued and that has expired or been revoked is answered {@code 401};
 * the others are counted against their bearer token's rate limit and answered {@code 429} over it. The control
 * surface passes untouched, as do requests without a bearer token (the router answers those).
 */
final class ApiGate {
    private static final String API_PATHS = WebexSimulator.API_PREFIX + "/";

    private final OAuthEndpoints oauthEndpoints;
    private final OAuthServer oauth;
    private final RateLimits rateLimits;

    ApiGate(OAuthServer oauth, RateLimits rateLimits) {
        this.oauthEndpoints = new OAuthEndpoints(oauth);
        this.oauth = oauth;
        this.rateLimits = rateLimits;
    }

    /** The answer that settles {@code exchange} before routing, or empty to route it. */
    Optional<Reply> intercept(HttpExchange exchange, String trackingId) throws IOException {
        Optional<Reply> oauthReply = oauthEndpoints.serve(exchange, trackingId);
        if (oauthReply.isPresent() || !exchange.getRequestURI().getPath().startsWith(API_PATHS)) {
            return oauthReply;
        }
        Optional<String> token = Tokens.fromAuthorization(exchange.getRequestHeaders().getFirst("Authorization"));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        if (oauth.rejects(token.get())) {
            return Optional.of(WebexErrors.of(Problem.ACCESS_TOKEN_REJECTED.exception(), trackingId));
        }
        long retryAfter = rateLimits.admit(token.get());
        if (retryAfter > 0) {
            return Optional.of(WebexErrors.of(Problem.RATE_LIMITED, Problem.RATE_LIMITED.message(), trackingId,
                    Map.of("Retry-After", Long.toString(retryAfter))));
        }
        return Optional.empty();
    }
}
