package io.github.wxcsdk.auth;

import io.github.wxcsdk.internal.auth.Delays;
import io.github.wxcsdk.internal.auth.Endpoints;
import io.github.wxcsdk.internal.auth.TimerDelays;
import io.github.wxcsdk.internal.auth.Tokens;
import io.github.wxcsdk.internal.Time;
import io.github.wxcsdk.internal.net.Network;

import javax.net.ssl.SSLContext;
import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The OAuth authorization-code flow of a Webex Integration, as a command-line login or a web application runs it:
 * send the user's browser to {@link #authorizeUri(String)}; Webex redirects it to the redirect URI with {@code code}
 * and {@code state}; {@link #exchange(String, Duration)} trades the code for {@link OAuthTokens}, whose refresh token
 * then feeds an {@link OAuthTokenProvider}.
 *
 * <p>Immutable and thread-safe. Neither the client secret nor a token appears in a message or {@code toString()}.
 */
public final class OAuthAuthorizationCodeFlow {
    /** Webex's authorize endpoint. */
    public static final String DEFAULT_AUTHORIZE_ENDPOINT = "https://webexapis.com/v1/authorize";
    private static final TokenEndpoint.Grant CODE = new TokenEndpoint.Grant("the authorization code",
            "it is used, expired or was issued for another redirect URI: start the login again");

    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final String scope;
    private final URI authorizeEndpoint;
    private final TokenEndpoint tokenEndpoint;

    private OAuthAuthorizationCodeFlow(Builder builder) {
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
        this.redirectUri = builder.redirectUri;
        this.scope = builder.scope;
        this.authorizeEndpoint = builder.authorizeEndpoint;
        Delays waits = new TimerDelays("wxc-oauth-timer").waits(builder.time);
        this.tokenEndpoint = new TokenEndpoint(builder.tokenEndpoint, builder.time, waits,
                new Network(builder.proxy, builder.sslContext, builder.proxyAuthenticator));
    }

    /** @return a builder; client id, client secret, redirect URI and scope are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The URL to open in the user's browser: {@code GET /v1/authorize?response_type=code&client_id=...&redirect_uri=
     * ...&scope=...&state=...}.
     *
     * @param state an unguessable value that the redirect must carry back (it protects against cross-site request
     *              forgery); check it before calling {@link #exchange}
     * @return the URL
     * @throws NullPointerException     when {@code state} is {@code null}
     * @throws IllegalArgumentException when it is blank
     */
    public URI authorizeUri(String state) {
        Objects.requireNonNull(state, "state must not be null");
        if (state.isBlank()) {
            throw new IllegalArgumentException("state must not be blank");
        }
        String separator = authorizeEndpoint.getRawQuery() == null ? "?" : "&";
        return URI.create(authorizeEndpoint + separator + "response_type=code&client_id=" + query(clientId)
                + "&redirect_uri=" + query(redirectUri) + "&scope=" + query(scope) + "&state=" + query(state));
    }

    /**
     * Trades an authorization code for tokens: {@code POST} to the token endpoint, form-encoded
     * {@code grant_type=authorization_code}, {@code client_id}, {@code client_secret}, {@code code},
     * {@code redirect_uri}. Transient failures are retried within {@code maxWait}.
     *
     * @param code    the {@code code} parameter of the redirect
     * @param maxWait how long to try
     * @return the tokens; persist the refresh token
     * @throws NullPointerException     when an argument is {@code null}
     * @throws IllegalArgumentException when {@code code} is blank
     * @throws OAuthRefreshException    when Webex refused the code or the client credentials
     *                                  ({@code renewalRequired()}), or gave no tokens within {@code maxWait}
     */
    public OAuthTokens exchange(String code, Duration maxWait) {
        String checkedCode = Tokens.checked(Objects.requireNonNull(code, "code must not be null"), "code");
        Objects.requireNonNull(maxWait, "maxWait must not be null");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("code", checkedCode);
        form.put("redirect_uri", redirectUri);
        return tokenEndpoint.request(form, CODE, Arrays.asList(clientSecret, checkedCode), null, maxWait);
    }

    /** @return the client id, redirect URI and scope; never the client secret */
    @Override
    public String toString() {
        return "OAuthAuthorizationCodeFlow(clientId=" + clientId + ", redirectUri=" + redirectUri + ", scope="
                + scope + ")";
    }

    /** Percent-encodes a query value; a space becomes {@code %20}, as Webex's own authorize URLs have it. */
    private static String query(String value) {
        return TokenEndpoint.encode(value).replace("+", "%20");
    }

    /** Configures an {@link OAuthAuthorizationCodeFlow}. Not thread-safe. */
    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private String redirectUri;
        private String scope;
        private URI authorizeEndpoint = Endpoints.checked(DEFAULT_AUTHORIZE_ENDPOINT, "authorizeEndpoint");
        private URI tokenEndpoint = Endpoints.checked(TokenEndpoint.DEFAULT, "tokenEndpoint");
        private ProxySelector proxy;
        private SSLContext sslContext;
        private Authenticator proxyAuthenticator;
        private Time time = Time.system();

        private Builder() {
        }

        /**
         * Sets the Integration's client id. Required.
         *
         * @param clientId the client id
         * @return this builder
         * @throws NullPointerException     when {@code clientId} is {@code null}
         * @throws IllegalArgumentException when it is blank or not printable ASCII
         */
        public Builder clientId(String clientId) {
            this.clientId = Tokens.checked(Objects.requireNonNull(clientId, "clientId must not be null"), "clientId");
            return this;
        }

        /**
         * Sets the Integration's client secret. Required.
         *
         * @param clientSecret the client secret
         * @return this builder
         * @throws NullPointerException     when {@code clientSecret} is {@code null}
         * @throws IllegalArgumentException when it is blank or not printable ASCII (the message never shows it)
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = Tokens.checked(Objects.requireNonNull(clientSecret,
                    "clientSecret must not be null"), "clientSecret");
            return this;
        }

        /**
         * Sets the redirect URI, exactly as registered for the Integration. Required.
         *
         * @param redirectUri for example {@code http://127.0.0.1:8765/callback}
         * @return this builder
         * @throws NullPointerException     when {@code redirectUri} is {@code null}
         * @throws IllegalArgumentException when it is not an absolute {@code https} URL ({@code http} on loopback)
         */
        public Builder redirectUri(String redirectUri) {
            this.redirectUri = Endpoints.checked(Objects.requireNonNull(redirectUri, "redirectUri must not be null"),
                    "redirectUri").toString();
            return this;
        }

        /**
         * Sets the scopes to ask for, separated by spaces. Required. Conference controls need
         * {@code spark:calls_read spark:calls_write}.
         *
         * @param scope the scopes
         * @return this builder
         * @throws NullPointerException     when {@code scope} is {@code null}
         * @throws IllegalArgumentException when it is blank
         */
        public Builder scope(String scope) {
            Objects.requireNonNull(scope, "scope must not be null");
            if (scope.isBlank()) {
                throw new IllegalArgumentException("scope must not be blank");
            }
            this.scope = scope.strip();
            return this;
        }

        /**
         * Sets the authorize endpoint. Default {@value #DEFAULT_AUTHORIZE_ENDPOINT}.
         *
         * @param authorizeEndpoint the URL; {@code https}, or {@code http} on a loopback host
         * @return this builder
         * @throws NullPointerException     when {@code authorizeEndpoint} is {@code null}
         * @throws IllegalArgumentException when it is not an absolute {@code https} URL ({@code http} on loopback)
         */
        public Builder authorizeEndpoint(String authorizeEndpoint) {
            this.authorizeEndpoint = Endpoints.checked(Objects.requireNonNull(authorizeEndpoint,
                    "authorizeEndpoint must not be null"), "authorizeEndpoint");
            return this;
        }

        /**
         * Sets the token endpoint. Default {@value OAuthTokenProvider#DEFAULT_TOKEN_ENDPOINT}.
         *
         * @param tokenEndpoint the URL; {@code https}, or {@code http} on a loopback host
         * @return this builder
         * @throws NullPointerException     when {@code tokenEndpoint} is {@code null}
         * @throws IllegalArgumentException when it is not an absolute {@code https} URL ({@code http} on loopback)
         */
        public Builder tokenEndpoint(String tokenEndpoint) {
            this.tokenEndpoint = Endpoints.checked(Objects.requireNonNull(tokenEndpoint,
                    "tokenEndpoint must not be null"), "tokenEndpoint");
            return this;
        }

        /**
         * Sends the token endpoint's requests through the proxy this selector chooses. Default: the JVM's default
         * selector. A plain-http endpoint (loopback only) is reached through a proxy only when the proxy is on
         * loopback too.
         *
         * @param proxy the proxy selector
         * @return this builder
         * @throws NullPointerException when {@code proxy} is {@code null}
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy must not be null");
            return this;
        }

        /**
         * Uses this TLS context for the token endpoint. Default: the JVM's default context.
         *
         * @param sslContext the context
         * @return this builder
         * @throws NullPointerException when {@code sslContext} is {@code null}
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext must not be null");
            return this;
        }

        /**
         * Answers a proxy that asks for credentials ({@code 407}) with this authenticator, never a server. See
         * {@link OAuthTokenProvider.Builder#proxyAuthenticator(Authenticator)}. Default: none.
         *
         * @param proxyAuthenticator the proxy's credentials
         * @return this builder
         * @throws NullPointerException when {@code proxyAuthenticator} is {@code null}
         */
        public Builder proxyAuthenticator(Authenticator proxyAuthenticator) {
            this.proxyAuthenticator = Objects.requireNonNull(proxyAuthenticator,
                    "proxyAuthenticator must not be null");
            return this;
        }

        /**
         * For tests: the time of expiries and retry deadlines, and of the waits between token endpoint attempts.
         * Default {@link Time#system()}.
         */
        Builder time(Time time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Builds the flow.
         *
         * @return a new immutable flow
         * @throws IllegalStateException when the client id, client secret, redirect URI or scope is missing
         */
        public OAuthAuthorizationCodeFlow build() {
            if (clientId == null || clientSecret == null || redirectUri == null || scope == null) {
                throw new IllegalStateException("clientId, clientSecret, redirectUri and scope are required");
            }
            return new OAuthAuthorizationCodeFlow(this);
        }
    }
}
