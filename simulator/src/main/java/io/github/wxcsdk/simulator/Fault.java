package io.github.wxcsdk.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An error that the simulator answers instead of serving a user's next conference requests, for example a
 * {@code 429} with {@code Retry-After}. A fault changes no state: the failed requests have no effect.
 *
 * <p>Immutable: start from {@link #of(int)} and derive variants with the {@code with...} methods.
 * <pre>{@code
 * sim.addFault(token, Fault.of(429).withRetryAfter(Duration.ofSeconds(1)).withCount(2));
 * }</pre>
 */
public final class Fault {
    /** The longest {@link #delay()} accepted, so that a fault cannot hold a server thread for long. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private final int status;
    private final Duration retryAfter;
    private final int count;
    private final Duration delay;

    private Fault(int status, Duration retryAfter, int count, Duration delay) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be between 400 and 599, was " + status);
        }
        if (retryAfter != null && (retryAfter.isNegative() || retryAfter.getNano() != 0)) {
            throw new IllegalArgumentException("retryAfter must be a whole number of seconds >= 0, was " + retryAfter);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delay must be between 0 and " + MAX_DELAY + ", was " + delay);
        }
        this.status = status;
        this.retryAfter = retryAfter;
        this.count = count;
        this.delay = delay;
    }

    /**
     * A fault that fails the next request once with {@code status}, without {@code Retry-After} and without delay.
     *
     * @param status the HTTP status to answer, 400 to 599
     * @return the fault
     * @throws IllegalArgumentException if {@code status} is not between 400 and 599
     */
    public static Fault of(int status) {
        return new Fault(status, null, 1, Duration.ZERO);
    }

    /**
     * This fault, answering with a {@code Retry-After} header of the given number of seconds.
     *
     * @param retryAfter the value of the header; {@code null} for no header
     * @return the new fault
     * @throws IllegalArgumentException if {@code retryAfter} is negative or not a whole number of seconds
     */
    public Fault withRetryAfter(Duration retryAfter) {
        return new Fault(status, retryAfter, count, delay);
    }

    /**
     * This fault, failing the given number of consecutive requests.
     *
     * @param count how many requests fail, at least 1
     * @return the new fault
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public Fault withCount(int count) {
        return new Fault(status, retryAfter, count, delay);
    }

    /**
     * This fault, waiting the given time before answering each failed request (to exercise client timeouts).
     *
     * @param delay the wait, between zero and {@link #MAX_DELAY}
     * @return the new fault
     * @throws NullPointerException if {@code delay} is null
     * @throws IllegalArgumentException if {@code delay} is negative or longer than {@link #MAX_DELAY}
     */
    public Fault withDelay(Duration delay) {
        return new Fault(status, retryAfter, count, delay);
    }

    /**
     * The HTTP status answered.
     *
     * @return a status between 400 and 599
     */
    public int status() {
        return status;
    }

    /**
     * The {@code Retry-After} header answered, in whole seconds.
     *
     * @return the header value, or empty when no header is sent
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * How many consecutive requests this fault fails.
     *
     * @return at least 1
     */
    public int count() {
        return count;
    }

    /**
     * The wait before each failed request is answered.
     *
     * @return a duration between zero and {@link #MAX_DELAY}
     */
    public Duration delay() {
        return delay;
    }

    /** This fault with one request fewer to fail, or empty when this was its last. */
    Optional<Fault> consumeOne() {
        return count == 1 ? Optional.empty() : Optional.of(new Fault(status, retryAfter, count - 1, delay));
    }

    /**
     * Two faults are equal when all their properties are.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an equal fault
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Fault that
                && status == that.status
                && Objects.equals(retryAfter, that.retryAfter)
                && count == that.count
                && delay.equals(that.delay);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(status, retryAfter, count, delay);
    }

    /**
     * A readable description, for test failure messages.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "Fault[status=" + status + ", retryAfter=" + retryAfter + ", count=" + count + ", delay=" + delay + "]";
    }
}
