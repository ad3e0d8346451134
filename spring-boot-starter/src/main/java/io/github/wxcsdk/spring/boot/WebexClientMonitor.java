package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.CallEvent;
import io.github.wxcsdk.CallListener;
import io.github.wxcsdk.RetryEvent;
import io.github.wxcsdk.RetryListener;
import io.github.wxcsdk.ThrottleEvent;
import io.github.wxcsdk.auth.OAuthRefreshException;
import io.github.wxcsdk.auth.OAuthTokenProvider;
import io.github.wxcsdk.auth.OAuthTokens;
import io.github.wxcsdk.auth.TokenProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the {@code webex} health contributor reports, gathered from the client's own signals without any call to
 * Webex: a refresh token that Webex refused (a call that failed with {@link OAuthRefreshException#renewalRequired()},
 * as the client's {@link CallListener} sees it, sync or async), the throttle's state
 * (from the {@link ThrottleEvent}s of the client's {@link RetryListener}), and the token expiries (from
 * {@link OAuthTokenProvider#currentTokens()}). Never a token. Thread-safe.
 */
final class WebexClientMonitor implements RetryListener {
    private final TokenProvider tokenProvider;
    private final Clock clock;
    private final AtomicReference<Refusal> refusal = new AtomicReference<>();
    private final AtomicReference<Throttle> throttle = new AtomicReference<>(new Throttle(0, null, null));
    private final AtomicLong retries = new AtomicLong();

    WebexClientMonitor(TokenProvider tokenProvider, Clock clock) {
        this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the listener that tells this monitor of a call that failed because Webex refused the refresh token */
    CallListener refusals() {
        return new CallListener() {
            @Override
            public void onCallEnd(CallEvent event) {
                event.failure().ifPresent(failure -> {
                    if (failure instanceof OAuthRefreshException refused) {
                        refused(refused);
                    }
                });
            }
        };
    }

    void refused(OAuthRefreshException e) {
        if (e.renewalRequired()) {
            refusal.compareAndSet(null, new Refusal(clock.instant(), e.getMessage(), e.error().orElse(null)));
        }
    }

    /** @return whether Webex refused the refresh token, so that only a new one restores access */
    boolean renewalRequired() {
        return refusal.get() != null;
    }

    @Override
    public void onRetry(RetryEvent event) {
        retries.incrementAndGet();
    }

    @Override
    public void onThrottle(ThrottleEvent event) {
        Instant now = clock.instant();
        throttle.updateAndGet(current -> switch (event.kind()) {
            case RATE_CHANGE -> new Throttle(event.requestsPerSecond(), now, current.holdingUntil);
            case WAIT -> new Throttle(event.requestsPerSecond(), current.paceSince == null ? now : current.paceSince,
                    later(current.holdingUntil, now.plus(event.delay())));
        });
    }

    /**
     * The details of the health contributor.
     *
     * @return ordered details; times as ISO-8601 text
     */
    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        Refusal refused = refusal.get();
        details.put("renewalRequired", refused != null);
        if (refused != null) {
            details.put("refusedAt", refused.at.toString());
            if (refused.error != null) {
                details.put("error", refused.error);
            }
            details.put("reason", refused.message);
        }
        if (tokenProvider instanceof OAuthTokenProvider oauth) {
            details.put("tokenProvider", "oauth");
            oauth.currentTokens().ifPresentOrElse(tokens -> putExpiries(details, tokens),
                    () -> details.put("accessTokenExpiresAt", "not fetched yet"));
        } else {
            details.put("tokenProvider", tokenProvider.toString());
        }
        details.put("throttle", throttle.get().details(clock.instant()));
        details.put("retries", retries.get());
        return details;
    }

    private static void putExpiries(Map<String, Object> details, OAuthTokens tokens) {
        details.put("accessTokenExpiresAt", tokens.accessTokenExpiresAt().toString());
        tokens.refreshTokenExpiresAt().ifPresent(at -> details.put("refreshTokenExpiresAt", at.toString()));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private record Refusal(Instant at, String message, String error) {
    }

    /**
     * @param requestsPerSecond the pace the client's throttle last reported, 0 before any event
     * @param paceSince         when the throttle first reported a pace (after Webex's first 429), or null
     * @param holdingUntil      the end of the latest wait a call was told, or null
     */
    private record Throttle(double requestsPerSecond, Instant paceSince, Instant holdingUntil) {
        Map<String, Object> details(Instant now) {
            Map<String, Object> details = new LinkedHashMap<>();
            boolean holding = holdingUntil != null && holdingUntil.isAfter(now);
            details.put("state", holding ? "HOLDING" : paceSince != null ? "PACING" : "OPEN");
            if (paceSince != null) {
                details.put("requestsPerSecond", requestsPerSecond);
                details.put("pacingSince", paceSince.toString());
            }
            if (holding) {
                details.put("holdingCallsUntil", holdingUntil.toString());
                details.put("holdingFor", Duration.between(now, holdingUntil).toString());
            }
            return details;
        }
    }
}
