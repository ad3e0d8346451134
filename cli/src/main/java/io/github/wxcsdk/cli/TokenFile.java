package io.github.wxcsdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wxcsdk.auth.OAuthTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The file where {@code wxc-conference login} keeps an Integration's tokens, and later commands find and refresh
 * them: JSON with {@code client_id}, {@code client_secret}, {@code token_endpoint}, {@code access_token},
 * {@code access_token_expires_at}, {@code refresh_token}, {@code refresh_token_expires_at}.
 *
 * <p>Readable by its owner only (POSIX {@code 600}, its directory {@code 700}, where the file system supports POSIX
 * permissions), since it holds the client secret and the refresh token. Written atomically: a temporary file in the
 * same directory, created owner-only, written and forced to disk, then moved over the old file with
 * {@code ATOMIC_MOVE}, so a crash or a failed write leaves either the old file or the new one, never a torn file and
 * never a lost refresh token.
 */
final class TokenFile {
    /** Where the tokens go unless {@code --token-file} says otherwise. */
    static final String DEFAULT_LOCATION = "$XDG_CONFIG_HOME/wxc-conference/tokens.json (default"
            + " ~/.config/wxc-conference/tokens.json)";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path path;
    private final Mover mover;
    private final ObjectMapper json = new ObjectMapper();

    TokenFile(Path path) {
        this(path, (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING));
    }

    /** For tests: {@code mover} replaces the final atomic move. */
    TokenFile(Path path, Mover mover) {
        this.path = path.toAbsolutePath();
        this.mover = mover;
    }

    /**
     * @param environment where {@code XDG_CONFIG_HOME} is read from
     * @param home        the user's home directory
     * @return {@code $XDG_CONFIG_HOME/wxc-conference/tokens.json}, or {@code ~/.config/wxc-conference/tokens.json}
     */
    static Path defaultPath(Function<String, String> environment, String home) {
        String config = environment.apply("XDG_CONFIG_HOME");
        Path base = config == null || config.isBlank() ? Path.of(home, ".config") : Path.of(config);
        return base.resolve("wxc-conference").resolve("tokens.json");
    }

    Path path() {
        return path;
    }

    /**
     * Reads the stored login. Every failure is a usage error (exit 2) whose message says what to do: the file is
     * missing, cannot be read, is not a token file, or can be read by other users (POSIX), which is refused since it
     * holds the client secret and the refresh token.
     *
     * @return the stored login
     * @throws CliFailure when the file is missing, unreadable, not a complete token file or readable by others
     */
    Login read() {
        if (!Files.exists(path)) {
            throw new CliFailure("No token file at " + path + ": run 'wxc-conference login' first (or pass --token,"
                    + " or set WEBEX_ACCESS_TOKEN).", FailureReporter.USAGE);
        }
        refuseIfOthersCanRead();
        JsonNode node;
        try {
            node = json.readTree(path.toFile());
        } catch (IOException e) {
            // a parse failure's message may quote a secret: name its kind only
            throw new CliFailure("Could not read the token file " + path + " (" + e.getClass().getSimpleName()
                    + "): check that it is yours and readable, or run 'wxc-conference login' again to replace it.",
                    FailureReporter.USAGE);
        }
        try {
            OAuthTokens tokens = OAuthTokens.of(node.path("access_token").asText(),
                    Instant.parse(node.path("access_token_expires_at").asText()), node.path("refresh_token").asText(),
                    node.hasNonNull("refresh_token_expires_at")
                            ? Instant.parse(node.get("refresh_token_expires_at").asText()) : null);
            return new Login(node.path("client_id").asText(), node.path("client_secret").asText(),
                    node.path("token_endpoint").asText(), tokens);
        } catch (RuntimeException e) {
            // the message of a parse failure may quote a secret: name the file and the problem's kind only
            throw new CliFailure("The token file " + path + " is not a complete wxc-conference token file ("
                    + e.getClass().getSimpleName() + "); run 'wxc-conference login' again to replace it.",
                    FailureReporter.USAGE);
        }
    }

    /**
     * A token file that other users can read has leaked its secrets already or may at any time: refused, as
     * {@code ssh} refuses such a key, with the command that fixes it. Only where the file system has POSIX
     * permissions.
     */
    private void refuseIfOthersCanRead() {
        if (!POSIX) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(path);
        } catch (IOException e) {
            return;
        }
        Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        others.retainAll(permissions);
        if (!others.isEmpty()) {
            throw new CliFailure("The token file " + path + " can be read or written by other users (permissions "
                    + PosixFilePermissions.toString(permissions) + "); it holds a client secret and a refresh token."
                    + " Restrict it with: chmod 600 " + path + " (and consider the refresh token leaked: run"
                    + " 'wxc-conference login' again).", FailureReporter.USAGE);
        }
    }

    /**
     * Replaces the file's content with {@code login}, atomically, owner-only.
     *
     * @throws UncheckedIOException when it cannot be written; the old file is then unchanged
     */
    void write(Login login) {
        ObjectNode node = json.createObjectNode();
        node.put("client_id", login.clientId());
        node.put("client_secret", login.clientSecret());
        node.put("token_endpoint", login.tokenEndpoint());
        node.put("access_token", login.tokens().accessToken());
        node.put("access_token_expires_at", login.tokens().accessTokenExpiresAt().toString());
        node.put("refresh_token", login.tokens().refreshToken());
        login.tokens().refreshTokenExpiresAt().ifPresent(at -> node.put("refresh_token_expires_at", at.toString()));
        try {
            writeAtomically(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the token file " + path + ": " + e, e);
        }
    }

    private void writeAtomically(byte[] content) throws IOException {
        Path directory = path.getParent();
        if (POSIX) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
        Path temporary = POSIX
                ? Files.createTempFile(directory, "." + path.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : ownerOnly(Files.createTempFile(directory, "." + path.getFileName(), ".tmp"));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            mover.move(temporary, path);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        forceDirectory(directory);
    }

    /**
     * Best effort where POSIX permissions are missing (Windows): readable and writable by the owner only, as far as
     * {@link java.io.File} can say it; a file system that cannot do it leaves the file as its directory's rules say.
     */
    private static Path ownerOnly(Path file) {
        var asFile = file.toFile();
        asFile.setReadable(false, false);
        asFile.setReadable(true, true);
        asFile.setWritable(false, false);
        asFile.setWritable(true, true);
        return file;
    }

    /** Makes the rename durable; not every platform can open a directory, and then the move is all we have. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the file itself is complete and in place; only its durability across a power loss is less certain
        }
    }

    /** The final step of a write: moves the complete temporary file over the token file. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    /**
     * One stored login.
     *
     * @param clientId      the Integration's client id
     * @param clientSecret  its client secret
     * @param tokenEndpoint where the tokens are refreshed
     * @param tokens        the tokens
     */
    record Login(String clientId, String clientSecret, String tokenEndpoint, OAuthTokens tokens) {
        /** @return this login with newer tokens */
        Login with(OAuthTokens newer) {
            return new Login(clientId, clientSecret, tokenEndpoint, newer);
        }

        /** @return everything but the client secret; the tokens show their expiries only */
        @Override
        public String toString() {
            return "Login(clientId=" + clientId + ", clientSecret=[REDACTED], tokenEndpoint=" + tokenEndpoint + ", "
                    + tokens + ")";
        }
    }
}
