package io.github.wxcsdk.simulator;

import java.util.Map;

/**
 * A request as an {@link Operation} sees it.
 *
 * @param token  the caller's access token, {@code null} on {@link Route.Target#SIMULATOR} routes
 * @param caller who the token speaks for, {@code null} on {@link Route.Target#SIMULATOR} routes
 * @param member the member whose conferences a conference route acts on (already authorized); {@code null} on
 *               control routes, which find what they act on themselves
 * @param target the route's target: whether {@code lineOwnerId} is read ({@link Route.Target#OWN_MEMBER} only)
 * @param path   the decoded values of the route's path variables
 * @param query  the decoded query parameters (the first value of each)
 * @param body   the raw request body, empty when there is none
 */
record Request(String token, Caller caller, UserState member, Route.Target target, Map<String, String> path,
        Map<String, String> query, byte[] body) {
}
