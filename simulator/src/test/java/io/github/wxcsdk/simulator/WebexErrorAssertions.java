package io.github.wxcsdk.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Set;

/** Checks the Webex error format of an answer. */
final class WebexErrorAssertions {
    private WebexErrorAssertions() {
    }

    /** The answer is {@code problem} in the Webex error format, with matching trackingid header and body field. */
    static JsonNode assertProblem(HttpResponse<String> response, Problem problem) {
        JsonNode body = assertWebexError(response, problem.status(), problem.errorCode());
        assertTrue(body.get("message").textValue().startsWith(problem.message()), body::toString);
        return body;
    }

    static JsonNode assertWebexError(HttpResponse<String> response, int status, int errorCode) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = SimClient.json(response);
        assertEquals(Set.of("message", "errors", "trackingId"), fieldNames(body), body::toString);
        assertEquals(1, body.get("errors").size());
        JsonNode error = body.get("errors").get(0);
        assertEquals(body.get("message"), error.get("description"));
        assertEquals(errorCode, error.get("errorCode").intValue(), body::toString);
        assertEquals(response.headers().firstValue("trackingid").orElseThrow(), body.get("trackingId").textValue());
        return body;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
