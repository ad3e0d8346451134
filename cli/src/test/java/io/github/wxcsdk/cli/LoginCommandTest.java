package io.github.wxcsdk.cli;

import io.github.wxcsdk.auth.OAuthTokens;
import io.github.wxcsdk.simulator.Integration;
import io.github.wxcsdk.simulator.WebexSimulator;
import io.github.wxcsdk.simulator.WebexSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wxc-conference login} end to end against the simulator's OAuth server ({@code /v1/authorize} approves at
 * once and redirects with a code; {@code /v1/access_token} issues rotating tokens), with a simulated browser that
 * follows the redirect to the loopback redirect URI; then later commands that use and refresh the token file.
 */
@ExtendWith(WebexSimulatorExtension.class)
class LoginCommandTest {
    private static final String SECRET = "integration-secret-canary";
    private static final Pattern AUTHORIZE_URL = Pattern.compile("(http://\\S+/v1/authorize\\?\\S+)");

    @TempDir
    Path directory;

    private WebexSimulator simulator;
    private String user;
    private String clientId;
    private Path tokenFile;

    @BeforeEach
    void registerAnIntegration(WebexSimulator simulator) {
        this.simulator = simulator;
        user = "login-user-" + System.nanoTime();
        clientId = "client-" + System.nanoTime();
        tokenFile = directory.resolve("wxc").resolve("tokens.json");
        simulator.oauth().register(user, Integration.of(clientId, SECRET)
                .withScopes(List.of("spark:calls_read", "spark:calls_write")));
    }

    @Test
    void loginStoresTokensThatLaterCommandsUseAndRefresh() throws Exception {
        Result login = loginWithBrowser(true);
        assertEquals(0, login.exitCode(), login.err());
        assertTrue(login.out().contains("Logged in. Tokens stored in " + tokenFile), login.out());
        assertEquals(1, simulator.oauth().grantCounts(clientId).authorizationCode());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        }
        TokenFile.Login stored = new TokenFile(tokenFile).read();
        assertEquals(clientId, stored.clientId());
        assertEquals(simulator.baseUrl() + "/access_token", stored.tokenEndpoint());

        String first = simulator.createCall(user);
        String second = simulator.createCall(user);
        Result start = command("start", first, second);
        assertEquals(0, start.exitCode(), start.err());
        assertEquals(0, simulator.oauth().grantCounts(clientId).refreshToken(), "a valid token is not refreshed");

