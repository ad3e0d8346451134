package io.github.wxcsdk.internal.auth;

import java.time.Duration;
import java.time.Instant;

/** Deadline arithmetic that does not overflow for huge waits. */
public final class Deadlines {
    private static final Instant FAR = Instant.parse("9999-12-31T00:00:00Z");

    private Deadlines() {
    }

    /** @return {@code now + wait}, at most year 9999; a negative wait counts as zero */
    public static Instant after(Instant now, Duration wait) {
        if (wait.isNegative()) {
            return now;
        }
        return Duration.between(now, FAR).compareTo(wait) <= 0 ? FAR : now.plus(wait);
    }
}
