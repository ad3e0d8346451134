package io.github.wxcsdk.simulator;

import java.util.Optional;
import java.util.Set;

/**
 * Who an access token speaks for: a user (a person member, acting on itself) or a Service App of an org (acting on
 * members through {@code members/{memberId}}), with the token's scopes and its pending faults.
 *
 * @param orgId    the org of the user or of the Service App
 * @param memberId the user's member, empty for a Service App
 * @param scopes   what the token may do
 * @param faults   the faults still to serve to this token
 */
record Caller(String orgId, Optional<String> memberId, Set<String> scopes, FaultQueue faults) {
    /** The scopes of every user token: the user-level ones, never an admin scope. */
    static final Set<String> USER_SCOPES = Set.of("spark:calls_read", "spark:calls_write");

    Caller {
        scopes = Set.copyOf(scopes);
    }

    static Caller user(Member member) {
        return new Caller(member.orgId(), Optional.of(member.id()), USER_SCOPES, new FaultQueue());
    }

    static Caller serviceApp(String orgId, Set<String> scopes) {
        return new Caller(orgId, Optional.empty(), scopes, new FaultQueue());
    }

    boolean isServiceApp() {
        return memberId.isEmpty();
    }
}
