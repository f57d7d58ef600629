package dev.ludus.core.internal.history;

import dev.ludus.core.internal.condition.PropertyPath;
import dev.ludus.core.internal.util.CanonicalJson;
import dev.ludus.core.internal.util.JsonValues;
import java.time.Instant;
import java.util.Map;

/**
 * The distinct values of a property over a player's events of a type, each with the newest bucket it was
 * seen in ({@link DistinctValues}). Values not seen within the longest window in use are forgotten, and at most
 * {@code maxValues} are tracked: past that the least recently seen go first.
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

    /**
     * @throws IllegalStateException when {@code stored} is not what this aggregate stores (see
     *                               {@link DistinctValues#see(Object, String, long, long, int)}), even for an event
     *                               without the property
     */
    @Override
    public Object update(Object stored, Instant time, Map<String, Object> properties) {
        Object value = property.resolve(properties);
        if (value == null || value == PropertyPath.MISSING) {
            DistinctValues.check(stored);
            return stored;
        }
        long bucket = calendar == null ? 0 : calendar.unit().bucket(time, calendar.zone());
        return DistinctValues.see(stored, canonical(value), bucket, calendar == null ? Long.MAX_VALUE : keep,
                maxValues);
    }

    /**
     * @return how many distinct values were seen within {@code window} ending at {@code time}; at most
     *         {@code maxValues}, also when the values were stored under a larger cap
     */
    public long count(Object stored, Window window, Instant time) {
        long last = window == null ? 0 : window.unit().bucket(time, window.zone());
        Long first = window == null ? null : last - (window.count() - 1);
        return Math.min(DistinctValues.count(stored, first, last), maxValues);
    }

    /**
     * Values that are equal as JSON (95 and 95.0, objects whose keys come in another order) get the same key, and
     * different values different keys. Strings, numbers and booleans keep the keys stored before arrays and
     * objects were keyed canonically ({@code s:}, {@code n:}, {@code j:true}); arrays and objects are {@code c:}
     * and their {@link CanonicalJson} tokens, so no key of the old {@code j:} + {@code toString()} form, which could
     * not tell {@code {"a":"1"}} from {@code {"a":1}}, is ever taken for one of them.
     */
    static String canonical(Object value) {
        if (value instanceof Double d && JsonValues.isWholeLong(d)) {
            return "n:" + d.longValue();
        }
        if (value instanceof Number n) {
            return "n:" + n;
        }
        if (value instanceof String s) {
            return "s:" + s;
        }
        if (value instanceof Boolean b) {
            return "j:" + b;
        }
        Key key = new Key();
        CanonicalJson.write(value, key);
        return key.text.toString();
    }

    /**
     * Writes each token with a one-character tag; strings, arrays and objects with their size and {@code :}, and
     * numbers ended by {@code ;}, so the text reads back one way only: {@code ["a, b"]} is {@code c:[1:s4:a, b}
     * and {@code ["a","b"]} is {@code c:[2:s1:as1:b}.
     */
    private static final class Key implements CanonicalJson.Sink {
        final StringBuilder text = new StringBuilder("c:");

        @Override
        public void nul() {
            text.append('n');
        }

        @Override
        public void bool(boolean value) {
            text.append(value ? 't' : 'f');
        }

        @Override
        public void string(String value) {
            text.append('s').append(value.length()).append(':').append(value);
        }

        @Override
        public void whole(long value) {
            text.append('i').append(value).append(';');
        }

        @Override
        public void decimal(double value) {
            // Double.toString reads back as the same double, so different numbers never share a text.
            text.append('d').append(value).append(';');
        }

        @Override
        public void list(int size) {
            text.append('[').append(size).append(':');
        }

        @Override
        public void map(int size) {
            text.append('{').append(size).append(':');
        }
    }
}
