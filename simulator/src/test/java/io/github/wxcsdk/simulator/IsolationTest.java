package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static io.github.wxcsdk.simulator.SimClient.callIdBody;
import static io.github.wxcsdk.simulator.SimClient.expect204;
import static io.github.wxcsdk.simulator.SimClient.json;
import static io.github.wxcsdk.simulator.SimClient.startBody;
import static io.github.wxcsdk.simulator.WebexErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A conference per line owner; state per token. */
@ExtendWith(WebexSimulatorExtension.class)
class IsolationTest {
    private WebexSimulator simulator;

    @BeforeEach
    void useTheClassSimulator(WebexSimulator simulator) {
        this.simulator = simulator;
    }

    @Test
    void eachLineOwnerHasItsOwnConference() {
        SimClient user = SimClient.newUser(simulator);
        String a = user.createCall();
        String b = user.createCall();
        String c = user.createCall();
        String d = user.createCall();
        user.startConference(a, b);
        user.startConferenceOn("workspace-1", c, d);

        assertEquals(a, user.details().get("participants").get(0).get("callId").textValue());
        assertEquals(c, user.details("?lineOwnerId=workspace-1").get("participants").get(0).get("callId").textValue());
        assertEquals(json("{}"), user.details("?lineOwnerId=someone-else"));

        expect204(user.post(CONFERENCE + "/hold?lineOwnerId=workspace-1", null));
        assertEquals("held", user.details("?lineOwnerId=workspace-1").get("state").textValue());
        assertEquals("connected", user.details().get("state").textValue());

        expect204(user.post(CONFERENCE + "/resume?lineOwnerId=workspace-1", null));
        assertEquals("connected", user.details("?lineOwnerId=workspace-1").get("state").textValue());

        String e = user.createCall();
        expect204(user.post(CONFERENCE + "/addParticipant",
                "{\"callId\": \"%s\", \"lineOwnerId\": \"workspace-1\"}".formatted(e)));
        assertEquals(3, user.details("?lineOwnerId=workspace-1").get("participants").size());
        assertEquals(2, user.details().get("participants").size());

        // participant controls find the call's conference whatever its line
        expect204(user.post(CONFERENCE + "/mute", callIdBody(e)));
        assertTrue(user.details("?lineOwnerId=workspace-1").get("participants").get(2).get("muted").booleanValue());

        // host mute has no lineOwnerId: it acts on the user's own line
        expect204(user.post(CONFERENCE + "/mute", "{}"));
        assertTrue(user.details().get("muted").booleanValue());
        assertFalse(user.details("?lineOwnerId=workspace-1").get("muted").booleanValue());

        expect204(user.delete(CONFERENCE + "?lineOwnerId=workspace-1"));
        assertEquals(json("{}"), user.details("?lineOwnerId=workspace-1"));
        assertEquals(2, user.details().get("participants").size());
    }

    @Test
    void lineOwnerIdIsDecodedFromTheQuery() {
        SimClient user = SimClient.newUser(simulator);
        user.startConferenceOn("line owner/1", user.createCall(), user.createCall());

        assertEquals("connected", user.details("?lineOwnerId=line+owner%2F1").get("state").textValue());
    }

    @Test
    void hostMuteNeedsAConferenceOnTheOwnLine() {
        SimClient user = SimClient.newUser(simulator);
        user.startConferenceOn("workspace-1", user.createCall(), user.createCall());

        assertProblem(user.post(CONFERENCE + "/mute", "{}"), Problem.CONFERENCE_NOT_FOUND);
    }

    @Test
    void usersSeeNeitherEachOthersConferencesNorCalls() {
        SimClient alice = SimClient.newUser(simulator);
        SimClient bob = SimClient.newUser(simulator);
        String a1 = alice.createCall();
        String a2 = alice.createCall();
        alice.startConference(a1, a2);

        assertEquals(json("{}"), bob.details());
        assertProblem(bob.post(CONFERENCE, startBody(a1, a2)), Problem.CALL_NOT_FOUND);
        assertProblem(bob.post(CONFERENCE + "/mute", callIdBody(a1)), Problem.CALL_NOT_FOUND);
        assertProblem(bob.delete(CONFERENCE), Problem.CONFERENCE_NOT_FOUND);

        String b1 = bob.createCall();
        String b2 = bob.createCall();
        bob.startConference(b1, b2);
        assertProblem(bob.post(CONFERENCE + "/mute", callIdBody(a1)), Problem.CALL_NOT_FOUND);
        assertProblem(bob.post(CONFERENCE + "/addParticipant", callIdBody(a1)), Problem.CALL_NOT_FOUND);

        simulator.reset(bob.token());
        assertEquals(json("{}"), bob.details());
        assertEquals(2, alice.details().get("participants").size());
    }
}
