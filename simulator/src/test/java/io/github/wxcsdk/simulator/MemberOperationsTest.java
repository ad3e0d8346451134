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

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The members/{memberId} and members/me operations: who may act on whom, and that they are the user-level ones. */
@ExtendWith(WebexSimulatorExtension.class)
class MemberOperationsTest {
    private WebexSimulator simulator;
    private Org org;
    private SimClient admin;

    @BeforeEach
    void orgWithAServiceApp(WebexSimulator simulator) {
        this.simulator = simulator;
        org = simulator.createOrg("org-" + UUID.randomUUID());
        admin = new SimClient(simulator, simulator.createServiceAppToken(org.id()));
    }

    private static String member(String memberId) {
        return CONFERENCE + "/members/" + URLEncoder.encode(memberId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Member person() {
        return simulator.createMember(org.id(), MemberType.PERSON);
    }

    private JsonNode details(SimClient caller, String path) {
        HttpResponse<String> response = caller.get(path);
        assertEquals(200, response.statusCode(), response::body);
        return json(response);
    }

    @ParameterizedTest
    @EnumSource(MemberType.class)
    void serviceAppRunsEveryControlOnAMemberOfItsOrg(MemberType type) {
        Member agent = simulator.createMember(org.id(), type);
        String a = simulator.createMemberCall(agent.id());
        String b = simulator.createMemberCall(agent.id());
        String c = simulator.createMemberCall(agent.id());
        String path = member(agent.id());

        expect204(admin.post(path + "/conference", startBody(a, b)));
        expect204(admin.post(path + "/addParticipant", callIdBody(c)));
        expect204(admin.post(path + "/mute", null));
        expect204(admin.post(path + "/mute", callIdBody(b)));
        expect204(admin.post(path + "/deafen", callIdBody(c)));
        expect204(admin.post(path + "/hold", null));
        JsonNode details = details(admin, path + "/conference");
        assertEquals("held", details.get("state").textValue());
        assertTrue(details.get("muted").booleanValue());
        assertEquals(3, details.get("participants").size());
        assertTrue(details.get("participants").get(1).get("muted").booleanValue());
        assertTrue(details.get("participants").get(2).get("deafened").booleanValue());

        expect204(admin.post(path + "/resume", null));
        expect204(admin.post(path + "/unmute", "{}"));
        expect204(admin.post(path + "/unmute", callIdBody(b)));
        expect204(admin.post(path + "/undeafen", callIdBody(c)));
        details = details(admin, path + "/conference");
        assertEquals("connected", details.get("state").textValue());
        assertFalse(details.get("muted").booleanValue());
        assertFalse(details.get("participants").get(1).get("muted").booleanValue());
        assertFalse(details.get("participants").get(2).get("deafened").booleanValue());

        expect204(admin.delete(path + "/conference"));
        assertEquals(json("{}"), details(admin, path + "/conference"));
    }

    @Test
    void userLevelMembersMeAndMembersIdShareTheMembersState() {
        Member alice = person();
        SimClient user = new SimClient(simulator, simulator.createUserToken(alice.id()));
        String a = user.createCall();
        String b = user.createCall();

        expect204(user.post(CONFERENCE + "/members/me/conference", startBody(a, b)));
        expect204(user.post(CONFERENCE + "/members/me/hold", null));

        assertEquals("held", user.details().get("state").textValue());
        assertEquals(user.details(), details(user, CONFERENCE + "/members/me/conference"));
        assertEquals(user.details(), details(admin, member(alice.id()) + "/conference"));
        expect204(admin.delete(member(alice.id()) + "/conference"));
        assertEquals(json("{}"), user.details());
    }

    @Test
    void membersMeTakesLineOwnerIdWhereTheUserLevelOperationsDo() {
        SimClient user = SimClient.newUser(simulator);
        String body = "{\"lineOwnerId\": \"line-2\", \"callIds\": [\"%s\", \"%s\"]}"
                .formatted(user.createCall(), user.createCall());

        expect204(user.post(CONFERENCE + "/members/me/conference", body));
        expect204(user.post(CONFERENCE + "/members/me/hold?lineOwnerId=line-2", null));

        assertEquals(json("{}"), user.details());
        assertEquals("held", user.details("?lineOwnerId=line-2").get("state").textValue());
        assertEquals("held", details(user, CONFERENCE + "/members/me/conference?lineOwnerId=line-2")
                .get("state").textValue());
    }

    @Test
    void memberViewsIgnoreLineOwnerId() {
        Member agent = person();
        String a = simulator.createMemberCall(agent.id());
        String b = simulator.createMemberCall(agent.id());
        String path = member(agent.id());

        expect204(admin.post(path + "/conference", "{\"lineOwnerId\": \"line-2\", \"callIds\": [\"%s\", \"%s\"]}"
                .formatted(a, b)));
        expect204(admin.post(path + "/hold?lineOwnerId=line-2", null));

        JsonNode ownLine = details(admin, path + "/conference?lineOwnerId=line-2");
        assertEquals("held", ownLine.get("state").textValue());
        assertEquals(ownLine, details(admin, path + "/conference"));
    }

    @Test
    void serviceAppActsOnAManagedOrgWithOrgId() {
        Org customer = simulator.createManagedOrg("customer-" + UUID.randomUUID(), org.id());
        Member agent = simulator.createMember(customer.id(), MemberType.WORKSPACE);
        String a = simulator.createMemberCall(agent.id());
        String b = simulator.createMemberCall(agent.id());
        String orgQuery = "?orgId=" + URLEncoder.encode(customer.id(), StandardCharsets.UTF_8);

        expect204(admin.post(member(agent.id()) + "/conference" + orgQuery, startBody(a, b)));

        assertEquals(2, details(admin, member(agent.id()) + "/conference" + orgQuery).get("participants").size());
        // without orgId the Service App's own org is meant, where the workspace is not a member
        assertProblem(admin.get(member(agent.id()) + "/conference"), Problem.MEMBER_NOT_FOUND);
    }

    @Test
    void idsWithReservedCharactersAreOneSegmentAndOneQueryValue() {
        Org odd = simulator.createManagedOrg("org/?#% +=" + UUID.randomUUID(), org.id());
        Member agent = simulator.createMember(odd.id(), MemberType.VIRTUAL_LINE,
                "line/1?x=2#frag%25 " + UUID.randomUUID());
        String a = simulator.createMemberCall(agent.id());
        String b = simulator.createMemberCall(agent.id());
        String orgQuery = "?orgId=" + URLEncoder.encode(odd.id(), StandardCharsets.UTF_8);
        String path = member(agent.id());
        assertTrue(path.contains("%2F") && path.contains("%3F") && path.contains("%23") && path.contains("%25")
                && path.contains("%20"), path);

        expect204(admin.post(path + "/conference" + orgQuery, startBody(a, b)));

        assertEquals(2, details(admin, path + "/conference" + orgQuery).get("participants").size());
    }

    @Test
    void aManagedOrgsServiceAppMayNotActOnItsPartner() {
        Org customer = simulator.createManagedOrg("customer-" + UUID.randomUUID(), org.id());
        SimClient customerAdmin = admin.as(simulator.createServiceAppToken(customer.id()));
        Member partnerAgent = person();

        assertProblem(customerAdmin.get(member(partnerAgent.id()) + "/conference?orgId=" + org.id()),
                Problem.ORG_FORBIDDEN);
    }

    @Test
    void anOrgNeitherOwnNorManagedIs403AndChangesNothing() {
        Org other = simulator.createOrg("other-" + UUID.randomUUID());
        Member agent = simulator.createMember(other.id(), MemberType.PERSON);
        String a = simulator.createMemberCall(agent.id());
        String b = simulator.createMemberCall(agent.id());

        assertProblem(admin.post(member(agent.id()) + "/conference?orgId=" + other.id(), startBody(a, b)),
                Problem.ORG_FORBIDDEN);
        assertProblem(admin.get(member(agent.id()) + "/conference?orgId=no-such-org"), Problem.ORG_FORBIDDEN);
        SimClient otherAdmin = admin.as(simulator.createServiceAppToken(other.id()));
        assertEquals(json("{}"), details(otherAdmin, member(agent.id()) + "/conference"));
    }

    @Test
    void unknownMemberIs404() {
        assertProblem(admin.get(member("nobody-" + UUID.randomUUID()) + "/conference"), Problem.MEMBER_NOT_FOUND);
        assertProblem(admin.post(member("nobody") + "/bargeIn", null), Problem.MEMBER_NOT_FOUND);
    }

    @Test
    void eachOperationNeedsItsAdminScope() {
        Member agent = person();
        SimClient reader = admin.as(simulator.createServiceAppToken(org.id(), Set.of("spark-admin:calls_read")));
        SimClient writer = admin.as(simulator.createServiceAppToken(org.id(), Set.of("spark-admin:calls_write")));
        SimClient none = admin.as(simulator.createServiceAppToken(org.id(), Set.of()));

        assertEquals(200, reader.get(member(agent.id()) + "/conference").statusCode());
        JsonNode error = assertProblem(reader.post(member(agent.id()) + "/hold", null), Problem.MISSING_SCOPE);
        assertTrue(error.get("message").textValue().contains("spark-admin:calls_write"), error::toString);
        assertProblem(writer.get(member(agent.id()) + "/conference"), Problem.MISSING_SCOPE);
        assertProblem(writer.post(member(agent.id()) + "/hold", null), Problem.CONFERENCE_NOT_FOUND);
        assertProblem(none.post(member(agent.id()) + "/bargeIn", null), Problem.MISSING_SCOPE);
    }

    @Test
    void aUserTokenMayNotUseMemberIdEvenForItself() {
        Member alice = person();
        SimClient user = new SimClient(simulator, simulator.createUserToken(alice.id()));

        assertProblem(user.get(member(alice.id()) + "/conference"), Problem.MISSING_SCOPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/members/me/conference", "/mute", "/members/me/mute", "/members/me/bargeIn"})
    void aServiceAppHasNoMemberOfItsOwn(String subPath) {
        String method = subPath.endsWith("conference") || subPath.isEmpty() ? "GET" : "POST";

        assertProblem(admin.send(method, CONFERENCE + subPath, null), Problem.NOT_A_USER_TOKEN);
        assertProblem(admin.post("/_simulator/calls", null), Problem.NOT_A_USER_TOKEN);
    }

    @Test
    void faultsOfAServiceAppTokenComeBeforeAuthorization() {
        simulator.addFault(admin.token(), Fault.of(503));

        HttpResponse<String> faulted = admin.get(member("nobody") + "/conference");

        WebexErrorAssertions.assertWebexError(faulted, 503, 50399);
        assertProblem(admin.get(member("nobody") + "/conference"), Problem.MEMBER_NOT_FOUND);
    }

    @Test
    void memberPathsStillAnswer405ForOtherMethods() {
        HttpResponse<String> response = admin.send("PUT", member(person().id()) + "/mute", null);

        assertProblem(response, Problem.METHOD_NOT_ALLOWED);
        assertEquals("POST", response.headers().firstValue("Allow").orElseThrow());
    }
}
