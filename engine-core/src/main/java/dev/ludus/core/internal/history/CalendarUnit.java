package dev.ludus.core.internal.history;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Calendar units that windows, periods and streaks are aligned to, in a time zone. A bucket is the index of
 * the unit containing an instant, counted in local (wall-clock) time: consecutive units have consecutive
 * indexes, weeks start on Monday, months and years follow the calendar.
 */
public enum CalendarUnit {
    HOUR, DAY, WEEK, MONTH, YEAR;

    /** Monday 1969-12-29 is epoch day -3. */
    private static final long MONDAY_OFFSET = 3;

    /** @return the unit named {@code name} ({@code hour}, {@code day}, ...), or {@code null} */
    public static CalendarUnit parse(String name) {
        for (CalendarUnit unit : values()) {
            if (unit.jsonName().equals(name)) {
                return unit;
            }
        }
        return null;
    }

    /** @return the lower-case JSON spelling */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the index of the unit containing {@code time} in {@code zone} */
    public long bucket(Instant time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(time, zone);
        return switch (this) {
            case HOUR -> Math.floorDiv(local.truncatedTo(ChronoUnit.HOURS).toEpochSecond(ZoneOffset.UTC), 3600);
            case DAY -> local.toLocalDate().toEpochDay();
            case WEEK -> Math.floorDiv(local.toLocalDate().toEpochDay() + MONDAY_OFFSET, 7);
            case MONTH -> local.getYear() * 12L + local.getMonthValue() - 1;
            case YEAR -> local.getYear();
        };
    }
}
