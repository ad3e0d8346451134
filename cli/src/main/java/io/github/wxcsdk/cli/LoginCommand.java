package io.github.wxcsdk.cli;

import io.github.wxcsdk.auth.OAuthAuthorizationCodeFlow;
import io.github.wxcsdk.auth.OAuthTokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code wxc-conference login}: the OAuth authorization-code flow of a Webex Integration. Prints the authorize URL,
 * waits on the loopback redirect URI for the browser to come back with a code, trades it for tokens and stores them
 * in the token file, where later commands find them and refresh them.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in through a Webex Integration (OAuth authorization code) and store its tokens in the token"
                + " file (see --token-file), readable by you only; later commands use and refresh them.",
                "Register http://127.0.0.1:PORT/callback as a redirect URI of the Integration first."})
final class LoginCommand implements Callable<Integer> {
    static final String DEFAULT_SCOPE = "spark:calls_read spark:calls_write";
    /** The inherited options that {@code login} does not use, taken off its command line and help. */
    private static final List<String> IGNORED = List.of("--token", "--line-owner", "--member", "--org");
    private static final Duration EXCHANGE_TIME = Duration.ofMinutes(1);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @ParentCommand
    WxcConference parent;

    @Option(names = "--client-id", defaultValue = "${env:WEBEX_CLIENT_ID}",
            description = "The Integration's client id (default: the WEBEX_CLIENT_ID environment variable).")
    String clientId;

    @Option(names = "--client-secret", defaultValue = "${env:WEBEX_CLIENT_SECRET}",
            description = {"The Integration's client secret (default: the WEBEX_CLIENT_SECRET environment variable).",
                    "Prefer the variable: a command line is visible to other users of this machine."})
    String clientSecret;

    @Option(names = "--scope", defaultValue = DEFAULT_SCOPE,
            description = "Scopes to ask for, separated by spaces (default: ${DEFAULT-VALUE}).")
    String scope;

    @Option(names = "--port", defaultValue = "8765",
            description = "Port of the redirect URI http://127.0.0.1:PORT/callback (default: ${DEFAULT-VALUE}; 0 picks"
                    + " a free port, which the Integration must then accept).")
    int port;

    @Option(names = "--timeout", defaultValue = "300",
            description = "Seconds to wait for the browser (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    /**
     * Takes the inherited options that login does not use off its command line, so that {@code login --help} lists
     * only its own (and giving one is a usage error, not silently ignored).
     *
     * @param login the login subcommand
     */
    static void removeIgnoredOptions(CommandLine login) {
        CommandLine.Model.CommandSpec spec = login.getCommandSpec();
        for (String name : IGNORED) {
            spec.remove(spec.findOption(name));
        }
    }

    @Override
    public Integer call() {
        String id = required(clientId, "--client-id or WEBEX_CLIENT_ID");
        String secret = required(clientSecret, "--client-secret or WEBEX_CLIENT_SECRET");
        TokenFile file = new TokenFile(parent.tokenFilePath());
        String tokenEndpoint = parent.apiRoot() + "/access_token";
        PrintWriter out = spec.commandLine().getOut();
        String state = newState();
        try (LoopbackRedirect redirect = LoopbackRedirect.listen(port, state)) {
            OAuthAuthorizationCodeFlow flow = OAuthAuthorizationCodeFlow.builder().clientId(id).clientSecret(secret)
                    .redirectUri(redirect.redirectUri()).scope(scope)
                    .authorizeEndpoint(parent.apiRoot() + "/authorize").tokenEndpoint(tokenEndpoint).build();
            out.println("Open this URL in a browser, sign in and accept:");
            out.println(flow.authorizeUri(state));
            out.println("Waiting for the redirect to " + redirect.redirectUri() + " ...");
            out.flush();
            String code = redirect.awaitCode(Duration.ofSeconds(timeoutSeconds));
            OAuthTokens tokens = flow.exchange(code, EXCHANGE_TIME);
            file.write(new TokenFile.Login(id, secret, tokenEndpoint, tokens));
            out.println("Logged in. Tokens stored in " + file.path() + " (readable by you only). The access token is"
                    + " valid until " + tokens.accessTokenExpiresAt() + "; commands refresh it from the file.");
            out.flush();
        }
        return 0;
    }

    private String required(String value, String source) {
        if (value == null || value.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing " + source + ".");
        }
        return value.strip();
    }

    /** An unguessable state: 192 random bits, URL-safe. */
    private static String newState() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
