package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The control requests under {@code /_simulator} that act for the bearer token's owner, which Webex does not have:
 * calls of the token's user, faults of the token, reset. Unknown fields are rejected (see {@link ControlFields}).
 */
final class ControlOperations {
    static final String PREFIX = "/_simulator";

    private static final Set<String> CALL_FIELDS = Set.of("callId");
    private static final Set<String> FAULT_FIELDS = Set.of("status", "retryAfter", "count", "delayMs");

    private final Directory directory;

    ControlOperations(Directory directory) {
        this.directory = directory;
    }

    List<Route> routes() {
        return List.of(
                Route.control("POST", PREFIX + "/calls", Route.Target.CALLER, this::createCall),
                Route.control("POST", PREFIX + "/faults", Route.Target.CALLER, ControlOperations::addFault),
                Route.control("POST", PREFIX + "/reset", Route.Target.CALLER, this::reset),
                Route.control("GET", PREFIX + "/me", Route.Target.CALLER, this::me));
    }

    /**
     * {@code 201 {"callId": "..."}}: a new active call of the token's user; with a body {@code {"callId": "c1"}} the
     * call gets that id (409 when the user has it already). A Service App token has no calls: 403.
     */
    private Reply createCall(Request request) {
        return createCall(directory, directory.memberOf(request.caller()).state(), request);
    }

    /** Creates a call of {@code member} as the body of {@code request} says: shared with the member-call route. */
    static Reply createCall(Directory directory, UserState member, Request request) {
        Optional<String> chosen =
                Optional.ofNullable(ControlFields.text(ControlFields.body(request, CALL_FIELDS), "callId"));
        String callId;
        if (chosen.isPresent()) {
            directory.createCall(member, chosen.get());
            callId = chosen.get();
        } else {
            callId = directory.createCall(member);
        }
        return Reply.json(201, Json.object().put("callId", callId));
    }

    /** {@code {"status": 429, "retryAfter": 1, "count": 2, "delayMs": 0}}: only status is required. */
    private static Reply addFault(Request request) {
        if (Json.parseObject(request.body()).isEmpty()) {
            throw Problem.INVALID_CONTROL_REQUEST.exception("A JSON body with a status is required.");
        }
        ObjectNode body = ControlFields.body(request, FAULT_FIELDS);
        Integer status = ControlFields.integer(body, "status");
        if (status == null) {
            throw Problem.INVALID_CONTROL_REQUEST.exception("status is required.");
        }
        Integer retryAfter = ControlFields.integer(body, "retryAfter");
        Integer count = ControlFields.integer(body, "count");
        Integer delayMs = ControlFields.integer(body, "delayMs");
        Fault fault;
        try {
            fault = Fault.of(status)
                    .withRetryAfter(retryAfter == null ? null : Duration.ofSeconds(retryAfter))
                    .withCount(count == null ? 1 : count)
                    .withDelay(delayMs == null ? Duration.ZERO : Duration.ofMillis(delayMs));
        } catch (IllegalArgumentException e) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(e.getMessage() + ".");
        }
        request.caller().faults().add(fault);
        return Reply.noContent();
    }

    /** Forgets the pending faults of the token and, for a user token, the user's calls and conferences. */
    private Reply reset(Request request) {
        ControlFields.body(request, Set.of());
        reset(directory, request.caller());
        return Reply.noContent();
    }

    static void reset(Directory directory, Caller caller) {
        caller.faults().clear();
        caller.memberId().flatMap(directory::member).ifPresent(entry -> entry.state().clear());
    }

    /** {@code 200 {"memberId", "orgId", "type"}}: the member of a user token (403 for a Service App token). */
    private Reply me(Request request) {
        return Reply.json(200, SceneOperations.render(directory.memberOf(request.caller()).member()));
    }
}
