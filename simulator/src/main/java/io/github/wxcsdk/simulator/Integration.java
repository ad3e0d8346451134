package io.github.wxcsdk.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An OAuth integration registered with the simulator ({@link OAuthServer#register(String, Integration)}): its client
 * id and secret, the scopes it may ask for, its redirect URIs, the lifetimes of the tokens it gets and whether a
 * refresh rotates the refresh token.
 *
 * <p>Immutable: start from {@link #of(String, String)} and derive variants with the {@code with...} methods.
 * {@link #toString()} never shows the client secret.
 */
public final class Integration {
    /** Webex's access-token lifetime, the default: 14 days. */
    public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofDays(14);
    /** Webex's refresh-token lifetime, the default: 90 days. */
    public static final Duration DEFAULT_REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);

    private final String clientId;
    private final String clientSecret;
    private final Set<String> scopes;
    private final List<String> redirectUris;
    private final Duration accessTokenLifetime;
    private final Duration refreshTokenLifetime;
    private final boolean rotateRefreshTokens;

    private Integration(String clientId, String clientSecret, Set<String> scopes, List<String> redirectUris,
            Duration accessTokenLifetime, Duration refreshTokenLifetime, boolean rotateRefreshTokens) {
        this.clientId = nonBlank(clientId, "clientId");
        this.clientSecret = nonBlank(clientSecret, "clientSecret");
        scopes.forEach(s -> nonBlank(s, "scope"));
        redirectUris.forEach(u -> nonBlank(u, "redirectUri"));
        this.scopes = Set.copyOf(scopes);
        this.redirectUris = List.copyOf(redirectUris);
        this.accessTokenLifetime = lifetime(accessTokenLifetime, "accessTokenLifetime");
        this.refreshTokenLifetime = lifetime(refreshTokenLifetime, "refreshTokenLifetime");
        this.rotateRefreshTokens = rotateRefreshTokens;
    }

    /**
     * An integration with Webex's token lifetimes, rotating refresh tokens, no scopes and no redirect URIs (then
     * {@code /v1/authorize} accepts any scope and any redirect URI).
     *
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return the integration
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is blank
     */
    public static Integration of(String clientId, String clientSecret) {
        return new Integration(clientId, clientSecret, Set.of(), List.of(), DEFAULT_ACCESS_TOKEN_LIFETIME,
                DEFAULT_REFRESH_TOKEN_LIFETIME, true);
    }

    /**
     * This integration with the scopes that {@code /v1/authorize} may grant (recorded, not enforced on API calls).
     *
     * @param scopes for example {@code spark:calls_read}, {@code spark:calls_write}
     * @return the new integration
     * @throws NullPointerException if {@code scopes} or an element is null
     * @throws IllegalArgumentException if a scope is blank
     */
    public Integration withScopes(Collection<String> scopes) {
        return new Integration(clientId, clientSecret, Set.copyOf(scopes), redirectUris, accessTokenLifetime,
                refreshTokenLifetime, rotateRefreshTokens);
    }

    /**
     * This integration with the redirect URIs that {@code /v1/authorize} and the code grant accept (exact match).
     *
     * @param redirectUris for example {@code http://127.0.0.1:8765/callback}
     * @return the new integration
     * @throws NullPointerException if an element is null
     * @throws IllegalArgumentException if a URI is blank
     */
    public Integration withRedirectUris(String... redirectUris) {
        return new Integration(clientId, clientSecret, scopes, Arrays.asList(redirectUris), accessTokenLifetime,
                refreshTokenLifetime, rotateRefreshTokens);
    }

    /**
     * This integration with another access-token lifetime, for example 2 s in a test.
     *
     * @param lifetime whole seconds, at least 1 s
     * @return the new integration
     * @throws NullPointerException if {@code lifetime} is null
     * @throws IllegalArgumentException if {@code lifetime} is not a whole number of seconds &ge; 1
     */
    public Integration withAccessTokenLifetime(Duration lifetime) {
        return new Integration(clientId, clientSecret, scopes, redirectUris, lifetime, refreshTokenLifetime,
                rotateRefreshTokens);
    }

    /**
     * This integration with another refresh-token lifetime.
     *
     * @param lifetime whole seconds, at least 1 s
     * @return the new integration
     * @throws NullPointerException if {@code lifetime} is null
     * @throws IllegalArgumentException if {@code lifetime} is not a whole number of seconds &ge; 1
     */
    public Integration withRefreshTokenLifetime(Duration lifetime) {
        return new Integration(clientId, clientSecret, scopes, redirectUris, accessTokenLifetime, lifetime,
                rotateRefreshTokens);
    }

    /**
     * This integration with or without refresh-token rotation. Rotating (the default): each refresh answers a new
     * refresh token with a full lifetime and invalidates the one used. Not rotating: a refresh answers the same
     * refresh token with its remaining lifetime.
     *
     * @param rotate whether refreshes rotate the refresh token
     * @return the new integration
     */
    public Integration withRefreshTokenRotation(boolean rotate) {
        return new Integration(clientId, clientSecret, scopes, redirectUris, accessTokenLifetime,
                refreshTokenLifetime, rotate);
    }

    /**
     * The client id.
     *
     * @return the client id
     */
    public String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    /**
     * The scopes {@code /v1/authorize} may grant; empty means any.
     *
     * @return an unmodifiable set
     */
    public Set<String> scopes() {
        return scopes;
    }

    /**
     * The accepted redirect URIs; empty means any.
     *
     * @return an unmodifiable list
     */
    public List<String> redirectUris() {
        return redirectUris;
    }

    /**
     * The lifetime of the access tokens issued to this integration.
     *
     * @return whole seconds
     */
    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    /**
     * The lifetime of the refresh tokens issued to this integration.
     *
     * @return whole seconds
     */
    public Duration refreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    /**
     * Whether a refresh rotates the refresh token.
     *
     * @return true by default
     */
    public boolean rotatesRefreshTokens() {
        return rotateRefreshTokens;
    }

    /**
     * The integration without its client secret.
     *
     * @return a description for test failure messages
     */
    @Override
    public String toString() {
        return "Integration[clientId=" + clientId + ", scopes=" + scopes + ", redirectUris=" + redirectUris
                + ", accessTokenLifetime=" + accessTokenLifetime + ", refreshTokenLifetime=" + refreshTokenLifetime
                + ", rotateRefreshTokens=" + rotateRefreshTokens + "]";
    }

    private static String nonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static Duration lifetime(Duration lifetime, String name) {
        Objects.requireNonNull(lifetime, name);
        if (lifetime.getSeconds() < 1 || lifetime.getNano() != 0) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds >= 1, was " + lifetime);
        }
        return lifetime;
    }
}
