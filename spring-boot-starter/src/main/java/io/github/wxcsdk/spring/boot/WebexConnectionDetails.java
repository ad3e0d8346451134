package io.github.wxcsdk.spring.boot;

/**
 * Where the auto-configured client connects: the API root and the OAuth token endpoint, and any credentials the
 * connection itself supplies. Read from {@code webex.*} unless a bean of this type is defined, as the embedded
 * simulator ({@code webex.simulator.enabled=true}) does, or a test of yours may.
 */
public interface WebexConnectionDetails {

    /** @return the API root, for example {@code https://webexapis.com/v1} */
    String baseUrl();

    /**
     * The OAuth token endpoint; by default {@code /access_token} under the API root, as Webex has it.
     *
     * @return for example {@code https://webexapis.com/v1/access_token}
     */
    default String tokenEndpoint() {
        return baseUrl() + "/access_token";
    }

    /**
     * An access token that this connection supplies, used when neither {@code webex.access-token} nor
     * {@code webex.oauth.*} gives credentials.
     *
     * @return the token, or {@code null} (the default) when the connection supplies none
     */
    default String accessToken() {
        return null;
    }

    /**
     * A refresh token that this connection supplies, used instead of {@code webex.oauth.refresh-token} (the simulator
     * issues one for the configured client id and secret).
     *
     * @return the token, or {@code null} (the default) when the connection supplies none
     */
    default String refreshToken() {
        return null;
    }
}
