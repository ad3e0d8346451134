package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.auth.OAuthTokenProvider;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;

/**
 * {@code webex.proxy.*}: the proxy and its credentials, the same for the API and the OAuth token endpoint. Unset, the
 * SDK uses the JVM's default proxy selector. The password appears in no message and no {@code toString()}.
 *
 * @param proxy         the proxy, or {@code null} for the JVM's default selector
 * @param authenticator answers the proxy's {@code 407}, or {@code null}
 */
record WebexNetwork(ProxySelector proxy, Authenticator authenticator) {

    /**
     * Reads {@code webex.proxy.*}.
     *
     * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException when the
     *         port is out of range, or credentials are given without a host (the message names the property)
     */
    static WebexNetwork of(WebexProperties properties) {
        WebexProperties.Proxy settings = properties.getProxy();
        if (settings.getHost() == null || settings.getHost().isBlank()) {
            if (settings.getUsername() != null || settings.getPassword() != null) {
                throw WebexSettings.invalid("webex.proxy.host", null,
                        new IllegalArgumentException("webex.proxy.username and webex.proxy.password need"
                                + " webex.proxy.host"));
            }
            return new WebexNetwork(null, null);
        }
        if (settings.getPort() < 1 || settings.getPort() > 65535) {
            throw WebexSettings.invalid("webex.proxy.port", settings.getPort(),
                    new IllegalArgumentException("the proxy's port must be between 1 and 65535"));
        }
        ProxySelector proxy = ProxySelector.of(InetSocketAddress.createUnresolved(settings.getHost(),
                settings.getPort()));
        if (settings.getUsername() == null) {
            return new WebexNetwork(proxy, null);
        }
        String username = settings.getUsername();
        char[] password = settings.getPassword() == null ? new char[0] : settings.getPassword().toCharArray();
        Authenticator authenticator = new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                // only the proxy gets the credentials, never a server that answers 401
                return getRequestorType() == RequestorType.PROXY
                        ? new PasswordAuthentication(username, password.clone()) : null;
            }

            @Override
            public String toString() {
                return "proxy credentials of " + username;
            }
        };
        return new WebexNetwork(proxy, authenticator);
    }

    /** Sets the proxy and its credentials on the API client's builder. */
    void applyTo(WebexSimpleApi.Builder builder) {
        if (proxy != null) {
            builder.proxy(proxy);
        }
        if (authenticator != null) {
            builder.proxyAuthenticator(authenticator);
        }
    }

    /** Sets the same proxy and credentials on the token endpoint's builder. */
    void applyTo(OAuthTokenProvider.Builder builder) {
        if (proxy != null) {
            builder.proxy(proxy);
        }
        if (authenticator != null) {
            builder.proxyAuthenticator(authenticator);
        }
    }
}
