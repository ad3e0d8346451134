package io.github.wxcsdk.simulator;

import java.util.Map;

/**
 * Decides which member a conference request acts on, and whether the caller may: a user token acts on its own member
 * only; a Service App token, with the route's scope, on the members of its org and of the orgs it manages.
 */
final class Access {
    static final String ORG_ID = "orgId";
    static final String MEMBER_ID = "memberId";

    private Access() {
    }

    /**
     * The state of the member the request acts on, or {@code null} for a control route.
     *
     * @throws ApiException 403 {@link Problem#NOT_A_USER_TOKEN}, {@link Problem#MISSING_SCOPE},
     *                      {@link Problem#ORG_FORBIDDEN}; 404 {@link Problem#MEMBER_NOT_FOUND}
     */
    static UserState member(Directory directory, Route route, Caller caller, Map<String, String> path,
            Map<String, String> query) {
        return switch (route.target()) {
            case OWN_MEMBER -> directory.memberOf(caller).state();
            case PATH_MEMBER -> pathMember(directory, route.scope(), caller, path.get(MEMBER_ID), query.get(ORG_ID));
            case CALLER, SIMULATOR -> null;
        };
    }

    private static UserState pathMember(Directory directory, String scope, Caller caller, String memberId,
            String requestedOrgId) {
        if (!caller.scopes().contains(scope)) {
            throw Problem.MISSING_SCOPE.exception("It requires " + scope + ".");
        }
        String orgId = requestedOrgId == null ? caller.orgId() : requestedOrgId;
        directory.org(orgId)
                .filter(org -> org.mayBeActedOnBy(caller.orgId()))
                .orElseThrow(Problem.ORG_FORBIDDEN::exception);
        return directory.member(memberId)
                .filter(entry -> entry.member().orgId().equals(orgId))
                .orElseThrow(() -> Problem.MEMBER_NOT_FOUND.exception("No member " + memberId + " in that org."))
                .state();
    }
}
