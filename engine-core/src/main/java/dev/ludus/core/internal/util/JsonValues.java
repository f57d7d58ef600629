package dev.ludus.core.internal.util;

import java.math.BigDecimal;
import java.math.BigInteger;
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
            return !(a instanceof Number n && isNaN(n));
        }
        if (a == null || b == null) {
            return false;
        }
        // Strings and booleans first: on JDK 17 an instanceof of an interface (List, Map) that fails scans the
        // class's interfaces, which costs a string compared below tens of nanoseconds.
        if (a instanceof String || a instanceof Boolean) {
            return a.equals(b);
        }
        if (a instanceof Number x && b instanceof Number y) {
            // compare gives 0 with a NaN only when both are NaN, so the test is only paid on equal numbers
            return compare(x, y) == 0 && !isNaN(x);
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
            // The other way too: an expression's view of balances answers 0 for any currency, held or not.
            for (Object key : y.keySet()) {
                if (!x.containsKey(key)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * Compares two numbers by value, exactly: {@code 95} equals {@code 95.0}, {@code -0.0} equals {@code 0}, and a
     * whole number ({@code Long}, or the {@code Integer} a store may hand back) compares with a decimal without
     * rounding either (9007199254740993 is greater than 9007199254740992.0; 9223372036854775807 is less than
     * 9223372036854775807.0, which is 2^63). {@code BigInteger} and {@code BigDecimal} compare exactly too.
     *
     * <p>NaN is no JSON number, and where one can occur (a sum) callers must test {@link #isNaN} first: here it is
     * ordered as {@link Double#compare} orders it (above everything, equal to itself), so that the result is at
     * least consistent.
     *
     * @return a negative number, 0 or a positive number as {@code a} is less than, equal to or greater than {@code b}
     */
    public static int compare(Number a, Number b) {
        // The two common cases first, each as cheap as a plain comparison.
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return compareDoubles(x, y);
        }
        boolean wholeA = isWhole(a);
        boolean wholeB = isWhole(b);
        boolean decimalA = a instanceof Double || a instanceof Float;
        boolean decimalB = b instanceof Double || b instanceof Float;
        if (wholeA && wholeB) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (wholeA && decimalB) {
            return compareLongWithDouble(a.longValue(), b.doubleValue());
        }
        if (decimalA && wholeB) {
            return -compareLongWithDouble(b.longValue(), a.doubleValue());
        }
        if (decimalA && decimalB) {
            return compareDoubles(a.doubleValue(), b.doubleValue());
        }
        return compareBig(a, b);
    }

    /** Two doubles by value: as {@code <} and {@code >} do, so -0.0 equals 0.0; NaN as {@link Double#compare}. */
    private static int compareDoubles(double x, double y) {
        return x < y ? -1 : x > y ? 1 : x == y ? 0 : Double.compare(x, y);
    }

    /**
     * Compares a whole number with a double exactly, where converting either to the other's type could round:
     * a double at or above 2^63 (or below -2^63) is beyond every {@code long}; otherwise the long is compared with
     * the double's integer part, then with its fraction. NaN is ordered above, as {@link Double#compare} does.
     *
     * @return -1, 0 or 1 as {@code x} is less than, equal to or greater than {@code y}
     */
    public static int compareLongWithDouble(long x, double y) {
        if (y >= 0x1p63) {
            return -1;
        }
        if (y < -0x1p63) { // -2^63 itself is Long.MIN_VALUE, compared below
            return 1;
        }
        if (y != y) {
            return -1;
        }
        long whole = (long) y; // y's integer part, exact in [-2^63, 2^63)
        if (x != whole) {
            return x < whole ? -1 : 1;
        }
        // whole is a double value itself, so comparing it with y converts nothing inexactly
        return y > whole ? -1 : y < whole ? 1 : 0;
    }

    /** Numbers of which at least one is neither a whole number nor a double: exactly, through BigDecimal. */
    private static int compareBig(Number a, Number b) {
        if (nonFinite(a) || nonFinite(b)) {
            // A finite number of any type lies strictly between -Infinity and +Infinity.
            return compareDoubles(nonFinite(a) ? a.doubleValue() : 0.0, nonFinite(b) ? b.doubleValue() : 0.0);
        }
        return toBigDecimal(a).compareTo(toBigDecimal(b));
    }

    private static boolean nonFinite(Number n) {
        return (n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue());
    }

    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (isWhole(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(n.doubleValue()); // exact: every finite double is a finite binary fraction
    }

    /** @return whether {@code n} is a whole-number type that fits a long: Long, or Integer, Short, Byte */
    private static boolean isWhole(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    /**
     * @return whether {@code d} is a whole number a {@code long} holds exactly, -2^63 included: the decimals that
     *         equal a whole number (95.0 is 95, -0.0 is 0)
     */
    public static boolean isWholeLong(double d) {
        return d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63;
    }

    /** @return whether {@code n} is a NaN, which no JSON number is but a sum of infinities becomes */
    public static boolean isNaN(Number n) {
        return (n instanceof Double || n instanceof Float) && Double.isNaN(n.doubleValue());
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

    /**
     * @return the index of the first control character, or Unicode line or paragraph separator, or -1 (unpaired
     *         surrogates, which {@link #printable} escapes too, are {@link #unpairedSurrogateIndex}'s)
     */
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
