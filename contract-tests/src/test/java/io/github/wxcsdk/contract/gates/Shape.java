package io.github.wxcsdk.contract.gates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wire shape of a schema, reduced to what {@link SurfaceDiff} compares: type, enum values, properties with their
 * required flag, array items. Both the published structure and our spec are read into shapes, so that one comparison
 * serves both, whatever the schemas are called on either side.
 *
 * @param name       the component name of the schema (the target of a {@code $ref}); null for an inline schema
 * @param type       the JSON type: {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array} or
 *                   {@code object}
 * @param enumValues the allowed values; empty for no enum
 * @param properties the properties of an object, in declaration order
 * @param required   the names of the required properties
 * @param items      the shape of an array's items; null for no array
 */
record Shape(String name, String type, List<String> enumValues, Map<String, Shape> properties, Set<String> required,
             Shape items) {
    Shape {
        enumValues = List.copyOf(enumValues);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        required = Set.copyOf(required);
    }

    /** @return a shape of a plain JSON type, without a name */
    static Shape of(String type) {
        return new Shape(null, type, List.of(), Map.of(), Set.of(), null);
    }

    /** @return an array of items of the given shape */
    static Shape arrayOf(Shape items) {
        return new Shape(null, "array", List.of(), Map.of(), Set.of(), items);
    }

    /** @return this shape under a component name */
    Shape named(String componentName) {
        return new Shape(componentName, type, enumValues, properties, required, items);
    }
}
