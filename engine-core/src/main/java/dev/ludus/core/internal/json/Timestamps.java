package dev.ludus.core.internal.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;

/**
 * Parses event timestamps exactly as {@link Instant#parse} does, but reads the form nearly every event uses,
 * {@code 2026-11-21T10:15:30Z} with an optional fraction, without the general formatter, which costs more
 * than the rest of the event.
 */
final class Timestamps {
    /** Nanoseconds per unit of a fraction with that many digits. */
    private static final int[] NANOS_SCALE = {1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
        10, 1};

    private Timestamps() {
    }

    /**
     * @throws DateTimeParseException when the text is not an ISO-8601 instant
     */
    static Instant parse(String text) {
        Instant instant = parseUtc(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /** @return the instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or {@code null} for any other text */
    private static Instant parseUtc(String s) {
        int length = s.length();
        if (length < 20 || length > 30 || length == 21 || s.charAt(length - 1) != 'Z' || s.charAt(4) != '-'
                || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':'
                || (length > 20 && s.charAt(19) != '.')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int fractionDigits = Math.max(0, length - 21);
        int fraction = fractionDigits == 0 ? 0 : digits(s, 20, fractionDigits);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || fraction < 0
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second,
                (long) fraction * NANOS_SCALE[fractionDigits]);
    }

    /** @return the value of {@code count} ASCII digits at {@code start}, or -1 when one is not a digit */
    private static int digits(String s, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
