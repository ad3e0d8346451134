package io.github.wxcsdk;

/**
 * Observes the retries the SDK makes, and the waits of the client's throttle, for metrics or logs of your own. Called
 * just before the SDK waits: on the calling thread for the synchronous API ({@code build()}), on one of the client's
 * own threads for the asynchronous one ({@code buildAsync()}). Keep it quick, do not block, and do not throw (an
 * exception thrown here is logged at WARN and otherwise ignored). Only {@link #onRetry(RetryEvent)} must be implemented, so a lambda still fits.
 */
@FunctionalInterface
public interface RetryListener {

    /**
     * Called once before each retry.
     *
     * @param event what failed and how long the SDK waits before the next attempt
     */
    void onRetry(RetryEvent event);

    /**
     * Called when a call waits for the client's throttle and when the throttle changes its pace (see
     * {@link ThrottleEvent}). Does nothing unless overridden.
     *
     * @param event the wait or the new pace
     */
    default void onThrottle(ThrottleEvent event) {
    }
}
