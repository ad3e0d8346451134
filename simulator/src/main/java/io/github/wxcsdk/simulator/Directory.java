package io.github.wxcsdk.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The org model of one simulator: orgs, their members (each with its own {@link UserState}), and the access tokens
 * that speak for a user or a Service App. An unknown token becomes, on first use, a new person of the default org
 * with a user token: so a simulator needs no set-up, and each token is still an isolated user.
 */
final class Directory {
    /** The org of the members that unknown tokens create. */
    static final String DEFAULT_ORG_ID = encode("wxcsim:org:default");

    private final ConcurrentMap<String, Org> orgs = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MemberEntry> members = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Caller> tokens = new ConcurrentHashMap<>();
    // one counter per kind for the whole simulator, so a generated id is never valid twice
    private final AtomicLong lastCall = new AtomicLong();
    private final AtomicLong lastMember = new AtomicLong();
    private final AtomicLong lastOrg = new AtomicLong();
    private final AtomicLong lastToken = new AtomicLong();
    private final Clock clock;

    /** A member and its calls and conferences. */
    record MemberEntry(Member member, UserState state) {
    }

    Directory(Clock clock) {
        this.clock = clock;
        addDefaultOrg();
    }

    private void addDefaultOrg() {
        orgs.put(DEFAULT_ORG_ID, new Org(DEFAULT_ORG_ID, Optional.empty()));
    }

    /** Who {@code token} speaks for; an unknown token becomes a new person of the default org. */
    Caller caller(String token) {
        return tokens.computeIfAbsent(token, t -> Caller.user(addMember(DEFAULT_ORG_ID, newId(lastMember, "member"),
                MemberType.PERSON).member()));
    }

    /**
     * Makes {@code alias} another token of whoever {@code token} speaks for: requests with either act the same and
     * share pending faults (an OAuth access token acting as the user its integration was registered for).
     */
    void alias(String alias, String token) {
        tokens.put(alias, caller(token));
    }

    /** The member a user token speaks for. */
    MemberEntry memberOf(Caller caller) {
        return caller.memberId().flatMap(this::member).orElseThrow(() ->
                Problem.NOT_A_USER_TOKEN.exception("This is a Service App token."));
    }

