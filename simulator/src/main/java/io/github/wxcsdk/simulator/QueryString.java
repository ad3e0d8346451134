package io.github.wxcsdk.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Decodes a raw query string; of a repeated parameter the first value counts. */
final class QueryString {
    private QueryString() {
    }

    /** Parses a query that the JDK server has already checked: its percent-encoding is well-formed. */
    static Map<String, String> parse(String rawQuery) {
        if (rawQuery == null) {
            return Map.of();
        }
        Map<String, String> parameters = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                parameters.putIfAbsent(decode(name), decode(value));
            }
        }
        return Map.copyOf(parameters);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
