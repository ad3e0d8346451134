package io.github.wxcsdk.auth;

import io.github.wxcsdk.internal.auth.Tokens;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Where a client gets the access token of each request, and whom it tells when Webex rejected one.
 *
 * <p>The client asks for a token before every request (retries included), so an implementation should answer from
 * memory and do I/O only when the token must be renewed. The blocking client asks {@link #accessToken(Duration)}; the
 * asynchronous client asks {@link #accessTokenAsync(Duration)}, which must not block: a provider that may do I/O for
 * a token overrides it (as {@link OAuthTokenProvider} does), or the asynchronous client's calls wait on the thread
 * that asks. When Webex answers {@code 401}, the client
 * calls {@link #unauthorized(String)} with the token it sent, asks for a token again, and resends the request once if
 * it got a different one; a second {@code 401}, or the same token again, fails the call with the {@code 401}'s
 * {@link io.github.wxcsdk.WebexApiException}.
 *
 * <p>Implementations must be thread-safe: one provider serves every call of a client, and may serve several clients.
 * They must never put a token into a log line, an exception message or {@code toString()}.
 *
 * <p>See {@link OAuthTokenProvider} for the tokens of Integrations and Service Apps, which it refreshes before they
 * expire and after a {@code 401}.
 */
public interface TokenProvider {

    /**
     * The access token to send now, without the {@code Bearer } prefix.
     *
     * @param maxWait how long the calling request may still wait for it (the rest of its call timeout); a provider
     *                that must refresh gives up when this has passed
     * @return the token, never {@code null} or blank
     * @throws io.github.wxcsdk.WebexException when no token can be had (for instance a refresh that Webex refused)
     */
    String accessToken(Duration maxWait);

    /**
     * The access token to send now, without blocking: a future that completes with it, or fails as
     * {@link #accessToken(Duration)} would throw. The default calls {@link #accessToken(Duration)} on the calling
     * thread and returns its outcome completed, which suits a provider that answers from memory; a provider that may
     * wait for I/O must override it.
     *
     * @param maxWait how long the calling request may still wait for the token; the future completes by then
     * @return the token (never {@code null} or blank), or a future failed with the exception {@code accessToken}
     *         throws
     */
    default CompletableFuture<String> accessTokenAsync(Duration maxWait) {
        try {
            return CompletableFuture.completedFuture(accessToken(maxWait));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Webex answered {@code 401} to a request sent with {@code rejectedToken}: a provider that can renew tokens
     * forgets that one (when it is still its current token), so the next {@link #accessToken(Duration)} renews it.
     * Many calls may report the same token at once; they should cause one renewal. The default does nothing.
     *
     * @param rejectedToken the token Webex rejected
     */
    default void unauthorized(String rejectedToken) {
    }

    /**
     * A provider of one fixed token, which cannot be renewed.
     *
     * @param accessToken the token
     * @return the provider; its {@code toString()} does not show the token
     * @throws NullPointerException     when {@code accessToken} is {@code null}
     * @throws IllegalArgumentException when {@code accessToken} is blank or not printable ASCII
     */
    static TokenProvider of(String accessToken) {
        String token = Tokens.checked(Objects.requireNonNull(accessToken, "accessToken must not be null"),
                "accessToken");
        return new TokenProvider() {
            @Override
            public String accessToken(Duration maxWait) {
                return token;
            }

            @Override
            public String toString() {
                return "TokenProvider(fixed token)";
            }
        };
    }

    /**
     * A provider that asks {@code supplier} before every request, which cannot be told of a {@code 401}.
     *
     * @param supplier supplies the current token; it must be thread-safe and quick
     * @return the provider; a {@code null} or blank token from the supplier fails the call with
     *         {@link IllegalStateException}, a token that is not printable ASCII with {@link IllegalArgumentException},
     *         before anything is sent
     * @throws NullPointerException when {@code supplier} is {@code null}
     */
    static TokenProvider fromSupplier(Supplier<String> supplier) {
        Objects.requireNonNull(supplier, "supplier must not be null");
        return new TokenProvider() {
            @Override
            public String accessToken(Duration maxWait) {
                String token = supplier.get();
                if (token == null || token.isBlank()) {
                    throw new IllegalStateException("The token supplier returned no access token");
                }
                return Tokens.checked(token, "the supplied token");
            }

            @Override
            public String toString() {
                return "TokenProvider(supplier)";
            }
        };
    }
}
