package io.github.wxcsdk.cli;

import io.github.wxcsdk.auth.OAuthTokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The token file: owner-only, atomic (a failed or interrupted write leaves the old file intact), round trip. */
class TokenFileTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path directory;

    private static TokenFile.Login login(int n) {
        return new TokenFile.Login("client", "secret", "https://webexapis.com/v1/access_token",
                OAuthTokens.of("access-" + n, AT.plusSeconds(n), "refresh-" + n, AT.plusSeconds(90 * n)));
    }

    @Test
    void aWrittenLoginReadsBackTheSame() {
        TokenFile file = new TokenFile(directory.resolve("tokens.json"));
        file.write(login(1));
        assertEquals(login(1), file.read());
        file.write(login(2));
        assertEquals(login(2), file.read());
        assertEquals(List.of(directory.resolve("tokens.json")), files(), "no temporary file is left behind");
    }

    @Test
    void theFileAndTheDirectoryItCreatesAreTheOwnersOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path path = directory.resolve("config").resolve("wxc-conference").resolve("tokens.json");
        new TokenFile(path).write(login(1));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())));
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path path = directory.resolve("tokens.json");
        new TokenFile(path).write(login(1));
        String before = Files.readString(path);

        TokenFile failing = new TokenFile(path, (from, to) -> {
            throw new IOException("disk full");
        });
        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> failing.write(login(2)));

        assertTrue(failure.getMessage().contains("disk full"), failure.getMessage());
        assertFalse(failure.getMessage().contains("refresh-2"), failure.getMessage());
        assertEquals(before, Files.readString(path));
        assertEquals(List.of(path), files());
    }

    @Test
    void aCrashBeforeTheMoveLeavesTheOldFileAndACompleteOwnerOnlyCopyOfTheNewOne() throws IOException {
        Path path = directory.resolve("tokens.json");
        new TokenFile(path).write(login(1));
        String before = Files.readString(path);

        new TokenFile(path, (from, to) -> { }).write(login(2));

        assertEquals(before, Files.readString(path), "the process 'died' before the move");
        Path leftOver = files().stream().filter(file -> !file.equals(path)).findFirst().orElseThrow();
        assertEquals(login(2), new TokenFile(leftOver).read(), "the temporary file was complete and on disk");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(leftOver)));
        }
    }

    @Test
    void anIncompleteOrCorruptFileIsAUsageErrorThatShowsNoContent() throws IOException {
        Path path = directory.resolve("tokens.json");
        for (String content : List.of("{\"client_id\":\"c\",\"refresh_token\":\"refresh-canary\"}",
                "{\"refresh_token\":\"refresh-canary\"")) {
            Files.writeString(path, content);
            ownerOnly(path);
            CliFailure failure = assertThrows(CliFailure.class, () -> new TokenFile(path).read());
            assertEquals(FailureReporter.USAGE, failure.exitCode());
            assertTrue(failure.getMessage().contains("run 'wxc-conference login' again to replace it"),
                    failure.getMessage());
            assertFalse(failure.getMessage().contains("canary"), failure.getMessage());
        }
    }

    @Test
    void aMissingFileIsAUsageErrorThatSaysToLogIn() {
        Path path = directory.resolve("none.json");
        CliFailure failure = assertThrows(CliFailure.class, () -> new TokenFile(path).read());
        assertEquals(FailureReporter.USAGE, failure.exitCode());
        assertEquals("No token file at " + path.toAbsolutePath() + ": run 'wxc-conference login' first (or pass"
                + " --token, or set WEBEX_ACCESS_TOKEN).", failure.getMessage());
    }

    @Test
    void aFileOthersCanReadIsRefusedWithTheCommandThatFixesIt() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path path = directory.resolve("tokens.json");
        new TokenFile(path).write(login(1));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        CliFailure failure = assertThrows(CliFailure.class, () -> new TokenFile(path).read());
        assertEquals(FailureReporter.USAGE, failure.exitCode());
        assertTrue(failure.getMessage().contains("can be read or written by other users (permissions rw-r--r--)")
                && failure.getMessage().contains("chmod 600 " + path.toAbsolutePath()), failure.getMessage());
        assertFalse(failure.getMessage().contains("refresh-1") || failure.getMessage().contains("secret\""));

        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        assertEquals(login(1), new TokenFile(path).read());
    }

    private static void ownerOnly(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void theDefaultLocationFollowsXdgConfigHome() {
        assertEquals(Path.of("/x/wxc-conference/tokens.json"),
                TokenFile.defaultPath(Map.of("XDG_CONFIG_HOME", "/x")::get, "/home/u"));
        assertEquals(Path.of("/home/u/.config/wxc-conference/tokens.json"),
                TokenFile.defaultPath(name -> null, "/home/u"));
    }

    @Test
    void toStringShowsNoSecret() {
        String text = login(1).toString();
        assertFalse(text.contains("secret,") || text.contains("=secret") || text.contains("access-1")
                || text.contains("refresh-1"), text);
    }

    private List<Path> files() {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
