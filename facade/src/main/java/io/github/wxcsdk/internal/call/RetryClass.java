package io.github.wxcsdk.internal.call;

/** How safe an operation is to resend, which decides what the executor retries. */
public enum RetryClass {
    /** Reading and releasing (GET, DELETE): resending cannot do harm; retried on every transient failure. */
    IDEMPOTENT,
    /**
     * Setting a state (mute, unmute, deafen, undeafen, hold, resume): resending sets the same state again; retried
     * after an ambiguous failure only when the client allows it.
     */
    STATE_CHANGE,
    /**
     * Creating something (start, addParticipant): resending could act twice; retried only when the server certainly
     * did not act (429, or the request never left).
     */
    NOT_IDEMPOTENT
}
