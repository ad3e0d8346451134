package io.github.wxcsdk.testing;

import io.github.wxcsdk.internal.Time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A clock that only moves when the code under test "sleeps", so retry tests never wait: the client's {@link Time}
 * (a scheduled wait moves it too, then runs the task on the timer at once), and a {@link Clock} for the OAuth classes.
 * Thread-safe.
 */
public final class FakeTime extends Clock implements Time {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();

    /** Advances the clock by {@code duration} and records it; use as the client's sleeper. */
    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    /** @return every sleep so far */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public synchronized long nanoTime() {
        return Duration.between(Instant.EPOCH, now).toNanos();
    }

    @Override
    public Instant now() {
        return instant();
    }

    @Override
    public Future<?> schedule(ScheduledExecutorService timer, Duration duration, Runnable task) {
        return timer.submit(() -> {
            sleep(duration);
            task.run();
        });
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
