package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static io.github.wxcsdk.simulator.SimClient.callIdBody;
import static io.github.wxcsdk.simulator.SimClient.json;
import static io.github.wxcsdk.simulator.SimClient.startBody;
import static io.github.wxcsdk.simulator.WebexErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error the simulator answers: status, Webex error body, trackingid, and no change of state. */
class ErrorResponsesTest extends FreshUserWithTwoCalls {
    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer two words", "Bearer  leading-space",
            "token-without-scheme"})
    void malformedAuthorizationIs401(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/telephony/conference"));
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }

        HttpResponse<String> response = SimClient.sendRaw(request.GET().build());

        assertProblem(response, Problem.UNAUTHORIZED);
    }

    @Test
    void missingAuthorizationIs401OnEveryKnownRouteAndKeepsTheTrackingId() {
        SimClient anonymous = user.as(null);
        for (String path : new String[] {CONFERENCE + "/mute", CONFERENCE + "/members/me/bargeIn",
            CONFERENCE + "/members/someone/mute", "/_simulator/calls", "/_simulator/reset"}) {
            HttpResponse<String> response = anonymous.send("POST", path, "{}", "TrackingID", "WXCJAVA_anon");

            assertEquals("WXCJAVA_anon", assertProblem(response, Problem.UNAUTHORIZED).get("trackingId").textValue());
        }
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/telephony/conference"))
                .header("Authorization", "bearer " + user.token())
                .GET()
                .build();

        assertEquals(200, SimClient.sendRaw(request).statusCode());
    }

    static Stream<Arguments> invalidStartBodies() {
        return Stream.of(
                Arguments.of("{", Problem.MALFORMED_JSON),
                Arguments.of("{\"callIds\": [\"x\", \"y\"]} trailing", Problem.MALFORMED_JSON),
                Arguments.of("{\"callIds\": [], \"callIds\": []}", Problem.MALFORMED_JSON),
                Arguments.of("[\"x\", \"y\"]", Problem.BODY_NOT_OBJECT),
                Arguments.of("", Problem.BODY_REQUIRED),
                Arguments.of("{}", Problem.CALL_IDS_INVALID),
                Arguments.of("{\"callIds\": null}", Problem.CALL_IDS_INVALID),
                Arguments.of("{\"callIds\": \"x,y\"}", Problem.CALL_IDS_INVALID),
                Arguments.of("{\"callIds\": []}", Problem.TOO_FEW_CALL_IDS),
                Arguments.of("{\"callIds\": [\"x\"]}", Problem.TOO_FEW_CALL_IDS),
                Arguments.of("{\"callIds\": [\"x\", \" \"]}", Problem.CALL_ID_INVALID),
                Arguments.of("{\"callIds\": [\"x\", \"\"]}", Problem.CALL_ID_INVALID),
                Arguments.of("{\"callIds\": [1, 2]}", Problem.CALL_ID_INVALID),
                Arguments.of("{\"callIds\": [\"x\", null]}", Problem.CALL_ID_INVALID),
                Arguments.of("{\"callIds\": [\"x\", \"x\"]}", Problem.DUPLICATE_CALL_IDS),
                Arguments.of("{\"callIds\": [\"x\", \"y\"], \"lineOwnerId\": \" \"}", Problem.LINE_OWNER_ID_INVALID),
                Arguments.of("{\"callIds\": [\"x\", \"y\"], \"lineOwnerId\": 7}", Problem.LINE_OWNER_ID_INVALID));
    }

    @ParameterizedTest
    @MethodSource("invalidStartBodies")
    void invalidStartIs400(String body, Problem problem) {
        assertProblem(user.post(CONFERENCE, body.isEmpty() ? null : body), problem);
        assertEquals(json("{}"), user.details());
    }

    static Stream<Arguments> invalidParticipantRequests() {
        return Stream.of(
                Arguments.of("/addParticipant", null, Problem.BODY_REQUIRED),
                Arguments.of("/addParticipant", "{}", Problem.CALL_ID_REQUIRED),
                Arguments.of("/addParticipant", "{\"callId\": \"\"}", Problem.CALL_ID_INVALID),
                Arguments.of("/addParticipant", "{\"callId\": \"c\", \"lineOwnerId\": \"\"}",
                        Problem.LINE_OWNER_ID_INVALID),
                Arguments.of("/deafen", null, Problem.BODY_REQUIRED),
                Arguments.of("/deafen", "{}", Problem.CALL_ID_REQUIRED),
                Arguments.of("/deafen", "{\"callId\": null}", Problem.CALL_ID_REQUIRED),
                Arguments.of("/undeafen", "{\"callId\": \"  \"}", Problem.CALL_ID_INVALID),
                Arguments.of("/undeafen", "{\"callId\": 5}", Problem.CALL_ID_INVALID),
                Arguments.of("/mute", "{\"callId\": \"\"}", Problem.CALL_ID_INVALID),
                Arguments.of("/unmute", "{\"callId\": true}", Problem.CALL_ID_INVALID),
                Arguments.of("/mute", "not json", Problem.MALFORMED_JSON),
                Arguments.of("/unmute", "\"callId\"", Problem.BODY_NOT_OBJECT));
    }

    @ParameterizedTest
    @MethodSource("invalidParticipantRequests")
    void invalidParticipantRequestIs400(String subPath, String body, Problem problem) {
        user.startConference(a, b);
        String before = user.details().toString();

        assertProblem(user.post(CONFERENCE + subPath, body), problem);

        assertEquals(before, user.details().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "DELETE", "POST /hold", "POST /resume"})
    void blankOrMalformedLineOwnerIdInTheQueryIs400(String operation) {
        String method = operation.split(" ")[0];
        String subPath = operation.contains(" ") ? operation.split(" ")[1] : "";

        assertProblem(user.send(method, CONFERENCE + subPath + "?lineOwnerId=", null), Problem.LINE_OWNER_ID_INVALID);
        assertProblem(user.send(method, CONFERENCE + subPath + "?lineOwnerId=%20", null),
                Problem.LINE_OWNER_ID_INVALID);
    }

    @Test
    void brokenPercentEncodingInTheQueryIs400() throws IOException {
        // java.net.URI refuses to send this, so the request is written by hand; the JDK server itself rejects it
        // (with its own HTML body) before the router sees it
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), simulator.port())) {
            socket.getOutputStream().write(("GET " + CONFERENCE + "?lineOwnerId=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + user.token() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(response.startsWith("HTTP/1.1 400 "), response);
        }
    }

    @Test
    void oversizedBodyIs400() {
        String huge = "{\"callId\": \"" + "x".repeat(70_000) + "\"}";

        assertProblem(user.post(CONFERENCE + "/mute", huge), Problem.BODY_TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /addParticipant", "POST /hold", "POST /resume", "DELETE", "POST /mute",
            "POST /unmute"})
    void operationsWithoutConferenceAre404(String operation) {
        String method = operation.split(" ")[0];
        String subPath = operation.contains(" ") ? operation.split(" ")[1] : "";
        String body = subPath.equals("/addParticipant") ? callIdBody(a) : null;

        assertProblem(user.send(method, CONFERENCE + subPath, body), Problem.CONFERENCE_NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mute", "/unmute", "/deafen", "/undeafen"})
    void participantOperationsWithoutConferenceAre404(String subPath) {
        assertProblem(user.post(CONFERENCE + subPath, callIdBody(a)), Problem.CONFERENCE_NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mute", "/unmute", "/deafen", "/undeafen"})
    void participantOperationsOnUnknownCallAre404(String subPath) {
        user.startConference(a, b);

        assertProblem(user.post(CONFERENCE + subPath, callIdBody("Y2lzY29zcGFyazovL3Vua25vd24")),
                Problem.CALL_NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mute", "/unmute", "/deafen", "/undeafen"})
    void participantOperationsOnACallOutsideTheConferenceAre404(String subPath) {
        user.startConference(a, b);

        assertProblem(user.post(CONFERENCE + subPath, callIdBody(user.createCall())), Problem.NOT_A_PARTICIPANT);
    }

    @Test
    void startWithAnUnknownCallIs404() {
        assertProblem(user.post(CONFERENCE, startBody(a, "unknown")), Problem.CALL_NOT_FOUND);
        assertEquals(json("{}"), user.details());
    }

    @Test
    void addParticipantOfAnUnknownCallIs404() {
        user.startConference(a, b);

        assertProblem(user.post(CONFERENCE + "/addParticipant", callIdBody("unknown")), Problem.CALL_NOT_FOUND);
        assertEquals(2, user.details().get("participants").size());
    }

    @Test
    void addParticipantOfACallAlreadyInTheConferenceIs409() {
        user.startConference(a, b);

        assertProblem(user.post(CONFERENCE + "/addParticipant", callIdBody(a)), Problem.ALREADY_A_PARTICIPANT);
        assertEquals(2, user.details().get("participants").size());
    }

    @Test
    void startWithACallAlreadyInAConferenceIs409() {
        user.startConference(a, b);

        assertProblem(user.post(CONFERENCE, "{\"callIds\": [\"%s\", \"%s\"], \"lineOwnerId\": \"other\"}"
                .formatted(user.createCall(), a)), Problem.CALL_IN_ANOTHER_CONFERENCE);
        assertEquals(json("{}"), user.details("?lineOwnerId=other"));
    }

    @Test
    void addParticipantOfACallInAnotherLinesConferenceIs409() {
        user.startConference(a, b);
        user.startConferenceOn("other", user.createCall(), user.createCall());

        assertProblem(user.post(CONFERENCE + "/addParticipant",
                "{\"callId\": \"%s\", \"lineOwnerId\": \"other\"}".formatted(a)), Problem.CALL_IN_ANOTHER_CONFERENCE);
    }

    @Test
    void aSecondConferenceOnTheSameLineIs409() {
        user.startConference(a, b);

        assertProblem(user.post(CONFERENCE, startBody(user.createCall(), user.createCall())),
                Problem.CONFERENCE_ALREADY_ACTIVE);
        assertEquals(2, user.details().get("participants").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT " + CONFERENCE, "PATCH " + CONFERENCE, "GET " + CONFERENCE + "/mute",
            "DELETE " + CONFERENCE + "/hold", "PUT " + CONFERENCE + "/addParticipant", "GET /_simulator/calls",
            "DELETE /_simulator/faults", "HEAD " + CONFERENCE})
    void wrongMethodOnAKnownPathIs405WithAllow(String request) {
        String method = request.split(" ")[0];
        String path = request.split(" ")[1];

        HttpResponse<String> response = user.send(method, path, null);

        if (method.equals("HEAD")) {
            assertEquals(405, response.statusCode());
        } else {
            assertProblem(response, Problem.METHOD_NOT_ALLOWED);
        }
        String expectedAllow = path.equals(CONFERENCE) ? "POST, DELETE, GET" : "POST";
        assertEquals(expectedAllow, response.headers().firstValue("Allow").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/v1", "/v1/telephony", "/v1/telephony/conference/", "/v1/telephony/conferences",
            "/v1/telephony/conference/members/me", "/v1/telephony/conference/Mute", "/_simulator",
            "/_simulator/unknown"})
    void unknownPathIs404(String path) {
        assertProblem(user.get(path), Problem.RESOURCE_NOT_FOUND);
        assertProblem(user.post(path, "{}"), Problem.RESOURCE_NOT_FOUND);
    }
}
