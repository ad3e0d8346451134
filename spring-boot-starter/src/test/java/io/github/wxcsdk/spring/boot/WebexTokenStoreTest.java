package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.auth.OAuthTokenProvider;
import io.github.wxcsdk.auth.OAuthTokens;
import io.github.wxcsdk.auth.TokenProvider;
import io.github.wxcsdk.simulator.GrantCounts;
import io.github.wxcsdk.simulator.Integration;
import io.github.wxcsdk.simulator.WebexSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tokens across restarts: every new set reaches the store, the stored set wins at the next start when it descends from
 * the configured refresh token, a newly configured refresh token wins over an older chain; the file store is
 * owner-only and atomic; no secret reaches the log. Against a simulator that outlives the contexts, as Webex does.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebexTokenStoreTest {
    private static final String USER = "erin";
    private static final String CLIENT = "store-app";
    private static final String SECRET = "store-secret-123";

    @TempDir
    Path directory;
    private WebexSimulator simulator;
    private ApplicationContextRunner runner;

    @BeforeEach
    void start() {
        simulator = WebexSimulator.start();
        simulator.oauth().register(USER, Integration.of(CLIENT, SECRET));
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WebexAutoConfiguration.class))
                .withPropertyValues("webex.base-url=" + simulator.baseUrl(),
                        "webex.oauth.token-endpoint=" + simulator.baseUrl() + "/access_token",
                        "webex.oauth.client-id=" + CLIENT, "webex.oauth.client-secret=" + SECRET);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aRotatedRefreshTokenSurvivesARestartThroughTheFileStore(CapturedOutput output) throws Exception {
        String configured = simulator.oauth().issueTokens(CLIENT).refreshToken();
        Path file = directory.resolve("state/webex-tokens.json");
        ApplicationContextRunner app = runner.withPropertyValues("webex.oauth.refresh-token=" + configured,
                "webex.token-store.file=" + file);

        String[] first = new String[2];
        app.run(context -> {
            assertThat(context.getBean(WebexTokenStore.class)).isInstanceOf(FileWebexTokenStore.class);
            assertThat(details(context.getBean(WebexSimpleApi.class))).isEmpty();
            OAuthTokens tokens = ((OAuthTokenProvider) context.getBean(TokenProvider.class)).currentTokens()
                    .orElseThrow();
            first[0] = tokens.accessToken();
            first[1] = tokens.refreshToken();
        });
        assertThat(first[1]).isNotEqualTo(configured);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        WebexStoredTokens stored = new FileWebexTokenStore(file).load().orElseThrow();
        assertThat(stored.tokens().refreshToken()).isEqualTo(first[1]);
        assertThat(stored.origin()).isEqualTo(WebexStoredTokens.fingerprint(configured));
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("webex-tokens.json");
        }

        // the configured refresh token was retired by the rotation: only the stored one can renew access now
        simulator.oauth().revoke(first[0]);
        app.run(context -> {
            OAuthTokenProvider tokens = (OAuthTokenProvider) context.getBean(TokenProvider.class);
            assertThat(tokens.currentTokens()).map(OAuthTokens::refreshToken).contains(first[1]);
            assertThat(details(context.getBean(WebexSimpleApi.class))).isEmpty();
            assertThat(tokens.currentTokens()).map(OAuthTokens::refreshToken).get().isNotEqualTo(first[1]);
        });
        GrantCounts counts = simulator.oauth().grantCounts(CLIENT);
        assertThat(counts.refreshToken()).isEqualTo(2);
        assertThat(counts.refused()).isZero();
        assertThat(new FileWebexTokenStore(file).load().orElseThrow().origin())
                .isEqualTo(WebexStoredTokens.fingerprint(configured));

        assertThat(output.getAll()).contains("Webex OAuth starts from the token set in FileWebexTokenStore")
                .doesNotContain(configured, first[0], first[1], SECRET);
    }

    @Test
    void aNewlyConfiguredRefreshTokenWinsOverAnOlderChain() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        String old = simulator.oauth().issueTokens(CLIENT).refreshToken();
        runner.withPropertyValues("webex.oauth.refresh-token=" + old).withBean(WebexTokenStore.class, () -> store)
                .run(context -> details(context.getBean(WebexSimpleApi.class)));
        assertThat(store.saved).hasSize(1);

        String renewed = simulator.oauth().issueTokens(CLIENT).refreshToken();
        runner.withPropertyValues("webex.oauth.refresh-token=" + renewed).withBean(WebexTokenStore.class, () -> store)
                .run(context -> {
                    assertThat(((OAuthTokenProvider) context.getBean(TokenProvider.class)).currentTokens()).isEmpty();
                    details(context.getBean(WebexSimpleApi.class));
                });
        assertThat(store.saved).hasSize(2);
        assertThat(store.saved.get(1).origin()).isEqualTo(WebexStoredTokens.fingerprint(renewed));
        assertThat(simulator.oauth().grantCounts(CLIENT).refused()).isZero();
    }

    @Test
    void withAStoredSetNoRefreshTokenNeedsToBeConfigured() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        String configured = simulator.oauth().issueTokens(CLIENT).refreshToken();
        runner.withPropertyValues("webex.oauth.refresh-token=" + configured)
                .withBean(WebexTokenStore.class, () -> store)
                .run(context -> details(context.getBean(WebexSimpleApi.class)));
        runner.withBean(WebexTokenStore.class, () -> store).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(((OAuthTokenProvider) context.getBean(TokenProvider.class)).currentTokens()).isPresent();
        });
    }

    @Test
    void theStoredSetSupersedesOnlyItsOwnChain() {
        OAuthTokens tokens = OAuthTokens.of("a", Instant.parse("2030-01-01T00:00:00Z"), "r1", null);
        WebexStoredTokens stored = new WebexStoredTokens(tokens, WebexStoredTokens.fingerprint("r0"), Instant.EPOCH);
        assertThat(stored.supersedes("r0")).isTrue();
        assertThat(stored.supersedes("r1")).isTrue();
        assertThat(stored.supersedes(null)).isTrue();
        assertThat(stored.supersedes("r9")).isFalse();
        assertThat(stored.toString()).doesNotContain("r1").doesNotContain(stored.origin());
        assertThat(WebexStoredTokens.fingerprint("r0")).hasSize(64).doesNotContain("r0");
    }

    @Test
    void theFileStoreRefusesAFileOthersCanReadAndACorruptOne() throws Exception {
        Path file = directory.resolve("tokens.json");
        FileWebexTokenStore store = new FileWebexTokenStore(file);
        assertThat(store.load()).isEmpty();
        OAuthTokens tokens = OAuthTokens.of("acc", Instant.parse("2030-01-01T00:00:00Z"), "ref",
                Instant.parse("2031-01-01T00:00:00Z"));
        store.save(new WebexStoredTokens(tokens, WebexStoredTokens.fingerprint("r0"), Instant.EPOCH));
        assertThat(store.load()).map(WebexStoredTokens::tokens).contains(tokens);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(store::load).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("chmod 600");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(file, "{\"access_token\":\"secret-acc\"}");
        assertThatThrownBy(store::load).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a complete token file").hasMessageNotContaining("secret-acc");
    }

    @Test
    void aStoreThatCannotBeReadFailsTheStart() throws Exception {
        Path file = directory.resolve("tokens.json");
        Files.writeString(file, "not json");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        runner.withPropertyValues("webex.oauth.refresh-token=r", "webex.token-store.file=" + file)
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining(file.toString()));
    }

    private static Optional<?> details(WebexSimpleApi api) {
        return api.telephony().conference().getConferenceDetails();
    }

}
