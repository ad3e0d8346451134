package io.github.wxcsdk.testing;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made at test time with the JDK's own
 * {@code keytool} (run as a process): the JDK has no public API to create a certificate, and {@code keytool} ships
 * with every JDK, so no test dependency (such as BouncyCastle) is needed. Made once per test JVM, in a temporary
 * directory, valid for two days.
 */
public final class TestCertificate {
    private static final char[] PASSWORD = "test-only".toCharArray();
    private static TestCertificate made;

    private final KeyStore keys;
    private final Certificate certificate;

    private TestCertificate(KeyStore keys, Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** @return the certificate of this test JVM, made at the first call */
    public static synchronized TestCertificate localhost() {
        if (made == null) {
            made = make();
        }
        return made;
    }

    /** @return a server context that presents the certificate */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a client context that trusts the certificate (and nothing else) */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("test", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestCertificate make() {
        try {
            Path directory = Files.createTempDirectory("wxc-test-tls");
            Path store = directory.resolve("localhost.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "localhost",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                    store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            Files.delete(store);
            Files.delete(directory);
            return new TestCertificate(keys, keys.getCertificate("localhost"));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
