package io.github.wxcsdk.simulator;

import java.util.Objects;
import java.util.Optional;

/** Reads bearer tokens; a token is any non-empty run of visible ASCII characters. */
final class Tokens {
    private static final String BEARER = "Bearer ";

    private Tokens() {
    }

    /** The token of an {@code Authorization: Bearer <token>} header value, or empty if it is missing or malformed. */
    static Optional<String> fromAuthorization(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length());
        return isValid(token) ? Optional.of(token) : Optional.empty();
    }

    /** Checks a token handed to the Java API. */
    static String require(String token) {
        Objects.requireNonNull(token, "token");
        if (!isValid(token)) {
            throw new IllegalArgumentException("token must be non-empty visible ASCII without spaces");
        }
        return token;
    }

    static boolean isValid(String token) {
        return !token.isEmpty() && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
