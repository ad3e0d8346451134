package io.github.wxcsdk.simulator;

/**
 * One method and path template the simulator serves.
 *
 * @param target whose state the route acts on, which decides authentication, faults and authorization
 * @param scope  the scope a Service App token needs ({@link Target#PATH_MEMBER} routes only), else {@code null}
 */
record Route(String method, PathTemplate path, Target target, String scope, Operation operation) {

    /** Whose state a route acts on. */
    enum Target {
        /** The caller's own member (user-level and {@code members/me} paths): a user token, lineOwnerId honoured. */
        OWN_MEMBER,
        /** The member of the {@code {memberId}} path variable, in the org of {@code ?orgId=}: a Service App token. */
        PATH_MEMBER,
        /** A control request for the caller's token (calls, faults, reset): authenticated, never faulted. */
        CALLER,
        /** A control request on the whole simulator (orgs, members, tokens): no token needed. */
        SIMULATOR;

        boolean authenticated() {
            return this != SIMULATOR;
        }

        /** Injected faults apply to the conference API only. */
        boolean faultable() {
            return this == OWN_MEMBER || this == PATH_MEMBER;
        }
    }

    static Route conference(String method, String path, Target target, String scope, Operation operation) {
        return new Route(method, PathTemplate.of(path), target, scope, operation);
    }

    static Route control(String method, String path, Target target, Operation operation) {
        return new Route(method, PathTemplate.of(path), target, null, operation);
    }
}
