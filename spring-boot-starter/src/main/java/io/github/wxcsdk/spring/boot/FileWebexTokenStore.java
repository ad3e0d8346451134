package io.github.wxcsdk.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wxcsdk.auth.OAuthTokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in {@link WebexTokenStore} ({@code webex.token-store.file}): one JSON file, for a single instance. Several
 * replicas must not share it; give them a store of their own that they share (a database, a vault).
 *
 * <p>Owner-only: the file is created {@code rw-------} and a directory it creates {@code rwx------} (where the file
 * system has POSIX permissions), since it holds a refresh token. Atomic: each save writes a new owner-only temporary
 * file in the same directory, forces it to disk and moves it over the old one ({@code ATOMIC_MOVE}), so a crash leaves
 * the old set or the new one, never a torn file. A file that others can read is refused at {@link #load()}.
 *
 * <p>Thread-safe. Messages name the file, never a token.
 */
public final class FileWebexTokenStore implements WebexTokenStore {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * A store in {@code file}; nothing is read or written yet.
     *
     * @param file the JSON file; its directory is created on the first save when missing
     * @throws NullPointerException when {@code file} is {@code null}
     */
    public FileWebexTokenStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /**
     * Reads the file.
     *
     * @return its token set, or empty when the file does not exist
     * @throws UncheckedIOException  when it cannot be read
     * @throws IllegalStateException when others may read it, or it is not a token file of this store
     */
    @Override
    public synchronized Optional<WebexStoredTokens> load() {
        JsonNode node;
        try {
            if (POSIX && !Files.notExists(file)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_FILE.containsAll(permissions)) {
                    throw new IllegalStateException("The token file " + file + " may be read or written by others ("
                            + PosixFilePermissions.toString(permissions) + "); make it owner-only (chmod 600) or delete"
                            + " it");
                }
            }
            node = json.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the token file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
        try {
            OAuthTokens tokens = OAuthTokens.of(node.path("access_token").asText(),
                    Instant.parse(node.path("access_token_expires_at").asText()), node.path("refresh_token").asText(),
                    node.hasNonNull("refresh_token_expires_at")
                            ? Instant.parse(node.get("refresh_token_expires_at").asText()) : null);
            return Optional.of(new WebexStoredTokens(tokens, node.path("origin_sha256").asText(),
                    Instant.parse(node.path("stored_at").asText())));
        } catch (RuntimeException e) {
            // a parse failure's message may quote a token: name the file and the kind of problem only
            throw new IllegalStateException("The token file " + file + " is not a complete token file ("
                    + e.getClass().getSimpleName() + "); delete it to start from webex.oauth.refresh-token");
        }
    }

    /**
     * Replaces the file's content with {@code tokens}, atomically, owner-only.
     *
     * @param tokens the new set
     * @throws UncheckedIOException when it cannot be written; the old file is then unchanged
     */
    @Override
    public synchronized void save(WebexStoredTokens tokens) {
        ObjectNode node = json.createObjectNode()
                .put("access_token", tokens.tokens().accessToken())
                .put("access_token_expires_at", tokens.tokens().accessTokenExpiresAt().toString())
                .put("refresh_token", tokens.tokens().refreshToken());
        tokens.tokens().refreshTokenExpiresAt().ifPresent(at -> node.put("refresh_token_expires_at", at.toString()));
        node.put("origin_sha256", tokens.origin()).put("stored_at", tokens.storedAt().toString());
        try {
            replace(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the token file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private void replace(byte[] content) throws IOException {
        Path directory = file.getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly(OWNER_DIRECTORY));
        }
        Path temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp", ownerOnly(OWNER_FILE));
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                out.write(content);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
        syncDirectory(directory);
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    /** Makes the move durable where a directory can be opened; elsewhere the complete file in place is all we have. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open a directory: the file itself is complete and in place
        }
    }

    /** @return the file; never a token */
    @Override
    public String toString() {
        return "FileWebexTokenStore(" + file + ")";
    }
}
