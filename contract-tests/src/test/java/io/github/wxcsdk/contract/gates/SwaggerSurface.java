package io.github.wxcsdk.contract.gates;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

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
import java.util.function.Predicate;

/**
 * Reads the {@link ApiSurface} of a parsed OpenAPI document, following every {@code $ref} (to parameters, request
 * bodies, responses and schemas) inside it. It reads our spec, and the operations of one tag in Webex's full
 * published spec ({@link #ofTag}), so that both are compared as the same kind of thing.
 */
final class SwaggerSurface {
    private static final String JSON = "application/json";

    private final Components components;
    private final Set<String> reading = new HashSet<>();

    private SwaggerSurface(OpenAPI api) {
        this.components = api.getComponents() == null ? new Components() : api.getComponents();
    }

    /** @return the surface of every operation of the document */
    static ApiSurface of(OpenAPI api) {
        return read(api, operation -> true);
    }

    /** @return the surface of the operations tagged {@code tag}, as Webex's full published spec groups them */
    static ApiSurface ofTag(OpenAPI api, String tag) {
        return read(api, operation -> operation.getTags() != null && operation.getTags().contains(tag));
    }

    private static ApiSurface read(OpenAPI api, Predicate<Operation> included) {
        SwaggerSurface reader = new SwaggerSurface(api);
        SortedMap<ApiOperation, ApiSurface.Operation> operations = new TreeMap<>();
        if (api.getPaths() != null) {
            for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
                List<Parameter> shared = path.getValue().getParameters() == null ? List.of()
                        : path.getValue().getParameters();
                path.getValue().readOperationsMap().forEach((method, operation) -> {
                    if (included.test(operation)) {
                        operations.put(new ApiOperation(method.name(), path.getKey()),
                                reader.operation(operation, shared));
                    }
                });
            }
        }
        return new ApiSurface(operations);
    }

    private ApiSurface.Operation operation(Operation operation, List<Parameter> shared) {
        Map<String, ApiSurface.Parameter> parameters = new LinkedHashMap<>();
        List<Parameter> all = new ArrayList<>(shared);
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters()); // an operation's parameter overrides the path's of the same key
        }
        for (Parameter declared : all) {
            Parameter parameter = resolve(declared);
            ApiSurface.Parameter read = new ApiSurface.Parameter(parameter.getName(), parameter.getIn(),
                    Boolean.TRUE.equals(parameter.getRequired()),
                    parameter.getSchema() == null ? "string" : shape(parameter.getSchema()).type());
            parameters.put(read.key(), read);
        }
        Shape body = null;
        if (operation.getRequestBody() != null) {
            body = json(resolve(operation.getRequestBody()).getContent());
        }
        SortedSet<String> success = new TreeSet<>();
        Shape response = null;
        if (operation.getResponses() != null) {
            for (Map.Entry<String, ApiResponse> answer : operation.getResponses().entrySet()) {
                if (answer.getKey().startsWith("2")) {
                    success.add(answer.getKey());
                    Shape content = json(resolve(answer.getValue()).getContent());
                    response = response == null ? content : response;
                }
            }
        }
        return new ApiSurface.Operation(operation.getOperationId(), ApiSurface.byKey(parameters.values()), body,
                success, response);
    }

    /** The schema of the JSON content: {@code application/json}, else the first media type that is JSON. */
    private Shape json(Map<String, MediaType> content) {
        if (content == null) {
            return null;
        }
        MediaType json = content.get(JSON);
        if (json == null) {
            json = content.entrySet().stream().filter(type -> type.getKey().contains("json")).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        return json == null || json.getSchema() == null ? null : shape(json.getSchema());
    }

    /** The shape of a schema; a {@code $ref} to a component keeps the component's name. */
    @SuppressWarnings("rawtypes")
    private Shape shape(Schema<?> schema) {
        if (schema.get$ref() != null) {
            String name = lastSegment(schema.get$ref());
            Schema<?> target = components.getSchemas() == null ? null : components.getSchemas().get(name);
            if (target == null) {
                throw new IllegalArgumentException("No schema " + schema.get$ref());
            }
            if (!reading.add(name)) {
                throw new IllegalArgumentException("Schema " + name + " refers to itself, which the gate does not read");
            }
            try {
                return shape(target).named(name);
            } finally {
                reading.remove(name);
            }
        }
        String type = typeOf(schema);
        if (type.equals("array")) {
            return Shape.arrayOf(schema.getItems() == null ? Shape.of("object") : shape(schema.getItems()));
        }
        Map<String, Shape> properties = new LinkedHashMap<>();
        Set<String> required = new HashSet<>();
        if (schema.getAllOf() != null) { // the parts of an allOf make one object
            for (Schema part : schema.getAllOf()) {
                Shape partShape = shape(part);
                properties.putAll(partShape.properties());
                required.addAll(partShape.required());
            }
        }
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                properties.put(property.getKey(), shape(property.getValue()));
            }
        }
        if (schema.getRequired() != null) {
            required.addAll(schema.getRequired());
        }
        List<String> values = new ArrayList<>();
        if (schema.getEnum() != null) {
            schema.getEnum().forEach(value -> values.add(String.valueOf(value)));
        }
        return new Shape(null, type, values, properties, required, null);
    }

    /** The JSON type of OpenAPI 3.0 ({@code type}) or 3.1 ({@code types}); an untyped schema with properties is an object. */
    private static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream().filter(type -> !type.equals("null")).findFirst().orElse("object");
        }
        return schema.getEnum() != null && schema.getProperties() == null ? "string" : "object";
    }

    private Parameter resolve(Parameter parameter) {
        return parameter.get$ref() == null ? parameter
                : component(components.getParameters(), parameter.get$ref());
    }

    private RequestBody resolve(RequestBody body) {
        return body.get$ref() == null ? body : component(components.getRequestBodies(), body.get$ref());
    }

    private ApiResponse resolve(ApiResponse response) {
        return response.get$ref() == null ? response : component(components.getResponses(), response.get$ref());
    }

    private static <T> T component(Map<String, T> section, String ref) {
        T found = section == null ? null : section.get(lastSegment(ref));
        if (found == null) {
            throw new IllegalArgumentException("No component " + ref);
        }
        return found;
    }

    private static String lastSegment(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
