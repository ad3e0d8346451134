package io.github.wxcsdk.internal.auth;

import java.util.List;

/**
 * Keeps the OAuth secrets (client secret, refresh token, access token) out of text the SDK shows when that text
 * comes from elsewhere: a server's error description, a JDK exception's message.
 */
public final class Secrets {
    private Secrets() {
    }

    /** @return {@code text} when it shows none of {@code secrets} (or is {@code null}), else a note saying it was withheld */
    public static String safeText(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty() && text.contains(secret)) {
                return "[withheld: it quoted a secret]";
            }
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
