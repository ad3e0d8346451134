package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.callIdBody;
import static io.github.wxcsdk.simulator.SimClient.startBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the simulator against the spec, the single source of truth for the wire: the same operations, the
 * success status each declares, only declared error statuses, and only declared fields.
 */
class SpecConformanceTest {
    private static final String SPEC = "io/github/wxcsdk/spec/telephony-conference.yaml";
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String LINE_OWNER_PARAMETER = "#/components/parameters/LineOwnerId";

    private static final Set<String> SUPERVISOR_OPERATIONS = Set.of("bargeIn", "silentMonitor", "supervisorCoach");
    private static final String MEMBER_ID = "{memberId}";

    /**
     * How to call each kind of operation (method and last path segment; the user-level start, release and details
     * end in "conference" too) on a member with calls a, b in a conference and spare calls c, d.
     */
    private static final Map<String, Function<Calls, String>> BODIES = Map.ofEntries(
            Map.entry("POST conference", calls -> startBody(calls.c(), calls.d())),
            Map.entry("DELETE conference", calls -> null),
            Map.entry("GET conference", calls -> null),
            Map.entry("POST addParticipant", calls -> callIdBody(calls.c())),
            Map.entry("POST deafen", calls -> callIdBody(calls.a())),
            Map.entry("POST undeafen", calls -> callIdBody(calls.a())),
            Map.entry("POST hold", calls -> null),
            Map.entry("POST resume", calls -> null),
            Map.entry("POST mute", calls -> "{}"),
            Map.entry("POST unmute", calls -> "{}"),
            Map.entry("POST bargeIn", calls -> null),
            Map.entry("POST silentMonitor", calls -> null),
            Map.entry("POST supervisorCoach", calls -> null));

    private static JsonNode spec;
    private static WebexSimulator simulator;

    private record Calls(String a, String b, String c, String d) {
    }

    /** One operation of the spec. */
    private record Operation(String method, String path, JsonNode definition) {
        String id() {
            return definition.get("operationId").textValue();
        }

        String lastSegment() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        String kind() {
            return method + " " + lastSegment();
        }

        boolean isMemberScoped() {
            return path.contains(MEMBER_ID);
        }

        boolean isSupervisorOperation() {
            return SUPERVISOR_OPERATIONS.contains(lastSegment());
        }

        boolean isStart() {
            return kind().equals("POST conference");
        }

