package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static io.github.wxcsdk.simulator.SimClient.expect204;
import static io.github.wxcsdk.simulator.SimClient.json;
import static io.github.wxcsdk.simulator.WebexErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A supervisor silently monitoring an agent, and bargeIn, silentMonitor and supervisorCoach. */
@ExtendWith(WebexSimulatorExtension.class)
class SupervisionTest {
    private WebexSimulator simulator;
    private Org org;
    private Member supervisor;
    private Member agent;
    private SimClient supervisorUser;
    private SimClient admin;

    @BeforeEach
    void orgWithSupervisorAndAgent(WebexSimulator simulator) {
        this.simulator = simulator;
        org = simulator.createOrg("org-" + UUID.randomUUID());
        supervisor = simulator.createMember(org.id(), MemberType.PERSON);
        agent = simulator.createMember(org.id(), MemberType.PERSON);
        supervisorUser = new SimClient(simulator, simulator.createUserToken(supervisor.id()));
        admin = supervisorUser.as(simulator.createServiceAppToken(org.id()));
    }

    private String supervisorPath() {
        return CONFERENCE + "/members/" + supervisor.id();
    }

    private String type() {
        return supervisorUser.details().path("type").textValue();
    }

    @Test
    void aSupervisionGivesTheSupervisorASilentMonitoringConference() {
        Supervision supervision = simulator.startSupervision(supervisor.id(), agent.id());

        assertEquals(supervisor.id(), supervision.supervisorId());
        assertEquals(agent.id(), supervision.agentId());
        assertEquals(2, supervision.supervisorCallIds().size());
        JsonNode details = supervisorUser.details();
        assertEquals("silentMonitoring", details.get("type").textValue());
        assertEquals("connected", details.get("state").textValue());
        JsonNode participants = details.get("participants");
        assertEquals(supervision.supervisorCallIds().get(0), participants.get(0).get("callId").textValue());
        assertEquals(supervision.supervisorCallIds().get(1), participants.get(1).get("callId").textValue());
        // the agent's call is the agent's own, in no conference
        HttpResponse<String> agentDetails = admin.get(CONFERENCE + "/members/" + agent.id() + "/conference");
        assertEquals(json("{}"), json(agentDetails));
    }

    @Test
    void membersMeSwitchesBetweenTheThreeModes() {
        simulator.startSupervision(supervisor.id(), agent.id());

        expect204(supervisorUser.post(CONFERENCE + "/members/me/supervisorCoach", null));
        assertEquals("coaching", type());
        expect204(supervisorUser.post(CONFERENCE + "/members/me/bargeIn", null));
        assertEquals("bargeIn", type());
        expect204(supervisorUser.post(CONFERENCE + "/members/me/bargeIn", null));
        assertEquals("bargeIn", type());
        expect204(supervisorUser.post(CONFERENCE + "/members/me/silentMonitor", null));
        assertEquals("silentMonitoring", type());
    }

    @Test
    void aServiceAppSwitchesTheMembersModes() {
        simulator.startSupervision(supervisor.id(), agent.id());

        expect204(admin.post(supervisorPath() + "/bargeIn", null));
        assertEquals("bargeIn", json(admin.get(supervisorPath() + "/conference")).get("type").textValue());
        expect204(admin.post(supervisorPath() + "/supervisorCoach", null));
        assertEquals("coaching", type());
        expect204(admin.post(supervisorPath() + "/silentMonitor", null));
        assertEquals("silentMonitoring", type());
    }

