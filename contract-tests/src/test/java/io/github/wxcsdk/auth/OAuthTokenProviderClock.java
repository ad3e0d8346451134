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
}
