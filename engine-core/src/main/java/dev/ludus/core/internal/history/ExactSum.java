package dev.ludus.core.internal.history;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A running sum of JSON numbers: the whole numbers ({@code Long}s, and whole-valued {@code Double}s below 2^63)
 * go into a 128-bit integer, kept as a {@code long} and a count of 2^64 wraps, and add up exactly in whatever order
 * they come; the other decimals into a {@link BigDecimal}, each read as the decimal it stands for (see
 * {@link #asDecimal}), so that 0.1 + 0.2 is 0.3 and ten thousand times 0.1 is 1,000, as a reader of the events
 * would expect. {@link #value()} adds the two parts and rounds once, so a long overflow on the way (MAX_VALUE, then
 * 1, then -MAX_VALUE) leaves nothing behind. A stored cell holds the decimal part as a double, so a running sum is
 * rounded once per {@link #add(Object, Object)}: decimals stay exact from event to event while every running total
 * has at most 15 significant digits (such a decimal always reads back from its double), not beyond (0.1, 1e-17 and
 * -0.1 sum to 0.0 in that order). Infinite decimals (a stored sum that overflowed) add as doubles.
 *
 * <p>A sum is stored as a JSON-like <em>cell</em>, the shortest that holds it, so that a store can persist it:
 * <ul>
 *   <li>a {@code Long}: whole numbers only, within the range of {@code long} (what the engine has always stored);
 *   <li>a {@code Double}: decimals, with any whole numbers whose sum is within 2^53 (exact as a double) added in,
 *       rounded once, as engines before this class stored them (sums they stored, whole overflows included, are
 *       read as decimals); read back as the decimal it stands for, a sum of short decimals (cents, say) is kept
 *       exactly from event to event;
 *   <li>{@code [low, wraps]}: whole numbers only, beyond a long: {@code wraps * 2^64 + low};
 *   <li>{@code [low, wraps, decimal]}: both, the whole part beyond 2^53.
 * </ul>
 * Only sums beyond what older engines could hold exactly take the list forms, which those engines cannot read.
 * A decimal part that overflowed is an infinite {@code Double}; a store may hand it back as the string
 * {@code "Infinity"} or {@code "-Infinity"} (what Jackson writes by default), and {@code Integer}s for the
 * {@code Long}s (SPI: engine data). Not thread-safe: used within one computation, or, as the sum of a chunk of
 * {@link Buckets}, never changed once built and shared for reading only.
 */
final class ExactSum {
    private static final long EXACT_IN_DOUBLE = 1L << 53;
    private long low;
    private long wraps;
    /** The finite decimals. */
    private BigDecimal decimal = BigDecimal.ZERO;
    /** The infinite (or NaN) decimals, when {@link #infinite}. */
    private double nonFinite;
    private boolean infinite;
    private boolean hasDecimal;

    /** @return the cell holding {@code cell} plus {@code amount} (a cell, or a property's Long or Double) */
    static Object add(Object cell, Object amount) {
        if (cell instanceof Long x && amount instanceof Long y) { // the common case, allocation-free
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) {
                return r;
            }
        }
        ExactSum sum = new ExactSum();
        sum.add(cell);
        sum.add(amount);
        return sum.cell();
    }

    /** @return the value a cell holds: a Long, a BigInteger (whole beyond long) or a Double; 0 for {@code null} */
    static Number value(Object cell) {
        if (cell instanceof Long l) {
            return l;
        }
        ExactSum sum = new ExactSum();
        sum.add(cell);
        return sum.value();
    }

    /** Adds a cell, or a property's number; {@code null} adds nothing. */
    void add(Object cell) {
        if (cell == null) {
            return;
        }
        if (isWhole(cell)) { // first: a test of an interface (List) is slower than of these final classes
            addWhole(((Number) cell).longValue());
        } else if (cell instanceof List<?> parts) {
            addWhole(((Number) parts.get(0)).longValue());
            wraps += ((Number) parts.get(1)).longValue();
            if (parts.size() > 2) {
                addDecimal(decimal(parts.get(2)));
            }
        } else {
            addDecimal(decimal(cell));
        }
    }

    /**
     * Adds what {@code other} holds, leaving it as it is: the same sum as adding its cells here one by one. The
     * whole parts add modulo 2^128 and the decimals exactly, so neither depends on the order or the grouping;
     * the infinities add as doubles, which gives the infinity, or NaN once both signs (or a NaN) were added,
     * whatever the order (only which NaN, which nothing reads, may differ).
     */
    void addSum(ExactSum other) {
        addWhole(other.low);
        wraps += other.wraps;
        if (other.hasDecimal) {
            hasDecimal = true;
            decimal = decimal.add(other.decimal);
            if (other.infinite) {
                nonFinite = infinite ? nonFinite + other.nonFinite : other.nonFinite;
                infinite = true;
            }
        }
    }

    /** @return whether {@link #add(Object)} takes the cell as a whole number */
    private static boolean isWhole(Object cell) {
        return cell instanceof Long || cell instanceof Integer || cell instanceof Short || cell instanceof Byte;
    }

    private static double decimal(Object stored) {
        // An infinite decimal part after a JSON round trip: Jackson writes it as "Infinity" by default.
        return stored instanceof String text ? Double.parseDouble(text) : ((Number) stored).doubleValue();
    }

    private void addWhole(long y) {
        long r = low + y;
        if (((low ^ r) & (y ^ r)) < 0) { // wrapped past one end: the true sum is r + 2^64 or r - 2^64
            wraps += y < 0 ? -1 : 1;
        }
        low = r;
    }

    private void addDecimal(double y) {
        hasDecimal = true;
        if (y == Math.rint(y) && Math.abs(y) < 0x1p63) {
            // A whole-valued decimal (5.0, or a sum stored by an older engine) joins the whole part, where it stays
            // exact however far the sum goes, instead of a decimal part that is rounded when stored.
            addWhole((long) y);
        } else if (Double.isFinite(y)) {
            decimal = decimal.add(asDecimal(y));
        } else {
            nonFinite = infinite ? nonFinite + y : y;
            infinite = true;
        }
    }

    /**
     * @return the decimal that {@code d}, a finite double, stands for: a whole-valued double is that whole number
     *         (2^63 is 9223372036854775808); any other the shortest decimal that reads back as it, as
     *         {@link Double#toString} writes it (0.1 is 0.1, not 0.1000000000000000055511151231257827...)
     */
    static BigDecimal asDecimal(double d) {
        return d == Math.rint(d) ? new BigDecimal(d) : BigDecimal.valueOf(d);
    }

    /** @return the decimals' sum, rounded once: infinite or NaN when an infinite decimal was added */
    private double decimalPart() {
        return infinite ? nonFinite : decimal.doubleValue();
    }

    /** @return the shortest cell that holds this sum (see the class comment) */
    Object cell() {
        if (!hasDecimal) {
            return wraps == 0 ? (Object) low : List.of(low, wraps);
        }
        // Within 2^53 the whole part is exact as a double, and one Double is what engines before this class read.
        return wholeExactInDouble() ? (Object) withinDouble() : List.of(low, wraps, decimalPart());
    }

    /**
     * @return the sum: a {@code Long} when there were only whole numbers and it fits, a {@code BigInteger} when it
     *         does not (exact either way), else a {@code Double}: the whole part plus the decimal part rounded once
     *         (infinite when the decimals overflowed, NaN when they overflowed both ways)
     */
    Number value() {
        if (!hasDecimal) {
            return wraps == 0 ? (Number) low : whole();
        }
        if (infinite) {
            return nonFinite; // a finite whole part does not change an infinity or a NaN
        }
        if (wholeExactInDouble()) {
            return withinDouble();
        }
        return new BigDecimal(whole()).add(decimal).doubleValue();
    }

    /** @return whether the whole part is within ±2^53, where a double holds it exactly */
    private boolean wholeExactInDouble() {
        return wraps == 0 && low >= -EXACT_IN_DOUBLE && low <= EXACT_IN_DOUBLE;
    }

    /** @return the whole part, within 2^53, plus the decimals, rounded once */
    private double withinDouble() {
        return infinite ? low + nonFinite : BigDecimal.valueOf(low).add(decimal).doubleValue();
    }

    private BigInteger whole() {
        return BigInteger.valueOf(wraps).shiftLeft(64).add(BigInteger.valueOf(low));
    }
}
