package dev.ludus.core.internal.history;

import java.time.Instant;
import java.util.Map;

/** How many events of a type a player had: a lifetime counter, or counts per calendar bucket. */
public final class CountAggregate extends Aggregate {
    private final Window calendar;
    private int keep;

    /** @param calendar unit and zone of the buckets, or {@code null} for a lifetime counter */
    public CountAggregate(String eventType, Window calendar) {
        super("count|" + eventType + "|" + (calendar == null ? "life" : calendar.calendarKey()), eventType);
        this.calendar = calendar;
        this.keep = 1;
    }

    @Override
    public void widen(int units) {
        keep = Math.max(keep, units);
    }

    @Override
    public Object update(Object stored, Instant time, Map<String, Object> properties) {
        if (calendar == null) {
            return stored == null ? 1L : ((Number) stored).longValue() + 1;
        }
        return Buckets.add(stored, calendar.unit().bucket(time, calendar.zone()), 1L, keep);
    }

    /** @return the count within {@code window} ending at {@code time} (lifetime when {@code window} is null) */
    public long count(Object stored, Window window, Instant time) {
        if (window == null) {
            return stored == null ? 0 : ((Number) stored).longValue();
        }
        long last = window.unit().bucket(time, window.zone());
        return Buckets.sum(stored, last - (window.count() - 1), last).longValue();
    }
}
