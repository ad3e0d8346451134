package io.github.wxcsdk.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A plain java.net.http client of one simulator, acting as one user. */
final class SimClient {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CONFERENCE = "/v1/telephony/conference";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final int port;
    private final String token;

    SimClient(WebexSimulator simulator, String token) {
        this(simulator.port(), token);
    }

    SimClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** A client for a new user with a random token. */
    static SimClient newUser(WebexSimulator simulator) {
        return new SimClient(simulator, "token-" + UUID.randomUUID());
    }

    String token() {
        return token;
    }

    SimClient as(String otherToken) {
        return new SimClient(port, otherToken);
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) {
        return send("POST", path, body);
    }

    HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends with the bearer token; {@code body} null means no body; extra headers as name, value pairs. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return sendRaw(request.build());
    }

    static HttpResponse<String> sendRaw(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST /_simulator/calls, checked. */
    String createCall() {
        HttpResponse<String> response = post("/_simulator/calls", null);
        assertEquals(201, response.statusCode(), response::body);
        return json(response).get("callId").textValue();
    }

    /** POST /v1/telephony/conference, checked. */
    void startConference(String... callIds) {
        expect204(post(CONFERENCE, startBody(callIds)));
    }

    /** POST /v1/telephony/conference for the line of {@code lineOwnerId}, checked. */
    void startConferenceOn(String lineOwnerId, String... callIds) {
        String body = MAPPER.createObjectNode()
                .put("lineOwnerId", lineOwnerId)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("callIds", MAPPER.valueToTree(callIds))
                .toString();
        expect204(post(CONFERENCE, body));
    }

    /** GET /v1/telephony/conference (with the given query, e.g. "?lineOwnerId=x"), checked. */
    JsonNode details(String query) {
        HttpResponse<String> response = get(CONFERENCE + query);
        assertEquals(200, response.statusCode(), response::body);
        return json(response);
    }

    JsonNode details() {
        return details("");
    }

    static String startBody(String... callIds) {
        return MAPPER.createObjectNode().set("callIds", MAPPER.valueToTree(callIds)).toString();
    }

    static String callIdBody(String callId) {
        return MAPPER.createObjectNode().put("callId", callId).toString();
    }

    static void expect204(HttpResponse<String> response) {
        assertEquals(204, response.statusCode(), response::body);
        assertEquals("", response.body());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
