package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and validates the fields of conference requests. A JSON {@code null} counts as absent; unknown fields are
 * ignored, as Webex does.
 */
final class RequestFields {
    private static final String CALL_ID = "callId";
    private static final String CALL_IDS = "callIds";
    private static final String LINE_OWNER_ID = "lineOwnerId";

    private RequestFields() {
    }

    /** The body of an operation that requires one. */
    static ObjectNode requiredBody(Request request) {
        return Json.parseObject(request.body()).orElseThrow(Problem.BODY_REQUIRED::exception);
    }

    /** The body of an operation where it is optional; an empty body reads as {@code {}}. */
    static ObjectNode optionalBody(Request request) {
        return Json.parseObject(request.body()).orElseGet(Json::object);
    }

    /** {@code callIds}: at least two distinct, non-blank ids. */
    static List<String> callIds(ObjectNode body) {
        JsonNode node = body.get(CALL_IDS);
        if (node == null || !node.isArray()) {
            throw Problem.CALL_IDS_INVALID.exception();
        }
        List<String> ids = new ArrayList<>();
        node.forEach(element -> ids.add(validCallId(element)));
        if (ids.size() < 2) {
            throw Problem.TOO_FEW_CALL_IDS.exception();
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw Problem.DUPLICATE_CALL_IDS.exception();
        }
        return ids;
    }

    static String requiredCallId(ObjectNode body) {
        return optionalCallId(body).orElseThrow(Problem.CALL_ID_REQUIRED::exception);
    }

    static Optional<String> optionalCallId(ObjectNode body) {
        return present(body.get(CALL_ID)).map(RequestFields::validCallId);
    }

    /**
     * The {@code lineOwnerId} of the body; always empty on a {@code members/{memberId}} route, which takes none (an
     * unknown field there, ignored).
     */
    static Optional<String> lineOwnerId(Request request, ObjectNode body) {
        return readsLineOwnerId(request) ? lineOwnerId(body) : Optional.empty();
    }

    /** The {@code lineOwnerId} of the query; always empty on a {@code members/{memberId}} route. */
    static Optional<String> lineOwnerId(Request request) {
        return readsLineOwnerId(request) ? lineOwnerId(request.query()) : Optional.empty();
    }

    private static boolean readsLineOwnerId(Request request) {
        return request.target() == Route.Target.OWN_MEMBER;
    }

    private static Optional<String> lineOwnerId(ObjectNode body) {
        return present(body.get(LINE_OWNER_ID)).map(node -> {
            if (!node.isTextual()) {
                throw Problem.LINE_OWNER_ID_INVALID.exception();
            }
            return validLineOwnerId(node.textValue());
        });
    }

    private static Optional<String> lineOwnerId(Map<String, String> query) {
        return Optional.ofNullable(query.get(LINE_OWNER_ID)).map(RequestFields::validLineOwnerId);
    }

    private static Optional<JsonNode> present(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    private static String validCallId(JsonNode node) {
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw Problem.CALL_ID_INVALID.exception();
        }
        return node.textValue();
    }

    private static String validLineOwnerId(String value) {
        if (value.isBlank()) {
            throw Problem.LINE_OWNER_ID_INVALID.exception();
        }
        return value;
    }
}
