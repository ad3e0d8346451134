package io.github.wxcsdk.simulator;

/**
 * Every error the simulator answers on its own account, with its HTTP status, the {@code errorCode} of the Webex
 * error body and the message. Webex publishes no error codes for these endpoints: the codes are the simulator's own
 * (the HTTP status followed by two digits), stable so that tests can tell the cases apart.
 */
enum Problem {
    MALFORMED_JSON(400, 1, "The request body is not valid JSON."),
    BODY_NOT_OBJECT(400, 2, "The request body must be a JSON object."),
    BODY_REQUIRED(400, 3, "A JSON request body is required."),
    CALL_IDS_INVALID(400, 4, "callIds is required and must be an array of call IDs."),
    TOO_FEW_CALL_IDS(400, 5, "A minimum of two call IDs are required to start a conference."),
    DUPLICATE_CALL_IDS(400, 6, "callIds must not contain the same call ID more than once."),
    CALL_ID_REQUIRED(400, 7, "callId is required."),
    CALL_ID_INVALID(400, 8, "Invalid callId: a call ID must be a non-empty string."),
    LINE_OWNER_ID_INVALID(400, 9, "Invalid lineOwnerId: it must be a non-empty string."),
    // 400, not 413: the spec lists no 413
    BODY_TOO_LARGE(400, 10, "The request body is too large."),
    INVALID_CONTROL_REQUEST(400, 50, "Invalid simulator control request."),
    UNAUTHORIZED(401, 1, Webex.INVALID_TOKEN),
    // Webex's message for an expired or revoked token too; the code tells tests which case it was
    ACCESS_TOKEN_REJECTED(401, 2, Webex.INVALID_TOKEN),
    RESOURCE_NOT_FOUND(404, 1, "The requested resource could not be found."),
    CONFERENCE_NOT_FOUND(404, 2, "There is no active conference."),
    CALL_NOT_FOUND(404, 3, "Call not found."),
    NOT_A_PARTICIPANT(404, 4, "The call is not a participant of the conference."),
    METHOD_NOT_ALLOWED(405, 1, "The request method is not supported for the requested resource."),
    ALREADY_A_PARTICIPANT(409, 1, "The call is already a participant of the conference."),
    CALL_IN_ANOTHER_CONFERENCE(409, 2, "The call is already in a conference."),
    CONFERENCE_ALREADY_ACTIVE(409, 3, "A conference is already active on this line."),
    CALL_ALREADY_EXISTS(409, 4, "A call with this ID already exists."),
    RATE_LIMITED(429, 1, "Too many requests have been sent in a given amount of time and the request has been rate"
            + " limited."),
    INTERNAL_ERROR(500, 1, "An unexpected error occurred in the simulator.");

    private final int status;
    private final int errorCode;

    /** Messages that several problems share (enum constants cannot use the enum's own constants). */
    private static final class Webex {
        static final String INVALID_TOKEN =
                "The request requires a valid access token set in the Authorization request header.";
    }
    private final String message;

    Problem(int status, int suffix, String message) {
        this.status = status;
        this.errorCode = status * 100 + suffix;
        this.message = message;
    }

    int status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }

    String message() {
        return message;
    }

    /** The exception that makes the router answer with this problem. */
    ApiException exception() {
        return new ApiException(this, message);
    }

    /** The exception that makes the router answer with this problem, its message followed by {@code detail}. */
    ApiException exception(String detail) {
        return new ApiException(this, message + " " + detail);
    }
}
