package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static io.github.wxcsdk.simulator.SimClient.expect204;
import static io.github.wxcsdk.simulator.SimClient.json;
import static io.github.wxcsdk.simulator.SimClient.startBody;
import static io.github.wxcsdk.simulator.WebexErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The /_simulator control surface and its Java counterparts. */
@ExtendWith(WebexSimulatorExtension.class)
class ControlSurfaceTest {
    private WebexSimulator simulator;

    @BeforeEach
    void useTheClassSimulator(WebexSimulator simulator) {
        this.simulator = simulator;
    }

    @Test
    void createCallAnswers201WithAnOpaqueCallId() {
        SimClient user = SimClient.newUser(simulator);

        HttpResponse<String> response = user.post("/_simulator/calls", null);

        assertEquals(201, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("trackingid").isPresent());
        String callId = json(response).get("callId").textValue();
        assertTrue(callId.matches("[A-Za-z0-9_-]+"), callId);
        String decoded = new String(Base64.getUrlDecoder().decode(callId), StandardCharsets.UTF_8);
        assertTrue(decoded.matches("wxcsim:call:[0-9]+"), decoded);
    }

    @Test
    void createCallAcceptsAnEmptyObject() {
        SimClient user = SimClient.newUser(simulator);

        assertEquals(201, user.post("/_simulator/calls", "{}").statusCode());
    }

    @Test
    void createCallWithAChosenIdGivesTheUserThatCall() {
        SimClient user = SimClient.newUser(simulator);

        HttpResponse<String> created = user.post("/_simulator/calls", "{\"callId\": \"c1\"}");
        assertEquals(201, created.statusCode());
        assertEquals("c1", json(created).get("callId").textValue());
        simulator.createCall(user.token(), "c2");
        user.startConference("c1", "c2");

        assertEquals(409, user.post("/_simulator/calls", "{\"callId\": \"c1\"}").statusCode());
        assertEquals(400, user.post("/_simulator/calls", "{\"callId\": \" \"}").statusCode());
        assertEquals(400, user.post("/_simulator/calls", "{\"id\": \"c3\"}").statusCode());
        assertThrows(IllegalArgumentException.class, () -> simulator.createCall(user.token(), "c1"));
        assertThrows(IllegalArgumentException.class, () -> simulator.createCall(user.token(), ""));
    }

    @Test
    void callIdsAreUniqueAcrossUsers() {
        String first = simulator.createCall("alice-" + System.nanoTime());
        String second = simulator.createCall("bob-" + System.nanoTime());

        assertNotEquals(first, second);
    }

    @Test
    void resetForgetsCallsAndConferencesOfThatUserOnly() {
        SimClient user = SimClient.newUser(simulator);
        SimClient other = SimClient.newUser(simulator);
        String a = user.createCall();
        String b = user.createCall();
        user.startConference(a, b);
        user.startConferenceOn("line-2", user.createCall(), user.createCall());
        other.startConference(other.createCall(), other.createCall());

        expect204(user.post("/_simulator/reset", "{}"));

        assertEquals(json("{}"), user.details());
        assertEquals(json("{}"), user.details("?lineOwnerId=line-2"));
        assertProblem(user.post(CONFERENCE, startBody(a, b)), Problem.CALL_NOT_FOUND);
        assertEquals(2, other.details().get("participants").size());
        // appearances start over
        user.startConference(user.createCall(), user.createCall());
        assertEquals(1, user.details().get("appearance").intValue());
    }

    @Test
    void javaApiCreatesCallsAndResetsLikeTheControlSurface() {
        String token = "java-api-" + System.nanoTime();
        SimClient user = new SimClient(simulator, token);
        String a = simulator.createCall(token);
        String b = simulator.createCall(token);

        user.startConference(a, b);
        simulator.reset(token);

        assertEquals(json("{}"), user.details());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/_simulator/calls", "/_simulator/reset"})
    void controlRequestsWithFieldsOrMalformedBodiesAre400(String path) {
        SimClient user = SimClient.newUser(simulator);

        assertProblem(user.post(path, "{\"count\": 2}"), Problem.INVALID_CONTROL_REQUEST);
        assertProblem(user.post(path, "{"), Problem.MALFORMED_JSON);
        assertProblem(user.post(path, "[]"), Problem.BODY_NOT_OBJECT);
    }

    @Test
    void javaApiRejectsInvalidTokens() {
        assertThrows(NullPointerException.class, () -> simulator.createCall(null));
        assertThrows(IllegalArgumentException.class, () -> simulator.createCall(""));
        assertThrows(IllegalArgumentException.class, () -> simulator.createCall("two words"));
        assertThrows(IllegalArgumentException.class, () -> simulator.reset("t\u00f6ken"));
        assertThrows(IllegalArgumentException.class, () -> simulator.addFault(" ", Fault.of(500)));
    }

    @Test
    void javaApiRefusesAClosedSimulator() {
        WebexSimulator closed = WebexSimulator.start();
        closed.close();

        assertThrows(IllegalStateException.class, () -> closed.createCall("token"));
        assertThrows(IllegalStateException.class, () -> closed.reset("token"));
        assertThrows(IllegalStateException.class, () -> closed.addFault("token", Fault.of(500)));
    }
}
