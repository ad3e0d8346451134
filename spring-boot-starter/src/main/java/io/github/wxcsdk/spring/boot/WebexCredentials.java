package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.auth.OAuthTokenProvider;
import io.github.wxcsdk.auth.TokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.github.wxcsdk.spring.boot.WebexSettings.MASKED;
import static io.github.wxcsdk.spring.boot.WebexSettings.set;

/** Which token provider the properties describe, and where an OAuth chain starts: the stored set or the configured. */
final class WebexCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(WebexCredentials.class);
    static final String ACCESS_TOKEN = "webex.access-token";
    static final String CLIENT_ID = "webex.oauth.client-id";
    static final String CLIENT_SECRET = "webex.oauth.client-secret";
    static final String REFRESH_TOKEN = "webex.oauth.refresh-token";
    static final String TOKEN_ENDPOINT = "webex.oauth.token-endpoint";

    private WebexCredentials() {
    }

    /**
     * @param environmentToken the environment variable WEBEX_ACCESS_TOKEN, which relaxed binding also shows as
     *                         {@code webex.access-token}; as in the SDK it is only a fallback, so OAuth wins over it
     */
    static TokenProvider tokenProvider(WebexProperties properties, WebexConnectionDetails connection,
                                       WebexTokenStore store, Clock clock, String environmentToken) {
        WebexProperties.OAuth oauth = properties.getOauth();
        if (oauth.configured()) {
            String accessToken = properties.getAccessToken();
            if (accessToken != null && !accessToken.equals(environmentToken)) {
                List<String> configured = new ArrayList<>(List.of(ACCESS_TOKEN));
                if (oauth.getClientId() != null) {
                    configured.add(CLIENT_ID);
                }
                if (oauth.getClientSecret() != null) {
                    configured.add(CLIENT_SECRET);
                }
                if (oauth.getRefreshToken() != null) {
                    configured.add(REFRESH_TOKEN);
                }
                throw new MutuallyExclusiveConfigurationPropertiesException(Set.copyOf(configured),
                        Set.of(ACCESS_TOKEN, "webex.oauth.*"));
            }
            return oauth(oauth, WebexNetwork.of(properties), connection, store, clock);
        }
        String accessToken = properties.getAccessToken() != null ? properties.getAccessToken()
                : connection.accessToken();
        if (accessToken == null) {
            throw new InvalidConfigurationPropertyValueException(ACCESS_TOKEN, null, "No Webex credentials: set "
                    + ACCESS_TOKEN + " (or the environment variable WEBEX_ACCESS_TOKEN), or " + CLIENT_ID + ", "
                    + CLIENT_SECRET + " and " + REFRESH_TOKEN + " (or set webex.simulator.enabled=true for the"
                    + " embedded simulator)");
        }
        TokenProvider[] provider = new TokenProvider[1];
        set(ACCESS_TOKEN, MASKED, () -> provider[0] = TokenProvider.of(accessToken));
        return provider[0];
    }

    private static TokenProvider oauth(WebexProperties.OAuth oauth, WebexNetwork network,
                                       WebexConnectionDetails connection,
                                       WebexTokenStore store, Clock clock) {
        OAuthTokenProvider.Builder builder = OAuthTokenProvider.builder();
        network.applyTo(builder);
        required(CLIENT_ID, oauth.getClientId());
        required(CLIENT_SECRET, oauth.getClientSecret());
        set(CLIENT_ID, oauth.getClientId(), () -> builder.clientId(oauth.getClientId()));
        set(CLIENT_SECRET, MASKED, () -> builder.clientSecret(oauth.getClientSecret()));
        String tokenEndpoint = connection.tokenEndpoint();
        set(TOKEN_ENDPOINT, tokenEndpoint, () -> builder.tokenEndpoint(tokenEndpoint));
        String configured = connection.refreshToken() != null ? connection.refreshToken() : oauth.getRefreshToken();
        Optional<WebexStoredTokens> stored = store == null ? Optional.empty() : store.load();
        String origin;
        if (stored.isPresent() && stored.get().supersedes(configured)) {
            builder.tokens(stored.get().tokens());
            origin = stored.get().origin();
            LOG.info("Webex OAuth starts from the token set in {}, stored at {} (newer than {}): {}", store,
                    stored.get().storedAt(), REFRESH_TOKEN, stored.get().tokens());
        } else {
            required(REFRESH_TOKEN, configured);
            set(REFRESH_TOKEN, MASKED, () -> builder.refreshToken(configured));
            origin = WebexStoredTokens.fingerprint(configured);
            if (stored.isPresent()) {
                LOG.info("Webex OAuth starts from {}: it is not the one the token set in {} descends from, so it is"
                        + " newer", REFRESH_TOKEN, store);
            }
        }
        if (store != null) {
            builder.onRefresh(tokens -> store.save(new WebexStoredTokens(tokens, origin, clock.instant())));
        }
        return builder.build();
    }

    private static void required(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationPropertyValueException(property, null, property
                    + " is required with webex.oauth.* (the client id, client secret and refresh token of the"
                    + " Integration or Service App)");
        }
    }
}
