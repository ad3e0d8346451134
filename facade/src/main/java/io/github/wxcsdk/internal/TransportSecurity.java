package io.github.wxcsdk.internal;

import java.net.URI;
import java.util.Locale;

/**
 * The one rule of where a secret may travel, for the API root and the OAuth endpoints alike: {@code https}, or plain
 * {@code http} on a loopback host only ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), for tests and the
 * simulator. Public for the façade's packages; not API.
 */
public final class TransportSecurity {
    private TransportSecurity() {
    }

    /**
     * @param uri an absolute URI
     * @return whether a token or secret may be sent to it
     */
    public static boolean allows(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") && uri.getHost() != null && isLoopback(uri.getHost());
    }

    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || name.equals("::1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
