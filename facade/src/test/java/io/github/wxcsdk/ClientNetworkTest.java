package io.github.wxcsdk;

import io.github.wxcsdk.TestClients.Api;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;
import io.github.wxcsdk.testing.TestCertificate;
import io.github.wxcsdk.testing.TestProxy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API through a proxy (a CONNECT tunnel for https, forwarding for plain http on loopback) and over TLS with a
 * certificate made at test time, through both APIs; the messages when the proxy is down, refuses its credentials, or
 * the certificate is not trusted; the query (orgId) in the message of a refused member call.
 */
class ClientNetworkTest {

    private static Authenticator credentials(String password) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("proxy-user", password.toCharArray());
            }
        };
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void httpsThroughAConnectProxyWithCredentials(Api api) {
        TestCertificate certificate = TestCertificate.localhost();
        try (StubServer server = StubServer.startHttps(certificate);
             TestProxy proxy = TestProxy.start("proxy-user", "proxy-password")) {
            api.conference(TestClients.builder(server.baseUrl(), new FakeTime()).proxy(proxy.selector())
                    .sslContext(certificate.clientContext()).proxyAuthenticator(credentials("proxy-password"))).hold();

            assertEquals(1, server.requests().size());
            assertEquals(List.of("CONNECT localhost:" + server.port()), proxy.requests().stream().distinct().toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void plainHttpOnLoopbackThroughALoopbackForwardingProxy(Api api) {
        try (StubServer server = StubServer.start(); TestProxy proxy = TestProxy.start()) {
            api.conference(TestClients.builder(server.baseUrl(), new FakeTime()).proxy(proxy.selector())).hold();

            assertEquals(List.of("POST " + server.baseUrl() + "/telephony/conference/hold"), proxy.requests());
            assertEquals("Bearer " + TestClients.TOKEN, server.onlyRequest().header("Authorization"));
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aProxyThatRefusesTheCredentialsIsNamedAndNotRetried(Api api) {
        TestCertificate certificate = TestCertificate.localhost();
        try (StubServer server = StubServer.startHttps(certificate);
             TestProxy proxy = TestProxy.start("proxy-user", "proxy-password")) {
            WebexClientException failure = assertThrows(WebexClientException.class, () -> api.conference(
                    TestClients.builder(server.baseUrl(), new FakeTime()).proxy(proxy.selector())
                            .sslContext(certificate.clientContext()).proxyAuthenticator(credentials("wrong-password")))
                    .hold());

            assertTrue(failure.getMessage().contains("failed after 1 attempt: the proxy " + proxy.hostAndPort()
                    + " refused the proxy credentials (407 Proxy Authentication Required) for localhost:"
                    + server.port()), failure.getMessage());
            assertFalse(failure.getMessage().contains("wrong-password"));
            assertEquals(0, server.requests().size());
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aProxyThatIsDownIsNamedWithTheTarget(Api api) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        WebexClientException failure = assertThrows(WebexClientException.class, () -> api.conference(
                TestClients.builder("https://webexapis.com/v1", new FakeTime()).maxRetries(0)
                        .proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort))))
                .hold());

        assertTrue(failure.getMessage().contains("POST /v1/telephony/conference/hold failed after 1 attempt: no"
                + " connection to the proxy localhost:" + closedPort + " (on the way to webexapis.com:443):"
                + " connection refused"), failure.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void tlsWorksWithTheSslContextAndNamesTheUntrustedCertificateWithout(Api api) {
        TestCertificate certificate = TestCertificate.localhost();
        try (StubServer server = StubServer.startHttps(certificate)) {
            api.conference(TestClients.builder(server.baseUrl(), new FakeTime())
                    .sslContext(certificate.clientContext())).hold();
            assertEquals(1, server.requests().size());

            WebexClientException failure = assertThrows(WebexClientException.class,
                    () -> api.conference(TestClients.builder(server.baseUrl(), new FakeTime())).hold());
            assertTrue(failure.getMessage().contains("failed after 1 attempt: TLS handshake with localhost:"
                    + server.port() + " failed: the server's certificate is not trusted (no path to a trusted root"
                    + " certificate; give the client an sslContext(...) that trusts its issuer)"), failure.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aRefusedMemberCallNamesItsOrgInTheMessage(Api api) {
        try (StubServer server = StubServer.start()) {
            server.enqueue(StubServer.Answer.json(403, "{\"message\":\"not your org\"}"));
            WebexApiException failure = assertThrows(WebexApiException.class, () -> api.conference(
                    TestClients.builder(server, new FakeTime())).forMember("m1", "org-7").getConferenceDetails());
            assertTrue(failure.getMessage().contains("GET /v1/telephony/conference/members/m1/conference?orgId=org-7"),
                    failure.getMessage());
        }
    }
}
