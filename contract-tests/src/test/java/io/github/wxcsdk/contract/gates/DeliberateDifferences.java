package io.github.wxcsdk.contract.gates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The differences from Webex's published spec that our spec declares deliberate, in its top-level
 * {@code x-wxcsdk-deliberate-differences}: a list of {@code {what, reason}}, where {@code what} is a line of
 * {@link SurfaceDiff} in which {@code *} stands for any text. The human account of the same differences is the spec's
 * {@code info.description}.
 */
final class DeliberateDifferences {
    /** The top-level extension of the spec that lists them. */
    static final String EXTENSION = "x-wxcsdk-deliberate-differences";

    /**
     * One declared difference.
     *
     * @param what   the {@link SurfaceDiff} lines it explains, {@code *} matching any text
     * @param reason why we differ
     */
    record Difference(String what, String reason) {
        /** @return whether this difference explains the line */
        boolean explains(String line) {
            StringBuilder regex = new StringBuilder();
            for (String literal : what.split("\\*", -1)) {
                regex.append(regex.length() == 0 ? "" : ".*").append(Pattern.quote(literal));
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(line).matches();
        }
    }

    private DeliberateDifferences() {
    }

    /**
     * @param spec our spec
     * @return the differences it declares, in its order; empty when it declares none
     * @throws IllegalArgumentException when the list is not a list of {@code {what, reason}} with text in both
     */
    static List<Difference> of(Spec spec) {
        Map<String, Object> extensions = spec.api().getExtensions();
        Object declared = extensions == null ? null : extensions.get(EXTENSION);
        if (declared == null) {
            return List.of();
        }
        if (!(declared instanceof List<?> entries)) {
            throw new IllegalArgumentException(EXTENSION + " must be a list, not " + declared);
        }
        List<Difference> differences = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields) || !text(fields.get("what")) || !text(fields.get("reason"))) {
                throw new IllegalArgumentException(EXTENSION + ": every entry needs a 'what' and a 'reason': " + entry);
            }
            differences.add(new Difference(fields.get("what").toString().strip(), fields.get("reason").toString()
                    .strip()));
        }
        return differences;
    }

    private static boolean text(Object value) {
        return value instanceof String string && !string.isBlank();
    }
}
