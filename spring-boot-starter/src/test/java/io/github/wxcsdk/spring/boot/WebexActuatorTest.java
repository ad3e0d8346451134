package io.github.wxcsdk.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.WebexSimpleAsyncApi;
import io.github.wxcsdk.auth.OAuthRefreshException;
import io.github.wxcsdk.simulator.Integration;
import io.github.wxcsdk.simulator.RequestCounts;
import io.github.wxcsdk.simulator.WebexSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code webex} health contributor and the masking of secrets in {@code /actuator/env} and {@code configprops}. */
class WebexActuatorTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebexSimulatorAutoConfiguration.class,
                    WebexAutoConfiguration.class, WebexActuatorAutoConfiguration.class));

    @Test
    void healthIsUpWithTheThrottleAndTheExpiriesAndCallsNobody() {
        runner.withPropertyValues("webex.simulator.enabled=true", "webex.oauth.client-id=app",
                "webex.oauth.client-secret=s3cret").run(context -> {
            WebexSimulator simulator = context.getBean(WebexSimulator.class);
            HealthIndicator health = context.getBean("webexHealthIndicator", HealthIndicator.class);
            Health before = health.health();
            assertThat(before.getStatus()).isEqualTo(Status.UP);
            assertThat(before.getDetails()).containsEntry("renewalRequired", false)
                    .containsEntry("tokenProvider", "oauth").containsEntry("accessTokenExpiresAt", "not fetched yet")
                    .containsEntry("throttle", Map.of("state", "OPEN"));
            assertThat(simulator.rateLimits().totals()).isEqualTo(RequestCounts.ZERO);
            assertThat(simulator.oauth().grantCounts("app").refreshToken()).isZero();

            context.getBean(WebexSimpleApi.class).telephony().conference().getConferenceDetails();
            Health after = health.health();
            assertThat(after.getStatus()).isEqualTo(Status.UP);
            assertThat(after.getDetails()).containsKeys("accessTokenExpiresAt", "refreshTokenExpiresAt");
            assertThat((String) after.getDetails().get("accessTokenExpiresAt")).matches("\\d{4}-.*Z");
            RequestCounts counted = simulator.rateLimits().totals();
            health.health();
            assertThat(simulator.rateLimits().totals()).isEqualTo(counted);
            assertThat(simulator.oauth().grantCounts("app").refreshToken()).isEqualTo(1);
        });
    }

    @Test
    void healthIsDownOnceWebexRefusedTheRefreshToken() {
        try (WebexSimulator simulator = WebexSimulator.start()) {
            simulator.oauth().register("frank", Integration.of("app", "s3cret"));
            String refreshToken = simulator.oauth().issueTokens("app").refreshToken();
            simulator.oauth().revoke(refreshToken);
            runner.withPropertyValues("webex.base-url=" + simulator.baseUrl(),
                    "webex.oauth.token-endpoint=" + simulator.baseUrl() + "/access_token",
                    "webex.oauth.client-id=app", "webex.oauth.client-secret=s3cret",
                    "webex.oauth.refresh-token=" + refreshToken).run(context -> {
                HealthIndicator health = context.getBean("webexHealthIndicator", HealthIndicator.class);
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                assertThatThrownBy(() -> context.getBean(WebexSimpleApi.class).telephony().conference()
                        .getConferenceDetails()).isInstanceOf(OAuthRefreshException.class);
                Health down = health.health();
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat(down.getDetails()).containsEntry("renewalRequired", true)
                        .containsEntry("error", "invalid_grant").containsKeys("refusedAt", "reason");
                assertThat(down.toString()).doesNotContain(refreshToken).doesNotContain("s3cret");
            });
        }
    }

    @Test
    void anAsyncCallRefusedItsTokenTurnsHealthDownToo() {
        try (WebexSimulator simulator = WebexSimulator.start()) {
            simulator.oauth().register("gina", Integration.of("app", "s3cret"));
            String refreshToken = simulator.oauth().issueTokens("app").refreshToken();
            simulator.oauth().revoke(refreshToken);
            runner.withPropertyValues("webex.base-url=" + simulator.baseUrl(), "webex.async.enabled=true",
                    "webex.oauth.token-endpoint=" + simulator.baseUrl() + "/access_token",
                    "webex.oauth.client-id=app", "webex.oauth.client-secret=s3cret",
                    "webex.oauth.refresh-token=" + refreshToken).run(context -> {
                HealthIndicator health = context.getBean("webexHealthIndicator", HealthIndicator.class);
                assertThatThrownBy(() -> context.getBean(WebexSimpleAsyncApi.class).telephony().conference()
                        .getConferenceDetails().join()).hasCauseInstanceOf(OAuthRefreshException.class);
                assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            });
        }
    }

    @Test
    void healthCanBeTurnedOffAndNeedsActuator() {
        runner.withPropertyValues("webex.simulator.enabled=true", "management.health.webex.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("webexHealthIndicator"));
        runner.withPropertyValues("webex.simulator.enabled=true")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("webexHealthIndicator")
                            .doesNotHaveBean("webexSanitizingFunction");
                    assertThat(context).hasSingleBean(WebexSimpleApi.class);
                });
        runner.withPropertyValues("webex.simulator.enabled=true")
                .withBean("webexHealthIndicator", HealthIndicator.class, () -> () -> Health.unknown().build())
                .run(context -> assertThat(context.getBean("webexHealthIndicator", HealthIndicator.class).health()
                        .getStatus()).isEqualTo(Status.UNKNOWN));
    }

    @Test
    void secretsAreMaskedInEnvAndConfigpropsEvenWhenValuesAreShown() {
        String accessToken = "access-AAA-111";
        String envToken = "env-BBB-222";
        String clientSecret = "secret-CCC-333";
        String refreshToken = "refresh-DDD-444";
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WebexAutoConfiguration.class,
                        WebexActuatorAutoConfiguration.class, EndpointAutoConfiguration.class,
                        EnvironmentEndpointAutoConfiguration.class,
                        ConfigurationPropertiesReportEndpointAutoConfiguration.class))
                .withInitializer(context -> {
                    context.getEnvironment().getPropertySources().replace(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new SystemEnvironmentPropertySource(
                                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                    Map.of("WEBEX_ACCESS_TOKEN", envToken, "WEBEX_OAUTH_CLIENTSECRET", clientSecret,
                                            "HOME", "/home/user")));
                    // the command line as the JVM shows it, with secrets given as arguments
                    context.getEnvironment().getPropertySources().replace(
                            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                            new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                                    Map.of("sun.java.command", "app.jar --webex.oauth.client-secret=" + clientSecret
                                            + " --webex.access-token " + accessToken + " --server.port=0")));
                })
                .withPropertyValues("management.endpoints.web.exposure.include=env,configprops",
                        "management.endpoint.env.show-values=always",
                        "management.endpoint.configprops.show-values=always",
                        "webex.oauth.client-id=app", "webex.oauth.refresh-token=" + refreshToken,
                        "webex.oauth.token-endpoint=http://127.0.0.1:9/v1/access_token",
                        "webex.token-store.file=" + Path.of("/tmp/never-written.json"),
                        "other.access-token-hint=visible")
                .run(context -> {
                    ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
                    String env = json.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
                    String configprops = json.writeValueAsString(context
                            .getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
                    for (String shown : new String[] {env, configprops}) {
                        assertThat(shown).doesNotContain(accessToken, envToken, clientSecret, refreshToken)
                                .contains("******");
                    }
                    assertThat(env).contains("/home/user").contains("visible").contains("app")
                            .contains("app.jar --webex.oauth.client-secret=****** --webex.access-token ******"
                                    + " --server.port=0");
                    assertThat(configprops).contains("http://127.0.0.1:9/v1/access_token");
                    assertThat(json.writeValueAsString(context.getBean(EnvironmentEndpoint.class)
                            .environmentEntry("webex.oauth.refresh-token"))).doesNotContain(refreshToken);
                });
    }
}
