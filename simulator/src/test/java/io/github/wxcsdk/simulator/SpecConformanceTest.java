package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.callIdBody;
import static io.github.wxcsdk.simulator.SimClient.startBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
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

    /** How to call each spec operation on a user with calls a, b in a conference and spare calls c, d. */
    private static final Map<String, Function<Calls, String>> BODIES = Map.of(
            "startConference", calls -> startBody(calls.c(), calls.d()),
            "releaseConference", calls -> null,
            "getConferenceDetails", calls -> null,
            "addParticipant", calls -> callIdBody(calls.c()),
            "deafenParticipant", calls -> callIdBody(calls.a()),
            "undeafenParticipant", calls -> callIdBody(calls.a()),
            "holdConference", calls -> null,
            "resumeConference", calls -> null,
            "muteConference", calls -> "{}",
            "unmuteConference", calls -> "{}");

    private static JsonNode spec;
    private static WebexSimulator simulator;

    private record Calls(String a, String b, String c, String d) {
    }

    /** One operation of the spec. */
    private record Operation(String method, String path, JsonNode definition) {
        String id() {
            return definition.get("operationId").textValue();
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
    void servesExactlyTheSpecOperationsWithTheirSuccessStatus() {
        List<Operation> operations = operations();
        Set<String> ids = new HashSet<>();
        operations.forEach(op -> ids.add(op.id()));
        assertEquals(BODIES.keySet(), ids, "a spec operation without a case here, or the other way round");

        for (Operation op : operations) {
            for (boolean onSecondaryLine : op.takesLineOwnerIdInTheQuery() ? new boolean[] {false, true}
                    : new boolean[] {false}) {
                SimClient user = SimClient.newUser(simulator);
                Calls calls = new Calls(user.createCall(), user.createCall(), user.createCall(), user.createCall());
                String query = "";
                if (onSecondaryLine) {
                    user.startConferenceOn("secondary-line", calls.a(), calls.b());
                    query = "?lineOwnerId=secondary-line";
                } else if (!op.id().equals("startConference")) {
                    user.startConference(calls.a(), calls.b());
                }

                HttpResponse<String> response = user.send(op.method(), op.path() + query,
                        BODIES.get(op.id()).apply(calls));

                String what = op.method() + " " + op.path() + query + ": " + response.body();
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
    void undeclaredMethodsOnSpecPathsAre405() {
        for (Map.Entry<String, Set<String>> path : declaredMethodsByPath().entrySet()) {
            for (String method : HTTP_METHODS) {
                if (!path.getValue().contains(method)) {
                    HttpResponse<String> response = SimClient.newUser(simulator)
                            .send(method.toUpperCase(Locale.ROOT), path.getKey(), null);
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
        if (details.has("state")) {
            Set<String> states = new HashSet<>();
            schema("ConferenceState").get("enum").forEach(value -> states.add(value.textValue()));
            assertTrue(states.contains(details.get("state").textValue()), details.toString());
        }
        for (JsonNode participant : details.path("participants")) {
            assertDeclared("ConferenceParticipant", participant);
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