        expireStoredAccessToken();
        Result details = command("details");
        assertEquals(0, details.exitCode(), details.err());
        assertTrue(details.out().contains("state: connected"), details.out());
        assertEquals(1, simulator.oauth().grantCounts(clientId).refreshToken());
        TokenFile.Login refreshed = new TokenFile(tokenFile).read();
        assertNotEquals(stored.tokens().refreshToken(), refreshed.tokens().refreshToken(),
                "the rotated refresh token was written back");
        assertNotEquals(stored.tokens().accessToken(), refreshed.tokens().accessToken());
        assertTrue(refreshed.tokens().accessTokenExpiresAt().isAfter(Instant.now()));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        }
        for (Result result : List.of(login, start, details)) {
            for (String secret : List.of(SECRET, stored.tokens().accessToken(), stored.tokens().refreshToken(),
                    refreshed.tokens().accessToken(), refreshed.tokens().refreshToken())) {
                assertFalse(result.out().contains(secret) || result.err().contains(secret), result.toString());
            }
        }
    }

    @Test
    void aRevokedAccessTokenIsRefreshedThroughThe401() throws Exception {
        assertEquals(0, loginWithBrowser(false).exitCode());
        TokenFile.Login stored = new TokenFile(tokenFile).read();
        simulator.oauth().revoke(stored.tokens().accessToken());
        Result details = command("details");
        assertEquals(0, details.exitCode(), details.err());
        assertEquals("No active conference.", details.out().strip());
        assertEquals(1, simulator.oauth().grantCounts(clientId).refreshToken());
        assertNotEquals(stored.tokens().accessToken(), new TokenFile(tokenFile).read().tokens().accessToken());
    }

    @Test
    void aRevokedRefreshTokenFailsClearly() throws Exception {
        assertEquals(0, loginWithBrowser(false).exitCode());
        simulator.oauth().revoke(new TokenFile(tokenFile).read().tokens().refreshToken());
        expireStoredAccessToken();
        Result details = command("details");
        assertEquals(FailureReporter.WEBEX_ERROR, details.exitCode());
        assertTrue(details.err().startsWith("OAuth: Webex refused the refresh token (HTTP 400, invalid_grant"),
                details.err());
        assertTrue(details.err().contains("must be renewed") && details.err().contains("wxc-conference login"),
                details.err());
    }

    @Test
    void scopesTheIntegrationMayNotHaveEndTheLogin() throws Exception {
        simulator.oauth().register(user, Integration.of(clientId, SECRET).withScopes(List.of("spark:calls_read")));
        Result login = loginWithBrowser(false);
        assertEquals(FailureReporter.WEBEX_ERROR, login.exitCode());
        assertTrue(login.err().contains("Webex did not authorize the login: invalid_scope"), login.err());
        assertFalse(Files.exists(tokenFile));
    }

    @Test
    void withoutABrowserTheLoginGivesUp() {
        Result login = run("login", "--client-id", clientId, "--client-secret", SECRET, "--port", "0",
                "--timeout", "1", "--token-file", tokenFile.toString(), "--base-url", simulator.baseUrl());
        assertEquals(FailureReporter.NO_ANSWER, login.exitCode());
        assertTrue(login.err().contains("No redirect from Webex within 1 s"), login.err());
        assertFalse(Files.exists(tokenFile));
    }

    @Test
    void theClientIdIsRequired() {
        Result login = run("login", "--client-id", " ", "--client-secret", SECRET, "--token-file",
                tokenFile.toString());
        assertEquals(FailureReporter.USAGE, login.exitCode());
        assertTrue(login.err().contains("Missing --client-id or WEBEX_CLIENT_ID"), login.err());
    }

    @Test
    void theHelpOfLoginListsOnlyTheOptionsLoginUses() {
        Result help = run("login", "--help");
        assertEquals(0, help.exitCode());
        for (String own : List.of("--client-id", "--client-secret", "--scope", "--port", "--timeout", "--token-file",
                "--base-url", "--verbose")) {
            assertTrue(help.out().contains(own), own + " missing from " + help.out());
        }
        for (String unused : List.of("--token=", "--member", "--org", "--line-owner")) {
            assertFalse(help.out().contains(unused), unused + " listed in " + help.out());
        }
        Result given = run("login", "--member", "m1", "--client-id", clientId, "--client-secret", SECRET);
        assertEquals(FailureReporter.USAGE, given.exitCode(), "an option login does not use is refused");
    }

    @Test
    void aMissingOrCorruptTokenFileIsAUsageErrorThatSaysWhatToDo() throws Exception {
        Result missing = command("details");
        assertEquals(FailureReporter.USAGE, missing.exitCode(), missing.err());
        assertTrue(missing.err().startsWith("No token file at " + tokenFile.toAbsolutePath() + ": run"
                + " 'wxc-conference login' first"), missing.err());

        Files.createDirectories(tokenFile.getParent());
        Files.writeString(tokenFile, "{ not json");
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tokenFile,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        Result corrupt = command("details");
        assertEquals(FailureReporter.USAGE, corrupt.exitCode(), corrupt.err());
        assertTrue(corrupt.err().contains("run 'wxc-conference login' again to replace it"), corrupt.err());
    }

    @Test
    void aRefusedRefreshIsPrintedOnceByTheCommandNotAgainByTheProvidersWarning() {
        assertFalse(org.slf4j.LoggerFactory.getLogger(io.github.wxcsdk.auth.OAuthTokenProvider.class)
                .isWarnEnabled(), "the CLI's logging configuration keeps the provider's warning off stderr");
        assertTrue(org.slf4j.LoggerFactory.getLogger("io.github.wxcsdk.other").isWarnEnabled(),
                "other warnings still show");
    }

    @Test
    void theHelpOfTokenWarnsThatCommandLinesAreVisible() {
        Result help = run("--help");
        String text = help.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("--token=<token> Webex access token (default: the WEBEX_ACCESS_TOKEN environment"
                + " variable). Warning: a command line is visible to other users of this machine"), help.out());
        assertTrue(help.out().contains("--token-file"), help.out());
    }

    /**
     * Runs {@code login} while a simulated browser opens the printed authorize URL and follows Webex's redirect to
     * the loopback redirect URI; {@code forgeFirst} sends a redirect with a wrong state first, which must be ignored.
     */
    private Result loginWithBrowser(boolean forgeFirst) throws Exception {
        UrlWatcher watcher = new UrlWatcher();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> WxcConference.run(
                new PrintWriter(watcher, true), new PrintWriter(err, true), "login", "--client-id", clientId,
                "--client-secret", SECRET, "--port", "0", "--token-file", tokenFile.toString(), "--base-url",
                simulator.baseUrl()));
        String authorize = watcher.url.get(10, TimeUnit.SECONDS);
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        if (forgeFirst) {
            Matcher redirect = Pattern.compile("redirect_uri=([^&]+)").matcher(authorize);
            assertTrue(redirect.find());
            String callback = java.net.URLDecoder.decode(redirect.group(1), java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(callback
                    + "?code=forged&state=wrong")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, forged.statusCode());
        }
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("You may close this window"), page.body());
        int code = exit.get(30, TimeUnit.SECONDS);
        return new Result(code, watcher.text.toString(), err.toString());
    }

    private void expireStoredAccessToken() {
        TokenFile file = new TokenFile(tokenFile);
        TokenFile.Login stored = file.read();
        file.write(stored.with(OAuthTokens.of(stored.tokens().accessToken(), Instant.now().minusSeconds(1),
                stored.tokens().refreshToken(), null)));
    }

    private Result command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--token-file", tokenFile.toString(), "--base-url", simulator.baseUrl()));
        return run(all.toArray(String[]::new));
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WxcConference.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** Standard output of the login: keeps the text and hands over the authorize URL as soon as it is printed. */
    private static final class UrlWatcher extends Writer {
        final StringBuffer text = new StringBuffer();
        final CompletableFuture<String> url = new CompletableFuture<>();

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
            Matcher matcher = AUTHORIZE_URL.matcher(text);
            if (matcher.find()) {
                url.complete(matcher.group(1));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
