package io.github.wxcsdk.auth;

import java.time.Clock;

/**
 * Test-only access, from the contract tests, to the package-private clock hook of {@link OAuthTokenProvider.Builder},
 * so that a provider and the simulator share one fake clock. It lives in the provider's package on the test class
 * path; the library itself stays unchanged and offers no public clock.
 */
public final class OAuthTokenProviderClock {
    private OAuthTokenProviderClock() {
    }

    /**
     * @param builder the provider's builder
     * @param clock   the time source of expiries and deadlines
     * @return {@code builder}, with {@code clock}
     */
    public static OAuthTokenProvider.Builder withClock(OAuthTokenProvider.Builder builder, Clock clock) {
        return builder.clock(clock);
    }

    /**
     * Waits until the provider has no refresh in flight (one started in the background included), whatever its
     * outcome, so a test can move a shared fake clock only after it.
     *
     * @param provider the provider
     * @throws Exception when the wait is interrupted or takes longer than 30 seconds
     */
    public static void awaitRefresh(OAuthTokenProvider provider) throws Exception {
        try {
            provider.refreshInFlight().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // the outcome is the test's business
        }
    }
}
