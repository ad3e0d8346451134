package io.github.wxcsdk.auth;

import io.github.wxcsdk.internal.auth.Tokens;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One set of OAuth tokens from Webex's token endpoint: an access token with its expiry and the refresh token that
 * renews it. Immutable.
 *
 * <p>Persist the refresh token of every set you are handed (see {@link OAuthTokenProvider.Builder#onRefresh}): Webex
 * may rotate it, and a lost refresh token means lost access until someone authorizes the application again.
 *
 * <p>{@link #toString()} shows the expiries only, never a token.
 */
public final class OAuthTokens {
    private final String accessToken;
    private final Instant accessTokenExpiresAt;
    private final String refreshToken;
    private final Instant refreshTokenExpiresAt;

    private OAuthTokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                        Instant refreshTokenExpiresAt) {
        this.accessToken = accessToken;
        this.accessTokenExpiresAt = accessTokenExpiresAt;
        this.refreshToken = refreshToken;
        this.refreshTokenExpiresAt = refreshTokenExpiresAt;
    }

    /**
     * A token set, for example one read back from where the application stored it.
     *
     * @param accessToken           the access token
     * @param accessTokenExpiresAt  when it expires
     * @param refreshToken          the refresh token
     * @param refreshTokenExpiresAt when the refresh token expires, or {@code null} when not known
     * @return the token set
     * @throws NullPointerException     when {@code accessToken}, {@code accessTokenExpiresAt} or {@code refreshToken}
     *                                  is {@code null}
     * @throws IllegalArgumentException when a token is blank or not printable ASCII (the message never shows it)
     */
    public static OAuthTokens of(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                                 Instant refreshTokenExpiresAt) {
        return new OAuthTokens(
                Tokens.checked(Objects.requireNonNull(accessToken, "accessToken must not be null"), "accessToken"),
                Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt must not be null"),
                Tokens.checked(Objects.requireNonNull(refreshToken, "refreshToken must not be null"), "refreshToken"),
                refreshTokenExpiresAt);
    }

    /** @return the access token, to send as {@code Authorization: Bearer ...} */
    public String accessToken() {
        return accessToken;
    }

    /** @return when the access token expires (Webex: about 14 days after it was issued) */
    public Instant accessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    /** @return the refresh token, to store safely: it renews access tokens */
    public String refreshToken() {
        return refreshToken;
    }

    /** @return when the refresh token expires (Webex: about 90 days after it was issued), or empty when not known */
    public Optional<Instant> refreshTokenExpiresAt() {
        return Optional.ofNullable(refreshTokenExpiresAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OAuthTokens that && accessToken.equals(that.accessToken)
                && accessTokenExpiresAt.equals(that.accessTokenExpiresAt) && refreshToken.equals(that.refreshToken)
                && Objects.equals(refreshTokenExpiresAt, that.refreshTokenExpiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt);
    }

    /** @return the expiries, with both tokens shown as {@code [REDACTED]} */
    @Override
    public String toString() {
        return "OAuthTokens(accessToken=[REDACTED], accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", refreshToken=[REDACTED], refreshTokenExpiresAt="
                + (refreshTokenExpiresAt == null ? "unknown" : refreshTokenExpiresAt) + ")";
    }
}
