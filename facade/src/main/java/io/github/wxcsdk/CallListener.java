package io.github.wxcsdk;

/**
 * Sees every call of a client, for metrics, traces, logs or audits of your own: registered with
 * {@link WebexSimpleApi.Builder#callListener(CallListener)}, it sees the calls of the synchronous and the asynchronous
 * client, in every view (user, line owner, member). {@code wxc-sdk-micrometer} and {@code wxc-sdk-opentelemetry}
 * implement it.
 *
 * <p>For each call, in this order:
 * <ol>
 *   <li>{@link #onCallStart(CallStart)} once, on the thread that called the SDK method, before anything is sent or
 *       waited for (so a tracer can take the caller's current context, with the asynchronous API too);</li>
 *   <li>{@link #onAttempt(AttemptEvent)} once per request sent, when its answer or failure is known;</li>
 *   <li>{@link #onCallEnd(CallEvent)} exactly once, success or failure. For the synchronous API it runs on the calling
 *       thread before the method returns or throws, so the caller can tie it to its own request (through the MDC,
 *       say). For the asynchronous API it runs on a thread of the client before the future completes; when the
 *       caller cancels the future, it runs on the cancelling thread.</li>
 * </ol>
 * {@link #onThrottle(ThrottleEvent)} reports what the client's throttle does, outside any single call.
 *
 * <p>All methods do nothing unless overridden. Implementations must be thread-safe (calls run at once on many
 * threads) and quick: they run inside every call. A listener never changes a call's result: an exception thrown by
 * one is logged once at WARN (later ones at DEBUG) and otherwise ignored, and the other listeners still run. State a
 * listener needs from start to end is kept with {@link CallStart#setAttribute(CallAttribute, Object)}.
 */
public interface CallListener {

    /**
     * A call starts: nothing has been sent, no token asked for. Runs on the thread that called the SDK method.
     *
     * @param call the operation; valid during this method only (keep what you need as an attribute)
     */
    default void onCallStart(CallStart call) {
    }

    /**
     * One attempt (one HTTP exchange) of a call has ended.
     *
     * @param attempt the attempt
     */
    default void onAttempt(AttemptEvent attempt) {
    }

    /**
     * A call has ended; called exactly once per call, success or failure.
     *
     * @param event the call
     */
    default void onCallEnd(CallEvent event) {
    }

    /**
     * The client's throttle makes a call wait for its turn, or changes its pace (see {@link ThrottleEvent}); the same
     * events a {@link RetryListener} gets.
     *
     * @param event the wait or the new pace
     */
    default void onThrottle(ThrottleEvent event) {
    }
}
