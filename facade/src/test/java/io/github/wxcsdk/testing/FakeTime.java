package io.github.wxcsdk.testing;

import io.github.wxcsdk.internal.Time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A clock that only moves when the code under test "sleeps", so retry tests never wait: the {@link Time} of a client
 * or of the OAuth classes (a scheduled wait moves it too, then runs the task on the timer at once). Thread-safe.
 */
public final class FakeTime implements Time {
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
    public synchronized Instant now() {
        return now;
    }

    @Override
    public Future<?> schedule(ScheduledExecutorService timer, Duration duration, Runnable task) {
        return timer.submit(() -> {
            sleep(duration);
            task.run();
        });
    }
}
