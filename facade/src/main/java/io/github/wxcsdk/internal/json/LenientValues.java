package io.github.wxcsdk.internal.json;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads wire values that Webex's published spec types loosely (a plain string, any number) into the typed values of
 * the public model, never failing: what cannot be read is {@code null}, and the public model keeps the raw value.
 */
public final class LenientValues {
    private LenientValues() {
    }

    /**
     * A full ISO 8601 date-time with offset, such as {@code 2023-03-02T15:00:00.000Z}.
     *
     * @param raw the wire value, or {@code null}
     * @return the time, or {@code null} for anything else: a date alone ({@code 2023-03-02}) is not given an invented
     *         time and zone
     */
    public static OffsetDateTime timestamp(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A whole number that fits an {@code int}, such as {@code 3} (or {@code 3.0}).
     *
     * @param raw the number as text, or {@code null}
     * @return the number, or {@code null} for a fraction, a value beyond {@code int} or text that is no number
     */
    public static Integer wholeNumber(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(raw).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * The text of a number as read from the wire.
     *
     * @param number the number, or {@code null}
     * @return its plain decimal text ({@code 1E+12} stays {@code 1E+12}), or {@code null}
     */
    public static String text(BigDecimal number) {
        return number == null ? null : number.toString();
    }
}
