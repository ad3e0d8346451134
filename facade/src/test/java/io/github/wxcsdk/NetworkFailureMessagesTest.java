package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.RawSocketServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A network failure names the host and port and says what failed; failures that resending cannot cure (an unknown
 * host, TLS spoken to a plain-http port) are not retried. Loopback only: the unknown host is a {@code .invalid} name
 * (RFC 6761), and the test JVM resolves names from a hosts file (surefire's argLine), so no DNS query leaves.
 */
class NetworkFailureMessagesTest {
    private final FakeTime time = new FakeTime();
    private final List<RetryEvent> retries = new CopyOnWriteArrayList<>();

    @Test
    void aRefusedPortIsNamedAndRetried() {
        String baseUrl = RawSocketServer.refusingBaseUrl();
        String target = baseUrl.substring("http://".length(), baseUrl.indexOf("/v1"));

        WebexClientException failure = assertThrows(WebexClientException.class,
                () -> client(baseUrl, Duration.ofSeconds(5)).getConferenceDetails());

        assertTrue(failure.getMessage().contains("failed after 4 attempts: connection refused by " + target),
                failure.getMessage());
        assertEquals(3, retries.size(), "a refused port may be a service restarting: retried");
    }

    @Test
    void anUnknownHostIsNamedAndNotRetried() {
        WebexClientException failure = assertThrows(WebexClientException.class,
                () -> client("https://no-such-host.invalid/v1", Duration.ofSeconds(5)).getConferenceDetails());

        assertTrue(failure.getMessage().contains("failed after 1 attempt: unknown host no-such-host.invalid"),
                failure.getMessage());
        assertEquals(List.of(), retries);
    }

    @Test
    void httpsToAPlainHttpServerThatAnswersSaysTlsFailedAtOnce() {
        try (PlainHttpServer server = new PlainHttpServer()) {
            long started = System.nanoTime();
            WebexClientException failure = assertThrows(WebexClientException.class,
                    () -> client(server.httpsBaseUrl(), Duration.ofSeconds(10)).getConferenceDetails());

            assertTrue(failure.getMessage().contains("failed after 1 attempt: TLS handshake with 127.0.0.1:"
                    + server.port() + " failed: the server answered in plain text"), failure.getMessage());
            assertTrue(failure.getMessage().contains("must start with http://"), failure.getMessage());
            assertEquals(List.of(), retries);
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "failed fast");
        }
    }

    @Test
    void httpsToAPlainHttpServerThatStaysSilentIsAConnectTimeoutThatSuggestsPlainHttpAndOpensNoProbe() {
        try (RawSocketServer server = RawSocketServer.silent()) {
            String httpsBaseUrl = server.baseUrl().replace("http://", "https://");
            String target = httpsBaseUrl.substring("https://".length(), httpsBaseUrl.indexOf("/v1"));

            WebexClientException failure = assertThrows(WebexClientException.class,
                    () -> TestClients.builder(httpsBaseUrl, time).connectTimeout(Duration.ofMillis(300)).maxRetries(0)
                            .retryListener(retries::add).build().telephony().conference().getConferenceDetails());

            assertTrue(failure.getMessage().contains("failed after 1 attempt: connect timeout: no connection to "
                    + target + " within 300 ms, or no TLS answer (is it a plain-http port? Then the base URL must"
                    + " start with http://)"), failure.getMessage());
            assertEquals(1, server.connections(), "diagnosing the failure opened no second connection");
        }
    }

    @Test
    void aReadTimeoutNamesTheServer() {
        try (RawSocketServer server = RawSocketServer.silent()) {
            String target = server.baseUrl().substring("http://".length(), server.baseUrl().indexOf("/v1"));

            WebexTimeoutException failure = assertThrows(WebexTimeoutException.class,
                    () -> TestClients.builder(server.baseUrl(), time).readTimeout(Duration.ofMillis(200))
                            .maxRetries(0).build().telephony().conference().getConferenceDetails());

            assertTrue(failure.getMessage().contains("read timeout: no complete answer from " + target),
                    failure.getMessage());
        }
    }

    private ConferenceControlsApi client(String baseUrl, Duration connectTimeout) {
        return TestClients.builder(baseUrl, time).connectTimeout(connectTimeout).retryListener(retries::add)
                .build().telephony().conference();
    }

    /** Answers whatever arrives with a 400 at once and closes, as nginx and most HTTP servers do with a ClientHello. */
    private static final class PlainHttpServer implements AutoCloseable {
        private final ServerSocket listener;

        PlainHttpServer() {
            try {
                listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(this::answerAll, "plain-http-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        String httpsBaseUrl() {
            return "https://127.0.0.1:" + port() + "/v1";
        }

        private void answerAll() {
            while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                    socket.getInputStream().read(new byte[4096]);
                    socket.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed, or the client went away
                }
            }
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }
}
