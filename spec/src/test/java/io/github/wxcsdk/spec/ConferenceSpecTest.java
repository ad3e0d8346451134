package io.github.wxcsdk.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lints the packaged spec, read from the classpath exactly as users and our other modules read it: valid OpenAPI,
 * the 36 operations, and the conventions this project keeps (clean operationIds, scopes, errors, optional fields).
 */
class ConferenceSpecTest {
    /** The resource path of the spec inside the {@code wxc-sdk-conference-spec} jar. */
    static final String RESOURCE = "/io/github/wxcsdk/spec/telephony-conference.yaml";
    private static final String MEMBER = "/telephony/conference/members/{memberId}";
    private static final String ME = "/telephony/conference/members/me";
    private static final Set<String> ERROR_STATUSES = Set.of("400", "401", "403", "404", "405", "409", "410", "415",
            "423", "428", "429", "500", "502", "503", "504");

    private static OpenAPI spec;

    @BeforeAll
    static void parse() throws IOException {
        String yaml;
        try (InputStream in = ConferenceSpecTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "the spec is packaged at " + RESOURCE);
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertEquals(List.of(), result.getMessages(), "the spec parses without messages");
        spec = result.getOpenAPI();
    }

    @Test
    void hasExactlyTheThirtySixOperations() {
        Map<String, String> expected = new LinkedHashMap<>(Map.of(
                "POST /telephony/conference", "startConference",
                "DELETE /telephony/conference", "releaseConference",
                "GET /telephony/conference", "getConferenceDetails",
                "POST /telephony/conference/addParticipant", "addParticipant",
                "POST /telephony/conference/deafen", "deafenParticipant",
                "POST /telephony/conference/undeafen", "undeafenParticipant",
                "POST /telephony/conference/hold", "holdConference",
                "POST /telephony/conference/resume", "resumeConference",
                "POST /telephony/conference/mute", "muteConference",
                "POST /telephony/conference/unmute", "unmuteConference"));
        expected.putAll(Map.of(
                "POST " + MEMBER + "/conference", "startConferenceByMemberId",
                "DELETE " + MEMBER + "/conference", "releaseConferenceByMemberId",
                "GET " + MEMBER + "/conference", "getConferenceDetailsByMemberId",
                "POST " + MEMBER + "/addParticipant", "addParticipantByMemberId",
                "POST " + MEMBER + "/deafen", "deafenParticipantByMemberId",
                "POST " + MEMBER + "/undeafen", "undeafenParticipantByMemberId",
                "POST " + MEMBER + "/hold", "holdByMemberId",
                "POST " + MEMBER + "/resume", "resumeByMemberId",
                "POST " + MEMBER + "/mute", "muteByMemberId",
                "POST " + MEMBER + "/unmute", "unmuteByMemberId"));
        expected.putAll(Map.of(
                "POST " + MEMBER + "/bargeIn", "bargeInByMemberId",
                "POST " + MEMBER + "/silentMonitor", "silentMonitorByMemberId",
                "POST " + MEMBER + "/supervisorCoach", "supervisorCoachByMemberId",
                "POST " + ME + "/bargeIn", "bargeIn",
                "POST " + ME + "/silentMonitor", "silentMonitor",
                "POST " + ME + "/supervisorCoach", "supervisorCoach"));
        expected.putAll(Map.of(
                "POST " + ME + "/conference", "startMyConference",
                "DELETE " + ME + "/conference", "releaseMyConference",
                "GET " + ME + "/conference", "getMyConferenceDetails",
                "POST " + ME + "/addParticipant", "addMyConferenceParticipant",
                "POST " + ME + "/deafen", "deafenMyConferenceParticipant",
                "POST " + ME + "/undeafen", "undeafenMyConferenceParticipant",
                "POST " + ME + "/hold", "holdMyConference",
                "POST " + ME + "/resume", "resumeMyConference",
                "POST " + ME + "/mute", "muteMyConference",
                "POST " + ME + "/unmute", "unmuteMyConference"));
        assertEquals(36, expected.size());
        assertEquals(expected, operationIds());
    }

