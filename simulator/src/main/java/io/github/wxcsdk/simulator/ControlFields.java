package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of control-surface requests strictly: unknown fields and wrong types are
 * {@link Problem#INVALID_CONTROL_REQUEST}, so that a typo is not silently ignored. A JSON {@code null} is absent.
 */
final class ControlFields {
    private ControlFields() {
    }

    /** The request body as an object, {@code {}} when empty, rejecting fields not in {@code known}. */
    static ObjectNode body(Request request, Set<String> known) {
        ObjectNode body = Json.parseObject(request.body()).orElseGet(Json::object);
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw Problem.INVALID_CONTROL_REQUEST.exception("Unknown field '" + name + "'.");
            }
        });
        return body;
    }

    /** The integer field {@code name}, or null when absent. */
    static Integer integer(ObjectNode body, String name) {
        JsonNode node = present(body, name);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(name + " must be an integer.");
        }
        return node.intValue();
    }

    /** The non-blank string field {@code name}, or null when absent. */
    static String text(ObjectNode body, String name) {
        JsonNode node = present(body, name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(name + " must be a non-blank string.");
        }
        return node.textValue();
    }

    /** The non-blank string field {@code name}. */
    static String requiredText(ObjectNode body, String name) {
        String value = text(body, name);
        if (value == null) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(name + " is required.");
        }
        return value;
    }

    /** The boolean field {@code name}, or null when absent. */
    static Boolean bool(ObjectNode body, String name) {
        JsonNode node = present(body, name);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(name + " must be true or false.");
        }
        return node.booleanValue();
    }

    /** The array-of-strings field {@code name}, empty when absent. */
    static List<String> texts(ObjectNode body, String name) {
        JsonNode node = present(body, name);
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (!node.isArray()) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(name + " must be an array of strings.");
        }
        node.forEach(element -> {
            if (!element.isTextual() || element.textValue().isBlank()) {
                throw Problem.INVALID_CONTROL_REQUEST.exception(name + " must be an array of non-blank strings.");
            }
            values.add(element.textValue());
        });
        return values;
    }

    private static JsonNode present(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        return node == null || node.isNull() ? null : node;
    }
}
