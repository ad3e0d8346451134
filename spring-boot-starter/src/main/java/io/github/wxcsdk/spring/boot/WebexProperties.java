package io.github.wxcsdk.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code webex.*} properties: how the auto-configured {@link io.github.wxcsdk.WebexSimpleApi} reaches Webex, with
 * which credentials, and how patiently. Each value is checked when the client is built, at startup; an invalid one
 * fails the start with a message that names the property (never a secret's value).
 *
 * <p>Secrets ({@code webex.access-token}, {@code webex.oauth.client-secret}, {@code webex.oauth.refresh-token}) are
 * masked in {@code /actuator/env} and {@code /actuator/configprops}, whatever {@code show-values} says.
 */
@ConfigurationProperties(prefix = WebexProperties.PREFIX)
public class WebexProperties {
    /** The prefix of every property of the starter. */
    public static final String PREFIX = "webex";

    /**
     * A fixed Webex access token (a personal, bot or Service App token). Without it and without webex.oauth.*, the
     * environment variable WEBEX_ACCESS_TOKEN is read, as the SDK does.
     */
    private String accessToken;

    /** The API root. Must be https, except on a loopback host (tests, the simulator). */
    private String baseUrl = "https://webexapis.com/v1";

    /** The limit for opening a connection. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** The limit for one attempt, from sending the request to the end of the answer's body. */
    private Duration readTimeout = Duration.ofSeconds(30);

    /** The limit for a whole call: every attempt, every wait between them and any wait for a request slot. */
    private Duration callTimeout = Duration.ofMinutes(5);

    /** How many times one call may be retried; 0 turns retries off. */
    private int maxRetries = 3;

    /** The longest Retry-After the client accepts; a call told to wait longer fails at once. */
    private Duration maxRetryAfter = Duration.ofSeconds(60);

    /**
     * Whether mute, unmute, deafen, undeafen, hold and resume are resent after an ambiguous failure (the server may
     * have acted). Start and addParticipant never are.
     */
    private boolean retryStateChangesOnAmbiguousFailure = true;

    /** The most requests the client has in flight at once; 0 for no bound. */
    private int maxConcurrentRequests = 0;

    /** A fixed pace, in requests per second, for a quota you know; 0 for none. */
    private double maxRequestsPerSecond = 0;

    /** Whether the client's calls share one throttle that learns the rate Webex lets through after a 429. */
    private boolean adaptiveThrottling = true;

    private final Async async = new Async();
    private final OAuth oauth = new OAuth();
    private final TokenStore tokenStore = new TokenStore();
    private final Simulator simulator = new Simulator();

    /** @return {@code webex.access-token} */
    public String getAccessToken() {
        return accessToken;
    }

    /** @param accessToken {@code webex.access-token} */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    /** @return {@code webex.base-url} */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** @param baseUrl {@code webex.base-url} */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return {@code webex.connect-timeout} */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout {@code webex.connect-timeout} */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return {@code webex.read-timeout} */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /** @param readTimeout {@code webex.read-timeout} */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** @return {@code webex.call-timeout} */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    /** @param callTimeout {@code webex.call-timeout} */
    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** @return {@code webex.max-retries} */
    public int getMaxRetries() {
        return maxRetries;
    }

    /** @param maxRetries {@code webex.max-retries} */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** @return {@code webex.max-retry-after} */
    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /** @param maxRetryAfter {@code webex.max-retry-after} */
    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    /** @return {@code webex.retry-state-changes-on-ambiguous-failure} */
    public boolean isRetryStateChangesOnAmbiguousFailure() {
        return retryStateChangesOnAmbiguousFailure;
    }

    /** @param retry {@code webex.retry-state-changes-on-ambiguous-failure} */
    public void setRetryStateChangesOnAmbiguousFailure(boolean retry) {
        this.retryStateChangesOnAmbiguousFailure = retry;
    }

    /** @return {@code webex.max-concurrent-requests} */
    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** @param maxConcurrentRequests {@code webex.max-concurrent-requests} */
    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    /** @return {@code webex.max-requests-per-second} */
    public double getMaxRequestsPerSecond() {
        return maxRequestsPerSecond;
    }

    /** @param maxRequestsPerSecond {@code webex.max-requests-per-second} */
    public void setMaxRequestsPerSecond(double maxRequestsPerSecond) {
        this.maxRequestsPerSecond = maxRequestsPerSecond;
    }

    /** @return {@code webex.adaptive-throttling} */
    public boolean isAdaptiveThrottling() {
        return adaptiveThrottling;
    }

    /** @param adaptiveThrottling {@code webex.adaptive-throttling} */
    public void setAdaptiveThrottling(boolean adaptiveThrottling) {
        this.adaptiveThrottling = adaptiveThrottling;
    }

    /** @return {@code webex.async.*} */
    public Async getAsync() {
        return async;
    }

    /** @return {@code webex.oauth.*} */
    public OAuth getOauth() {
        return oauth;
    }

    /** @return {@code webex.token-store.*} */
    public TokenStore getTokenStore() {
        return tokenStore;
    }

    /** @return {@code webex.simulator.*} */
    public Simulator getSimulator() {
        return simulator;
    }

    private final Proxy proxy = new Proxy();

    /** @return {@code webex.proxy.*} */
    public Proxy getProxy() {
        return proxy;
    }

    /** Shows no secret: only whether each one is set. */
    @Override
    public String toString() {
        return "WebexProperties(baseUrl=" + baseUrl + ", accessToken=" + (accessToken == null ? "unset" : "[MASKED]")
                + ", oauth=" + oauth + ")";
    }

    /** {@code webex.proxy.*}: the proxy for the API and the token endpoint (default: the JVM's proxy settings). */
    public static class Proxy {
        /** The proxy's host; unset: the JVM's default proxy selector (https.proxyHost and the like). */
        private String host;

        /** The proxy's port. */
        private int port = 3128;

        /** The user name, when the proxy asks for credentials (407). */
        private String username;

        /** The password, when the proxy asks for credentials; never logged or shown. */
        private String password;

        /** @return {@code webex.proxy.host} */
        public String getHost() {
            return host;
        }

        /** @param host {@code webex.proxy.host} */
        public void setHost(String host) {
            this.host = host;
        }

        /** @return {@code webex.proxy.port} */
        public int getPort() {
            return port;
        }

        /** @param port {@code webex.proxy.port} */
        public void setPort(int port) {
            this.port = port;
        }

        /** @return {@code webex.proxy.username} */
        public String getUsername() {
            return username;
        }

        /** @param username {@code webex.proxy.username} */
        public void setUsername(String username) {
            this.username = username;
        }

        /** @return {@code webex.proxy.password} */
        public String getPassword() {
            return password;
        }

        /** @param password {@code webex.proxy.password} */
        public void setPassword(String password) {
            this.password = password;
        }
    }

    /** {@code webex.async.*}: the asynchronous client. */
    public static class Async {
        /** Whether a WebexSimpleAsyncApi bean is defined too, with the same settings (it has threads of its own). */
        private boolean enabled = false;

        /** @return {@code webex.async.enabled} */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled {@code webex.async.enabled} */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code webex.oauth.*}: the tokens of an Integration or Service App, refreshed before they expire. */
    public static class OAuth {
        /** The client id of the Integration or Service App. */
        private String clientId;

        /** The client secret of the Integration or Service App. */
        private String clientSecret;

        /**
         * The refresh token to start from (from the Service App's page or an OAuth flow). A newer one kept by the
         * token store (webex.token-store.*) wins over it when it descends from it.
         */
        private String refreshToken;

        /** The token endpoint. Must be https, except on a loopback host. */
        private String tokenEndpoint = "https://webexapis.com/v1/access_token";

        /** @return {@code webex.oauth.client-id} */
        public String getClientId() {
            return clientId;
        }

        /** @param clientId {@code webex.oauth.client-id} */
        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        /** @return {@code webex.oauth.client-secret} */
        public String getClientSecret() {
            return clientSecret;
        }

        /** @param clientSecret {@code webex.oauth.client-secret} */
        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        /** @return {@code webex.oauth.refresh-token} */
        public String getRefreshToken() {
            return refreshToken;
        }

        /** @param refreshToken {@code webex.oauth.refresh-token} */
        public void setRefreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
        }

        /** @return {@code webex.oauth.token-endpoint} */
        public String getTokenEndpoint() {
            return tokenEndpoint;
        }

        /** @param tokenEndpoint {@code webex.oauth.token-endpoint} */
        public void setTokenEndpoint(String tokenEndpoint) {
            this.tokenEndpoint = tokenEndpoint;
        }

        /** @return whether any of client id, client secret and refresh token is set */
        boolean configured() {
            return clientId != null || clientSecret != null || refreshToken != null;
        }

        /** Shows the client id and endpoint, and only whether the secrets are set. */
        @Override
        public String toString() {
            return "OAuth(clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "unset" : "[MASKED]")
                    + ", refreshToken=" + (refreshToken == null ? "unset" : "[MASKED]") + ", tokenEndpoint="
                    + tokenEndpoint + ")";
        }
    }

    /** {@code webex.token-store.*}: the built-in file store of OAuth tokens, for a single instance. */
    public static class TokenStore {
        /**
         * Where the built-in store keeps every new OAuth token set (JSON, owner-only permissions, atomic writes), so
         * that a rotated refresh token survives a restart. Unset: no built-in store. Use it for a single instance;
         * replicas need a shared store bean of their own (WebexTokenStore).
         */
        private Path file;

        /** @return {@code webex.token-store.file} */
        public Path getFile() {
            return file;
        }

        /** @param file {@code webex.token-store.file} */
        public void setFile(Path file) {
            this.file = file;
        }
    }

    /** {@code webex.simulator.*}: an embedded Webex simulator for local runs and tests. */
    public static class Simulator {
        /**
         * Whether to start the embedded Webex simulator (needs wxc-sdk-simulator on the classpath) and point the
         * client, and the OAuth token endpoint, at it.
         */
        private boolean enabled = false;

        /** The simulator's port on 127.0.0.1; 0 for a free one. */
        private int port = 0;

        /** The bearer token of the simulated user that the client acts as when no credentials are configured. */
        private String userToken = "simulated-user";

        /** @return {@code webex.simulator.enabled} */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled {@code webex.simulator.enabled} */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return {@code webex.simulator.port} */
        public int getPort() {
            return port;
        }

        /** @param port {@code webex.simulator.port} */
        public void setPort(int port) {
            this.port = port;
        }

        /** @return {@code webex.simulator.user-token} */
        public String getUserToken() {
            return userToken;
        }

        /** @param userToken {@code webex.simulator.user-token} */
        public void setUserToken(String userToken) {
            this.userToken = userToken;
        }
    }
}
