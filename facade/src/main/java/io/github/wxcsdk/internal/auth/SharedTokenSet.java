package io.github.wxcsdk.internal.auth;

import io.github.wxcsdk.auth.OAuthTokens;
import io.github.wxcsdk.ClientCoordination;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The token set of one {@link OAuthTokenProvider} as the replicas share it through a {@link ClientCoordination}: its
 * identity, the encryption of its value, and bounded access to the lease and the newest set.
 *
 * <ul>
 *   <li>Identity: {@code SHA-256("wxc-sdk-java token set v1\n" + client id + "\n" + the refresh token the provider was
 *       built with)} in hex. Replicas built with the same client and the same first refresh token share one set; a
 *       replica restarted with that first refresh token finds the newest set under the same identity.</li>
 *   <li>Value: {@code v1.} + Base64 of a random 12-byte nonce and the AES-256-GCM ciphertext of the set (access token,
 *       its expiry, refresh token, its expiry), with the identity as associated data. The key is
 *       {@code SHA-256("wxc-sdk-java token set key v1\n" + client id + "\n" + client secret)}: the store never sees
 *       it, so reading Redis alone gives no token.</li>
 * </ul>
 *
 * Every operation answers a future that completes when the coordination answers (within its bounded time); a failed
 * one means "unavailable", and the provider then works alone. Thread-safe; values and tokens are never logged.
 */
public final class SharedTokenSet {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final ClientCoordination coordination;
    private final String identity;
    private final SecretKeySpec key;
    private final String holder = UUID.randomUUID().toString();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param coordination      where the replicas share the set
     * @param clientId          the client id: with the first refresh token, it names the set
     * @param clientSecret      the client secret: the key is derived from it, so only the same client reads the set
     * @param firstRefreshToken the refresh token this provider was built with
     */
    public SharedTokenSet(ClientCoordination coordination, String clientId, String clientSecret,
                          String firstRefreshToken) {
        this.coordination = coordination;
        this.identity = HexFormat.of().formatHex(sha256("wxc-sdk-java token set v1\n" + clientId + "\n"
                + firstRefreshToken));
        this.key = new SecretKeySpec(sha256("wxc-sdk-java token set key v1\n" + clientId + "\n" + clientSecret),
                "AES");
    }

    /** @return the newest shared set, empty when none (or one this client cannot decrypt) is stored */
    public CompletableFuture<Optional<OAuthTokens>> read() {
        return stage(() -> coordination.readTokenSet(identity))
                .thenApply(value -> value == null ? Optional.<OAuthTokens>empty() : value.flatMap(this::decrypt));
    }

    /** @return whether this provider has the refresh lease now */
    public CompletableFuture<Boolean> tryLease(Duration lease) {
        return stage(() -> coordination.tryRefreshLease(identity, holder, lease)).thenApply(Boolean.TRUE::equals);
    }

    /** Ends the lease; a failure is ignored (the lease then expires). */
    public void release() {
        stage(() -> coordination.releaseRefreshLease(identity, holder));
    }

    /** @return whether the set was stored */
    public CompletableFuture<Boolean> publish(OAuthTokens tokens) {
        String value = encrypt(tokens);
        return stage(() -> coordination.publishTokenSet(identity, holder, value)).thenApply(Boolean.TRUE::equals);
    }

    /** An implementation that throws instead of failing its stage still never fails the provider. */
    private static <T> CompletableFuture<T> stage(Supplier<CompletionStage<T>> operation) {
        try {
            return operation.get().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** @return the identity, for tests */
    public String identity() {
        return identity;
    }

    private String encrypt(OAuthTokens tokens) {
        String plain = tokens.accessToken() + "\n" + tokens.accessTokenExpiresAt().toEpochMilli() + "\n"
                + tokens.refreshToken() + "\n"
                + tokens.refreshTokenExpiresAt().map(at -> Long.toString(at.toEpochMilli())).orElse("");
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(identity.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return "v1." + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM: " + e.getClass().getSimpleName());
        }
    }

    private Optional<OAuthTokens> decrypt(String value) {
        if (value == null || !value.startsWith("v1.")) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(value.substring(3));
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(identity.getBytes(StandardCharsets.UTF_8));
            String[] parts = new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES),
                    StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            return Optional.of(OAuthTokens.of(parts[0], Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2],
                    parts[3].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[3]))));
        } catch (GeneralSecurityException | RuntimeException e) {
            // another client secret, or a damaged value: as if none were stored (never logged: it holds tokens)
            return Optional.empty();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
