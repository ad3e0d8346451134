package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What to answer: a status, a JSON body or none, and extra headers ({@code trackingid} is added by the router).
 *
 * @param body the JSON body, or {@code null} for none
 */
record Reply(int status, JsonNode body, Map<String, String> headers) {

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply noContent() {
        return new Reply(204, null, Map.of());
    }

    static Reply json(int status, JsonNode body) {
        return new Reply(status, body, Map.of());
    }
}
