package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static io.github.wxcsdk.simulator.SimClient.expect204;
import static io.github.wxcsdk.simulator.SimClient.json;
import static io.github.wxcsdk.simulator.SimClient.startBody;
import static io.github.wxcsdk.simulator.WebexErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The org-model requests of the /_simulator control surface and their Java counterparts. */
@ExtendWith(WebexSimulatorExtension.class)
class OrgControlSurfaceTest {
    private WebexSimulator simulator;
    private SimClient control;

    @BeforeEach
    void useTheClassSimulator(WebexSimulator simulator) {
        this.simulator = simulator;
        control = new SimClient(simulator, null);
    }

    private JsonNode created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response::body);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        return json(response);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void anUnknownTokenIsAPersonOfTheDefaultOrg() {
        SimClient user = SimClient.newUser(simulator);

        HttpResponse<String> me = user.get("/_simulator/me");

        assertEquals(200, me.statusCode(), me::body);
        Member member = simulator.memberOf(user.token());
        assertEquals(json("{\"memberId\": \"%s\", \"orgId\": \"%s\", \"type\": \"person\"}"
                .formatted(member.id(), WebexSimulator.DEFAULT_ORG_ID)), json(me));
        assertNotEquals(member.id(), simulator.memberOf(SimClient.newUser(simulator).token()).id());
    }

    @Test
    void createsOrgsWithGeneratedOrChosenIdsAndManagedRelations() {
        JsonNode generated = created(control.post("/_simulator/orgs", null));
        String partner = unique("partner");
        String customer = unique("customer");

        assertTrue(generated.get("orgId").textValue().matches("[A-Za-z0-9_-]+"), generated::toString);
        assertFalse(generated.has("managedBy"));
        assertEquals(json("{\"orgId\": \"%s\"}".formatted(partner)),
                created(control.post("/_simulator/orgs", "{\"orgId\": \"%s\"}".formatted(partner))));
        assertEquals(json("{\"orgId\": \"%s\", \"managedBy\": \"%s\"}".formatted(customer, partner)),
                created(control.post("/_simulator/orgs",
                        "{\"orgId\": \"%s\", \"managedBy\": \"%s\"}".formatted(customer, partner))));
        assertProblem(control.post("/_simulator/orgs", "{\"orgId\": \"%s\"}".formatted(partner)),
                Problem.ID_ALREADY_EXISTS);
        assertProblem(control.post("/_simulator/orgs", "{\"managedBy\": \"nowhere\"}"), Problem.ORG_NOT_FOUND);
    }

    @Test
    void createsMembersOfEveryType() {
        Org org = simulator.createOrg();

        JsonNode person = created(control.post("/_simulator/members", "{\"orgId\": \"%s\"}".formatted(org.id())));
        JsonNode workspace = created(control.post("/_simulator/members",
                "{\"orgId\": \"%s\", \"type\": \"workspace\", \"memberId\": \"ws-1-%s\"}"
                        .formatted(org.id(), org.id())));
        JsonNode line = created(control.post("/_simulator/members", "{\"type\": \"virtualLine\"}"));

        assertEquals("person", person.get("type").textValue());
        assertEquals(org.id(), person.get("orgId").textValue());
        assertEquals("ws-1-" + org.id(), workspace.get("memberId").textValue());
        assertEquals("workspace", workspace.get("type").textValue());
        assertEquals(WebexSimulator.DEFAULT_ORG_ID, line.get("orgId").textValue());
        assertEquals("virtualLine", line.get("type").textValue());
        assertProblem(control.post("/_simulator/members", "{\"type\": \"robot\"}"), Problem.INVALID_CONTROL_REQUEST);
        assertProblem(control.post("/_simulator/members", "{\"orgId\": \"nowhere\"}"), Problem.ORG_NOT_FOUND);
        assertProblem(control.post("/_simulator/members", "{\"memberId\": \"ws-1-%s\"}".formatted(org.id())),
                Problem.ID_ALREADY_EXISTS);
    }

    @Test
    void createsUserTokensThatActOnTheirMember() {
        Member alice = simulator.createMember(simulator.createOrg().id(), MemberType.PERSON);
        String chosen = unique("alice-token");

        JsonNode generated = created(control.post("/_simulator/tokens",
                "{\"memberId\": \"%s\"}".formatted(alice.id())));
        JsonNode fixed = created(control.post("/_simulator/tokens",
                "{\"memberId\": \"%s\", \"token\": \"%s\"}".formatted(alice.id(), chosen)));

        assertEquals(alice.id(), generated.get("memberId").textValue());
        assertEquals(chosen, fixed.get("token").textValue());
        assertEquals(alice, simulator.memberOf(generated.get("token").textValue()));
        SimClient user = new SimClient(simulator, chosen);
        user.startConference(user.createCall(), user.createCall());
        assertEquals(2, new SimClient(simulator, generated.get("token").textValue()).details()
                .get("participants").size());
        assertProblem(control.post("/_simulator/tokens", "{\"memberId\": \"%s\", \"token\": \"%s\"}"
                .formatted(alice.id(), chosen)), Problem.ID_ALREADY_EXISTS);
    }

    @Test
    void workspacesAndVirtualLinesHaveNoUserTokens() {
        Member room = simulator.createMember(WebexSimulator.DEFAULT_ORG_ID, MemberType.WORKSPACE);

        assertProblem(control.post("/_simulator/tokens", "{\"memberId\": \"%s\"}".formatted(room.id())),
                Problem.INVALID_CONTROL_REQUEST);
        assertThrows(IllegalArgumentException.class, () -> simulator.createUserToken(room.id()));
    }

    @Test
    void createsServiceAppTokensWithDefaultOrChosenScopes() {
        Org org = simulator.createOrg();
        String chosen = unique("app-token");

        JsonNode defaults = created(control.post("/_simulator/tokens", "{\"orgId\": \"%s\"}".formatted(org.id())));
        JsonNode readOnly = created(control.post("/_simulator/tokens",
                "{\"orgId\": \"%s\", \"scopes\": [\"spark-admin:calls_read\"], \"token\": \"%s\"}"
                        .formatted(org.id(), chosen)));

        assertEquals(json("[\"spark-admin:calls_read\", \"spark-admin:calls_write\"]"), defaults.get("scopes"));
        assertEquals(org.id(), defaults.get("orgId").textValue());
        assertEquals(chosen, readOnly.get("token").textValue());
        assertEquals(json("[\"spark-admin:calls_read\"]"), readOnly.get("scopes"));
        Member agent = simulator.createMember(org.id(), MemberType.PERSON);
        SimClient reader = new SimClient(simulator, chosen);
        assertEquals(200, reader.get(CONFERENCE + "/members/" + agent.id() + "/conference").statusCode());
        assertProblem(reader.post(CONFERENCE + "/members/" + agent.id() + "/hold", null), Problem.MISSING_SCOPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"memberId\": \"m\", \"orgId\": \"o\"}", "{\"orgId\": \"o\", \"scopes\": \"x\"}",
        "{\"orgId\": \"o\", \"scopes\": [\"\"]}", "{\"orgId\": \"o\", \"token\": \"two words\"}",
        "{\"memberId\": \"m\", \"scopes\": []}", "{\"orgId\": \"o\", \"secret\": 1}"})
    void invalidTokenRequestsAre400(String body) {
        assertProblem(control.post("/_simulator/tokens", body), Problem.INVALID_CONTROL_REQUEST);
    }

    @Test
    void createsCallsOfAnyMember() {
        Member room = simulator.createMember(WebexSimulator.DEFAULT_ORG_ID, MemberType.WORKSPACE);
        String path = "/_simulator/members/" + room.id() + "/calls";

        String generated = created(control.post(path, null)).get("callId").textValue();
        assertEquals("c1", created(control.post(path, "{\"callId\": \"c1\"}")).get("callId").textValue());
        assertProblem(control.post(path, "{\"callId\": \"c1\"}"), Problem.CALL_ALREADY_EXISTS);
        assertProblem(control.post("/_simulator/members/nobody/calls", null), Problem.MEMBER_NOT_FOUND);

        SimClient admin = new SimClient(simulator, simulator.createServiceAppToken(WebexSimulator.DEFAULT_ORG_ID));
        expect204(admin.post(CONFERENCE + "/members/" + room.id() + "/conference", startBody(generated, "c1")));
    }

    @Test
    void sceneRequestsNeedNoTokenButCallerRequestsDo() {
        assertEquals(201, control.post("/_simulator/orgs", "{}").statusCode());
        assertProblem(control.get("/_simulator/me"), Problem.UNAUTHORIZED);
    }

    @Test
    void resetAllForgetsTheWholeModelButKeepsTheDefaultOrg() {
        WebexSimulator own = WebexSimulator.start();
        try (own) {
            Org org = own.createOrg("acme");
            Member agent = own.createMember(org.id(), MemberType.PERSON, "agent");
            own.createUserToken(agent.id(), "agent-token");
            own.createServiceAppToken(org.id(), WebexSimulator.SERVICE_APP_SCOPES, "app-token");
            SimClient user = new SimClient(own, "agent-token");
            user.startConference(user.createCall(), user.createCall());

            expect204(new SimClient(own, null).post("/_simulator/resetAll", null));

            // the same fixture can be set up again, and the old token is an unknown one: a fresh default-org user
            assertEquals(json("{}"), user.details());
            assertEquals(WebexSimulator.DEFAULT_ORG_ID, own.memberOf("agent-token").orgId());
            assertEquals(new Org("acme", Optional.empty()), own.createOrg("acme"));
            own.createMember("acme", MemberType.PERSON, "agent");
            own.resetAll();
            own.createOrg("acme");
        }
    }

    @Test
    void javaApiValidatesArgumentsBeforeActing() {
        assertThrows(NullPointerException.class, () -> simulator.createOrg(null));
        assertThrows(IllegalArgumentException.class, () -> simulator.createOrg(" "));
        assertThrows(IllegalArgumentException.class, () -> simulator.createManagedOrg(unique("o"), "nowhere"));
        assertThrows(NullPointerException.class, () -> simulator.createMember(WebexSimulator.DEFAULT_ORG_ID, null));
        assertThrows(IllegalArgumentException.class, () -> simulator.createMember("nowhere", MemberType.PERSON));
        assertThrows(IllegalArgumentException.class, () -> simulator.createUserToken("nobody"));
        assertThrows(IllegalArgumentException.class, () -> simulator.createServiceAppToken("nowhere"));
        assertThrows(NullPointerException.class,
                () -> simulator.createServiceAppToken(WebexSimulator.DEFAULT_ORG_ID, null));
        assertThrows(IllegalArgumentException.class,
                () -> simulator.createServiceAppToken(WebexSimulator.DEFAULT_ORG_ID, Set.of(), "two words"));
        assertThrows(IllegalArgumentException.class, () -> simulator.createMemberCall("nobody"));
        String app = simulator.createServiceAppToken(WebexSimulator.DEFAULT_ORG_ID);
        assertThrows(IllegalArgumentException.class, () -> simulator.createCall(app));
        assertThrows(IllegalArgumentException.class, () -> simulator.memberOf(app));
    }

    @Test
    void javaApiRefusesAClosedSimulator() {
        WebexSimulator closed = WebexSimulator.start();
        closed.close();

        assertThrows(IllegalStateException.class, closed::createOrg);
        assertThrows(IllegalStateException.class, () -> closed.createServiceAppToken(WebexSimulator.DEFAULT_ORG_ID));
        assertThrows(IllegalStateException.class, closed::resetAll);
    }
}
