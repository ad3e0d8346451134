package io.github.wxcsdk.auth;

import io.github.wxcsdk.WebexException;

import java.util.Optional;

/**
 * Webex's OAuth token endpoint gave no new tokens: it refused the request ({@link #renewalRequired()}: the refresh
 * token, authorization code or client credentials must be renewed, retrying cannot help), or it could not be reached
 * in time.
 *
 * <p>Thrown by {@link OAuthTokenProvider#accessToken(java.time.Duration)}, and so by any call of a client that uses
 * the provider, and by {@link OAuthAuthorizationCodeFlow#exchange}. Its message never contains a token or the client
 * secret.
 */
public class OAuthRefreshException extends WebexException {
    private static final long serialVersionUID = 1L;

    /** @serial the HTTP status of the token endpoint's refusal */
    private final int statusCode;
    /** @serial the OAuth error code, or {@code null} */
    private final String error;
    /** @serial whether the refresh token or client credentials must be renewed */
    private final boolean renewalRequired;

    OAuthRefreshException(String message, int statusCode, String error, boolean renewalRequired, String trackingId,
                          Throwable cause) {
        super(message, trackingId, cause);
        this.statusCode = statusCode;
        this.error = error;
        this.renewalRequired = renewalRequired;
    }

    /** @return the HTTP status of the token endpoint's last answer, or 0 when none arrived */
    public int statusCode() {
        return statusCode;
    }

    /** @return the OAuth error code of the answer, for example {@code invalid_grant}, or empty when it had none */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /**
     * @return {@code true} when Webex refused the request: the refresh token is revoked or expired, the code is used
     *         or expired, or the client id or secret is wrong; a new authorization (or Service App token) is needed.
     *         {@code false} when the endpoint failed transiently and a later attempt may succeed.
     */
    public boolean renewalRequired() {
        return renewalRequired;
    }
}