    Optional<MemberEntry> member(String memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    Optional<Org> org(String orgId) {
        return Optional.ofNullable(orgs.get(orgId));
    }

    /**
     * @throws ApiException {@link Problem#ORG_NOT_FOUND} for an unknown partner, {@link Problem#ID_ALREADY_EXISTS}
     */
    Org createOrg(Optional<String> orgId, Optional<String> managedBy) {
        managedBy.ifPresent(this::requireOrg);
        Org org = new Org(orgId.orElseGet(() -> newId(lastOrg, "org")), managedBy);
        if (orgs.putIfAbsent(org.id(), org) != null) {
            throw Problem.ID_ALREADY_EXISTS.exception("There is an org " + org.id() + " already.");
        }
        return org;
    }

    /** @throws ApiException {@link Problem#ORG_NOT_FOUND}, {@link Problem#ID_ALREADY_EXISTS} */
    Member createMember(String orgId, Optional<String> memberId, MemberType type) {
        requireOrg(orgId);
        return addMember(orgId, memberId.orElseGet(() -> newId(lastMember, "member")), type).member();
    }

    private MemberEntry addMember(String orgId, String memberId, MemberType type) {
        MemberEntry entry = new MemberEntry(new Member(memberId, orgId, type), new UserState(clock));
        if (members.putIfAbsent(memberId, entry) != null) {
            throw Problem.ID_ALREADY_EXISTS.exception("There is a member " + memberId + " already.");
        }
        return entry;
    }

    /**
     * A user token for a person.
     *
     * @throws ApiException {@link Problem#MEMBER_NOT_FOUND}, {@link Problem#INVALID_CONTROL_REQUEST} for a workspace
     *                      or virtual line, {@link Problem#ID_ALREADY_EXISTS} for a token in use
     */
    String createUserToken(String memberId, Optional<String> token) {
        Member member = requireMember(memberId).member();
        if (member.type() != MemberType.PERSON) {
            throw Problem.INVALID_CONTROL_REQUEST.exception("Only a person has user tokens, not a "
                    + member.type().wireName() + ".");
        }
        return addToken(token, Caller.user(member));
    }

    /** @throws ApiException {@link Problem#ORG_NOT_FOUND}, {@link Problem#ID_ALREADY_EXISTS} */
    String createServiceAppToken(String orgId, Set<String> scopes, Optional<String> token) {
        requireOrg(orgId);
        return addToken(token, Caller.serviceApp(orgId, scopes));
    }

    private String addToken(Optional<String> chosen, Caller caller) {
        String token = chosen.orElseGet(() -> newId(lastToken, "token"));
        if (tokens.putIfAbsent(token, caller) != null) {
            throw Problem.ID_ALREADY_EXISTS.exception("The token is in use already.");
        }
        return token;
    }

    /** Gives the member a new active call and returns its id, opaque like Webex's (base64url of wxcsim:call:N). */
    String createCall(UserState member) {
        String callId = newId(lastCall, "call");
        member.addCall(callId);
        return callId;
    }

    /** @throws ApiException {@link Problem#CALL_ALREADY_EXISTS} when the member already has that call */
    void createCall(UserState member, String callId) {
        if (!member.addCall(callId)) {
            throw Problem.CALL_ALREADY_EXISTS.exception("The member already has a call " + callId + ".");
        }
    }

    /**
     * Makes {@code supervisorId} silently monitor a call of {@code agentId}: the agent's {@code agentCallId}, or a new
     * call of the agent. The supervisor gets two new calls (to the agent, to the customer) joined in a conference of
     * type {@code silentMonitoring} on the supervisor's own line.
     *
     * @throws ApiException {@link Problem#MEMBER_NOT_FOUND}, {@link Problem#CALL_NOT_FOUND} for an agent call that is
     *                      not the agent's, {@link Problem#INVALID_CONTROL_REQUEST} when supervisor and agent are
     *                      one member or in different orgs, {@link Problem#CONFERENCE_ALREADY_ACTIVE}
     */
    Supervision startSupervision(String supervisorId, String agentId, Optional<String> agentCallId) {
        MemberEntry supervisor = requireMember(supervisorId);
        MemberEntry agent = requireMember(agentId);
        if (supervisorId.equals(agentId)) {
            throw Problem.INVALID_CONTROL_REQUEST.exception("A member cannot supervise itself.");
        }
        if (!supervisor.member().orgId().equals(agent.member().orgId())) {
            throw Problem.INVALID_CONTROL_REQUEST.exception("Supervisor and agent must be members of one org.");
        }
        String agentCall = agentCallId.map(callId -> {
            agent.state().requireCall(callId);
            return callId;
        }).orElseGet(() -> createCall(agent.state()));
        List<String> legs = List.of(newId(lastCall, "call"), newId(lastCall, "call"));
        supervisor.state().startSupervision(legs);
        return new Supervision(supervisorId, agentId, agentCall, legs);
    }

    /** Forgets every org but the default one, every member, token, call and fault. */
    void clear() {
        tokens.clear();
        members.clear();
        orgs.clear();
        addDefaultOrg();
    }

    MemberEntry requireMember(String memberId) {
        return member(memberId).orElseThrow(() -> Problem.MEMBER_NOT_FOUND.exception("No member " + memberId + "."));
    }

    private Org requireOrg(String orgId) {
        return org(orgId).orElseThrow(() -> Problem.ORG_NOT_FOUND.exception("No org " + orgId + "."));
    }

    private static String newId(AtomicLong counter, String kind) {
        return encode("wxcsim:" + kind + ":" + counter.incrementAndGet());
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
