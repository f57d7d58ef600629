package dev.ludus.core.internal.history;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Calendar units that windows, periods and streaks are aligned to, in a time zone. A bucket is the index of
 * the unit containing an instant; consecutive units have consecutive indexes. Days, weeks (from Monday),
 * months and years follow the local calendar, so a day is one unit however long DST makes it. Hours are real,
 * elapsed hours starting where local hours start: the hour repeated when clocks go back is two units, and the
 * hour skipped when they go forward is none.
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
        if (this == HOUR) {
            // Whole-hour offsets change nothing; a zone at +05:30 starts its hours at half past in UTC.
            int offset = zone.getRules().getOffset(time).getTotalSeconds();
            return Math.floorDiv(time.getEpochSecond() + Math.floorMod(offset, 3600), 3600);
        }
        LocalDateTime local = LocalDateTime.ofInstant(time, zone);
        return switch (this) {
            case HOUR -> throw new AssertionError("handled above");
            case DAY -> local.toLocalDate().toEpochDay();
            case WEEK -> Math.floorDiv(local.toLocalDate().toEpochDay() + MONDAY_OFFSET, 7);
            case MONTH -> local.getYear() * 12L + local.getMonthValue() - 1;
            case YEAR -> local.getYear();
        };
    }
}
