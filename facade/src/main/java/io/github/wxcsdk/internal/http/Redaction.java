package io.github.wxcsdk.internal.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Keeps the access token out of anything the SDK shows: text taken from an answer, and the messages of the JDK
 * exceptions it keeps as causes (the JDK quotes a garbled status line in its message, so a server that echoes the
 * token would otherwise put it there). The token is matched literally and in its JSON-escaped form.
 */
public final class Redaction {
    static final String MARK = "[REDACTED]";
    private static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";

    private Redaction() {
    }

    /** @return the bearer token of a request's headers, or {@code null} */
    public static String tokenOf(Map<String, Collection<String>> requestHeaders) {
        for (Map.Entry<String, Collection<String>> header : requestHeaders.entrySet()) {
            if (header.getKey().equalsIgnoreCase(AUTHORIZATION)) {
                for (String value : header.getValue()) {
                    if (value != null && value.startsWith(BEARER) && value.length() > BEARER.length()) {
                        return value.substring(BEARER.length());
                    }
                }
            }
        }
        return null;
    }

    /** @return {@code text} without the token; {@code null} stays {@code null} */
    public static String redact(String text, String token) {
        if (text == null || token == null || token.isEmpty()) {
            return text;
        }
        String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(token));
        String redacted = text.replace(token, MARK);
        return escaped.equals(token) ? redacted : redacted.replace(escaped, MARK);
    }

    /**
     * @return {@code failure} itself when no message in its cause chain or suppressed exceptions shows the token,
     *         else a copy of the chain with the token removed (each link an {@link IOException} naming the original
     *         class, with the original stack trace)
     */
    static Throwable scrub(Throwable failure, String token) {
        if (failure == null || token == null || token.isEmpty() || !shows(failure, token)) {
            return failure;
        }
        IOException copy = new IOException(redact(failure.toString(), token), scrub(failure.getCause(), token));
        copy.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            copy.addSuppressed(scrub(suppressed, token));
        }
        return copy;
    }

    private static boolean shows(Throwable failure, String token) {
        for (Throwable link = failure; link != null; link = link.getCause() == link ? null : link.getCause()) {
            if (!redact(link.toString(), token).equals(link.toString())) {
                return true;
            }
            for (Throwable suppressed : link.getSuppressed()) {
                if (shows(suppressed, token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
