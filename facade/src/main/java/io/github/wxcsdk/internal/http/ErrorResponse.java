package io.github.wxcsdk.internal.http;

import java.util.function.Function;

import io.github.wxcsdk.WebexErrorDetail;

import java.util.List;

/**
 * A non-2xx answer, read and redacted. Internal: the executor retries it or turns it into a
 * {@link io.github.wxcsdk.WebexApiException}. Holds only what the public exception needs, never the token.
 */
public final class ErrorResponse extends RuntimeException implements AttemptFailure {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String httpMethod;
    private final String path;
    private final String webexMessage;
    private final String bodySnippet;
    private final List<WebexErrorDetail> errors;
    private final String serverTrackingId;
    private final String retryAfterHeader;

    public ErrorResponse(int status, String httpMethod, String path, String webexMessage, String bodySnippet,
                  List<WebexErrorDetail> errors, String serverTrackingId, String retryAfterHeader) {
        super("HTTP " + status + " " + httpMethod + " " + path, null, false, false);
        this.status = status;
        this.httpMethod = httpMethod;
        this.path = path;
        this.webexMessage = webexMessage;
        this.bodySnippet = bodySnippet;
        this.errors = List.copyOf(errors);
        this.serverTrackingId = serverTrackingId;
        this.retryAfterHeader = retryAfterHeader;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String httpMethod() {
        return httpMethod;
    }

    @Override
    public String path() {
        return path;
    }

    public String webexMessage() {
        return webexMessage;
    }

    public String bodySnippet() {
        return bodySnippet;
    }

    public List<WebexErrorDetail> errors() {
        return errors;
    }

    /** @return the tracking id the server reported (header, else body), or {@code null} */
    public String serverTrackingId() {
        return serverTrackingId;
    }

    /** @return the raw {@code Retry-After} header, or {@code null} */
    public String retryAfterHeader() {
        return retryAfterHeader;
    }

    @Override
    public String summary() {
        return "HTTP " + status;
    }

    @Override
    public RuntimeException exception() {
        return this;
    }

    @Override
    public <R> R handle(Function<ErrorResponse, R> answered, Function<TransportFailure, R> unanswered) {
        return answered.apply(this);
    }
}
