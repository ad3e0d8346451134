package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.auth.OAuthTokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One stored OAuth token set, with the fingerprint of the configured refresh token it descends from.
 *
 * <p><b>Which refresh token wins at startup.</b> A stored set was obtained, refresh after refresh, from the refresh
 * token that was configured ({@code webex.oauth.refresh-token}) when the chain began; its {@link #origin()} is that
 * token's SHA-256 fingerprint. So when the configured token is still that one, the stored set is newer and wins: the
 * configured token may have been retired by a rotation long ago. When an operator configures a different refresh token
 * (a new one from the Service App's page), that one is newer: it wins, and the next refresh starts a new chain.
 *
 * @param tokens   the token set
 * @param origin   the SHA-256 fingerprint (lowercase hex) of the configured refresh token the chain began with
 * @param storedAt when the set was handed to the store
 */
public record WebexStoredTokens(OAuthTokens tokens, String origin, Instant storedAt) {

    /**
     * Checks the set.
     *
     * @param tokens   see the record component
     * @param origin   see the record component
     * @param storedAt see the record component
     * @throws NullPointerException when an argument is {@code null}
     */
    public WebexStoredTokens {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(storedAt, "storedAt");
    }

    /**
     * The fingerprint stored as {@link #origin()}: SHA-256 of the token's UTF-8 bytes, as lowercase hex. A refresh
     * token is long and random, so the fingerprint reveals nothing of it.
     *
     * @param refreshToken a refresh token
     * @return 64 hex digits
     * @throws NullPointerException when {@code refreshToken} is {@code null}
     */
    public static String fingerprint(String refreshToken) {
        Objects.requireNonNull(refreshToken, "refreshToken");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Whether this stored set is newer than {@code configuredRefreshToken} and so should be used instead: no refresh
     * token is configured, the configured one is the stored one, or the stored chain began with it.
     *
     * @param configuredRefreshToken {@code webex.oauth.refresh-token}, or {@code null} when unset
     * @return whether to start from this set
     */
    public boolean supersedes(String configuredRefreshToken) {
        return configuredRefreshToken == null || configuredRefreshToken.equals(tokens.refreshToken())
                || origin.equals(fingerprint(configuredRefreshToken));
    }

    /** @return the expiries and when it was stored; never a token */
    @Override
    public String toString() {
        return "WebexStoredTokens(" + tokens + ", storedAt=" + storedAt + ")";
    }
}