        int successStatus() {
            List<Integer> success = new ArrayList<>();
            definition.get("responses").fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    success.add(Integer.parseInt(code));
                }
            });
            assertEquals(1, success.size(), id());
            return success.get(0);
        }

        Set<Integer> statuses() {
            Set<Integer> statuses = new TreeSet<>();
            definition.get("responses").fieldNames().forEachRemaining(code -> statuses.add(Integer.parseInt(code)));
            return statuses;
        }

        boolean takesLineOwnerIdInTheQuery() {
            for (JsonNode parameter : definition.path("parameters")) {
                if (LINE_OWNER_PARAMETER.equals(parameter.path("$ref").textValue())) {
                    return true;
                }
            }
            return false;
        }
    }

    @BeforeAll
    static void loadSpecAndStart() throws IOException {
        try (InputStream in = SpecConformanceTest.class.getClassLoader().getResourceAsStream(SPEC)) {
            spec = new YAMLMapper().readTree(in);
        }
        simulator = WebexSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void servesExactlyTheSpecOperations() {
        Set<String> declared = new TreeSet<>();
        operations().forEach(op -> declared.add(op.method() + " " + op.path()));
        Set<String> served = new TreeSet<>();
        ConferenceOperations.routes().forEach(route -> served.add(route.method() + " " + route.path().template()));

        assertEquals(declared, served);
        operations().forEach(op -> assertTrue(BODIES.containsKey(op.kind()), "no case for " + op.kind()));
    }

    /**
     * Every operation with its declared success status: user-level and members/me with a user token (also on a
     * secondary line where the operation takes lineOwnerId in the query), members/{memberId} with a Service App token
     * (also with ?orgId=), the supervisor operations on a supervisor's conference.
     */
    @Test
    void answersEveryOperationWithItsSuccessStatus() {
        String serviceApp = simulator.createServiceAppToken(WebexSimulator.DEFAULT_ORG_ID);
        for (Operation op : operations()) {
            List<String> queries = new ArrayList<>(List.of(""));
            if (op.takesLineOwnerIdInTheQuery()) {
                queries.add("?lineOwnerId=secondary-line");
            }
            if (op.isMemberScoped()) {
                queries.add("?orgId=" + URLEncoder.encode(WebexSimulator.DEFAULT_ORG_ID, StandardCharsets.UTF_8));
            }
            for (String query : queries) {
                SimClient user = SimClient.newUser(simulator);
                Calls calls = new Calls(user.createCall(), user.createCall(), user.createCall(), user.createCall());
                String memberId = simulator.memberOf(user.token()).id();
                if (op.isSupervisorOperation()) {
                    String agent = simulator.createMember(WebexSimulator.DEFAULT_ORG_ID, MemberType.PERSON).id();
                    simulator.startSupervision(memberId, agent);
                } else if (query.startsWith("?lineOwnerId")) {
                    user.startConferenceOn("secondary-line", calls.a(), calls.b());
                } else if (!op.isStart()) {
                    user.startConference(calls.a(), calls.b());
                }
                SimClient caller = op.isMemberScoped() ? user.as(serviceApp) : user;
                String path = op.path().replace(MEMBER_ID, memberId) + query;

                HttpResponse<String> response = caller.send(op.method(), path, BODIES.get(op.kind()).apply(calls));

                String what = op.id() + ": " + op.method() + " " + path + ": " + response.body();
                assertEquals(op.successStatus(), response.statusCode(), what);
                assertTrue(response.headers().firstValue("trackingid").isPresent(), what);
                if (op.successStatus() == 204) {
                    assertEquals("", response.body(), what);
                } else {
                    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
                    assertDeclaredConferenceDetails(SimClient.json(response));
                }
            }
        }
    }

    @Test
    void supervisorConferenceDetailsUseDeclaredTypes() {
        SimClient supervisor = SimClient.newUser(simulator);
        String agent = simulator.createMember(WebexSimulator.DEFAULT_ORG_ID, MemberType.PERSON).id();
        simulator.startSupervision(simulator.memberOf(supervisor.token()).id(), agent);

        for (String mode : List.of("bargeIn", "supervisorCoach", "silentMonitor")) {
            SimClient.expect204(supervisor.post(SimClient.CONFERENCE + "/members/me/" + mode, null));
            assertDeclaredConferenceDetails(supervisor.details());
        }
    }

    @Test
    void undeclaredMethodsOnSpecPathsAre405() {
        String memberId = simulator.memberOf(SimClient.newUser(simulator).token()).id();
        for (Map.Entry<String, Set<String>> path : declaredMethodsByPath().entrySet()) {
            for (String method : HTTP_METHODS) {
                if (!path.getValue().contains(method)) {
                    HttpResponse<String> response = SimClient.newUser(simulator)
                            .send(method.toUpperCase(Locale.ROOT), path.getKey().replace(MEMBER_ID, memberId), null);
                    assertEquals(405, response.statusCode(), method + " " + path.getKey());
                }
            }
        }
    }

    @Test
    void everyErrorOfTheConferenceApiIsDeclaredByEveryOperation() {
        for (Operation op : operations()) {
            for (Problem problem : Problem.values()) {
                if (problem != Problem.INVALID_CONTROL_REQUEST) {
                    assertTrue(op.statuses().contains(problem.status()), op.id() + " does not declare " + problem);
                }
            }
        }
    }

    @Test
    void errorBodiesUseOnlyWebexErrorFields() {
        HttpResponse<String> response = SimClient.newUser(simulator).post(SimClient.CONFERENCE, "{}");

        JsonNode error = SimClient.json(response);
        assertDeclared("WebexError", error);
        for (JsonNode detail : error.get("errors")) {
            assertDeclared("WebexErrorDetail", detail);
        }
    }

    private static void assertDeclaredConferenceDetails(JsonNode details) {
        assertDeclared("ConferenceDetails", details);
        assertEnumValue("ConferenceState", details.get("state"));
        assertEnumValue("ConferenceTypeEnum", details.get("type"));
        for (JsonNode participant : details.path("participants")) {
            assertDeclared("ConferenceParticipant", participant);
        }
    }

    private static void assertEnumValue(String schemaName, JsonNode value) {
        if (value != null) {
            Set<String> values = new HashSet<>();
            schema(schemaName).get("enum").forEach(v -> values.add(v.textValue()));
            assertTrue(values.contains(value.textValue()), value + " is not a value of " + schemaName);
        }
    }

    private static void assertDeclared(String schemaName, JsonNode value) {
        JsonNode properties = schema(schemaName).get("properties");
        value.fieldNames().forEachRemaining(field -> assertTrue(properties.has(field),
                field + " is not a property of " + schemaName + ": " + value));
    }

    private static JsonNode schema(String name) {
        return spec.get("components").get("schemas").get(name);
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (HTTP_METHODS.contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT),
                            WebexSimulator.API_PREFIX + path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    private static Map<String, Set<String>> declaredMethodsByPath() {
        Map<String, Set<String>> methods = new TreeMap<>();
        for (Operation op : operations()) {
            methods.computeIfAbsent(op.path(), p -> new HashSet<>()).add(op.method().toLowerCase(Locale.ROOT));
        }
        return methods;
    }
}
