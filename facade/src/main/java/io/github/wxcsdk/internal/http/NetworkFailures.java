package io.github.wxcsdk.internal.http;

import io.github.wxcsdk.internal.net.Network;
import io.github.wxcsdk.internal.net.NetworkProblem;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * Says in words what went wrong on the network, naming the host and port (and the proxy, when the request went
 * through one), and which failures are permanent (resending cannot help, so they are not retried):
 * <ul>
 *   <li>an unknown host: the JDK caches a failed lookup for 10 s ({@code networkaddress.cache.negative.ttl}), longer
 *       than the retries' back-off, so a retry would only meet the cached failure;</li>
 *   <li>a TLS handshake that failed for good: the server's certificate is not trusted, has expired or names another
 *       host, or the server answered in plain text ("Unrecognized SSL message, plaintext connection?");</li>
 *   <li>a proxy that refused the proxy credentials.</li>
 * </ul>
 * Judged from the exception alone: diagnosing a failure opens no connection. Refused connections and connect
 * timeouts stay retried: a service may be restarting or a network path recovering. An https connect timeout may also
 * be a plain-http server that stays silent at the ClientHello (the JDK's own HttpServer, so the simulator); the
 * message says so.
 */
final class NetworkFailures {
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
     * @param network        the client's proxy and TLS settings, to name the proxy
     * @return the failure described
     */
    static NetworkFailures of(URI uri, Throwable failure, Throwable shown, Duration connectTimeout, Network network) {
        String target = target(uri);
        String what = TransportFailure.describe(shown);
        boolean permanent = NetworkProblem.permanent(failure);
        if (network.proxyFor(uri).isPresent()) {
            return new NetworkFailures(NetworkProblem.describe(uri, network, failure, what)
                    + (permanent ? "; not retried" : ""), permanent);
        }
        if (unresolved(failure)) {
            return new NetworkFailures("unknown host " + uri.getHost() + " (" + what + "); not retried", true);
        }
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return new NetworkFailures("connect timeout: no connection to " + target + " within "
                    + connectTimeout.toMillis() + " ms" + ("https".equalsIgnoreCase(uri.getScheme())
                    ? ", or no TLS answer (is it a plain-http port? Then the base URL must start with http://)" : "")
                    + " (" + what + ')', false);
        }
        if (find(failure, HttpTimeoutException.class) != null) {
            return new NetworkFailures(readTimeout(uri, shown), false);
        }
        if (NetworkProblem.tls(failure)) {
            boolean plaintext = certainlyNotSent(failure);
            String description = NetworkProblem.describe(uri, network, failure, what);
            return new NetworkFailures(plaintext
                    ? "TLS handshake with " + target + " failed: the server answered in plain text; is it a plain-http"
                    + " port? Then the base URL must start with http:// (" + what + "); not retried"
                    : description + (permanent ? "; not retried" : ""), plaintext || permanent);
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

    private static String target(URI uri) {
        return uri.getHost() + ':' + port(uri);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
