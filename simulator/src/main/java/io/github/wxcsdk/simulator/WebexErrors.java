package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Builds error answers in the usual Webex shape:
 * {@code {"message": "...", "errors": [{"description": "...", "errorCode": N}], "trackingId": "..."}}.
 */
final class WebexErrors {
    /** Suffix of the {@code errorCode} of an injected fault: its status followed by 99, e.g. 42999. */
    private static final int FAULT_CODE_SUFFIX = 99;

    private WebexErrors() {
    }

    static Reply of(Problem problem, String message, String trackingId, Map<String, String> headers) {
        return reply(problem.status(), problem.errorCode(), message, trackingId, headers);
    }

    static Reply of(ApiException exception, String trackingId) {
        return of(exception.problem(), exception.getMessage(), trackingId, Map.of());
    }

    static Reply of(Fault fault, String trackingId) {
        Map<String, String> headers = fault.retryAfter()
                .map(d -> Map.of("Retry-After", Long.toString(d.toSeconds())))
                .orElse(Map.of());
        return reply(fault.status(), fault.status() * 100 + FAULT_CODE_SUFFIX, faultMessage(fault.status()),
                trackingId, headers);
    }

    private static Reply reply(int status, int errorCode, String message, String trackingId,
            Map<String, String> headers) {
        ObjectNode body = Json.object().put("message", message);
        body.putArray("errors").addObject().put("description", message).put("errorCode", errorCode);
        body.put("trackingId", trackingId);
        return new Reply(status, body, headers);
    }

    /** The descriptions of Webex's response-code table, so an injected fault reads like the real one. */
    private static String faultMessage(int status) {
        return switch (status) {
            case 400 -> "The request was invalid or cannot be otherwise served.";
            case 401 -> "Authentication credentials were missing or incorrect.";
            case 403 -> "The request is understood, but it has been refused or access is not allowed.";
            case 404 -> "The URI requested is invalid or the resource requested does not exist.";
            case 405 -> "The request was made to a resource using an HTTP request method that is not supported.";
            case 409 -> "The request could not be processed because it conflicts with some established rule of the"
                    + " system.";
            case 410 -> "The requested resource is no longer available.";
            case 415 -> "The request was made to a resource without specifying a media type or used a media type"
                    + " that is not supported.";
            case 423 -> "The requested resource is temporarily unavailable.";
            case 428 -> "File(s) cannot be scanned for malware and need to be force downloaded.";
            case 429 -> "Too many requests have been sent in a given amount of time and the request has been rate"
                    + " limited.";
            case 500 -> "Something went wrong on the server.";
            case 502 -> "The server received an invalid response from an upstream server while processing the"
                    + " request.";
            case 503 -> "Server is overloaded with requests. Try again later.";
            case 504 -> "An upstream server failed to respond on time.";
            default -> "The request failed (HTTP " + status + ").";
        };
    }
}
