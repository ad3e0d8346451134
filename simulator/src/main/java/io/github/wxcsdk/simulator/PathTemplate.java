package io.github.wxcsdk.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route's path, such as {@code /v1/telephony/conference/members/{memberId}/mute}: literal segments and
 * {@code {name}} variables, each one whole segment. A request path matches segment by segment after each of its
 * segments is percent-decoded once, so {@code %2F} in a member id is part of that id, never a separator.
 */
final class PathTemplate {
    /**
     * Literal segments win over variables, leftmost first: {@code members/me/mute} before {@code members/{id}/mute}.
     */
    static final Comparator<PathTemplate> MOST_SPECIFIC_FIRST = (x, y) -> {
        for (int i = 0; i < Math.min(x.segments.size(), y.segments.size()); i++) {
            boolean xVariable = x.segments.get(i).variable();
            if (xVariable != y.segments.get(i).variable()) {
                return xVariable ? 1 : -1;
            }
        }
        return 0;
    };

    private record Segment(String text, boolean variable) {
    }

    private final String template;
    private final List<Segment> segments;

    private PathTemplate(String template, List<Segment> segments) {
        this.template = template;
        this.segments = List.copyOf(segments);
    }

    static PathTemplate of(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a path template starts with '/': " + template);
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : template.substring(1).split("/", -1)) {
            boolean variable = part.startsWith("{") && part.endsWith("}");
            segments.add(new Segment(variable ? part.substring(1, part.length() - 1) : part, variable));
        }
        return new PathTemplate(template, segments);
    }

    /** The template as written, e.g. {@code /v1/telephony/conference/members/{memberId}/mute}. */
    String template() {
        return template;
    }

    /**
     * The values of the variables when {@code rawPath} (still percent-encoded) matches; a variable never matches an
     * empty segment.
     */
    Optional<Map<String, String>> match(String rawPath) {
        return segments(rawPath).flatMap(this::match);
    }

    /** The values of the variables when the decoded {@code path} segments (see {@link #segments}) match. */
    Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < path.size(); i++) {
            Segment segment = segments.get(i);
            String value = path.get(i);
            if (segment.variable()) {
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                values.put(segment.text(), value);
            } else if (!segment.text().equals(value)) {
                return Optional.empty();
            }
        }
        return Optional.of(Map.copyOf(values));
    }

    /**
     * The segments of a raw request path, each percent-decoded once; empty when the path does not start with '/' or
     * a segment's encoding is broken (no route matches such a path).
     */
    static Optional<List<String>> segments(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        List<String> decoded = new ArrayList<>();
        for (String part : rawPath.substring(1).split("/", -1)) {
            Optional<String> segment = decode(part);
            if (segment.isEmpty()) {
                return Optional.empty();
            }
            decoded.add(segment.get());
        }
        return Optional.of(decoded);
    }

    /**
     * Percent-decodes one path segment as UTF-8. Unlike {@link java.net.URLDecoder}, a {@code +} stays a plus: that
     * rule is for form data, not paths. Empty when the encoding is broken.
     */
    static Optional<String> decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return Optional.of(segment);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < segment.length()) {
            int percent = segment.indexOf('%', i);
            int end = percent < 0 ? segment.length() : percent;
            bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
            if (percent < 0) {
                break;
            }
            if (percent + 2 >= segment.length()) {
                return Optional.empty();
            }
            int high = Character.digit(segment.charAt(percent + 1), 16);
            int low = Character.digit(segment.charAt(percent + 2), 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            bytes.write(high * 16 + low);
            i = percent + 3;
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return template;
    }
}
