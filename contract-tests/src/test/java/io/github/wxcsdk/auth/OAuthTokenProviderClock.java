package io.github.wxcsdk.auth;

import io.github.wxcsdk.internal.Time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Test-only access, from the contract tests, to the package-private time hook of {@link OAuthTokenProvider.Builder},
 * so that a provider and the simulator share one fake clock. It lives in the provider's package on the test class
 * path; the library itself stays unchanged and offers no public clock.
 */
public final class OAuthTokenProviderClock {
    private OAuthTokenProviderClock() {
    }

    /**
     * @param builder the provider's builder
     * @param clock   the time source of expiries and deadlines; the waits between attempts stay real
     * @return {@code builder}, with {@code clock}
     */
    public static OAuthTokenProvider.Builder withClock(OAuthTokenProvider.Builder builder, Clock clock) {
        return builder.time(new ClockTime(clock));
    }

    /** The time of {@code clock}, with the system's real waits. */
    private record ClockTime(Clock clock) implements Time {
        @Override
        public long nanoTime() {
            return Duration.between(Instant.EPOCH, clock.instant()).toNanos();
        }

        @Override
        public Instant now() {
            return clock.instant();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Time.system().sleep(duration);
        }

        @Override
        public Future<?> schedule(ScheduledExecutorService timer, Duration duration, Runnable task) {
            return Time.system().schedule(timer, duration, task);
        }
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
