package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transport's time limit per attempt covers the whole answer, body included, and a failure says what happened:
 * a stalled body or missing headers time out, a refused connection is a client error, and a connection left
 * half-read is never reused but closed. The transport interrupts itself at the deadline: that interrupt never leaks
 * to the caller, and a caller's own interrupt is not taken for a timeout.
 */
class AttemptTimeLimitTest {
    private static final String DETAILS = "{\"state\":\"connected\"}";
    /**
     * The attempt ends at its fixed end (300 ms after it started); the JDK's own header timer is set up to 50 ms
     * earlier, so that a timeout it can classify fires first (JdkHttpTransport.JDK_TIMEOUT_LEAD).
     */
    private static final long EARLIEST_MILLIS = 250;
    private final List<Socket> open = new ArrayList<>();
    private final java.util.concurrent.CountDownLatch stalledClosed = new java.util.concurrent.CountDownLatch(1);
    private final List<ServerSocket> listeners = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (ServerSocket listener : listeners) {
            listener.close();
        }
        for (Socket socket : open) {
            socket.close();
        }
    }

    @Test
    void aBodyThatStallsTimesOutAndItsConnectionIsClosed() throws InterruptedException {
        String baseUrl = serve(true, false);
        ConferenceControlsApi conference = client(baseUrl);
        long started = System.nanoTime();
        WebexTimeoutException timeout = assertThrows(WebexTimeoutException.class, conference::getConferenceDetails);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(timeout.getMessage().matches(".*no complete answer within \\d+ ms.*"), timeout.getMessage());
        assertTrue(millis >= EARLIEST_MILLIS && millis < 3_000, "timed out after " + millis + " ms");
        assertFalse(Thread.currentThread().isInterrupted(), "no interrupt is left on the calling thread");
        assertTrue(conference.getConferenceDetails().isPresent(), "the next call works on a fresh connection");
        assertTrue(stalledClosed.await(5, java.util.concurrent.TimeUnit.SECONDS), "the stalled connection is closed");
    }

    @Test
    void aShortDeadlineIsMetWhileALongerOneIsWaiting() throws InterruptedException {
        String baseUrl = serve(false, true);
        ConferenceControlsApi patient = WebexSimpleApi.builder().accessToken("test-token").baseUrl(baseUrl)
                .readTimeout(Duration.ofSeconds(20)).maxRetries(0).build().telephony().conference();
        // the patient call runs on a thread of its own; its outcome is checked here, on the test's thread
        java.util.concurrent.FutureTask<Object> waiting = new java.util.concurrent.FutureTask<>(
                patient::getConferenceDetails);
        Thread thread = new Thread(waiting, "patient-call");
        thread.setDaemon(true);
        thread.start();
        Thread.sleep(200);
        ConferenceControlsApi hasty = client(serve(true, false));
        long started = System.nanoTime();
        assertThrows(WebexTimeoutException.class, hasty::getConferenceDetails);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 3_000, "timed out after " + millis + " ms");
        assertFalse(waiting.isDone(), "the longer call was still waiting while the short one timed out");
        thread.interrupt();
        java.util.concurrent.ExecutionException ended = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> waiting.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertInstanceOf(WebexException.class, ended.getCause(), "the interrupted call fails with the SDK's exception");
        assertFalse(ended.getCause() instanceof WebexTimeoutException, ended.getCause().toString());
    }

    @Test
    void missingHeadersTimeOut() {
        ConferenceControlsApi conference = client(serve(false, true));
        long started = System.nanoTime();
        assertThrows(WebexTimeoutException.class, conference::getConferenceDetails);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis >= EARLIEST_MILLIS && millis < 3_000, "timed out after " + millis + " ms");
    }

    @Test
    void aCallersInterruptIsNotATimeoutAndIsKept() {
        ConferenceControlsApi conference = WebexSimpleApi.builder().accessToken("test-token")
                .baseUrl(serve(false, true)).readTimeout(Duration.ofSeconds(10)).build().telephony().conference();
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();
        WebexException failure = assertThrows(WebexException.class, conference::getConferenceDetails);
        assertFalse(failure instanceof WebexTimeoutException, failure.toString());
        assertTrue(Thread.interrupted(), "the caller's interrupt is kept");
    }

    @Test
    void aRefusedConnectionIsAClientErrorWithTheJdkCause() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        ConferenceControlsApi conference = client("http://127.0.0.1:" + port + "/v1");
        WebexClientException failure = assertThrows(WebexClientException.class, conference::getConferenceDetails);
        assertInstanceOf(ConnectException.class, failure.getCause());
    }

    private static ConferenceControlsApi client(String baseUrl) {
        return WebexSimpleApi.builder().accessToken("test-token").baseUrl(baseUrl).readTimeout(Duration.ofMillis(300))
                .maxRetries(0).build().telephony().conference();
    }

    /**
     * @param stallFirstBody    the first connection gets headers and part of the body, then nothing
     * @param stallFirstHeaders the first connection gets nothing at all
     * @return the API root; later connections are answered normally
     */
    private String serve(boolean stallFirstBody, boolean stallFirstHeaders) {
        ServerSocket listener;
        try {
            listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        listeners.add(listener);
        AtomicInteger connections = new AtomicInteger();
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    synchronized (open) {
                        open.add(socket);
                    }
                    boolean first = connections.getAndIncrement() == 0;
                    Thread connection = new Thread(() -> answer(socket, first && stallFirstBody,
                            first && stallFirstHeaders));
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return "http://127.0.0.1:" + listener.getLocalPort() + "/v1";
    }

    private void answer(Socket socket, boolean stallBody, boolean stallHeaders) {
        try {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (readHead(in)) {
                if (stallHeaders) {
                    return;
                }
                byte[] body = DETAILS.getBytes(StandardCharsets.UTF_8);
                String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + (stallBody ? body.length + 100 : body.length) + "\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                if (stallBody) {
                    while (in.read() >= 0) {
                        // wait for the client to close this connection
                    }
                    stalledClosed.countDown();
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads one request head (these requests have no body); false at the end of the stream. */
    private static boolean readHead(InputStream in) throws IOException {
        int matched = 0;
        int c;
        while ((c = in.read()) >= 0) {
            matched = c == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (c == '\r' ? 1 : 0);
            if (matched == 4) {
                return true;
            }
        }
        return false;
    }
}
