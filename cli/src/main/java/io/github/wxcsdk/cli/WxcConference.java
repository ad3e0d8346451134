package io.github.wxcsdk.cli;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.auth.OAuthTokenProvider;
import io.github.wxcsdk.auth.TokenProvider;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.telephony.conference.ConferenceOperationsApi;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code wxc-conference}: Webex Calling conference controls from a shell, built on the wxc-sdk-java façade, plus
 * {@code demo}, which runs a whole conference on the embedded Webex simulator.
 *
 * <p>Exit codes: 0 success, 1 Webex answered with an error, 2 invalid usage or arguments, 3 no usable answer.
 */
@Command(name = "wxc-conference", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Webex Calling conference controls for the calls of the token's user, or with --member of a"
                + " member of the org.",
        subcommands = {Demo.class, LoginCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 Webex error, 2 invalid usage, 3 no usable answer (network, timeout)."})
public final class WxcConference {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--token", scope = ScopeType.INHERIT, defaultValue = "${env:WEBEX_ACCESS_TOKEN}",
            description = {"Webex access token (default: the WEBEX_ACCESS_TOKEN environment variable).",
                    "Warning: a command line is visible to other users of this machine (ps, /proc); prefer the"
                            + " environment variable or 'login' and --token-file."})
    String token;

    @Option(names = "--token-file", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = {"The token file that 'login' writes and commands read and refresh (default: "
                    + TokenFile.DEFAULT_LOCATION + "). Commands use it when given, or when no --token or"
                    + " WEBEX_ACCESS_TOKEN is set and the default file exists."})
    Path tokenFile;

    @Option(names = "--base-url", scope = ScopeType.INHERIT, defaultValue = WebexSimpleApi.DEFAULT_BASE_URL,
            description = "API root (default: ${DEFAULT-VALUE}).")
    String baseUrl;

    @Option(names = "--line-owner", scope = ScopeType.INHERIT,
            description = "Act on the secondary line of this user, workspace or virtual line.")
    String lineOwner;

    @Option(names = "--member", scope = ScopeType.INHERIT,
            description = "Act on this member (person, workspace or virtual line) of the token's org: needs an admin"
                    + " or Service App token with spark-admin:calls_read / spark-admin:calls_write.")
    String member;

    @Option(names = "--org", scope = ScopeType.INHERIT,
            description = "With --member: the member's org, when it is not the token's (an org the token manages).")
    String org;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log every HTTP attempt (method, path, status, time, tracking id) to stderr.")
    boolean verbose;

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command line with the given streams.
     *
     * @param out  where results go
     * @param err  where errors go
     * @param args the command line
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new WxcConference());
        Demo.removeIgnoredOptions(commandLine.getSubcommands().get("demo"));
        LoginCommand.removeIgnoredOptions(commandLine.getSubcommands().get("login"));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureReporter());
        commandLine.setExecutionStrategy(parsed -> {
            if (verbose(parsed)) {
                System.setProperty("org.slf4j.simpleLogger.log.io.github.wxcsdk", "debug");
                System.setProperty("org.slf4j.simpleLogger.log.io.github.wxcsdk.auth.OAuthTokenProvider", "debug");
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return commandLine.execute(args);
    }

    /** An inherited option may match on any level of the command line. */
    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Join two or more of the user's calls into a conference.")
    int start(@Parameters(arity = "2..*", paramLabel = "CALL_ID", description = "ids of the calls to join")
              List<String> callIds) {
        List<String> ids = new ArrayList<>(callIds);
        views().startConference(ids);
        return done("Conference started with " + callIds.size() + " calls.");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a call to the conference.")
    int add(@Parameters(paramLabel = "CALL_ID", description = "id of the call to add") String callId) {
        views().addParticipant(callId);
        return done("Added " + callId + ".");
    }

    @Command(name = "mute", mixinStandardHelpOptions = true,
            description = "Mute a participant, or the host when no CALL_ID is given.")
    int mute(@Parameters(arity = "0..1", paramLabel = "CALL_ID", description = "the participant's call id")
             String callId) {
        if (callId == null) {
            views().mute();
            return done("Host muted.");
        }
        views().mute(callId);
        return done("Muted " + callId + ".");
    }

    @Command(name = "unmute", mixinStandardHelpOptions = true,
            description = "Unmute a participant, or the host when no CALL_ID is given.")
    int unmute(@Parameters(arity = "0..1", paramLabel = "CALL_ID", description = "the participant's call id")
               String callId) {
        if (callId == null) {
            views().unmute();
            return done("Host unmuted.");
        }
        views().unmute(callId);
        return done("Unmuted " + callId + ".");
    }

    @Command(name = "deafen", mixinStandardHelpOptions = true,
            description = "Stop sending the conference's media to a participant.")
    int deafen(@Parameters(paramLabel = "CALL_ID", description = "the participant's call id") String callId) {
        views().deafenParticipant(callId);
        return done("Deafened " + callId + ".");
    }

    @Command(name = "undeafen", mixinStandardHelpOptions = true,
            description = "Send the conference's media to a participant again.")
    int undeafen(@Parameters(paramLabel = "CALL_ID", description = "the participant's call id") String callId) {
        views().undeafenParticipant(callId);
        return done("Undeafened " + callId + ".");
    }

    @Command(name = "hold", mixinStandardHelpOptions = true, description = "Hold the conference host.")
    int hold() {
        views().hold();
        return done("Conference held.");
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume the held conference host.")
    int resume() {
        views().resume();
        return done("Conference resumed.");
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Release the conference: the host and all participants.")
    int release() {
        views().releaseConference();
        return done("Conference released.");
    }

    @Command(name = "details", mixinStandardHelpOptions = true, description = "Show the conference.")
    int details(@Option(names = "--json", description = "print JSON in Webex's field names") boolean json) {
        Optional<ConferenceDetails> details =
                views().getConferenceDetails();
        spec.commandLine().getOut().print(json ? ConferenceJson.render(details) : ConferenceTable.render(details));
        spec.commandLine().getOut().flush();
        return 0;
    }

    @Command(name = "barge-in", mixinStandardHelpOptions = true,
            description = "Supervisor: join the supervised call as a full participant, heard by everyone.")
    int bargeIn() {
        views().bargeIn();
        return done("Barged in.");
    }

    @Command(name = "silent-monitor", mixinStandardHelpOptions = true,
            description = "Supervisor: listen to the supervised call, heard by nobody.")
    int silentMonitor() {
        views().silentMonitor();
        return done("Monitoring silently.");
    }

    @Command(name = "coach", mixinStandardHelpOptions = true,
            description = "Supervisor: talk to the agent only; the customer does not hear it.")
    int coach() {
        views().supervisorCoach();
        return done("Coaching.");
    }

    /** @return the user's conference, or with {@code --member} that member's: every command runs on either */
    private ConferenceOperationsApi views() {
        ConferenceControlsApi conference = conference();
        if (member != null) {
            return org == null ? conference.forMember(member) : conference.forMember(member, org);
        }
        return lineOwner == null ? conference : conference.forLineOwner(lineOwner);
    }

    /**
     * @return the user's conference controls for the global options; no token, {@code --org} without
     *         {@code --member} and {@code --line-owner} with {@code --member} are usage errors
     */
    private ConferenceControlsApi conference() {
        if (org != null && member == null) {
            throw usage("--org needs --member: it names the member's org.");
        }
        if (member != null && lineOwner != null) {
            throw usage("--line-owner and --member do not go together: a member's conference has no line owner.");
        }
        return WebexSimpleApi.builder().tokenProvider(tokens()).baseUrl(baseUrl).build().telephony().conference();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * An explicit {@code --token-file} first, then {@code --token} or {@code WEBEX_ACCESS_TOKEN}, then the default
     * token file when it exists.
     */
    private TokenProvider tokens() {
        if (tokenFile == null && token != null && !token.isBlank()) {
            return TokenProvider.of(token);
        }
        Path path = tokenFilePath();
        if (tokenFile != null || Files.exists(path)) {
            return fromTokenFile(new TokenFile(path));
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "No access token: pass --token, set"
                + " WEBEX_ACCESS_TOKEN, or run 'wxc-conference login' (token file " + path + ").");
    }

    /** The stored login's tokens, refreshed when due; every refreshed set is written back to the file at once. */
    private TokenProvider fromTokenFile(TokenFile file) {
        TokenFile.Login login = file.read();
        PrintWriter err = spec.commandLine().getErr();
        return OAuthTokenProvider.builder().clientId(login.clientId()).clientSecret(login.clientSecret())
                .tokenEndpoint(login.tokenEndpoint()).tokens(login.tokens())
                .onRefresh(newer -> {
                    try {
                        file.write(login.with(newer));
                    } catch (UncheckedIOException e) {
                        err.println("Warning: the refreshed tokens could not be stored (" + e.getMessage() + "); run"
                                + " 'wxc-conference login' again if the next command fails.");
                        err.flush();
                    }
                }).build();
    }

    /** @return {@code --token-file}, or the default location */
    Path tokenFilePath() {
        return tokenFile != null ? tokenFile : TokenFile.defaultPath(System::getenv, System.getProperty("user.home"));
    }

    /** @return {@code --base-url} without a trailing slash: the root of {@code /authorize} and {@code /access_token} */
    String apiRoot() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private int done(String message) {
        spec.commandLine().getOut().println(message);
        return 0;
    }
}
