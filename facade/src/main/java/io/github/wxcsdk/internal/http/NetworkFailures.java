package io.github.wxcsdk.internal.http;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * Says in words what went wrong on the network, naming the host and port, and which failures are permanent (resending
 * cannot help, so they are not retried):
 * <ul>
 *   <li>an unknown host: the JDK caches a failed lookup for 10 s ({@code networkaddress.cache.negative.ttl}), longer
 *       than the retries' back-off, so a retry would only meet the cached failure;</li>
 *   <li>a TLS handshake that failed because the server does not speak TLS (a plain-http port): the JDK reports
 *       "Unrecognized SSL message, plaintext connection?" when the server answers the ClientHello, or runs into the
 *       connect timeout, which covers the handshake, when it stays silent (the JDK's own HttpServer, so the
 *       simulator). That timeout is told apart from an unreachable host by one TCP connect of at most a second.</li>
 * </ul>
 * Refused connections and connect timeouts stay retried: a service may be restarting or a network path recovering.
 */
final class NetworkFailures {
    /** How long the TCP probe after an https connect timeout may take. */
    private static final int PROBE_MILLIS = 1000;

    private final String description;
    private final boolean permanent;

    private NetworkFailures(String description, boolean permanent) {
        this.description = description;
        this.permanent = permanent;
    }

    /**
     * @param uri            the request's URI (its host and port are named; its path and query are not)
     * @param failure        the transport's exception, classified
     * @param shown          the same with the token scrubbed from it, quoted in the description
     * @param connectTimeout the client's connect timeout, for the message
     * @return the failure described
     */
    static NetworkFailures of(URI uri, Throwable failure, Throwable shown, Duration connectTimeout) {
        String target = target(uri);
        String what = TransportFailure.describe(shown);
        if (unresolved(failure)) {
            return new NetworkFailures("unknown host " + uri.getHost() + " (" + what + "); not retried", true);
        }
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            if ("https".equalsIgnoreCase(uri.getScheme()) && acceptsTcp(uri)) {
                return new NetworkFailures("TLS handshake with " + target + " failed: the server accepts connections "
                        + "but gave no TLS answer within the connect timeout of " + connectTimeout.toMillis()
                        + " ms; is it a plain-http port? Then the base URL must start with http:// (" + what
                        + "); not retried", true);
            }
            return new NetworkFailures("connect timeout: no connection to " + target + " within "
                    + connectTimeout.toMillis() + " ms (" + what + ')', false);
        }
        if (find(failure, HttpTimeoutException.class) != null) {
            return new NetworkFailures(readTimeout(uri, shown), false);
        }
        if (find(failure, SSLException.class) != null) {
            boolean plaintext = certainlyNotSent(failure);
            return new NetworkFailures(plaintext
                    ? "TLS handshake with " + target + " failed: the server answered in plain text; is it a plain-http"
                    + " port? Then the base URL must start with http:// (" + what + "); not retried"
                    : "TLS failure with " + target + " (" + what + ')', plaintext);
        }
        if (find(failure, ConnectException.class) != null) {
            return new NetworkFailures("connection refused by " + target + " (" + what + ')', false);
        }
        return new NetworkFailures(what + " from " + target, false);
    }

    /**
     * The description of an attempt that passed its time limit: nothing to classify, so the timer that ends
     * asynchronous attempts does no more than build this text.
     *
     * @param uri     the request's URI
     * @param timeout the timeout exception
     * @return for example {@code read timeout: no complete answer from 127.0.0.1:5050 (HttpTimeoutException: ...)}
     */
    static String readTimeout(URI uri, Throwable timeout) {
        return "read timeout: no complete answer from " + target(uri) + " (" + TransportFailure.describe(timeout) + ')';
    }

    /** @return the failure in words, for example {@code connection refused by 127.0.0.1:5050 (ConnectException)} */
    String description() {
        return description;
    }

    /** @return whether resending cannot help */
    boolean permanent() {
        return permanent;
    }

    /** @return whether the request certainly did not reach the server, judging by the exception alone */
    static boolean certainlyNotSent(Throwable failure) {
        SSLException tls = find(failure, SSLException.class);
        return unresolved(failure) || tls != null && tls.getMessage() != null && tls.getMessage().contains("plaintext");
    }

    private static boolean unresolved(Throwable failure) {
        return find(failure, UnknownHostException.class) != null
                || find(failure, UnresolvedAddressException.class) != null;
    }

    /** The synchronous and the asynchronous JDK client wrap the same failure differently: the chain is searched. */
    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static boolean acceptsTcp(URI uri) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port(uri)), PROBE_MILLIS);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String target(URI uri) {
        return uri.getHost() + ':' + port(uri);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
