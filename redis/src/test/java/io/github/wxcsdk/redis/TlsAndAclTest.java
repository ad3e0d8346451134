package io.github.wxcsdk.redis;

import io.github.wxcsdk.ClientCoordination.SharedThrottle;
import io.github.wxcsdk.ClientCoordination.ThrottleUpdate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rediss://} with an ACL user that has only what the coordination needs (the rules the README recommends),
 * against a real redis-server with TLS on; the JVM trusts its self-signed certificate through
 * {@code javax.net.ssl.trustStore}, as a deployment would with its own CA.
 */
class TlsAndAclTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.withTlsAndAclUser("wxc", "pw-of-the-acl-user");

    private static final String ID = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    @BeforeAll
    static void trustTheServer() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(REDIS.certificate())) {
            trust.setCertificateEntry("redis", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        Path store = REDIS.certificate().resolveSibling("trust.p12");
        try (OutputStream out = Files.newOutputStream(store)) {
            trust.store(out, "changeit".toCharArray());
        }
        // read when the first TLS connection is made: no other test of this JVM uses TLS
        System.setProperty("javax.net.ssl.trustStore", store.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    @Test
    void tlsWithTheAclUserRunsEveryScript() throws Exception {
        try (RedisCoordination redis = RedisCoordination.connect("rediss://wxc:pw-of-the-acl-user@127.0.0.1:"
                + REDIS.tlsPort())) {
            SharedThrottle shared = get(redis.exchangeThrottle(ID, "r", new ThrottleUpdate(5, false, Duration.ZERO)));
            assertEquals(1, shared.version());
            assertTrue(get(redis.tryRefreshLease(ID, "h", Duration.ofSeconds(5))));
            assertTrue(get(redis.publishTokenSet(ID, "h", "v1.value")));
            assertEquals("v1.value", get(redis.readTokenSet(ID)).orElseThrow());
            get(redis.releaseRefreshLease(ID, "h"));
        }
    }

    @Test
    void aWrongPasswordOrPlainTextToTheTlsPortFailsTheOperationNotTheCaller() {
        try (RedisCoordination wrong = RedisCoordination.connect("rediss://wxc:wrong@127.0.0.1:" + REDIS.tlsPort());
             RedisCoordination plain = RedisCoordination.connect("redis://wxc:pw-of-the-acl-user@127.0.0.1:"
                     + REDIS.tlsPort())) {
            assertThrows(ExecutionException.class, () -> get(wrong.readTokenSet(ID)));
            assertThrows(ExecutionException.class, () -> get(plain.readTokenSet(ID)));
            assertFalse(wrong.toString().contains("wrong"));
        }
    }

    private static <T> T get(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
