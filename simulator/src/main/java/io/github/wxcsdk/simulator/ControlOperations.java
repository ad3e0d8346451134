package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The control surface under {@code /_simulator}, which Webex does not have: it sets the scene for the user who owns
 * the bearer token. Unlike the conference API it rejects unknown fields, so that a typo is not silently ignored.
 */
final class ControlOperations {
    static final String PREFIX = "/_simulator";

    private static final Set<String> FAULT_FIELDS = Set.of("status", "retryAfter", "count", "delayMs");

    private final UserRegistry users;

    ControlOperations(UserRegistry users) {
        this.users = users;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", PREFIX + "/calls", false, this::createCall),
                new Route("POST", PREFIX + "/faults", false, ControlOperations::addFault),
                new Route("POST", PREFIX + "/reset", false, ControlOperations::reset));
    }

    /**
     * {@code 201 {"callId": "..."}}: a new active call of the user; with a body {@code {"callId": "c1"}} the call gets
     * that id (409 when the user has it already).
     */
    private Reply createCall(Request request) {
        ObjectNode body = ControlFields.body(request, Set.of("callId"));
        JsonNode chosen = body.get("callId");
        if (chosen == null || chosen.isNull()) {
            return Reply.json(201, Json.object().put("callId", users.createCall(request.token())));
        }
        if (!chosen.isTextual() || chosen.textValue().isBlank()) {
            throw Problem.INVALID_CONTROL_REQUEST.exception("callId must be a non-blank string.");
        }
        users.createCall(request.token(), chosen.textValue());
        return Reply.json(201, Json.object().put("callId", chosen.textValue()));
    }

    /** {@code {"status": 429, "retryAfter": 1, "count": 2, "delayMs": 0}}: only status is required. */
    private static Reply addFault(Request request) {
        ObjectNode body = Json.parseObject(request.body())
                .orElseThrow(() -> Problem.INVALID_CONTROL_REQUEST.exception("A JSON body with a status is required."));
        body.fieldNames().forEachRemaining(name -> {
            if (!FAULT_FIELDS.contains(name)) {
                throw Problem.INVALID_CONTROL_REQUEST.exception("Unknown field '" + name + "'.");
            }
        });
        Integer status = ControlFields.integer(body, "status");
        if (status == null) {
            throw Problem.INVALID_CONTROL_REQUEST.exception("status is required.");
        }
        Integer retryAfter = ControlFields.integer(body, "retryAfter");
        Integer count = ControlFields.integer(body, "count");
        Integer delayMs = ControlFields.integer(body, "delayMs");
        Fault fault;
        try {
            fault = Fault.of(status)
                    .withRetryAfter(retryAfter == null ? null : Duration.ofSeconds(retryAfter))
                    .withCount(count == null ? 1 : count)
                    .withDelay(delayMs == null ? Duration.ZERO : Duration.ofMillis(delayMs));
        } catch (IllegalArgumentException e) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(e.getMessage() + ".");
        }
        request.user().addFault(fault);
        return Reply.noContent();
    }

    /** Forgets the user's calls, conferences and pending faults. */
    private static Reply reset(Request request) {
        requireNoFields(request);
        request.user().clear();
        return Reply.noContent();
    }

    /** These requests take no parameters: no body or {@code {}}. */
    private static void requireNoFields(Request request) {
        Json.parseObject(request.body()).filter(body -> !body.isEmpty()).ifPresent(body -> {
            throw Problem.INVALID_CONTROL_REQUEST.exception("This request takes no fields.");
        });
    }
}
