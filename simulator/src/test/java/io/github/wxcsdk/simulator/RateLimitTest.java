package io.github.wxcsdk.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The limit syntax and the two models, on a fake time line in nanoseconds. */
class RateLimitTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "bucket:40/s,burst=10; bucket:40/s,burst=10",
        "BUCKET:40/s; bucket:40/s,burst=40",
        "bucket:2.5/s,burst=1; bucket:2.5/s,burst=1",
        "bucket:600/m,burst=5; bucket:600/60s,burst=5",
        "window:100/60s; window:100/60s",
        "window:100; window:100/60s",
        "window:5/2m; window:5/120s",
        "window:1/h; window:1/3600s",
        " off ; off",
        "none; off"})
    void parsesTheCompactSyntaxAndWritesItBack(String text, String written) {
        RateLimit limit = RateLimit.parse(text);

        assertEquals(written, limit.toString());
        assertEquals(limit, RateLimit.parse(limit.toString()));
    }

    @Test
    void factoriesMatchTheSyntax() {
        assertEquals(RateLimit.parse("bucket:40/s,burst=10"), RateLimit.tokenBucket(40, 10));
        assertEquals(RateLimit.parse("window:100"), RateLimit.fixedWindow(100));
        assertEquals(RateLimit.parse("window:7/30s"), RateLimit.fixedWindow(7, Duration.ofSeconds(30)));
        assertTrue(RateLimit.parse("off").isNone());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bucket", "bucket:0/s", "bucket:40/d", "bucket:-1/s", "window:2.5/s",
        "window:5/s,burst=2", "window:0", "bucket:40/s,burst=0", "window:99999999999", "bucket:40/0s", "leaky:1/s"})
    void rejectsMalformedLimits(String text) {
        assertThrows(IllegalArgumentException.class, () -> RateLimit.parse(text));
    }

    @Test
    void rejectsBadFactoryArguments() {
        assertThrows(IllegalArgumentException.class, () -> RateLimit.tokenBucket(0, 1));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.tokenBucket(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.tokenBucket(1, 0));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.fixedWindow(0));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.fixedWindow(1, Duration.ofMillis(1500)));
        assertThrows(NullPointerException.class, () -> RateLimit.fixedWindow(1, null));
        assertThrows(NullPointerException.class, () -> RateLimit.parse(null));
    }

    @Test
    void aTokenBucketAdmitsItsBurstThenOneRequestPerRefill() {
        TokenLimiter bucket = TokenLimiter.of(RateLimit.tokenBucket(40, 10), 0);

        for (int i = 0; i < 10; i++) {
            assertEquals(0, bucket.tryAcquire(0), "burst request " + i);
        }
        // a token is free 25 ms later: Retry-After rounds up to whole seconds, at least 1
        assertEquals(1, bucket.tryAcquire(0));
        assertEquals(1, bucket.tryAcquire(24 * MS));
        assertEquals(0, bucket.tryAcquire(25 * MS));
        assertEquals(1, bucket.tryAcquire(25 * MS));
        // refilling stops at the burst
        long later = 60 * S;
        for (int i = 0; i < 10; i++) {
            assertEquals(0, bucket.tryAcquire(later));
        }
        assertEquals(1, bucket.tryAcquire(later));
    }

    @Test
    void aSlowBucketAnswersTheWholeSecondsUntilItsNextToken() {
        TokenLimiter bucket = TokenLimiter.of(RateLimit.parse("bucket:1/10s,burst=1"), 0);

        assertEquals(0, bucket.tryAcquire(0));
        assertEquals(10, bucket.tryAcquire(0));
        assertEquals(7, bucket.tryAcquire(3 * S + 500 * MS));
        assertEquals(0, bucket.tryAcquire(10 * S));
    }

    @Test
    void aFixedWindowAnswersTheSecondsToItsEnd() {
        TokenLimiter window = TokenLimiter.of(RateLimit.fixedWindow(3, Duration.ofSeconds(60)), 0);
        long opened = 5 * S;

        for (int i = 0; i < 3; i++) {
            assertEquals(0, window.tryAcquire(opened + i * S));
        }
        assertEquals(58, window.tryAcquire(opened + 2 * S));
        assertEquals(1, window.tryAcquire(opened + 59 * S + 500 * MS));
        assertEquals(0, window.tryAcquire(opened + 60 * S), "the next window opens");
        assertEquals(0, window.tryAcquire(opened + 61 * S));
        assertEquals(0, window.tryAcquire(opened + 62 * S));
        assertEquals(58, window.tryAcquire(opened + 62 * S));
    }

    @Test
    void noLimitAdmitsEverything() {
        TokenLimiter none = TokenLimiter.of(RateLimit.none(), 0);

        for (int i = 0; i < 1000; i++) {
            assertEquals(0, none.tryAcquire(0));
        }
    }
}
