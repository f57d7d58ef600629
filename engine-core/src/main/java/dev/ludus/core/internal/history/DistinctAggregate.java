package dev.ludus.core.internal.history;

import dev.ludus.core.internal.condition.PropertyPath;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct values of a property over a player's events of a type, each with the newest bucket it was
 * seen in. Values not seen within the longest window in use are forgotten, and at most {@code maxValues} are
 * tracked: past that the least recently seen go first.
 */
public final class DistinctAggregate extends Aggregate {
    private final PropertyPath property;
    private final Window calendar;
    private final int maxValues;
    private int keep = 1;

    public DistinctAggregate(String eventType, PropertyPath property, Window calendar, int maxValues) {
        super("distinct|" + eventType + "|" + property + "|" + (calendar == null ? "life" : calendar.calendarKey()),
                eventType);
        this.property = property;
        this.calendar = calendar;
        this.maxValues = maxValues;
    }

    @Override
    public void widen(int units) {
        keep = Math.max(keep, units);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object update(Object stored, Instant time, Map<String, Object> properties) {
        Object value = property.resolve(properties);
        Map<String, Object> seen = stored == null ? Map.of() : (Map<String, Object>) stored;
        if (value == null || value == PropertyPath.MISSING) {
            return stored;
        }
        String canonical = canonical(value);
        long bucket = calendar == null ? 0 : calendar.unit().bucket(time, calendar.zone());
        Object previous = seen.get(canonical);
        if (previous != null && ((Number) previous).longValue() >= bucket) {
            return stored;
        }
        Map<String, Object> next = new HashMap<>(seen);
        next.put(canonical, bucket);
        if (calendar != null) {
            long newest = next.values().stream().mapToLong(b -> ((Number) b).longValue()).max().orElse(bucket);
            next.values().removeIf(b -> ((Number) b).longValue() <= newest - keep);
        }
        if (next.size() > maxValues) {
            String oldest = null;
            long oldestBucket = Long.MAX_VALUE;
            for (Map.Entry<String, Object> e : next.entrySet()) {
                long b = ((Number) e.getValue()).longValue();
                if (b < oldestBucket) {
                    oldestBucket = b;
                    oldest = e.getKey();
                }
            }
            next.remove(oldest);
        }
        return Collections.unmodifiableMap(next);
    }

    /** @return how many distinct values were seen within {@code window} ending at {@code time} */
    @SuppressWarnings("unchecked")
    public long count(Object stored, Window window, Instant time) {
        if (stored == null) {
            return 0;
        }
        Map<String, Object> seen = (Map<String, Object>) stored;
        if (window == null) {
            return seen.size();
        }
        long last = window.unit().bucket(time, window.zone());
        long first = last - (window.count() - 1);
        return seen.values().stream().mapToLong(b -> ((Number) b).longValue()).filter(b -> b >= first && b <= last)
                .count();
    }

    /** Values that are equal as JSON (95 and 95.0) get the same key; strings and numbers never collide. */
    private static String canonical(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return "n:" + d.longValue();
        }
        if (value instanceof Number n) {
            return "n:" + n;
        }
        if (value instanceof String s) {
            return "s:" + s;
        }
        return "j:" + value;
    }
}
