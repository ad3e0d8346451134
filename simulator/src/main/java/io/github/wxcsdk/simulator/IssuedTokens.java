package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * A token set that the simulator's OAuth server issued: what {@code POST /v1/access_token} answers. Its
 * {@link #toString()} shows the lifetimes only, never a token.
 */
public final class IssuedTokens {
    private final String accessToken;
    private final Duration expiresIn;
    private final String refreshToken;
    private final Duration refreshTokenExpiresIn;

    IssuedTokens(String accessToken, Duration expiresIn, String refreshToken, Duration refreshTokenExpiresIn) {
        this.accessToken = accessToken;
        this.expiresIn = expiresIn;
        this.refreshToken = refreshToken;
        this.refreshTokenExpiresIn = refreshTokenExpiresIn;
    }

    /**
     * The access token, to send as {@code Authorization: Bearer <token>}.
     *
     * @return the access token
     */
    public String accessToken() {
        return accessToken;
    }

    /**
     * How long the access token is valid from its issue ({@code expires_in}).
     *
     * @return whole seconds
     */
    public Duration expiresIn() {
        return expiresIn;
    }

    /**
     * The refresh token ({@code grant_type=refresh_token}).
     *
     * @return the refresh token
     */
    public String refreshToken() {
        return refreshToken;
    }

    /**
     * How long the refresh token is still valid ({@code refresh_token_expires_in}).
     *
     * @return whole seconds
     */
    public Duration refreshTokenExpiresIn() {
        return refreshTokenExpiresIn;
    }

    /** The answer of {@code /v1/access_token}, with Webex's field names. */
    ObjectNode toJson() {
        return Json.object()
                .put("access_token", accessToken)
                .put("expires_in", expiresIn.toSeconds())
                .put("refresh_token", refreshToken)
                .put("refresh_token_expires_in", refreshTokenExpiresIn.toSeconds())
                .put("token_type", "Bearer");
    }

    /**
     * The lifetimes, without the tokens.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "IssuedTokens[expiresIn=" + expiresIn + ", refreshTokenExpiresIn=" + refreshTokenExpiresIn + "]";
    }
}
