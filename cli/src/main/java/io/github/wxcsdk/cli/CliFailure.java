package io.github.wxcsdk.cli;

/** A command failed for a reason its message explains fully; {@link FailureReporter} prints it, no stack trace. */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
