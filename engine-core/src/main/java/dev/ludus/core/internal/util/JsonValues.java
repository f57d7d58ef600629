package dev.ludus.core.internal.util;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Equality and description of JSON-like values ({@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code null}, {@code List}, {@code Map}), where numbers compare by value.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** @return whether two JSON-like values are equal; 95 equals 95.0, "95" does not equal 95 */
    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return compare(x, y) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!equal(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Compares two numbers by value: exactly when both are whole, else as doubles. */
    public static int compare(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        // Not Double.compare: -0.0 and 0.0 are the same JSON number. JSON has no NaN.
        return x < y ? -1 : x > y ? 1 : 0;
    }

    /** @return whether the value is a JSON number (booleans are not numbers) */
    public static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double;
    }

    /** @return a short description of a value for error messages: its JSON type and, for scalars, the value */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
            return "string \"" + shown + "\"";
        }
        if (value instanceof Boolean) {
            return "boolean " + value;
        }
        if (value instanceof Number) {
            return "number " + value;
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return value.getClass().getSimpleName();
    }
}
