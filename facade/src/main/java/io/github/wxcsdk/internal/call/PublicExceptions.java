package io.github.wxcsdk.internal.call;

import io.github.wxcsdk.internal.http.AttemptFailure;
import io.github.wxcsdk.internal.http.ErrorResponse;
import io.github.wxcsdk.internal.http.TransportFailure;
import io.github.wxcsdk.internal.wire.UnreadableAnswer;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.wxcsdk.WebexApiException;
import io.github.wxcsdk.WebexClientException;
import io.github.wxcsdk.WebexException;
import io.github.wxcsdk.WebexOutcomeUnknownException;
import io.github.wxcsdk.WebexThrottledException;
import io.github.wxcsdk.WebexTimeoutException;
import io.github.wxcsdk.internal.throttle.Gate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Turns a final internal failure into the public exception a caller sees. */
final class PublicExceptions {
    private PublicExceptions() {
    }

    static WebexException of(RetryClass retryClass, AttemptFailure failure, String trackingId, int attempts,
                             Duration retryAfter) {
        return failure.handle(response -> answerException(retryClass, response, trackingId, attempts, retryAfter),
                transport -> transportException(retryClass, transport, trackingId, attempts));
    }

    private static WebexException answerException(RetryClass retryClass, ErrorResponse response, String trackingId,
                                                  int attempts, Duration retryAfter) {
        WebexApiException api = apiException(response, trackingId, attempts, retryAfter);
        if (RetryPolicy.outcomeUnknown(retryClass, response)) {
            return outcomeUnknown(response.httpMethod(), response.path(), api.getMessage(), trackingId, api);
        }
        return api;
    }

    private static WebexException transportException(RetryClass retryClass, TransportFailure transport,
                                                     String trackingId, int attempts) {
        String cause = transport.problem();
        if (RetryPolicy.outcomeUnknown(retryClass, transport)) {
            return outcomeUnknown(transport.httpMethod(), transport.path(), cause, trackingId, transport.getCause());
        }
        String message = transport.httpMethod() + ' ' + transport.path() + " failed after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ") + cause + " (trackingId=" + trackingId + ')';
        if (transport.kind() == TransportFailure.Kind.TIMED_OUT
                || transport.getCause() instanceof java.net.http.HttpTimeoutException) {
            return new WebexTimeoutException(message, trackingId, transport.getCause());
        }
        return new WebexClientException(message, trackingId, transport.getCause());
    }

    static WebexTimeoutException callTimeout(Duration callTimeout, String trackingId, int attempts,
                                             AttemptFailure lastFailure) {
        String tried = attempts == 0 ? "; nothing was sent"
                : " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
        return new WebexTimeoutException("The call did not complete within its callTimeout of "
                + callTimeout.toMillis() + " ms" + tried + " (trackingId=" + trackingId + ')', trackingId,
                lastFailure == null ? null : publicCause(lastFailure));
    }

    /**
     * A 2xx answer that could not be decoded. Neither the decoder's nor Jackson's exception is kept as the cause (no
     * library type reaches users), nor quoted (Jackson quotes the body, which could echo the token): only the
     * failure's kind and position.
     */
    static WebexClientException unreadable(UnreadableAnswer failure, String trackingId) {
        Throwable cause = failure.getCause();
        String where = cause instanceof JsonProcessingException json && json.getLocation() != null
                ? " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() : "";
        return new WebexClientException("Could not read the answer to " + failure.request() + " (status "
                + failure.status() + "): " + cause.getClass().getSimpleName() + where + " (trackingId=" + trackingId
                + ')', trackingId, null);
    }

    /**
     * A call that the throttle's gate would hold longer than it may wait: it fails unsent.
     *
     * @param operation   the call's method, path and query
     * @param gate        the closed gate
     * @param wait        how long the call would wait for it
     * @param opensAt     when the gate opens
     * @param limit       what the call may not wait past, in words
     * @param trackingId  the call's own {@code TrackingID}, never sent
     */
    static WebexThrottledException throttled(String operation, Gate gate, Duration wait, Instant opensAt,
                                              String limit, String trackingId) {
        return new WebexThrottledException(operation + " was not sent: Webex asked this client to wait. A 429 with"
                + " Retry-After " + seconds(gate.retryAfter()) + " answered " + gate.describe() + ", which holds the"
                + " client's calls until " + opensAt + " (in " + wait.toMillis() + " ms), longer than this call may wait"
                + " (" + limit + "). Try again after retryAfter() = " + wait.toMillis() + " ms (this call's"
                + " trackingId=" + trackingId + ", never sent)", gate.trackingId(), wait, opensAt, gate.retryAfter());
    }

    /**
     * A call that its client's {@code close()} ended.
     *
     * @param operation     the call's method, path and query
     * @param changesState  whether the operation changes something at Webex
     * @param inFlight      whether a request of the call was on its way or waiting for its answer
     * @param trackingId    the call's {@code TrackingID}
     */
    static WebexClientException closed(String operation, boolean changesState, boolean inFlight, String trackingId) {
        if (changesState && inFlight) {
            return new WebexOutcomeUnknownException(operation + " may or may not have been carried out: the client was"
                    + " closed while its request was in flight. Check getConferenceDetails() before trying again"
                    + " (trackingId=" + trackingId + ')', trackingId, null);
        }
        return new WebexClientException(operation + " did not complete: the client was closed"
                + (inFlight ? " while its request was in flight" : "; its request was not sent") + " (trackingId="
                + trackingId + ')', trackingId, null);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    static WebexClientException interrupted(String during, String trackingId, InterruptedException cause) {
        return new WebexClientException("Interrupted while " + during + " (trackingId=" + trackingId + ')',
                trackingId, cause);
    }

    private static WebexApiException apiException(ErrorResponse response, String trackingId, int attempts,
                                                  Duration retryAfter) {
        String reported = response.serverTrackingId();
        return new WebexApiException(new WebexApiException.Details(response.status(), response.webexMessage(),
                response.bodySnippet(), response.errors(), reported != null ? reported : trackingId, retryAfter,
                attempts, response.httpMethod(), response.path()));
    }

    private static WebexOutcomeUnknownException outcomeUnknown(String method, String path, String what,
                                                               String trackingId, Throwable cause) {
        return new WebexOutcomeUnknownException(method + ' ' + path + " may or may not have been carried out ("
                + what + "). It was not resent, because repeating it could act twice: check getConferenceDetails()"
                + " before trying again (trackingId=" + trackingId + ')', trackingId, cause);
    }

    /** The JDK cause of a transport failure; the internal wrapper is never shown to users. */
    private static Throwable publicCause(AttemptFailure failure) {
        return failure instanceof TransportFailure transport ? transport.getCause() : null;
    }
}
