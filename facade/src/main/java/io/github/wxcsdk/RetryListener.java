package io.github.wxcsdk;

/**
 * Observes the retries the SDK makes, for metrics or logs of your own. Called on the calling thread just before the
 * SDK waits; keep it quick and do not throw (an exception thrown here is logged at WARN and otherwise ignored).
 */
@FunctionalInterface
public interface RetryListener {

    /**
     * Called once before each retry.
     *
     * @param event what failed and how long the SDK waits before the next attempt
     */
    void onRetry(RetryEvent event);
}
