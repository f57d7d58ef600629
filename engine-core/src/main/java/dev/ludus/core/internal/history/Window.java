package dev.ludus.core.internal.history;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A calendar-aligned window: the current unit and the {@code count - 1} before it, in a time zone.
 */
public record Window(CalendarUnit unit, int count, ZoneId zone) {

    /** @return the first bucket inside the window that ends with the unit containing {@code time} */
    public long firstBucket(Instant time) {
        return unit.bucket(time, zone) - (count - 1);
    }

    /** @return a key naming the unit and zone, shared by windows of different lengths */
    public String calendarKey() {
        return unit.jsonName() + "@" + zone.getId();
    }
}
