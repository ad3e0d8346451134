package io.github.wxcsdk.internal.auth;

import io.github.wxcsdk.internal.TransportSecurity;

import java.net.URI;
import java.net.URISyntaxException;

/** The rule for OAuth URLs: absolute, {@code https}, plain {@code http} only on a loopback host (tests, simulator). */
public final class Endpoints {
    private Endpoints() {
    }

    /**
     * @param url  the URL, not {@code null}
     * @param name how to name it in a message
     * @return the URL
     * @throws IllegalArgumentException when it is not an absolute {@code https} URL with a host and without user info
     *                                  or fragment ({@code http} is allowed on {@code localhost}, {@code 127.x.x.x} and
     *                                  {@code [::1]}), so that no secret travels unencrypted
     */
    public static URI checked(String url, String name) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL: " + url, e);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must be an absolute URL with a host and no user info or"
                    + " fragment: " + url);
        }
        if (!TransportSecurity.allows(uri)) {
            throw new IllegalArgumentException(name + " must use https (plain http only on a loopback host, so that"
                    + " no secret travels unencrypted): " + url);
        }
        return uri;
    }
}
