package io.github.wxcsdk.cli;

import io.github.wxcsdk.WebexApiException;
import io.github.wxcsdk.WebexException;
import io.github.wxcsdk.auth.OAuthRefreshException;
import picocli.CommandLine;

import java.io.UncheckedIOException;

/**
 * Turns a failed command into a message on stderr and an exit code: the Webex message and tracking id for Webex
 * errors, the parameter's problem for invalid arguments. No stack traces for expected failures.
 */
final class FailureReporter implements CommandLine.IExecutionExceptionHandler {
    static final int WEBEX_ERROR = 1;
    static final int USAGE = 2;
    static final int NO_ANSWER = 3;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        var err = commandLine.getErr();
        if (e instanceof WebexApiException api) {
            err.println("Webex error " + api.statusCode() + ": " + api.webexMessage().orElse(api.getMessage()));
            err.println("trackingId: " + api.trackingId().orElse("-"));
            err.flush();
            return WEBEX_ERROR;
        }
        if (e instanceof OAuthRefreshException oauth) {
            err.println("OAuth: " + oauth.getMessage());
            err.println("trackingId: " + oauth.trackingId().orElse("-"));
            err.flush();
            return oauth.renewalRequired() ? WEBEX_ERROR : NO_ANSWER;
        }
        if (e instanceof WebexException client) {
            err.println("No usable answer: " + client.getMessage());
            err.println("trackingId: " + client.trackingId().orElse("-"));
            err.flush();
            return NO_ANSWER;
        }
        if (e instanceof CliFailure failure) {
            err.println(failure.getMessage());
            err.flush();
            return failure.exitCode();
        }
        if (e instanceof UncheckedIOException io) {
            err.println(io.getMessage());
            err.flush();
            return NO_ANSWER;
        }
        if (e instanceof IllegalArgumentException || e instanceof NullPointerException
                || e instanceof IllegalStateException) {
            err.println("Invalid usage: " + e.getMessage());
            err.flush();
            return USAGE;
        }
        throw e;
    }
}
