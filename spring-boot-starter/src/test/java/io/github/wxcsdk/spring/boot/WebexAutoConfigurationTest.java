package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.RetryEvent;
import io.github.wxcsdk.RetryListener;
import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.WebexSimpleAsyncApi;
import io.github.wxcsdk.auth.OAuthTokenProvider;
import io.github.wxcsdk.auth.TokenProvider;
import io.github.wxcsdk.simulator.WebexSimulator;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every condition, property and failure message of {@link WebexAutoConfiguration}, on a real context. */
class WebexAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebexSimulatorAutoConfiguration.class,
                    WebexAutoConfiguration.class));

    @Test
    void theEmbeddedSimulatorServesTheClientFromPropertiesAlone() {
        runner.withPropertyValues("webex.simulator.enabled=true").run(context -> {
            WebexSimulator simulator = context.getBean(WebexSimulator.class);
            WebexSimpleApi api = context.getBean(WebexSimpleApi.class);
            assertThat(api.toString()).contains(simulator.baseUrl());
            ConferenceControlsApi conference = api.telephony().conference();
            String user = "simulated-user";
            conference.startConference(simulator.createCall(user), simulator.createCall(user));
            conference.mute();
            ConferenceDetails details = conference.getConferenceDetails().orElseThrow();
            assertThat(details.participants()).hasSize(2);
            conference.releaseConference();
            assertThat(conference.getConferenceDetails()).isEmpty();
            assertThat(context).doesNotHaveBean(WebexSimpleAsyncApi.class);
        });
    }

    @Test
    void theSimulatorIsStoppedWithTheContext() {
        WebexSimulator[] simulator = new WebexSimulator[1];
        runner.withPropertyValues("webex.simulator.enabled=true", "webex.simulator.user-token=carol")
                .run(context -> simulator[0] = context.getBean(WebexSimulator.class));
        assertThatThrownBy(() -> simulator[0].createCall("carol")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void simulatorWithOAuthRegistersTheIntegrationAndRefreshesThroughIt() {
        runner.withPropertyValues("webex.simulator.enabled=true", "webex.oauth.client-id=app",
                "webex.oauth.client-secret=s3cret").run(context -> {
            WebexSimulator simulator = context.getBean(WebexSimulator.class);
            assertThat(context.getBean(TokenProvider.class)).isInstanceOf(OAuthTokenProvider.class);
            ConferenceControlsApi conference = context.getBean(WebexSimpleApi.class).telephony().conference();
            assertThat(conference.getConferenceDetails()).isEmpty();
            assertThat(simulator.oauth().grantCounts("app").refreshToken()).isEqualTo(1);
        });
    }

    @Test
    void simulatorEnabledWithoutTheSimulatorOnTheClasspathFailsInsteadOfCallingWebex() {
        runner.withClassLoader(new FilteredClassLoader(WebexSimulator.class))
                .withPropertyValues("webex.simulator.enabled=true", "webex.access-token=t")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().isInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .hasMessageContaining("webex.simulator.enabled")
                        .hasMessageContaining("wxc-sdk-simulator"));
    }

    @Test
    void anAccessTokenAndTheBaseUrlAreApplied() {
        runner.withPropertyValues("webex.access-token=abc", "webex.base-url=http://localhost:1/v1").run(context -> {
            assertThat(context.getBean(WebexSimpleApi.class).toString()).contains("http://localhost:1/v1");
            TokenProvider tokens = context.getBean(TokenProvider.class);
            assertThat(tokens.accessToken(Duration.ofSeconds(1))).isEqualTo("abc");
            assertThat(tokens.toString()).doesNotContain("abc");
            assertThat(context).doesNotHaveBean(WebexTokenStore.class);
        });
    }

    @Test
    void theEnvironmentVariableOfTheSdkIsRead() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("WEBEX_ACCESS_TOKEN", "from-env"))))
                .run(context -> assertThat(context.getBean(TokenProvider.class).accessToken(Duration.ofSeconds(1)))
                        .isEqualTo("from-env"));
    }

    @Test
    void oauthWinsOverTheEnvironmentVariableAsInTheSdk() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("WEBEX_ACCESS_TOKEN", "from-env"))))
                .withPropertyValues("webex.oauth.client-id=app", "webex.oauth.client-secret=s",
                        "webex.oauth.refresh-token=r", "webex.oauth.token-endpoint=http://127.0.0.1:9/v1/access_token")
                .run(context -> assertThat(context.getBean(TokenProvider.class)).isInstanceOf(OAuthTokenProvider.class));
    }

    @Test
    void withoutCredentialsTheStartFailsSayingWhatToSet() {
        runner.run(context -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("webex.access-token").hasMessageContaining("WEBEX_ACCESS_TOKEN")
                .hasMessageContaining("webex.oauth.refresh-token"));
    }

    @Test
    void theProxyPropertiesReachTheApiClient() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        runner.withPropertyValues("webex.simulator.enabled=true", "webex.max-retries=0",
                "webex.proxy.host=127.0.0.1", "webex.proxy.port=" + closedPort,
                "webex.proxy.username=proxy-user", "webex.proxy.password=proxy-s3cret").run(context -> {
            ConferenceControlsApi conference = context.getBean(WebexSimpleApi.class).telephony().conference();
            assertThatThrownBy(conference::getConferenceDetails)
                    .hasMessageContaining("no connection to the proxy 127.0.0.1:" + closedPort)
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("proxy-s3cret"));
        });
    }

    @Test
    void aProxyPortOutOfRangeFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("webex.access-token=t", "webex.proxy.host=proxy.example.com", "webex.proxy.port=0")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .hasMessageContaining("webex.proxy.port"));
    }

    @Test
    void theSyncClientIsClosedWithTheContext() {
        WebexSimpleApi[] api = new WebexSimpleApi[1];
        runner.withPropertyValues("webex.simulator.enabled=true")
                .run(context -> api[0] = context.getBean(WebexSimpleApi.class));
        assertThatThrownBy(() -> api[0].telephony().conference().getConferenceDetails())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void invalidValuesFailTheStartNamingTheProperty() {
        Map<String, String> invalid = Map.of(
                "webex.connect-timeout=-1s", "webex.connect-timeout",
                "webex.read-timeout=0s", "webex.read-timeout",
                "webex.call-timeout=-5m", "webex.call-timeout",
                "webex.max-retries=-1", "webex.max-retries",
                "webex.max-retry-after=-1s", "webex.max-retry-after",
                "webex.max-concurrent-requests=-2", "webex.max-concurrent-requests",
                "webex.max-requests-per-second=-1", "webex.max-requests-per-second",
                "webex.base-url=http://webex.example.com/v1", "webex.base-url",
                "webex.base-url=not a url", "webex.base-url",
                "webex.proxy.username=proxy-user", "webex.proxy.host");
        invalid.forEach((setting, property) -> runner.withPropertyValues("webex.access-token=t", setting)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .satisfies(e -> assertThat(((InvalidConfigurationPropertyValueException) e).getName())
                                .isEqualTo(property))
                        .hasMessageContaining(property)));
    }

    @Test
    void valuesOfTheWrongTypeFailBindingNamingTheProperty() {
        runner.withPropertyValues("webex.access-token=t", "webex.connect-timeout=soon")
                .run(context -> assertThat(context).getFailure().hasRootCauseInstanceOf(IllegalArgumentException.class)
                        .hasStackTraceContaining("Failed to bind properties under 'webex.connect-timeout'"));
        runner.withPropertyValues("webex.access-token=t", "webex.max-retries=many")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'webex.max-retries'"));
    }

    @Test
    void anInvalidSecretIsNamedButNeverShownNotEvenInBootsFailureReport() {
        runner.withPropertyValues("webex.access-token=bad token\u00e9").run(context -> {
            assertThat(context).getFailure().rootCause().isInstanceOf(InvalidWebexSecretException.class)
                    .hasMessageContaining("webex.access-token").hasMessageNotContaining("bad token");
            InvalidWebexSecretException failure = (InvalidWebexSecretException) org.assertj.core.util.Throwables
                    .getRootCause(context.getStartupFailure());
            var analysis = new WebexSecretFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("webex.access-token").doesNotContain("bad token");
            assertThat(analysis.getAction()).contains("webex.access-token");
            assertThat(failure.property()).isEqualTo("webex.access-token");
        });
        runner.withPropertyValues("webex.oauth.client-id=app", "webex.oauth.client-secret=se cret\u00e9",
                "webex.oauth.refresh-token=r").run(context -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(InvalidWebexSecretException.class)
                .hasMessageContaining("webex.oauth.client-secret").hasMessageNotContaining("se cret"));
        runner.withPropertyValues("webex.oauth.client-id=app", "webex.oauth.client-secret=s",
                "webex.oauth.refresh-token=re fresh").run(context -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(InvalidWebexSecretException.class)
                .hasMessageContaining("webex.oauth.refresh-token").hasMessageNotContaining("re fresh"));
    }

    @Test
    void oauthNeedsAllOfItsPartsAndSaysWhichIsMissing() {
        runner.withPropertyValues("webex.oauth.client-id=app", "webex.oauth.refresh-token=r")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("webex.oauth.client-secret"));
        runner.withPropertyValues("webex.oauth.client-secret=s", "webex.oauth.refresh-token=r")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("webex.oauth.client-id"));
        runner.withPropertyValues("webex.oauth.client-id=app", "webex.oauth.client-secret=s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("webex.oauth.refresh-token"));
        runner.withPropertyValues("webex.oauth.client-id=app", "webex.oauth.client-secret=s",
                        "webex.oauth.refresh-token=r", "webex.oauth.token-endpoint=http://idp.example.com/token")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("webex.oauth.token-endpoint"));
    }

    @Test
    void anAccessTokenAndOAuthTogetherAreRefused() {
        runner.withPropertyValues("webex.access-token=t", "webex.oauth.client-id=app").run(context ->
                assertThat(context).getFailure().rootCause()
                        .isInstanceOf(MutuallyExclusiveConfigurationPropertiesException.class)
                        .hasMessageContaining("webex.access-token").hasMessageContaining("webex.oauth.client-id"));
    }

    @Test
    void oauthPropertiesMakeAnOAuthTokenProvider() {
        runner.withPropertyValues("webex.oauth.client-id=app", "webex.oauth.client-secret=s",
                        "webex.oauth.refresh-token=r", "webex.oauth.token-endpoint=http://127.0.0.1:9/v1/access_token")
                .run(context -> {
                    assertThat(context.getBean(TokenProvider.class)).isInstanceOf(OAuthTokenProvider.class)
                            .hasToString("OAuthTokenProvider(clientId=app, tokenEndpoint="
                                    + "http://127.0.0.1:9/v1/access_token)");
                    assertThat(context).hasSingleBean(WebexSimpleApi.class);
                });
    }

    @Test
    void everyBeanBacksOffForTheApplicationsOwn() {
        WebexSimpleApi own = WebexSimpleApi.builder().accessToken("own").baseUrl("http://localhost:2/v1").build();
        TokenProvider ownTokens = TokenProvider.of("mine");
        WebexTokenStore ownStore = new InMemoryTokenStore();
        runner.withPropertyValues("webex.token-store.file=/nonexistent/tokens.json")
                .withBean(WebexSimpleApi.class, () -> own)
                .withBean(TokenProvider.class, () -> ownTokens)
                .withBean(WebexTokenStore.class, () -> ownStore)
                .run(context -> {
                    assertThat(context.getBean(WebexSimpleApi.class)).isSameAs(own);
                    assertThat(context.getBean(TokenProvider.class)).isSameAs(ownTokens);
                    assertThat(context.getBean(WebexTokenStore.class)).isSameAs(ownStore);
                });
        WebexConnectionDetails ownConnection = () -> "http://localhost:3/v1";
        runner.withPropertyValues("webex.access-token=t").withBean(WebexConnectionDetails.class, () -> ownConnection)
                .run(context -> assertThat(context.getBean(WebexSimpleApi.class).toString())
                        .contains("http://localhost:3/v1"));
    }

    @Test
    void theApplicationsTokenProviderIsTheOneTheClientUses() {
        runner.withPropertyValues("webex.simulator.enabled=true")
                .withBean(TokenProvider.class, () -> TokenProvider.of("dave")).run(context -> {
                    WebexSimulator simulator = context.getBean(WebexSimulator.class);
                    ConferenceControlsApi conference = context.getBean(WebexSimpleApi.class).telephony().conference();
                    conference.startConference(simulator.createCall("dave"), simulator.createCall("dave"));
                    assertThat(conference.getConferenceDetails()).isPresent();
                });
    }

    @Test
    void customizersAndRetryListenersApplyToTheBuilderInOrder() {
        List<String> seen = new ArrayList<>();
        List<RetryEvent> retries = new ArrayList<>();
        runner.withPropertyValues("webex.simulator.enabled=true", "webex.max-retries=1")
                .withBean("first", WebexSimpleApiBuilderCustomizer.class, () -> builder -> seen.add("customized"))
                .withBean(RetryListener.class, () -> retries::add)
                .run(context -> {
                    assertThat(seen).containsExactly("customized");
                    WebexSimulator simulator = context.getBean(WebexSimulator.class);
                    simulator.addFault("simulated-user", 503, null, 1);
                    context.getBean(WebexSimpleApi.class).telephony().conference().getConferenceDetails();
                    assertThat(retries).hasSize(1).first().extracting(RetryEvent::statusCode).isEqualTo(503);
                });
    }

    @Test
    void retryPropertiesReachTheClient() {
        List<RetryEvent> retries = new ArrayList<>();
        runner.withPropertyValues("webex.simulator.enabled=true", "webex.max-retries=0")
                .withBean(RetryListener.class, () -> retries::add).run(context -> {
                    context.getBean(WebexSimulator.class).addFault("simulated-user", 503, null, 1);
                    assertThatThrownBy(() -> context.getBean(WebexSimpleApi.class).telephony().conference()
                            .getConferenceDetails()).isInstanceOf(io.github.wxcsdk.WebexApiException.class);
                    assertThat(retries).isEmpty();
                });
        runner.withPropertyValues("webex.simulator.enabled=true", "webex.retry-state-changes-on-ambiguous-failure=false")
                .withBean(RetryListener.class, () -> retries::add).run(context -> {
                    WebexSimulator simulator = context.getBean(WebexSimulator.class);
                    ConferenceControlsApi conference = context.getBean(WebexSimpleApi.class).telephony().conference();
                    conference.startConference(simulator.createCall("simulated-user"),
                            simulator.createCall("simulated-user"));
                    simulator.addFault("simulated-user", 502, null, 1);
                    assertThatThrownBy(conference::mute).isInstanceOf(io.github.wxcsdk.WebexException.class);
                    assertThat(retries).isEmpty();
                });
    }

    @Test
    void theAsyncClientOnlyWhenAskedForAndClosedWithTheContext() {
        runner.withPropertyValues("webex.simulator.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(WebexSimpleAsyncApi.class));
        WebexSimpleAsyncApi[] async = new WebexSimpleAsyncApi[1];
        runner.withPropertyValues("webex.simulator.enabled=true", "webex.async.enabled=true").run(context -> {
            async[0] = context.getBean(WebexSimpleAsyncApi.class);
            assertThat(async[0].telephony().conference().getConferenceDetails().join()).isEmpty();
            assertThat(context).hasSingleBean(WebexSimpleApi.class);
        });
        assertThatThrownBy(() -> async[0].telephony().conference().getConferenceDetails().join())
                .isInstanceOfAny(IllegalStateException.class, CompletionException.class,
                        java.util.concurrent.RejectedExecutionException.class);
    }
}
