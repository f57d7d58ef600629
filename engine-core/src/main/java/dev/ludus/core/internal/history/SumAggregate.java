package dev.ludus.core.internal.history;

import dev.ludus.core.internal.condition.PropertyPath;
import java.time.Instant;
import java.util.Map;

/**
 * The sum of a numeric property over a player's events of a type; missing or non-numbers add nothing. Whole
 * numbers add up exactly whatever their order, decimals as the decimals they are written as, rounded to a double
 * once per event ({@link ExactSum}, which also says how the sums are stored: as before for whole sums within a
 * long and for decimal-only sums).
 */
public final class SumAggregate extends Aggregate {
    private final PropertyPath property;
    private final Window calendar;
    private int keep = 1;

    public SumAggregate(String eventType, PropertyPath property, Window calendar) {
        super("sum|" + eventType + "|" + property + "|" + (calendar == null ? "life" : calendar.calendarKey()),
                eventType);
        this.property = property;
        this.calendar = calendar;
    }

    @Override
    public void widen(int units) {
        keep = Math.max(keep, units);
    }

    @Override
    public Object update(Object stored, Instant time, Map<String, Object> properties) {
        Object value = property.resolve(properties);
        Number amount = value instanceof Long || value instanceof Double ? (Number) value : 0L;
        if (calendar == null) {
            return stored == null ? amount : ExactSum.add(stored, amount);
        }
        return Buckets.add(stored, calendar.unit().bucket(time, calendar.zone()), amount, keep);
    }

    /**
     * @return the sum within {@code window} ending at {@code time} (lifetime when {@code window} is null): a
     *         {@code Long}, a {@code BigInteger} for a whole sum beyond a long, or a {@code Double} (which may be
     *         infinite, or NaN when the window holds decimal parts that overflowed both ways)
     */
    public Number sum(Object stored, Window window, Instant time) {
        if (window == null) {
            return stored == null ? 0L : ExactSum.value(stored);
        }
        long last = window.unit().bucket(time, window.zone());
        return Buckets.sum(stored, last - (window.count() - 1), last);
    }
}