    @Test
    void everyOperationIsDocumentedWithItsScopeAndErrors() {
        forEachOperation((key, operation) -> {
            assertTrue(operation.getOperationId().matches("[a-z][a-zA-Z]+"), key);
            assertFalse(operation.getSummary() == null || operation.getSummary().isBlank(), key);
            assertTrue(operation.getDescription().contains(scopeSentence(key)), key);
            Map<String, ApiResponse> responses = operation.getResponses();
            assertTrue(responses.containsKey(key.startsWith("GET ") ? "200" : "204"), key);
            assertTrue(responses.keySet().containsAll(ERROR_STATUSES), key);
            for (String status : ERROR_STATUSES) {
                Schema<?> body = response(responses.get(status)).getContent().get("application/json").getSchema();
                assertEquals("#/components/schemas/WebexError", body.get$ref(), key + " " + status);
            }
            assertNotNull(response(responses.get("429")).getHeaders().get("Retry-After"), key);
            assertTrue(parameterNames(operation).contains("TrackingID"), key);
        });
    }

    /** User-level: {@code spark:}; member views: {@code spark-admin:}; {@code members/me}: Webex publishes none. */
    private static String scopeSentence(String key) {
        if (key.contains(ME + "/")) {
            return "Required scope: none published by Webex for `members/me`";
        }
        String prefix = key.contains(MEMBER + "/") ? "spark-admin:" : "spark:";
        return "Required scope: `" + prefix + (key.startsWith("GET ") ? "calls_read" : "calls_write") + "`";
    }

    @Test
    void lineOwnerIdIsWhereTheServiceTakesIt() {
        Map<String, Boolean> inQuery = new LinkedHashMap<>();
        forEachOperation((key, operation) -> inQuery.put(key, parameterNames(operation).contains("lineOwnerId")));
        Set<String> queried = new TreeSet<>();
        inQuery.forEach((key, present) -> {
            if (present) {
                queried.add(key);
            }
        });
        assertEquals(new TreeSet<>(Set.of("GET /telephony/conference", "DELETE /telephony/conference",
                "POST /telephony/conference/hold", "POST /telephony/conference/resume",
                "GET " + ME + "/conference", "DELETE " + ME + "/conference",
                "POST " + ME + "/hold", "POST " + ME + "/resume")), queried);
        assertNotNull(schema("StartConferenceRequest").getProperties().get("lineOwnerId"));
        assertNotNull(schema("AddParticipantRequest").getProperties().get("lineOwnerId"));
        assertNull(schema("ParticipantRequest").getProperties().get("lineOwnerId"));
        assertNull(schema("MuteRequest").getProperties().get("lineOwnerId"));
        assertEquals(Set.of("callIds"), schema("StartConferenceByMemberRequest").getProperties().keySet());
    }

    @Test
    void memberOperationsTakeARequiredMemberIdAndAnOptionalOrgIdAndNothingElse() {
        forEachOperation((key, operation) -> {
            if (key.contains(MEMBER + "/")) {
                assertEquals(Set.of("memberId", "orgId", "TrackingID"), parameterNames(operation), key);
                for (Parameter parameter : operation.getParameters()) {
                    assertEquals(parameter.getName().equals("memberId"), Boolean.TRUE.equals(parameter.getRequired()),
                            key + " " + parameter.getName());
                }
                String body = bodyRef(operation);
                if (body != null) {
                    assertNull(schema(body.substring(body.lastIndexOf('/') + 1)).getProperties().get("lineOwnerId"),
                            key);
                }
            } else {
                assertFalse(parameterNames(operation).contains("orgId"), key);
                assertFalse(parameterNames(operation).contains("memberId"), key);
            }
        });
    }

