package io.github.wxcsdk.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a per-token rate limit: a token bucket, a fixed window, or none. Each bearer token gets its own bucket or
 * window of this shape; requests over the limit are answered {@code 429} with {@code Retry-After}.
 *
 * <p>Immutable. The compact syntax of {@link #parse(String)} (also {@code --rate-limit} and the control surface) is
 * what {@link #toString()} writes:
 * <ul>
 *   <li>{@code bucket:40/s,burst=10}: a token bucket refilled with 40 tokens per second that holds at most 10; without
 *       {@code burst} it holds one period's worth (40). The rate is N per period, the period {@code s}, {@code m},
 *       {@code h} with an optional whole multiplier: {@code bucket:100/60s}, {@code bucket:2.5/s}.</li>
 *   <li>{@code window:100/60s}: at most 100 requests per fixed window of 60 s; {@code window:100} means 60 s.</li>
 *   <li>{@code off}: no limit.</li>
 * </ul>
 */
public final class RateLimit {
    /** The window of {@link #fixedWindow(int)}. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

    private static final RateLimit NONE = new RateLimit(Model.NONE, 0, Duration.ZERO, 0);
    private static final Pattern SYNTAX = Pattern.compile(
            "(bucket|window):([0-9]+(?:\\.[0-9]+)?)(?:/([0-9]*)(s|m|h))?(?:,burst=([0-9]+))?");

    /** How requests are counted. */
    enum Model { NONE, TOKEN_BUCKET, FIXED_WINDOW }

    private final Model model;
    private final double amount;
    private final Duration period;
    private final int burst;

    private RateLimit(Model model, double amount, Duration period, int burst) {
        this.model = model;
        this.amount = amount;
        this.period = period;
        this.burst = burst;
    }

    /**
     * No limit: every request is admitted (and still counted).
     *
     * @return the absence of a limit
     */
    public static RateLimit none() {
        return NONE;
    }

    /**
     * A token bucket: it holds at most {@code burst} tokens, starts full, and gains {@code perSecond} tokens a second;
     * each request takes one. A request that finds less than one token is answered {@code 429} with
     * {@code Retry-After} = the whole seconds until a token is free, at least 1.
     *
     * @param perSecond the refill rate, tokens per second, more than 0
     * @param burst the bucket's capacity, at least 1
     * @return the limit
     * @throws IllegalArgumentException if {@code perSecond} is not positive and finite or {@code burst} is below 1
     */
    public static RateLimit tokenBucket(double perSecond, int burst) {
        return tokenBucket(perSecond, Duration.ofSeconds(1), burst);
    }

    private static RateLimit tokenBucket(double amount, Duration period, int burst) {
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("the rate must be a positive number, was " + amount);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        return new RateLimit(Model.TOKEN_BUCKET, amount, period, burst);
    }

    /**
     * A fixed window of {@link #DEFAULT_WINDOW} (60 s).
     *
     * @param requests the requests admitted per window, at least 1
     * @return the limit
     * @throws IllegalArgumentException if {@code requests} is below 1
     */
    public static RateLimit fixedWindow(int requests) {
        return fixedWindow(requests, DEFAULT_WINDOW);
    }

    /**
     * A fixed window: a token's first request opens a window of length {@code window}, which admits {@code requests}
     * requests; later ones are answered {@code 429} with {@code Retry-After} = the seconds to the window's end, rounded
     * up (at least 1). The first request after the window's end opens the next window.
     *
     * @param requests the requests admitted per window, at least 1
     * @param window the window's length, a whole number of seconds, at least 1 s
     * @return the limit
     * @throws NullPointerException if {@code window} is null
     * @throws IllegalArgumentException if {@code requests} is below 1 or {@code window} is not whole seconds &ge; 1
     */
    public static RateLimit fixedWindow(int requests, Duration window) {
        Objects.requireNonNull(window, "window");
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, was " + requests);
        }
        if (window.getSeconds() < 1 || window.getNano() != 0) {
            throw new IllegalArgumentException("window must be a whole number of seconds >= 1, was " + window);
        }
        return new RateLimit(Model.FIXED_WINDOW, requests, window, requests);
    }

    /**
     * Reads the compact syntax described in the class comment ({@code bucket:40/s,burst=10}, {@code window:100/60s},
     * {@code off}).
     *
     * @param text the limit
     * @return the limit
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if {@code text} does not follow the syntax or a value is out of range
     */
    public static RateLimit parse(String text) {
        Objects.requireNonNull(text, "text");
        String spec = text.strip().toLowerCase(Locale.ROOT);
        if (spec.equals("off") || spec.equals("none")) {
            return NONE;
        }
        Matcher m = SYNTAX.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a rate limit: '" + text
                    + "' (expected e.g. bucket:40/s,burst=10, window:100/60s or off)");
        }
        boolean bucket = m.group(1).equals("bucket");
        Duration period = m.group(4) == null ? (bucket ? Duration.ofSeconds(1) : DEFAULT_WINDOW) : period(m);
        if (bucket) {
            double amount = Double.parseDouble(m.group(2));
            int burst = m.group(5) == null ? (int) Math.max(1, Math.ceil(amount)) : parseInt(m.group(5), "burst");
            return tokenBucket(amount, period, burst);
        }
        if (m.group(5) != null || m.group(2).contains(".")) {
            throw new IllegalArgumentException("a window takes a whole number of requests and no burst: '" + text + "'");
        }
        return fixedWindow(parseInt(m.group(2), "requests"), period);
    }

    private static Duration period(Matcher m) {
        long multiplier = m.group(3).isEmpty() ? 1 : parseInt(m.group(3), "period");
        Duration unit = switch (m.group(4)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        if (multiplier < 1) {
            throw new IllegalArgumentException("the period must be at least 1" + m.group(4));
        }
        return unit.multipliedBy(multiplier);
    }

    private static int parseInt(String digits, String name) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is too large: " + digits, e);
        }
    }

    /**
     * Whether this limit admits every request.
     *
     * @return true for {@link #none()}
     */
    public boolean isNone() {
        return model == Model.NONE;
    }

    Model model() {
        return model;
    }

    /** Bucket: tokens gained per second; window: unused. */
    double perSecond() {
        return amount / (period.toNanos() / 1e9);
    }

    /** Bucket: its capacity; window: the requests per window. */
    int capacity() {
        return burst;
    }

    /** Window: its length. */
    Duration window() {
        return period;
    }

    /**
     * Equal when the model and all values are equal (so {@code bucket:60/m} differs from {@code bucket:1/s}).
     *
     * @param other the object to compare with
     * @return whether {@code other} is an equal limit
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof RateLimit that && model == that.model && amount == that.amount
                && period.equals(that.period) && burst == that.burst;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(model, amount, period, burst);
    }

    /**
     * The limit in the syntax of {@link #parse(String)}, for example {@code bucket:40/s,burst=10}.
     *
     * @return the syntax, which {@link #parse(String)} reads back to an equal limit
     */
    @Override
    public String toString() {
        return switch (model) {
            case NONE -> "off";
            case TOKEN_BUCKET -> "bucket:" + number(amount) + "/" + periodText() + ",burst=" + burst;
            case FIXED_WINDOW -> "window:" + burst + "/" + periodText();
        };
    }

    private String periodText() {
        long seconds = period.getSeconds();
        return seconds == 1 ? "s" : seconds + "s";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
