package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON bodies of control requests. Unlike the conference API, unknown fields are rejected, so that a typo
 * is not silently ignored; a JSON {@code null} counts as absent. Every problem is
 * {@link Problem#INVALID_CONTROL_REQUEST} (or malformed JSON).
 */
final class ControlFields {
    private ControlFields() {
    }

    /** The body as an object ({@code {}} when empty), with no field outside {@code allowed}. */
    static ObjectNode body(Request request, Set<String> allowed) {
        ObjectNode body = Json.parseObject(request.body()).orElseGet(Json::object);
        body.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw Problem.INVALID_CONTROL_REQUEST.exception("Unknown field '" + name + "'.");
            }
        });
        return body;
    }

    /** The non-blank string field {@code name}, or empty when absent. */
    static Optional<String> text(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(name + " must be a non-blank string.");
        }
        return Optional.of(node.textValue());
    }

    static String requiredText(ObjectNode body, String name) {
        return text(body, name).orElseThrow(() -> Problem.INVALID_CONTROL_REQUEST.exception(name + " is required."));
    }

    /** The field {@code name}: an array of non-blank strings, or empty when absent. */
    static Optional<Set<String>> texts(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(name + " must be an array of strings.");
        }
        Set<String> values = new LinkedHashSet<>();
        node.forEach(element -> {
            if (!element.isTextual() || element.textValue().isBlank()) {
                throw Problem.INVALID_CONTROL_REQUEST.exception(name + " must be an array of non-blank strings.");
            }
            values.add(element.textValue());
        });
        return Optional.of(values);
    }

    /** The integer field {@code name}, or null when absent. */
    static Integer integer(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(name + " must be an integer.");
        }
        return node.intValue();
    }
}
