package io.github.wxcsdk.internal.call;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads a {@code Retry-After} header: delay-seconds ({@code "120"}, and leniently {@code "5.0"}, rounded up) or an
 * HTTP-date. A missing, negative or unreadable value gives {@code null}: the caller applies its default.
 */
final class RetryAfter {
    /** Beyond this the value is certainly nonsense; it is capped long before by maxRetryAfter anyway. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Integer.MAX_VALUE);

    private RetryAfter() {
    }

    static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (Character.isDigit(value.charAt(0)) || value.charAt(0) == '-' || value.charAt(0) == '+'
                || value.charAt(0) == '.') {
            return parseSeconds(value);
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration parseSeconds(String value) {
        try {
            BigDecimal seconds = new BigDecimal(value);
            if (seconds.signum() < 0 || seconds.compareTo(MAX_SECONDS) > 0) {
                return null;
            }
            return Duration.ofSeconds(seconds.setScale(0, RoundingMode.CEILING).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
