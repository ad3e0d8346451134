package io.github.wxcsdk.internal.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, unmodifiable copies of JSON values held as maps, lists and scalars (Jackson's "natural" mapping). */
public final class ImmutableJson {
    private ImmutableJson() {
    }

    /**
     * Copies a JSON object so that neither it nor anything nested in it can be changed; JSON {@code null} values and
     * insertion order are kept.
     *
     * @param object the object, or {@code null}
     * @return an unmodifiable copy, empty for {@code null}
     */
    public static Map<String, Object> copyOf(Map<String, ?> object) {
        if (object == null || object.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>(object.size() * 2);
        object.forEach((key, value) -> copy.put(key, copyValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
            map.forEach((key, nested) -> copy.put(String.valueOf(key), copyValue(nested)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(nested -> copy.add(copyValue(nested)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
