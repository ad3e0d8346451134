package io.github.wxcsdk.internal.net;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The network an application configured for one client or OAuth helper: a proxy, a TLS context and the proxy's
 * credentials, each optional. Applied to the JDK {@link HttpClient} the SDK builds, with two rules of its own:
 * <ul>
 *   <li>A request in plain {@code http} (allowed only to a loopback host, see {@code TransportSecurity}) goes through a
 *       proxy only when that proxy is on the loopback interface too; otherwise it goes directly. So a secret that
 *       travels unencrypted never leaves the machine, with or without a proxy.</li>
 *   <li>The authenticator answers the proxy only ({@code 407}). A server's {@code 401} is never answered with the
 *       proxy's credentials: it reaches the SDK, which asks its token provider.</li>
 * </ul>
 * Without a proxy selector, the JVM's default one applies (the {@code https.proxyHost} etc. system properties), under
 * the same plain-http rule. Immutable; {@link #toString()} never shows credentials.
 *
 * @param proxy              the proxy selector, or {@code null} for the JVM's default
 * @param sslContext         the TLS context, or {@code null} for the JVM's default
 * @param proxyAuthenticator the proxy's credentials, or {@code null} for none
 */
public record Network(ProxySelector proxy, SSLContext sslContext, Authenticator proxyAuthenticator) {
    /** The JVM's defaults. */
    public static final Network DEFAULT = new Network(null, null, null);
    private static final Logger LOG = LoggerFactory.getLogger(Network.class);
    private static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    /**
     * @param builder a JDK client builder
     * @return {@code builder}, with the proxy (under the plain-http rule), TLS context and proxy authenticator set
     */
    public HttpClient.Builder configure(HttpClient.Builder builder) {
        builder.proxy(new LoopbackPlainHttp(proxy));
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        if (proxyAuthenticator != null) {
            builder.authenticator(new ProxyOnly(proxyAuthenticator));
            if (basicTunnelingDisabled()) {
                LOG.warn("A proxy authenticator is set, but the JDK sends no Basic credentials to a proxy for https"
                        + " (system property {} is unset or lists Basic; its default does). Start the JVM with -D{}="
                        + " if the proxy asks for Basic credentials", TUNNELING_DISABLED_SCHEMES,
                        TUNNELING_DISABLED_SCHEMES);
            }
        }
        return builder;
    }

    /**
     * The proxy a request to {@code uri} goes through, asking the selector only (no connection is opened).
     *
     * @param uri the request's URI
     * @return the proxy's {@code host:port}, or empty when the request goes directly
     */
    public Optional<String> proxyFor(URI uri) {
        try {
            List<Proxy> proxies = new LoopbackPlainHttp(proxy).select(uri);
            Proxy first = proxies == null || proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
            if (first.type() == Proxy.Type.DIRECT || !(first.address() instanceof InetSocketAddress address)) {
                return Optional.empty();
            }
            return Optional.of(address.getHostString() + ':' + address.getPort());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return whether the JDK refuses Basic proxy credentials for https tunnels (its default) */
    private static boolean basicTunnelingDisabled() {
        String schemes = System.getProperty(TUNNELING_DISABLED_SCHEMES);
        return schemes == null || schemes.toLowerCase(Locale.ROOT).contains("basic");
    }

    @Override
    public String toString() {
        return "Network(proxy=" + (proxy == null ? "JVM default" : proxy.getClass().getName()) + ", sslContext="
                + (sslContext == null ? "JVM default" : sslContext.getProtocol()) + ", proxyAuthenticator="
                + (proxyAuthenticator == null ? "none" : "set") + ')';
    }

    /** Plain http only directly or through a loopback proxy; https as the application's (or the JVM's) selector says. */
    private static final class LoopbackPlainHttp extends ProxySelector {
        private final ProxySelector configured;

        LoopbackPlainHttp(ProxySelector configured) {
            this.configured = configured;
        }

        @Override
        public List<Proxy> select(URI uri) {
            ProxySelector selector = configured != null ? configured : ProxySelector.getDefault();
            List<Proxy> proxies = selector == null ? null : selector.select(uri);
            if (proxies == null || proxies.isEmpty()) {
                return List.of(Proxy.NO_PROXY);
            }
            Proxy first = proxies.get(0);
            boolean plain = !"https".equals(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT));
            if (plain && first.type() != Proxy.Type.DIRECT && !onLoopback(first.address())) {
                return List.of(Proxy.NO_PROXY);
            }
            return List.of(first);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            ProxySelector selector = configured != null ? configured : ProxySelector.getDefault();
            if (selector != null) {
                selector.connectFailed(uri, address, failure);
            }
        }

        private static boolean onLoopback(SocketAddress address) {
            if (!(address instanceof InetSocketAddress socket)) {
                return false;
            }
            InetAddress resolved = socket.getAddress();
            if (resolved != null) {
                return resolved.isLoopbackAddress();
            }
            String name = socket.getHostString().toLowerCase(Locale.ROOT);
            return name.equals("localhost") || name.equals("::1") || name.equals("[::1]") || name.startsWith("127.");
        }
    }

    /** Answers a proxy's {@code 407} with the application's authenticator; never a server's {@code 401}. */
    private static final class ProxyOnly extends Authenticator {
        private final Authenticator delegate;

        ProxyOnly(Authenticator delegate) {
            this.delegate = delegate;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            return delegate.requestPasswordAuthenticationInstance(getRequestingHost(), getRequestingSite(),
                    getRequestingPort(), getRequestingProtocol(), getRequestingPrompt(), getRequestingScheme(),
                    getRequestingURL(), RequestorType.PROXY);
        }

        @Override
        public String toString() {
            return "ProxyOnly(credentials not shown)";
        }
    }
}
