package io.github.wxcsdk.spring.boot;

import java.util.Optional;

/**
 * Keeps the newest OAuth token set across restarts. The auto-configured
 * {@link io.github.wxcsdk.auth.OAuthTokenProvider} hands every new set to {@link #save(WebexStoredTokens)} (its
 * {@code onRefresh}), and at startup starts from {@link #load()} when the stored set is newer than the configured
 * refresh token (see {@link WebexStoredTokens#supersedes(String)}).
 *
 * <p>Define a bean of this type to keep tokens where your application keeps secrets (a database, a vault); for a
 * single instance, {@code webex.token-store.file} enables the built-in {@link FileWebexTokenStore}. Implementations
 * must be thread-safe and must never log a token.
 */
public interface WebexTokenStore {

    /**
     * The stored token set, if any.
     *
     * @return the newest saved set, or empty when nothing was saved yet
     * @throws RuntimeException when the store cannot be read; the application then fails to start rather than fall
     *                          back to a refresh token that may have been retired
     */
    Optional<WebexStoredTokens> load();

    /**
     * Replaces the stored set. Called on the thread that refreshed, before any call uses the new access token: keep
     * it quick. When it throws, the SDK logs a warning (naming only the exception's class) and uses the new tokens
     * anyway.
     *
     * @param tokens the new set
     */
    void save(WebexStoredTokens tokens);
}
