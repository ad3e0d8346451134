package io.github.wxcsdk.auth;

import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;
import io.github.wxcsdk.testing.TestCertificate;
import io.github.wxcsdk.testing.TestProxy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token endpoint through a proxy (a CONNECT tunnel for https, forwarding for plain http) and over TLS with a
 * certificate made at test time. Real sockets on loopback; nothing waits longer than an answer takes.
 */
class OAuthNetworkTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOKENS = "{\"access_token\":\"access-1\",\"expires_in\":3600,\"refresh_token\":"
            + "\"refresh-1\"}";

    private static OAuthTokenProvider.Builder provider(String tokenEndpoint) {
        return OAuthTokenProvider.builder().clientId("client-id").clientSecret("client-secret")
                .refreshToken("refresh-0").tokenEndpoint(tokenEndpoint);
    }

    private static Authenticator credentials(String user, String password) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password.toCharArray());
            }
        };
    }

    @Test
    void httpsThroughAConnectProxyThatAsksForCredentials() {
        TestCertificate certificate = TestCertificate.localhost();
        try (StubServer server = StubServer.startHttps(certificate);
             TestProxy proxy = TestProxy.start("proxy-user", "proxy-password")) {
            server.enqueue(StubServer.Answer.json(TOKENS));
            OAuthTokenProvider tokens = provider(server.baseUrl() + "/access_token").proxy(proxy.selector())
                    .sslContext(certificate.clientContext())
                    .proxyAuthenticator(credentials("proxy-user", "proxy-password")).build();

            assertEquals("access-1", tokens.accessToken(WAIT));
            assertEquals(List.of("CONNECT localhost:" + server.port()), proxy.requests().stream().distinct().toList());
            assertTrue(server.onlyRequest().header("TrackingID").startsWith("WXCJAVA_"));
        }
    }

    @Test
    void aProxyThatRefusesTheCredentialsIsNamed() {
        TestCertificate certificate = TestCertificate.localhost();
        try (StubServer server = StubServer.startHttps(certificate);
             TestProxy proxy = TestProxy.start("proxy-user", "proxy-password")) {
            OAuthTokenProvider tokens = provider(server.baseUrl() + "/access_token").proxy(proxy.selector())
                    .sslContext(certificate.clientContext())
                    .proxyAuthenticator(credentials("proxy-user", "wrong-password")).build();

            OAuthRefreshException failure = assertThrows(OAuthRefreshException.class, () -> tokens.accessToken(WAIT));
            assertEquals("The token endpoint gave no answer: the proxy " + proxy.hostAndPort() + " refused the proxy"
                    + " credentials (407 Proxy Authentication Required) for localhost:" + server.port()
                    + "; check proxyAuthenticator(...) (IOException: too many authentication attempts. Limit: 3)",
                    failure.getMessage(), "not retried: resending cannot help");
            assertFalse(failure.getMessage().contains("wrong-password"), failure.getMessage());
            assertEquals(List.of(), server.requests(), "nothing reached the token endpoint");
        }
    }

    @Test
    void aProxyThatIsDownIsNamedWithTheTarget() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        FakeTime time = new FakeTime();
        OAuthTokenProvider tokens = provider("https://webexapis.com/v1/access_token").time(time)
                .proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort))).build();

        OAuthRefreshException failure = assertThrows(OAuthRefreshException.class, () -> tokens.accessToken(WAIT));
        assertEquals("Gave up asking the token endpoint for tokens after 5 attempt(s) within PT10S: The token"
                + " endpoint gave no answer: no connection to the proxy localhost:" + closedPort + " (on the way to"
                + " webexapis.com:443): connection refused (ConnectException)", failure.getMessage());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4)), time.sleeps(), "retried with backoff: the proxy may be restarting");
    }

    @Test
    void plainHttpOnLoopbackGoesThroughALoopbackForwardingProxy() {
        try (StubServer server = StubServer.start(); TestProxy proxy = TestProxy.start()) {
            server.enqueue(StubServer.Answer.json(TOKENS));
            OAuthTokenProvider tokens = provider(server.baseUrl() + "/access_token").proxy(proxy.selector()).build();

            assertEquals("access-1", tokens.accessToken(WAIT));
            assertEquals(List.of("POST " + server.baseUrl() + "/access_token"), proxy.requests());
        }
    }

    @Test
    void plainHttpNeverGoesThroughAProxyOffTheMachine() {
        try (StubServer server = StubServer.start()) {
            server.enqueue(StubServer.Answer.json(TOKENS));
            OAuthTokenProvider tokens = provider(server.baseUrl() + "/access_token")
                    .proxy(ProxySelector.of(InetSocketAddress.createUnresolved("proxy.example.com", 3128))).build();

            assertEquals("access-1", tokens.accessToken(WAIT), "sent directly to the loopback endpoint");
        }
    }

    @Test
    void tlsWorksWithTheSslContextAndNamesTheUntrustedCertificateWithout() {
        TestCertificate certificate = TestCertificate.localhost();
        try (StubServer server = StubServer.startHttps(certificate)) {
            server.enqueue(StubServer.Answer.json(TOKENS));
            assertEquals("access-1", provider(server.baseUrl() + "/access_token")
                    .sslContext(certificate.clientContext()).build().accessToken(WAIT));

            FakeTime time = new FakeTime();
            OAuthRefreshException failure = assertThrows(OAuthRefreshException.class,
                    () -> provider(server.baseUrl() + "/access_token").time(time).build()
                            .accessToken(WAIT));
            assertTrue(failure.getMessage().startsWith("The token endpoint gave no answer: TLS handshake with"
                    + " localhost:" + server.port() + " failed: the server's certificate is not trusted (no path to a"
                    + " trusted root certificate; give the client an sslContext(...) that trusts its issuer)"),
                    failure.getMessage());
            assertEquals(List.of(), time.sleeps(), "not retried: resending cannot help");
        }
    }

    @Test
    void theAuthorizationCodeFlowUsesTheSameNetwork() {
        TestCertificate certificate = TestCertificate.localhost();
        try (StubServer server = StubServer.startHttps(certificate); TestProxy proxy = TestProxy.start()) {
            server.enqueue(StubServer.Answer.json(TOKENS));
            OAuthAuthorizationCodeFlow flow = OAuthAuthorizationCodeFlow.builder().clientId("client-id")
                    .clientSecret("client-secret").redirectUri("http://127.0.0.1:8765/callback")
                    .scope("spark:calls_read").tokenEndpoint(server.baseUrl() + "/access_token")
                    .proxy(proxy.selector()).sslContext(certificate.clientContext()).build();

            assertEquals("refresh-1", flow.exchange("code-1", WAIT).refreshToken());
            assertEquals(List.of("CONNECT localhost:" + server.port()), proxy.requests());
            assertTrue(server.onlyRequest().header("TrackingID").matches("WXCJAVA_[0-9a-f-]{36}"));
        }
    }
}