    @Test
    void theOtherControlsWorkOnASupervisorsConference() {
        Supervision supervision = simulator.startSupervision(supervisor.id(), agent.id());

        expect204(supervisorUser.post(CONFERENCE + "/hold", null));
        String customerLeg = supervision.supervisorCallIds().get(1);
        expect204(supervisorUser.post(CONFERENCE + "/mute", SimClient.callIdBody(customerLeg)));

        JsonNode details = supervisorUser.details();
        assertEquals("held", details.get("state").textValue());
        assertEquals("silentMonitoring", details.get("type").textValue());
        expect204(supervisorUser.delete(CONFERENCE));
        assertEquals(json("{}"), supervisorUser.details());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bargeIn", "silentMonitor", "supervisorCoach"})
    void withoutAConferenceTheyAre404(String operation) {
        assertProblem(supervisorUser.post(CONFERENCE + "/members/me/" + operation, null), Problem.CONFERENCE_NOT_FOUND);
        assertProblem(admin.post(supervisorPath() + "/" + operation, null), Problem.CONFERENCE_NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bargeIn", "silentMonitor", "supervisorCoach"})
    void onAStandardConferenceTheyAre409AndChangeNothing(String operation) {
        supervisorUser.startConference(supervisorUser.createCall(), supervisorUser.createCall());

        assertProblem(supervisorUser.post(CONFERENCE + "/members/me/" + operation, null), Problem.NOT_A_SUPERVISION);
        assertProblem(admin.post(supervisorPath() + "/" + operation, null), Problem.NOT_A_SUPERVISION);

        assertFalse(supervisorUser.details().has("type"));
    }

    @Test
    void theSupervisorOperationsExistForMembersOnly() {
        assertProblem(supervisorUser.post(CONFERENCE + "/bargeIn", null), Problem.RESOURCE_NOT_FOUND);
    }

    @Test
    void aSupervisionOfAChosenAgentCall() {
        String customerCall = simulator.createMemberCall(agent.id());

        Supervision supervision = simulator.startSupervision(supervisor.id(), agent.id(), customerCall);

        assertEquals(customerCall, supervision.agentCallId());
        assertThrows(IllegalArgumentException.class,
                () -> simulator.startSupervision(agent.id(), supervisor.id(), "no-such-call"));
    }

    @Test
    void controlSurfaceStartsASupervision() {
        String customerCall = simulator.createMemberCall(agent.id());
        SimClient anonymous = supervisorUser.as(null);

        HttpResponse<String> response = anonymous.post("/_simulator/supervisions",
                "{\"supervisorId\": \"%s\", \"agentId\": \"%s\", \"agentCallId\": \"%s\"}"
                        .formatted(supervisor.id(), agent.id(), customerCall));

        assertEquals(201, response.statusCode(), response::body);
        JsonNode answer = json(response);
        assertEquals(supervisor.id(), answer.get("supervisorId").textValue());
        assertEquals(agent.id(), answer.get("agentId").textValue());
        assertEquals(customerCall, answer.get("agentCallId").textValue());
        List<String> legs = List.of(answer.get("supervisorCallIds").get(0).textValue(),
                answer.get("supervisorCallIds").get(1).textValue());
        assertEquals(legs.get(0), supervisorUser.details().get("participants").get(0).get("callId").textValue());
        assertEquals("silentMonitoring", type());
    }

    @Test
    void invalidSupervisionsAreRefused() {
        Member stranger = simulator.createMember(simulator.createOrg().id(), MemberType.PERSON);
        SimClient anonymous = supervisorUser.as(null);
        String body = "{\"supervisorId\": \"%s\", \"agentId\": \"%s\"}";

        assertProblem(anonymous.post("/_simulator/supervisions", body.formatted(supervisor.id(), supervisor.id())),
                Problem.INVALID_CONTROL_REQUEST);
        assertProblem(anonymous.post("/_simulator/supervisions", body.formatted(supervisor.id(), stranger.id())),
                Problem.INVALID_CONTROL_REQUEST);
        assertProblem(anonymous.post("/_simulator/supervisions", body.formatted(supervisor.id(), "nobody")),
                Problem.MEMBER_NOT_FOUND);
        assertProblem(anonymous.post("/_simulator/supervisions", "{\"supervisorId\": \"x\"}"),
                Problem.INVALID_CONTROL_REQUEST);
        assertProblem(anonymous.post("/_simulator/supervisions",
                "{\"supervisorId\": \"%s\", \"agentId\": \"%s\", \"agentCallId\": \"nope\"}"
                        .formatted(supervisor.id(), agent.id())), Problem.CALL_NOT_FOUND);
        simulator.startSupervision(supervisor.id(), agent.id());
        assertProblem(anonymous.post("/_simulator/supervisions", body.formatted(supervisor.id(), agent.id())),
                Problem.CONFERENCE_ALREADY_ACTIVE);
        assertThrows(IllegalArgumentException.class, () -> simulator.startSupervision(supervisor.id(), agent.id()));
        assertThrows(NullPointerException.class, () -> simulator.startSupervision(null, agent.id()));
        assertThrows(IllegalArgumentException.class, () -> simulator.startSupervision(" ", agent.id()));
    }
}
