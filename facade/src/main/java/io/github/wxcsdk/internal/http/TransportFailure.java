package io.github.wxcsdk.internal.http;

import java.util.function.Function;

/**
 * An attempt got no HTTP answer. Internal: the executor turns it into a public exception or a retry.
 * {@link #kind()} says whether the server may have seen the request, which decides what is safe to resend.
 */
public final class TransportFailure extends RuntimeException implements AttemptFailure {
    private static final long serialVersionUID = 1L;

    /** What is known about the request when the attempt failed. */
    public enum Kind {
        /** The request certainly did not reach the server (connection refused, connect timeout). */
        NOT_SENT,
        /** The request may have reached the server (reset, closed connection, garbled answer). */
        MAYBE_SENT,
        /** The attempt passed its time limit after the request may have been sent. */
        TIMED_OUT,
        /** The calling thread was interrupted; never retried. */
        INTERRUPTED
    }

    private final Kind kind;
    private final String httpMethod;
    private final String path;
    private final String problem;
    private final boolean permanent;

    public TransportFailure(Kind kind, String httpMethod, String path, Throwable cause) {
        this(kind, httpMethod, path, cause, describe(cause), false);
    }

    /**
     * @param problem   the failure in words for messages, naming host and port (see {@link NetworkFailures})
     * @param permanent whether resending cannot help, so the failure is never retried
     */
    public TransportFailure(Kind kind, String httpMethod, String path, Throwable cause, String problem, boolean permanent) {
        super(kind + " " + httpMethod + " " + path + ": " + problem, cause, false, false);
        this.kind = kind;
        this.httpMethod = httpMethod;
        this.path = path;
        this.problem = problem;
        this.permanent = permanent;
    }

    /** @return the failure in words, for example {@code connection refused by 127.0.0.1:5050 (ConnectException)} */
    public String problem() {
        return problem;
    }

    /** @return whether resending cannot help (an unknown host, a plain-http port spoken to with TLS) */
    public boolean permanent() {
        return permanent;
    }

    /** @return what is known about the request */
    public Kind kind() {
        return kind;
    }

    @Override
    public String httpMethod() {
        return httpMethod;
    }

    @Override
    public String path() {
        return path;
    }

    /** @return 0: there was no answer */
    @Override
    public int status() {
        return 0;
    }

    /** @return {@link #problem()} */
    @Override
    public String summary() {
        return problem;
    }

    @Override
    public RuntimeException exception() {
        return this;
    }

    @Override
    public <R> R handle(Function<ErrorResponse, R> answered, Function<TransportFailure, R> unanswered) {
        return unanswered.apply(this);
    }

    /**
     * A short description of a failure for messages: its class and message.
     *
     * @param failure the failure
     * @return for example {@code ConnectException: Connection refused}
     */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
