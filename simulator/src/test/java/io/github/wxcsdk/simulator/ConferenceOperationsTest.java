package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static io.github.wxcsdk.simulator.SimClient.callIdBody;
import static io.github.wxcsdk.simulator.SimClient.expect204;
import static io.github.wxcsdk.simulator.SimClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The happy path of every operation: status, body, headers and the state it leaves. */
class ConferenceOperationsTest {
    private static final Instant NOW = Instant.parse("2023-03-02T15:00:00Z");
    private static WebexSimulator simulator;

    private SimClient user;
    private String a;
    private String b;

    @BeforeAll
    static void startSimulator() {
        simulator = WebexSimulator.start(0, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void newUserWithTwoCalls() {
        user = SimClient.newUser(simulator);
        a = user.createCall();
        b = user.createCall();
    }

    @Test
    void detailsWithoutConferenceAreAnEmptyObject() {
        HttpResponse<String> response = user.get(CONFERENCE);

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{}", response.body());
        assertTrue(response.headers().firstValue("trackingid").orElseThrow().matches("SIM_[0-9a-f-]{36}"));
    }

    @Test
    void startJoinsTheCallsIntoAConnectedConference() {
        HttpResponse<String> response = user.post(CONFERENCE, SimClient.startBody(a, b));

        expect204(response);
        assertTrue(response.headers().firstValue("trackingid").isPresent());
        assertTrue(response.headers().firstValue("Content-Type").isEmpty());
        assertEquals(json("""
                {"state": "connected", "appearance": 1, "created": "2023-03-02T15:00:00.000Z", "muted": false,
                 "participants": [{"callId": "%s", "muted": false, "deafened": false},
                                  {"callId": "%s", "muted": false, "deafened": false}]}
                """.formatted(a, b)), user.details());
    }

    @Test
    void trackingIdOfTheRequestIsEchoed() {
        HttpResponse<String> response = user.send("GET", CONFERENCE, null, "TrackingID", "WXCJAVA_1234");

        assertEquals("WXCJAVA_1234", response.headers().firstValue("trackingid").orElseThrow());
    }

    @Test
    void addParticipantAppendsTheCall() {
        user.startConference(a, b);
        String c = user.createCall();

        expect204(user.post(CONFERENCE + "/addParticipant", callIdBody(c)));

        JsonNode participants = user.details().get("participants");
        assertEquals(3, participants.size());
        assertEquals(c, participants.get(2).get("callId").textValue());
    }

    @Test
    void muteAndUnmuteWithoutCallIdActOnTheHost() {
        user.startConference(a, b);

        expect204(user.post(CONFERENCE + "/mute", "{}"));
        assertTrue(user.details().get("muted").booleanValue());
        expect204(user.post(CONFERENCE + "/unmute", null));
        assertFalse(user.details().get("muted").booleanValue());
        expect204(user.post(CONFERENCE + "/mute", null));
        assertTrue(user.details().get("muted").booleanValue());
        // what a generated client sends for an unset field
        expect204(user.post(CONFERENCE + "/unmute", "{\"callId\": null}"));
        assertFalse(user.details().get("muted").booleanValue());
        assertFalse(participant(b).get("muted").booleanValue());
    }

    @Test
    void muteAndUnmuteWithCallIdActOnThatParticipant() {
        user.startConference(a, b);

        expect204(user.post(CONFERENCE + "/mute", callIdBody(b)));
        assertTrue(participant(b).get("muted").booleanValue());
        assertFalse(participant(a).get("muted").booleanValue());
        assertFalse(user.details().get("muted").booleanValue());

        expect204(user.post(CONFERENCE + "/unmute", callIdBody(b)));
        assertFalse(participant(b).get("muted").booleanValue());
    }

    @Test
    void deafenAndUndeafenActOnThatParticipant() {
        user.startConference(a, b);

        expect204(user.post(CONFERENCE + "/deafen", callIdBody(a)));
        assertTrue(participant(a).get("deafened").booleanValue());
        assertFalse(participant(b).get("deafened").booleanValue());

        expect204(user.post(CONFERENCE + "/undeafen", callIdBody(a)));
        assertFalse(participant(a).get("deafened").booleanValue());
    }

    @Test
    void holdAndResumeChangeTheState() {
        user.startConference(a, b);

        expect204(user.post(CONFERENCE + "/hold", null));
        assertEquals("held", user.details().get("state").textValue());
        expect204(user.post(CONFERENCE + "/resume", null));
        assertEquals("connected", user.details().get("state").textValue());
    }

    @Test
    void releaseEndsTheConferenceAndItsCalls() {
        user.startConference(a, b);

        expect204(user.delete(CONFERENCE));

        assertEquals(json("{}"), user.details());
        assertEquals(404, user.post(CONFERENCE, SimClient.startBody(a, b)).statusCode());
    }

    @Test
    void aNewConferenceAfterReleaseGetsTheNextAppearance() {
        user.startConference(a, b);
        expect204(user.delete(CONFERENCE));

        user.startConference(user.createCall(), user.createCall());

        assertEquals(2, user.details().get("appearance").intValue());
    }

    static Stream<Arguments> nonGetOperations() {
        return Stream.of(
                Arguments.of("POST", "/addParticipant", (Function<SimClient, String>) u -> callIdBody(u.createCall())),
                Arguments.of("POST", "/mute", (Function<SimClient, String>) u -> "{}"),
                Arguments.of("POST", "/unmute", (Function<SimClient, String>) u -> "{}"),
                Arguments.of("POST", "/deafen", (Function<SimClient, String>) u -> callIdBody(firstCall(u))),
                Arguments.of("POST", "/undeafen", (Function<SimClient, String>) u -> callIdBody(firstCall(u))),
                Arguments.of("POST", "/hold", (Function<SimClient, String>) u -> null),
                Arguments.of("POST", "/resume", (Function<SimClient, String>) u -> null),
                Arguments.of("DELETE", "", (Function<SimClient, String>) u -> null));
    }

    @ParameterizedTest(name = "{0} conference{1}")
    @MethodSource("nonGetOperations")
    void everyNonGetOperationAnswers204WithoutBodyAndWithTrackingId(String method, String subPath,
            Function<SimClient, String> body) {
        user.startConference(a, b);

        HttpResponse<String> response = user.send(method, CONFERENCE + subPath, body.apply(user),
                "TrackingID", "WXCJAVA_op");

        expect204(response);
        assertEquals("WXCJAVA_op", response.headers().firstValue("trackingid").orElseThrow());
    }

    private static String firstCall(SimClient user) {
        return user.details().get("participants").get(0).get("callId").textValue();
    }

    private JsonNode participant(String callId) {
        for (JsonNode participant : user.details().get("participants")) {
            if (participant.get("callId").textValue().equals(callId)) {
                return participant;
            }
        }
        throw new AssertionError("no participant " + callId);
    }
}
