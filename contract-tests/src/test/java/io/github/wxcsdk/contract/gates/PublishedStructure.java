package io.github.wxcsdk.contract.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the structure of Webex's published Conference Controls: operations (method, path, operationId, parameters,
 * body properties, success statuses, response schema) and the schemas they use, without Webex's prose. The format is
 * the one {@link PublishedSpecExtractor} writes; a type is {@code string}, {@code number}, {@code integer},
 * {@code boolean}, {@code object}, {@code array<TYPE>} or a reference {@code #/components/schemas/NAME}.
 */
final class PublishedStructure {
    /** The copy kept in this module (see the README beside it for its source). */
    static final String RESOURCE = "webex-published/conference-controls-structure.json";
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode schemas;
    private final Map<String, Shape> named = new LinkedHashMap<>();
    private final Set<String> reading = new HashSet<>();

    private PublishedStructure(JsonNode schemas) {
        this.schemas = schemas;
    }

    /** @return the surface of the copy on the test classpath ({@link #RESOURCE}) */
    static ApiSurface kept() {
        try (InputStream in = PublishedStructure.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return read(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param structure a structure document
     * @return its surface
     * @throws IllegalArgumentException when a type or reference cannot be read
     */
    static ApiSurface read(JsonNode structure) {
        PublishedStructure reader = new PublishedStructure(structure.path("schemas"));
        SortedMap<ApiOperation, ApiSurface.Operation> operations = new TreeMap<>();
        for (JsonNode operation : structure.path("operations")) {
            ApiOperation key = new ApiOperation(operation.path("method").asText(), operation.path("path").asText());
            if (operations.put(key, reader.operation(operation)) != null) {
                throw new IllegalArgumentException(key + " is in the structure twice");
            }
        }
        return new ApiSurface(operations);
    }

    /**
     * Writes a surface in the structure format, for instance the Conference Controls part of a newly downloaded
     * published spec, so that the copy kept in this module can be replaced by it.
     *
     * @param surface the surface
     * @param source  where it comes from, recorded in the document
     * @return the structure document
     */
    static ObjectNode write(ApiSurface surface, String source) {
        ObjectNode document = JSON.createObjectNode();
        document.put("source", source);
        ArrayNode operations = document.putArray("operations");
        SortedMap<String, ObjectNode> schemas = new TreeMap<>();
        surface.operations().forEach((key, operation) -> {
            ObjectNode written = operations.addObject();
            written.put("method", key.method());
            written.put("path", key.path());
            written.put("operationId", operation.operationId());
            ArrayNode parameters = written.putArray("params");
            for (ApiSurface.Parameter parameter : operation.parameters().values()) {
                parameters.addObject().put("name", parameter.name()).put("in", parameter.in())
                        .put("required", parameter.required()).put("type", parameter.type());
            }
            if (operation.body() == null) {
                written.putNull("body");
            } else {
                written.set("body", schemaOf(operation.body(), schemas));
            }
            operation.success().forEach(written.putArray("success")::add);
            if (operation.response() == null) {
                written.putNull("response");
            } else {
                written.put("response", typeOf(operation.response(), schemas));
            }
        });
        document.putObject("schemas").setAll(schemas);
        return document;
    }

    /** The type of a property: a reference for a named schema (written to {@code schemas} once), else the type. */
    private static String typeOf(Shape shape, Map<String, ObjectNode> schemas) {
        if (shape.name() != null) {
            if (!schemas.containsKey(shape.name())) {
                schemas.put(shape.name(), JSON.createObjectNode()); // placeholder: no endless walk
                schemas.put(shape.name(), schemaOf(shape, schemas));
            }
            return SCHEMA_REF + shape.name();
        }
        if (shape.type().equals("array")) {
            return "array<" + typeOf(shape.items(), schemas) + ">";
        }
        return shape.type();
    }

    private static ObjectNode schemaOf(Shape shape, Map<String, ObjectNode> schemas) {
        ObjectNode schema = JSON.createObjectNode();
        if (!shape.type().equals("object")) {
            schema.put("type", shape.type());
        }
        if (!shape.enumValues().isEmpty()) {
            shape.enumValues().forEach(schema.putArray("enum")::add);
        }
        if (shape.type().equals("object")) {
            ArrayNode required = schema.putArray("required");
            shape.properties().keySet().stream().filter(shape.required()::contains).forEach(required::add);
            ObjectNode properties = schema.putObject("properties");
            shape.properties().forEach((name, property) -> properties.put(name, typeOf(property, schemas)));
        }
        return schema;
    }

    private ApiSurface.Operation operation(JsonNode operation) {
        List<ApiSurface.Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("params")) {
            parameters.add(new ApiSurface.Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                    parameter.path("required").asBoolean(false), parameter.path("type").asText()));
        }
        JsonNode body = operation.path("body");
        SortedSet<String> success = new TreeSet<>();
        operation.path("success").forEach(status -> success.add(status.asText()));
        JsonNode response = operation.path("response");
        return new ApiSurface.Operation(operation.path("operationId").asText(null), ApiSurface.byKey(parameters),
                body.isObject() ? object(body) : null, success, response.isTextual() ? type(response.asText()) : null);
    }

    /** An object schema: {@code {"type"?, "enum"?, "required"?, "properties"?: {NAME: TYPE}}}. */
    private Shape object(JsonNode schema) {
        Map<String, Shape> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            properties.put(property.getKey(), type(property.getValue().asText()));
        }
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        List<String> enumValues = new ArrayList<>();
        schema.path("enum").forEach(value -> enumValues.add(value.asText()));
        String type = schema.path("type").asText(properties.isEmpty() && !enumValues.isEmpty() ? "string" : "object");
        return new Shape(null, type, enumValues, properties, required, null);
    }

    private Shape type(String type) {
        if (type.startsWith("array<") && type.endsWith(">")) {
            return Shape.arrayOf(type(type.substring("array<".length(), type.length() - 1)));
        }
        if (type.startsWith(SCHEMA_REF)) {
            return schema(type.substring(SCHEMA_REF.length()));
        }
        if (type.startsWith("#") || type.isBlank() || type.contains("<")) {
            throw new IllegalArgumentException("Unreadable type in the structure: '" + type + "'");
        }
        return Shape.of(type);
    }

    private Shape schema(String name) {
        Shape known = named.get(name);
        if (known != null) {
            return known;
        }
        JsonNode schema = schemas.path(name);
        if (!schema.isObject()) {
            throw new IllegalArgumentException("The structure references schema " + name + " but does not list it");
        }
        if (!reading.add(name)) {
            throw new IllegalArgumentException("Schema " + name + " refers to itself, which the gate does not read");
        }
        Shape shape = object(schema).named(name);
        reading.remove(name);
        named.put(name, shape);
        return shape;
    }
}
