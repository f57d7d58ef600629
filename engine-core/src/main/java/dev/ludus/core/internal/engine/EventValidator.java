package dev.ludus.core.internal.engine;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.LudusException;
import dev.ludus.core.internal.util.JsonValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an event against SPEC section 2 and the configured {@link EventLimits}, producing a
 * {@link ValidEvent}. Thread-safe.
 */
final class EventValidator {
    private static final Where PROPERTIES = new Where(null, "properties");
    private static final Where PLAYER = new Where(null, "player");
    /**
     * The timestamps accepted: years 0000 to 9999, what ISO-8601 writes without expanded years. Wider instants
     * are valid {@code Instant}s, but the engine's time logic fails on some: near the ends of their range a local
     * date east or west of UTC is beyond {@code LocalDate} (limits, windows, streaks, time conditions), and past
     * about 292 million years the milliseconds an expression sees overflow a long. These bounds leave room in
     * every zone and hold every real event.
     */
    static final Instant MIN_TIMESTAMP = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant MAX_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final EventLimits limits;
    private final Clock clock;

    EventValidator(EventLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @throws LudusException {@code INVALID_EVENT} naming the offending field
     */
    ValidEvent validate(Event event, String eventId) {
        text("externalUserId", event.externalUserId(), limits.maxExternalUserIdLength(), "maxExternalUserIdLength", true);
        text("eventType", event.eventType(), limits.maxEventTypeLength(), "maxEventTypeLength", true);
        if (event.eventId() != null) {
            text("eventId", event.eventId(), limits.maxEventIdLength(), "maxEventIdLength", false);
        }
        if (event.idempotencyKey() != null) {
            text("idempotencyKey", event.idempotencyKey(), limits.maxIdempotencyKeyLength(), "maxIdempotencyKeyLength",
                    false);
        }
        Map<String, String> profile = event.profile().isEmpty() ? Map.of() : profile(event.profile());
        Map<String, Object> properties = checkMap(event.properties(), PROPERTIES, 1, null);
        Instant timestamp = event.timestamp() == null ? now() : timestamp(event.timestamp());
        return new ValidEvent(eventId, event.externalUserId(), event.eventType(), timestamp, event.idempotencyKey(),
                properties, profile);
    }

    private static Instant timestamp(Instant timestamp) {
        if (!inRange(timestamp)) {
            throw invalid("timestamp: " + timestamp + " is out of range, must be from " + MIN_TIMESTAMP + " to "
                    + MAX_TIMESTAMP);
        }
        return timestamp;
    }

    /** @return the engine clock's now, for an event without a timestamp: the same range holds for it */
    private Instant now() {
        Instant now = clock.instant();
        if (!inRange(now)) {
            throw invalid("timestamp: none given, and the engine clock's now, " + now + ", is out of range, must be "
                    + "from " + MIN_TIMESTAMP + " to " + MAX_TIMESTAMP);
        }
        return now;
    }

    private static boolean inRange(Instant timestamp) {
        // The lower bound starts a second and the upper one ends its second, so the seconds alone decide.
        long seconds = timestamp.getEpochSecond();
        return seconds >= MIN_TIMESTAMP.getEpochSecond() && seconds <= MAX_TIMESTAMP.getEpochSecond();
    }

    private Map<String, String> profile(Map<String, String> fields) {
        Map<String, String> profile = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            int unpaired = JsonValues.unpairedSurrogateIndex(field);
            if (unpaired >= 0) {
                throw invalid("player: field name \"" + JsonValues.printable(field)
                        + "\" contains an unpaired surrogate at index " + unpaired);
            }
            if (value != null) {
                profile.put(field, checkString(value, PLAYER, field));
            }
        });
        return Collections.unmodifiableMap(profile);
    }

    /**
     * Checks a required field ({@code externalUserId}, {@code eventType}) or an optional one that was given.
     *
     * @param required whether the field must be given, which the message for a blank value says
     */
    private static void text(String field, String value, int max, String setting, boolean required) {
        if (value == null || value.length() > max && value.isBlank()) {
            throw blank(field, required);
        }
        int characters = characters(value, max);
        if (characters > max) {
            throw invalid(field + ": " + characters + " characters, at most " + max + " allowed (raise " + setting
                    + ")");
        }
        boolean blank = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > ' ' && c < 0x7f) { // printable ASCII, the usual case: neither control nor blank
                blank = false;
                continue;
            }
            if (Character.isISOControl(c)) {
                throw value.isBlank() ? blank(field, required)
                        : invalid(field + ": contains a control character at index " + i);
            }
            if (Character.isSurrogate(c)) {
                if (!JsonValues.surrogatePairAt(value, i)) {
                    throw unpairedSurrogate(field, i);
                }
                i++; // a pair is one character, and not a blank one
                blank = false;
                continue;
            }
            blank &= Character.isWhitespace(c);
        }
        if (blank) {
            throw blank(field, required);
        }
    }

    /**
     * @return the length of {@code s} in characters (code points) when it may be over {@code max}, else its
     *         length in chars, which is then at most {@code max} too: only a string longer in chars than the
     *         limit needs counting
     */
    private static int characters(String s, int max) {
        return s.length() > max ? s.codePointCount(0, s.length()) : s.length();
    }

    /**
     * An unpaired surrogate is a valid Java {@code char} but no character: UTF-8 cannot encode it, so the player's
     * state or history could not be written as JSON.
     */
    private static LudusException unpairedSurrogate(Object field, int index) {
        return invalid(field + ": contains an unpaired surrogate at index " + index);
    }

    private static LudusException blank(String field, boolean required) {
        return invalid(field + (required ? ": required, must not be blank" : ": must not be blank when given"));
    }

    /**
     * Checks a map of an event's properties and returns it, or a copy where values had to be converted
     * ({@code BigInteger}, {@code BigDecimal}). The event's maps and lists are its own deep, unmodifiable
     * copies ({@link Event}), so unchanged ones are shared rather than copied again.
     *
     * @param keys the count of keys seen so far in the event's properties, or {@code null} for the top-level map
     *             (the count is only made when it holds a nested map or list, so flat events allocate none)
     */
    private Map<String, Object> checkMap(Map<?, ?> map, Where path, int depth, int[] keys) {
        if (depth > limits.maxPropertyDepth()) {
            throw invalid(path + ": nested deeper than " + limits.maxPropertyDepth() + " levels (raise maxPropertyDepth)");
        }
        int seen = keys == null ? map.size() : (keys[0] += map.size());
        if (seen > limits.maxPropertyKeys()) {
            throw invalid(path + ": more than " + limits.maxPropertyKeys()
                    + " keys in properties in total (raise maxPropertyKeys)");
        }
        Map<String, Object> copy = null;
        int index = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw invalid(path + ": keys must be strings, found " + e.getKey());
            }
            int unpaired = JsonValues.unpairedSurrogateIndex(key);
            if (unpaired >= 0) {
                throw invalid(path + ": key \"" + JsonValues.printable(key)
                        + "\" contains an unpaired surrogate at index " + unpaired);
            }
            if (keys == null && nests(e.getValue())) {
                keys = new int[] {map.size()};
            }
            Object value = checkValue(e.getValue(), path, key, depth, keys);
            if (copy == null && value != e.getValue()) {
                copy = firstEntries(map, index);
            }
            if (copy != null) {
                copy.put(key, value);
            }
            index++;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> same = (Map<String, Object>) map;
        return copy == null ? same : Collections.unmodifiableMap(copy);
    }

    /**
     * @return whether a property value is a map or a list. The usual values are ruled out first: on JDK 17 an
     *         {@code instanceof} of an interface that fails scans the value's class's interfaces, and two such tests
     *         per property took most of the time validation took (65 of 107 ns for a reference-workload event)
     */
    private static boolean nests(Object value) {
        return !(value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean
                || value == null) && (value instanceof Map<?, ?> || value instanceof List<?>);
    }

    /** @return a modifiable copy of the first {@code n} entries of {@code map}, whose keys were checked */
    private static Map<String, Object> firstEntries(Map<?, ?> map, int n) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        for (int i = 0; i < n; i++) {
            Map.Entry<?, ?> e = entries.next();
            copy.put((String) e.getKey(), e.getValue());
        }
        return copy;
    }

    /**
     * Checks a string value (a property's, or a profile field's) found under {@code key} of {@code parent}: its
     * length in characters and that it holds no unpaired surrogate; the path is only built for errors.
     *
     * @return {@code s}
     */
    private String checkString(String s, Where parent, Object key) {
        int characters = characters(s, limits.maxStringLength());
        if (characters > limits.maxStringLength()) {
            throw invalid(new Where(parent, key) + ": string of " + characters + " characters, at most "
                    + limits.maxStringLength() + " allowed (raise maxPropertyStringLength)");
        }
        int unpaired = JsonValues.unpairedSurrogateIndex(s);
        if (unpaired >= 0) {
            throw unpairedSurrogate(new Where(parent, key), unpaired);
        }
        return s;
    }

    /**
     * Checks one value found under {@code key} of {@code parent} and returns it, or its converted copy; the
     * path is only built for errors and nesting.
     */
    private Object checkValue(Object value, Where parent, Object key, int depth, int[] keys) {
        if (value == null || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof String s) {
            return checkString(s, parent, key);
        }
        // Integer, Short, Byte and Float never get here: building the Event made them Long and Double.
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw invalid(new Where(parent, key) + ": numbers must be finite, found " + d);
            }
            return d;
        }
        // A BigInteger is never infinite: the 64-bit check leaves only whole numbers a long holds.
        if (value instanceof BigInteger b) {
            if (b.bitLength() >= 64) {
                throw invalid(new Where(parent, key) + ": whole number " + b + " does not fit in 64 bits");
            }
            return b.longValue();
        }
        if (value instanceof BigDecimal b) {
            try {
                return b.longValueExact();
            } catch (ArithmeticException notWhole) {
                // Beyond the range of a double (1e400) it would be stored as an infinity.
                double d = b.doubleValue();
                if (!Double.isFinite(d)) {
                    throw invalid(new Where(parent, key) + ": numbers must be finite, found " + b + " (" + d
                            + " as a double)");
                }
                return d;
            }
        }
        if (value instanceof Map<?, ?> map) {
            return checkMap(map, new Where(parent, key), depth + 1, keys);
        }
        if (value instanceof List<?> list) {
            Where path = new Where(parent, key);
            if (depth + 1 > limits.maxPropertyDepth()) {
                throw invalid(path + ": nested deeper than " + limits.maxPropertyDepth()
                        + " levels (raise maxPropertyDepth)");
            }
            List<Object> copy = null;
            for (int i = 0; i < list.size(); i++) {
                Object element = list.get(i);
                Object checked = checkValue(element, path, i, depth + 1, keys);
                if (copy == null && checked != element) {
                    copy = new ArrayList<>(list.subList(0, i));
                }
                if (copy != null) {
                    copy.add(checked);
                }
            }
            return copy == null ? list : Collections.unmodifiableList(copy);
        }
        throw invalid(new Where(parent, key) + ": unsupported value type " + value.getClass().getName()
                + " (expected string, number, boolean, null, list or map)");
    }

    /** A dot path such as {@code properties.order.items.0}, rendered only when an error names it. */
    private record Where(Where parent, Object key) {
        @Override
        public String toString() {
            return parent == null ? String.valueOf(key) : parent + "." + key;
        }
    }

    private static LudusException invalid(String message) {
        return new LudusException(ErrorCode.INVALID_EVENT, message);
    }
}
