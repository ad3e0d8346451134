package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The control requests of the rate limits, under {@code /_simulator/rate-limit}: set the simulator-wide or the bearer
 * token's limit, read limits and counters, zero the counters.
 */
final class RateLimitControl {
    static final String PATH = ControlOperations.PREFIX + "/rate-limit";

    private final RateLimits rateLimits;

    RateLimitControl(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", PATH, false, this::set),
                new Route("GET", PATH, false, this::show),
                new Route("POST", PATH + "/reset-counts", false, this::resetCounts));
    }

    /**
     * {@code {"limit": "bucket:40/s,burst=10"}} for every token; with {@code "token": true} for the bearer token only,
     * where {@code "limit": null} gives it the simulator-wide limit again.
     */
    private Reply set(Request request) {
        ObjectNode body = ControlFields.body(request, Set.of("limit", "token"));
        boolean forToken = Boolean.TRUE.equals(ControlFields.bool(body, "token"));
        String text = ControlFields.text(body, "limit");
        if (text == null && !forToken) {
            throw Problem.INVALID_CONTROL_REQUEST.exception("limit is required, e.g. \"bucket:40/s,burst=10\".");
        }
        RateLimit limit;
        try {
            limit = text == null ? null : RateLimit.parse(text);
        } catch (IllegalArgumentException e) {
            throw Problem.INVALID_CONTROL_REQUEST.exception(e.getMessage() + ".");
        }
        if (!forToken) {
            rateLimits.set(limit);
        } else if (limit == null) {
            rateLimits.clear(request.token());
        } else {
            rateLimits.set(request.token(), limit);
        }
        return Reply.noContent();
    }

    /** {@code {"limit": ..., "token": {"limit", "admitted", "throttled"}, "all": {"admitted", "throttled"}}}. */
    private Reply show(Request request) {
        ObjectNode answer = Json.object().put("limit", rateLimits.limit().toString());
        counts(answer.putObject("token"), rateLimits.counts(request.token()))
                .put("limit", rateLimits.limit(request.token()).toString());
        counts(answer.putObject("all"), rateLimits.totals());
        return Reply.json(200, answer);
    }

    private Reply resetCounts(Request request) {
        ControlFields.body(request, Set.of());
        rateLimits.resetCounts();
        return Reply.noContent();
    }

    private static ObjectNode counts(ObjectNode node, RequestCounts counts) {
        return node.put("admitted", counts.admitted()).put("throttled", counts.throttled());
    }
}
