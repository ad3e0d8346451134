package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The control requests under {@code /_simulator} that set up the org model: orgs, members, tokens, calls of a member,
 * supervisions, and forgetting it all. They need no bearer token: they act on the whole simulator, not for a caller.
 */
final class SceneOperations {
    static final Set<String> DEFAULT_SERVICE_APP_SCOPES =
            Set.of(ConferenceOperations.ADMIN_READ, ConferenceOperations.ADMIN_WRITE);

    private static final String PREFIX = ControlOperations.PREFIX;
    private static final Set<String> ORG_FIELDS = Set.of("orgId", "managedBy");
    private static final Set<String> MEMBER_FIELDS = Set.of("orgId", "memberId", "type");
    private static final Set<String> TOKEN_FIELDS = Set.of("memberId", "orgId", "scopes", "token");
    private static final Set<String> SUPERVISION_FIELDS = Set.of("supervisorId", "agentId", "agentCallId");

    private final Directory directory;

    SceneOperations(Directory directory) {
        this.directory = directory;
    }

    List<Route> routes() {
        return List.of(
                Route.control("POST", PREFIX + "/orgs", Route.Target.SIMULATOR, this::createOrg),
                Route.control("POST", PREFIX + "/members", Route.Target.SIMULATOR, this::createMember),
                Route.control("POST", PREFIX + "/members/{memberId}/calls", Route.Target.SIMULATOR,
                        this::createMemberCall),
                Route.control("POST", PREFIX + "/tokens", Route.Target.SIMULATOR, this::createToken),
                Route.control("POST", PREFIX + "/supervisions", Route.Target.SIMULATOR, this::startSupervision),
                Route.control("POST", PREFIX + "/resetAll", Route.Target.SIMULATOR, this::resetAll));
    }

    /** {@code {"orgId"?, "managedBy"?}}: {@code 201 {"orgId", "managedBy"?}}. */
    private Reply createOrg(Request request) {
        ObjectNode body = ControlFields.body(request, ORG_FIELDS);
        Org org = directory.createOrg(optionalText(body, "orgId"), optionalText(body, "managedBy"));
        ObjectNode answer = Json.object().put("orgId", org.id());
        org.managedBy().ifPresent(partner -> answer.put("managedBy", partner));
        return Reply.json(201, answer);
    }

    /** {@code {"orgId"?, "memberId"?, "type"?}} (default org, generated id, person): {@code 201 {member}}. */
    private Reply createMember(Request request) {
        ObjectNode body = ControlFields.body(request, MEMBER_FIELDS);
        MemberType type = optionalText(body, "type")
                .map(name -> MemberType.fromWireName(name).orElseThrow(() -> Problem.INVALID_CONTROL_REQUEST
                        .exception("type must be person, workspace or virtualLine.")))
                .orElse(MemberType.PERSON);
        Member member = directory.createMember(optionalText(body, "orgId").orElse(Directory.DEFAULT_ORG_ID),
                optionalText(body, "memberId"), type);
        return Reply.json(201, render(member));
    }

    /** {@code {"callId"?}}: {@code 201 {"callId"}}, a new active call of the path's member. */
    private Reply createMemberCall(Request request) {
        UserState member = directory.requireMember(request.path().get(Access.MEMBER_ID)).state();
        return ControlOperations.createCall(directory, member, request);
    }

    /**
     * {@code {"memberId", "token"?}}: a user token of a person; {@code {"orgId", "scopes"?, "token"?}}: a Service App
     * token of an org (scopes default to both admin calls scopes). {@code 201} with the token and what it is for.
     */
    private Reply createToken(Request request) {
        ObjectNode body = ControlFields.body(request, TOKEN_FIELDS);
        Optional<String> memberId = optionalText(body, "memberId");
        Optional<String> orgId = optionalText(body, "orgId");
        if (memberId.isPresent() == orgId.isPresent()) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(
                    "Give memberId for a user token, or orgId for a Service App token.");
        }
        Optional<String> chosen = optionalText(body, "token");
        chosen.filter(token -> !Tokens.isValid(token)).ifPresent(token -> {
            throw Problem.INVALID_CONTROL_REQUEST.exception("token must be visible ASCII without spaces.");
        });
        Optional<Set<String>> scopes = ControlFields.has(body, "scopes")
                ? Optional.of(Set.copyOf(ControlFields.texts(body, "scopes"))) : Optional.empty();
        ObjectNode answer = Json.object();
        if (memberId.isPresent()) {
            if (scopes.isPresent()) {
                throw Problem.INVALID_CONTROL_REQUEST.exception("A user token has fixed scopes " + Caller.USER_SCOPES
                        + ".");
            }
            answer.put("token", directory.createUserToken(memberId.get(), chosen)).put("memberId", memberId.get());
        } else {
            Set<String> granted = scopes.orElse(DEFAULT_SERVICE_APP_SCOPES);
            answer.put("token", directory.createServiceAppToken(orgId.get(), granted, chosen))
                    .put("orgId", orgId.get());
            granted.stream().sorted().forEach(answer.putArray("scopes")::add);
        }
        return Reply.json(201, answer);
    }

    /** {@code {"supervisorId", "agentId", "agentCallId"?}}: {@code 201 {supervision}}. */
    private Reply startSupervision(Request request) {
        ObjectNode body = ControlFields.body(request, SUPERVISION_FIELDS);
        Supervision supervision = directory.startSupervision(ControlFields.requiredText(body, "supervisorId"),
                ControlFields.requiredText(body, "agentId"), optionalText(body, "agentCallId"));
        ObjectNode answer = Json.object()
                .put("supervisorId", supervision.supervisorId())
                .put("agentId", supervision.agentId())
                .put("agentCallId", supervision.agentCallId());
        supervision.supervisorCallIds().forEach(answer.putArray("supervisorCallIds")::add);
        return Reply.json(201, answer);
    }

    /** Forgets every org but the default one, every member, token, call, conference and fault. */
    private Reply resetAll(Request request) {
        ControlFields.body(request, Set.of());
        directory.clear();
        return Reply.noContent();
    }

    private static Optional<String> optionalText(ObjectNode body, String name) {
        return Optional.ofNullable(ControlFields.text(body, name));
    }

    static ObjectNode render(Member member) {
        return Json.object()
                .put("memberId", member.id())
                .put("orgId", member.orgId())
                .put("type", member.type().wireName());
    }
}
