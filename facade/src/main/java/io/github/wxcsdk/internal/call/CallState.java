package io.github.wxcsdk.internal.call;

import io.github.wxcsdk.internal.http.AttemptFailure;
import io.github.wxcsdk.internal.wire.RecordedCall;
import io.github.wxcsdk.internal.throttle.Reservation;

/**
 * Where one call stands between its attempts: what it sends, its deadline, how its attempts went. Used by one thread
 * at a time (the caller's, or the asynchronous executor's steps, which happen one after another), so it needs no
 * locking; the asynchronous executor publishes it through its futures.
 */
final class CallState {
    final RetryClass retryClass;
    final String trackingId;
    final RecordedCall call;
    /** The end of the call, as the client's {@link io.github.wxcsdk.internal.Time#nanoTime()}. */
    final long deadlineNanos;
    /** Requests sent so far. */
    int attempts;
    /** Failures that count against {@code maxRetries}: all but throttling and one {@code 401}. */
    int retriesUsed;
    /** The last failure, or {@code null}. */
    AttemptFailure lastFailure;
    /** How long to wait before the next attempt, from the retry policy. */
    long retryWaitMillis;
    /** The token of the last request. */
    String sentToken;
    /** The token Webex answered {@code 401} to, once a fresh one was asked for; {@code null} before. */
    String rejectedToken;
    /** Whether the call was resent with a new token after its {@code 401}. */
    boolean resentWithNewToken;
    /** The call's turn at the client's throttle for its next attempt, {@code null} before it asked. */
    Reservation turn;
    /** Whether a wait for the throttle was reported (once per call). */
    boolean throttleWaitReported;
    /** The call as the client's call listeners see it, {@code null} when there are none. */
    ObservedCall observed;

    CallState(RetryClass retryClass, String trackingId, RecordedCall call, long deadlineNanos) {
        this.retryClass = retryClass;
        this.trackingId = trackingId;
        this.call = call;
        this.deadlineNanos = deadlineNanos;
    }
}
