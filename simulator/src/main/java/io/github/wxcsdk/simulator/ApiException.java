package io.github.wxcsdk.simulator;

/** Thrown by request handling to answer with a Webex error instead of a success. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Problem problem;

    ApiException(Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