    @Test
    void theTenMembersMeDuplicatesAreAliasesOfTheUserLevelOperationsWithTheSameShape() {
        Map<String, Operation> byId = new LinkedHashMap<>();
        forEachOperation((key, operation) -> byId.put(operation.getOperationId(), operation));
        Set<String> aliases = new TreeSet<>();
        forEachOperation((key, operation) -> {
            Object target = operation.getExtensions() == null ? null
                    : operation.getExtensions().get("x-wxcsdk-alias-of");
            if (target == null) {
                return;
            }
            aliases.add(operation.getOperationId());
            assertTrue(key.contains(ME + "/"), key + " is a members/me operation");
            Operation original = byId.get(String.valueOf(target));
            assertNotNull(original, key + " names an existing operation");
            assertEquals(parameterNames(original), parameterNames(operation), key);
            assertEquals(bodyRef(original), bodyRef(operation), key);
        });
        assertEquals(new TreeSet<>(Set.of("startMyConference", "releaseMyConference", "getMyConferenceDetails",
                "addMyConferenceParticipant", "muteMyConference", "unmuteMyConference", "deafenMyConferenceParticipant",
                "undeafenMyConferenceParticipant", "holdMyConference", "resumeMyConference")), aliases);
    }

    @Test
    void responseModelsHaveOnlyOptionalFields() {
        for (String name : List.of("ConferenceDetails", "ConferenceParticipant", "WebexError")) {
            assertNull(schema(name).getRequired(), name + ": {} must be a valid answer");
            assertEquals(Boolean.TRUE, schema(name).getAdditionalProperties(), name + " accepts unknown fields");
        }
        Map<String, Schema<?>> details = properties("ConferenceDetails");
        // as Webex's published spec types them: a plain string and a number, read tolerantly by the facade
        assertEquals("string", details.get("created").getType());
        assertNull(details.get("created").getFormat());
        assertEquals("number", details.get("appearance").getType());
        assertEquals(List.of("connected", "held", "disconnected"), schema("ConferenceState").getEnum());
        assertEquals(List.of("bargeIn", "silentMonitoring", "coaching"), schema("ConferenceTypeEnum").getEnum());
    }

    @Test
    void tighteningsAreMarked() {
        Schema<?> callIds = properties("StartConferenceRequest").get("callIds");
        assertEquals(2, callIds.getMinItems());
        assertEquals(Boolean.TRUE, callIds.getExtensions().get("x-wxc-tightening"));
        assertEquals(1, schema("CallId").getMinLength());
        assertEquals(Boolean.TRUE, schema("CallId").getExtensions().get("x-wxc-tightening"));
        assertEquals(Boolean.TRUE, schema("LineOwnerId").getExtensions().get("x-wxc-tightening"));
        assertEquals(2, properties("StartConferenceByMemberRequest").get("callIds").getMinItems());
        for (String id : List.of("MemberId", "OrgId")) {
            assertEquals(1, schema(id).getMinLength(), id);
            assertEquals(Boolean.TRUE, schema(id).getExtensions().get("x-wxc-tightening"), id);
        }
    }

    @Test
    void authIsBearerAndTheServerIsWebex() {
        SecurityScheme bearer = spec.getComponents().getSecuritySchemes().get("bearerAuth");
        assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
        assertEquals("bearer", bearer.getScheme());
        assertEquals("https://webexapis.com/v1", spec.getServers().get(0).getUrl());
    }

    private static Map<String, String> operationIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        forEachOperation((key, operation) -> ids.put(key, operation.getOperationId()));
        return ids;
    }

    private static void forEachOperation(java.util.function.BiConsumer<String, Operation> action) {
        for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, operation) ->
                    action.accept(method + " " + path.getKey(), operation));
        }
    }

    /** @return the {@code $ref} of an operation's JSON request body (every body is a component), null for none */
    private static String bodyRef(Operation operation) {
        return operation.getRequestBody() == null ? null
                : operation.getRequestBody().getContent().get("application/json").getSchema().get$ref();
    }

    private static Set<String> parameterNames(Operation operation) {
        Set<String> names = new TreeSet<>();
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                names.add(parameter.getName());
            }
        }
        return names;
    }

    /** Follows a {@code $ref} to {@code components/responses}. */
    private static ApiResponse response(ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response
                : spec.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static Schema<?> schema(String name) {
        return spec.getComponents().getSchemas().get(name);
    }

    /** The swagger model types properties as raw {@code Schema}; this view adds the wildcard. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<String, Schema<?>> properties(String name) {
        Map raw = schema(name).getProperties();
        return raw;
    }
}
