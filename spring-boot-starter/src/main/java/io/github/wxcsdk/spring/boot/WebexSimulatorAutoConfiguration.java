package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.simulator.Integration;
import io.github.wxcsdk.simulator.WebexSimulator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@code webex.simulator.enabled=true}: starts the embedded Webex simulator (wxc-sdk-simulator, an optional dependency,
 * for example in test scope) on 127.0.0.1 and points the client and the token endpoint at it, for local runs and
 * integration tests. Without credentials the client acts as the simulated user {@code webex.simulator.user-token};
 * with {@code webex.oauth.client-id} and {@code client-secret}, that Integration is registered for this user and the
 * simulator issues the refresh token. The simulator stops when the context closes.
 */
@AutoConfiguration(before = WebexAutoConfiguration.class)
@ConditionalOnClass(name = "io.github.wxcsdk.simulator.WebexSimulator")
@ConditionalOnProperty(prefix = "webex.simulator", name = "enabled", havingValue = "true")
public class WebexSimulatorAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public WebexSimulatorAutoConfiguration() {
    }

    /**
     * The simulator, stopped with the context.
     *
     * @param properties the properties
     * @return the running simulator
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public WebexSimulator webexSimulator(WebexProperties properties) {
        int port = properties.getSimulator().getPort();
        return WebexSettings.built("webex.simulator.port", () -> WebexSimulator.start(port));
    }

    /**
     * Points the client at the simulator.
     *
     * @param simulator  the simulator
     * @param properties the properties
     * @return the simulator's API root and token endpoint, its user's token, and a refresh token it issued when
     *         {@code webex.oauth.client-id} and {@code client-secret} are set
     */
    @Bean
    @ConditionalOnMissingBean
    public WebexConnectionDetails webexConnectionDetails(WebexSimulator simulator, WebexProperties properties) {
        String user = properties.getSimulator().getUserToken();
        WebexProperties.OAuth oauth = properties.getOauth();
        String refreshToken = null;
        if (oauth.getClientId() != null && oauth.getClientSecret() != null) {
            simulator.oauth().register(user, Integration.of(oauth.getClientId(), oauth.getClientSecret()));
            refreshToken = simulator.oauth().issueTokens(oauth.getClientId()).refreshToken();
        }
        String issued = refreshToken;
        return new WebexConnectionDetails() {
            @Override
            public String baseUrl() {
                return simulator.baseUrl();
            }

            @Override
            public String accessToken() {
                return user;
            }

            @Override
            public String refreshToken() {
                return issued;
            }

            @Override
            public String toString() {
                return "WebexConnectionDetails(simulator " + simulator.baseUrl() + ")";
            }
        };
    }
}
