package io.github.wxcsdk;

/**
 * How a call, or one attempt of it, ended, in the few classes that dashboards and alerts need. The Micrometer and
 * OpenTelemetry adapters tag and mark their meters and spans with it.
 */
public enum CallOutcome {
    /** A 2xx answer. */
    SUCCESS,
    /** A 4xx answer other than 429: the request was refused (bad argument, missing scope, nothing to act on). */
    CLIENT_ERROR,
    /** A 5xx answer (or any other status that is neither 2xx nor 4xx). */
    SERVER_ERROR,
    /** A 429 answer: Webex asked the client to slow down. */
    THROTTLED,
    /**
     * No usable answer: the connection failed or broke, or a 2xx answer could not be read, or the calling thread was
     * interrupted.
     */
    NETWORK_ERROR,
    /** An attempt or the whole call ran out of time ({@link WebexTimeoutException}). */
    TIMEOUT,
    /**
     * The server may or may not have acted ({@link WebexOutcomeUnknownException}), or the call ended otherwise: it
     * was cancelled, or failed with an exception that is not a {@link WebexException} (a token provider that threw,
     * say).
     */
    UNKNOWN_OUTCOME;

    /**
     * The outcome of a call that ended with {@code failure}, the rule the SDK applies to {@link CallEvent#outcome()}.
     *
     * @param failure what the call threw, or {@code null} when it succeeded
     * @return the outcome
     */
    public static CallOutcome of(Throwable failure) {
        if (failure == null) {
            return SUCCESS;
        }
        if (failure instanceof WebexApiException api) {
            return ofStatus(api.statusCode());
        }
        if (failure instanceof WebexTimeoutException) {
            return TIMEOUT;
        }
        if (failure instanceof WebexOutcomeUnknownException) {
            return UNKNOWN_OUTCOME;
        }
        if (failure instanceof WebexClientException) {
            return NETWORK_ERROR;
        }
        return UNKNOWN_OUTCOME;
    }

    /**
     * The outcome of an HTTP answer.
     *
     * @param statusCode the answer's status
     * @return {@link #SUCCESS} for 2xx, {@link #THROTTLED} for 429, {@link #CLIENT_ERROR} for other 4xx,
     *         {@link #SERVER_ERROR} otherwise
     */
    public static CallOutcome ofStatus(int statusCode) {
        if (statusCode >= 200 && statusCode < 300) {
            return SUCCESS;
        }
        if (statusCode == 429) {
            return THROTTLED;
        }
        if (statusCode >= 400 && statusCode < 500) {
            return CLIENT_ERROR;
        }
        return SERVER_ERROR;
    }
}
