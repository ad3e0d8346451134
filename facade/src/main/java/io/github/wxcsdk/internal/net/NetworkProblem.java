package io.github.wxcsdk.internal.net;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Optional;

/**
 * A network failure in words, from the exception alone (diagnosing opens no connection): the target's
 * {@code host:port}, the proxy's when the request went through one, and what failed, for TLS in particular (the
 * certificate is not trusted, has expired, does not name the host). Shared by the API client and the OAuth token
 * endpoint.
 */
public final class NetworkProblem {
    private NetworkProblem() {
    }

    /**
     * @param uri     the request's URI; only its host and port are named
     * @param network the client's network, which says whether a proxy was used
     * @param failure the JDK's exception
     * @param shown   the JDK's exception as it may be quoted, in words (secrets scrubbed, see {@link #briefly}), or
     *                {@code null} to quote nothing
     * @return for example {@code no connection to proxy 127.0.0.1:3128 (on the way to webexapis.com:443): connection
     *         refused (ConnectException)}
     */
    public static String describe(URI uri, Network network, Throwable failure, String shown) {
        String target = target(uri);
        Optional<String> proxy = network.proxyFor(uri);
        String quoted = shown == null ? "" : " (" + shown + ')';
        if (find(failure, UnknownHostException.class) != null || find(failure, UnresolvedAddressException.class) != null) {
            return proxy.map(p -> "unknown host: the proxy " + p + " (on the way to " + target + ") or the target"
                            + " could not be resolved" + quoted)
                    .orElse("unknown host " + uri.getHost() + quoted);
        }
        String tunnel = tunnelFailure(failure);
        if (proxy.isPresent() && proxyRefusedCredentials(failure)) {
            tunnel = "407";
        }
        if (proxy.isPresent() && tunnel != null) {
            return tunnel.contains("407")
                    ? "the proxy " + proxy.get() + " refused the proxy credentials (407 Proxy Authentication Required)"
                    + " for " + target + "; check proxyAuthenticator(...)" + quoted
                    : "the proxy " + proxy.get() + " could not open a tunnel to " + target + " (it answered "
                    + tunnel.replaceAll("\\D+", " ").strip() + ")" + quoted;
        }
        if (proxy.isPresent() && find(failure, ConnectException.class) != null) {
            return "no connection to the proxy " + proxy.get() + " (on the way to " + target + "): connection refused"
                    + quoted;
        }
        if (proxy.isPresent() && find(failure, HttpConnectTimeoutException.class) != null) {
            return "no connection to " + target + " through the proxy " + proxy.get() + " within the connect timeout"
                    + quoted;
        }
        if (tls(failure)) {
            return "TLS handshake with " + target + proxy.map(p -> " (through the proxy " + p + ")").orElse("")
                    + " failed: " + tlsProblem(failure) + quoted;
        }
        if (find(failure, ConnectException.class) != null) {
            return "connection refused by " + target + quoted;
        }
        return (shown == null ? failure.getClass().getSimpleName() : shown) + " from " + target
                + proxy.map(p -> " through the proxy " + p).orElse("");
    }

    /**
     * Whether resending cannot help: an unknown host, a TLS certificate that is not trusted, has expired or names
     * another host, a plain-http port spoken to in TLS, a proxy that refused the credentials. Judged from the
     * exception alone.
     *
     * @param failure the JDK's exception
     * @return whether the failure is permanent
     */
    public static boolean permanent(Throwable failure) {
        if (find(failure, UnknownHostException.class) != null || find(failure, UnresolvedAddressException.class) != null
                || proxyRefusedCredentials(failure)) {
            return true;
        }
        if (!tls(failure)) {
            return false;
        }
        String problem = tlsProblem(failure);
        return problem.startsWith("the server's certificate") || problem.startsWith("the server answered in plain");
    }

    /** @return whether the JDK gave up on a proxy's {@code 407} (it tries the credentials a few times) */
    private static boolean proxyRefusedCredentials(Throwable failure) {
        String text = chainText(failure);
        return text.contains("too many authentication attempts") || text.contains("Tunnel failed, got: 407");
    }

    /**
     * @param failure the JDK's exception
     * @return whether a TLS handshake failed: an {@link SSLException} or a certificate problem anywhere in the chain
     *         (the asynchronous JDK client may hand over the certificate exception without its SSL wrapper)
     */
    public static boolean tls(Throwable failure) {
        return find(failure, SSLException.class) != null || find(failure, CertificateException.class) != null;
    }

    /** @return what failed in a TLS handshake, in words */
    static String tlsProblem(Throwable failure) {
        SSLException tls = find(failure, SSLException.class);
        String text = chainText(failure);
        if (find(failure, CertificateExpiredException.class) != null) {
            return "the server's certificate has expired";
        }
        if (find(failure, CertificateNotYetValidException.class) != null) {
            return "the server's certificate is not yet valid";
        }
        if (text.contains("PKIX path") || text.contains("unable to find valid certification path")
                || find(failure, CertPathValidatorException.class) != null) {
            return "the server's certificate is not trusted (no path to a trusted root certificate; give the client"
                    + " an sslContext(...) that trusts its issuer)";
        }
        if (text.contains("No subject alternative") || text.contains("No name matching")) {
            return "the server's certificate does not name this host";
        }
        if (text.contains("plaintext connection") || text.contains("Unrecognized SSL message")) {
            return "the server answered in plain text; is it a plain-http port?";
        }
        if (tls instanceof SSLHandshakeException) {
            return "the handshake was refused (" + tls.getMessage() + ")";
        }
        return tls == null ? "a certificate problem" : String.valueOf(tls.getMessage());
    }

    /** @return the message of a JDK tunnel failure, for example {@code Tunnel failed, got: 407}, or {@code null} */
    private static String tunnelFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains("Tunnel failed")) {
                return message.substring(message.indexOf("Tunnel failed"));
            }
        }
        return null;
    }

    private static String chainText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            text.append(cause.getClass().getName()).append(": ").append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }

    /**
     * @param failure a failure
     * @return its class's simple name and its message, for example {@code ConnectException: Connection refused}
     */
    public static String briefly(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * @param uri a request's URI
     * @return its {@code host:port}, with the scheme's default port when it names none
     */
    public static String target(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ':' + port;
    }

    /**
     * The JDK's clients wrap the same failure differently; the cause chain is searched.
     *
     * @param failure a failure
     * @param type    the type to find
     * @param <T>     the type
     * @return the first throwable of that type in the chain, or {@code null}
     */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
