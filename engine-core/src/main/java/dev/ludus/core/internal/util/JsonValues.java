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

    /**
     * Makes a text from a game or an event safe to show on one line of an error message: control characters,
     * the Unicode line and paragraph separators and unpaired surrogates (which cannot be written as UTF-8) become
     * JSON-style escapes (backslash {@code n}, {@code r}, {@code t}, else backslash {@code u} and four hex
     * digits); everything else is kept as is.
     *
     * @return the text, escaped; the same instance when there was nothing to escape; {@code null} for {@code null}
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !unprintable(text.charAt(i)) && !unpairedSurrogateAt(text, i)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unprintable(c) && !unpairedSurrogateAt(text, i)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** @return the index of the first character {@link #printable} escapes, or -1 */
    public static int controlCharacterIndex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unprintable(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** @return the index of the first surrogate that is not half of a pair, high then low; -1 when there is none */
    public static int unpairedSurrogateIndex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                if (!surrogatePairAt(text, i)) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    /** @return whether the chars at {@code i} and {@code i + 1} are a high and a low surrogate, one character */
    public static boolean surrogatePairAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    /** @return whether the char at {@code i} is a surrogate that is not half of a pair */
    private static boolean unpairedSurrogateAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isSurrogate(c) && !surrogatePairAt(text, i)
                && !(i > 0 && Character.isLowSurrogate(c) && Character.isHighSurrogate(text.charAt(i - 1)));
    }

    private static boolean unprintable(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** @return a short description of a value for error messages: its JSON type and, for scalars, the value */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            int cut = s.length() > 60 ? (Character.isHighSurrogate(s.charAt(56)) ? 56 : 57) : s.length();
            String shown = cut < s.length() ? s.substring(0, cut) + "..." : s;
            return "string \"" + printable(shown) + "\"";
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
