package dev.ludus.core.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Number comparison and equality: exact between whole numbers and decimals, NaN never equal. */
class JsonValuesTest {

    /** Longs near the edges where doubles get sparse, and small ones; doubles near them, fractions included. */
    @Provide
    Arbitrary<Long> longs() {
        return Arbitraries.oneOf(Arbitraries.longs(),
                Arbitraries.longs().between(-100, 100),
                Arbitraries.longs().between((1L << 53) - 4, (1L << 53) + 4),
                Arbitraries.longs().between(Long.MAX_VALUE - 2048, Long.MAX_VALUE),
                Arbitraries.longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 2048));
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(longs().map(Long::doubleValue),
                longs().map(l -> Math.nextUp((double) l)),
                longs().map(l -> Math.nextDown((double) l)),
                Arbitraries.doubles().between(-100, 100),
                Arbitraries.of(0x1p63, -0x1p63, 0x1p64, -0x1p64, 0.0, -0.0, 1e308, -1e308,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE));
    }

    @Property(tries = 2000)
    void compare_longWithDouble_agreesWithExactDecimalArithmetic(@ForAll("longs") long x,
                                                                 @ForAll("doubles") double y) {
        int expected = Double.isInfinite(y) ? (y > 0 ? -1 : 1)
                : BigDecimal.valueOf(x).compareTo(new BigDecimal(y));
        assertThat(Integer.signum(JsonValues.compareLongWithDouble(x, y))).isEqualTo(expected);
        assertThat(Integer.signum(JsonValues.compare((Number) x, (Number) y))).isEqualTo(expected);
        assertThat(Integer.signum(JsonValues.compare((Number) y, (Number) x))).isEqualTo(-expected);
        assertThat(JsonValues.equal(x, y)).isEqualTo(expected == 0);
        assertThat(JsonValues.equal(y, x)).isEqualTo(expected == 0);
    }

    @Test
    void compare_beyond2pow53_doesNotRoundTheWholeNumber() {
        assertThat(JsonValues.compareLongWithDouble(9007199254740993L, 9007199254740992.0)).isPositive();
        assertThat(JsonValues.equal(9007199254740993L, 9007199254740992.0)).isFalse();
        assertThat(JsonValues.compareLongWithDouble(Long.MAX_VALUE, 0x1p63)).isNegative();
        assertThat(JsonValues.compareLongWithDouble(Long.MIN_VALUE, -0x1p63)).isZero();
        assertThat(JsonValues.compareLongWithDouble(Long.MIN_VALUE, Math.nextDown(-0x1p63))).isPositive();
    }

    @Test
    void compare_negativeZeroEqualsZero() {
        assertThat(JsonValues.compare(-0.0, (Number) 0.0)).isZero();
        assertThat(JsonValues.compareLongWithDouble(0L, -0.0)).isZero();
        assertThat(JsonValues.equal(-0.0, 0L)).isTrue();
    }

    @Test
    void nan_isNeverEqual_notEvenToItself() {
        Double nan = Double.NaN;
        assertThat(JsonValues.equal(nan, nan)).isFalse();
        assertThat(JsonValues.equal(Double.NaN, Double.NaN)).isFalse();
        assertThat(JsonValues.equal(nan, 0L)).isFalse();
        assertThat(JsonValues.equal(0.0, nan)).isFalse();
        assertThat(JsonValues.equal(List.of(nan), List.of(nan))).isFalse();
        assertThat(JsonValues.isNaN(nan)).isTrue();
        assertThat(JsonValues.isNaN(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(JsonValues.isNaN(1L)).isFalse();
    }

    @Test
    void compare_bigNumbers_exactlyAgainstEveryType() {
        BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
        assertThat(JsonValues.compare(twoTo64, Long.MAX_VALUE)).isPositive();
        assertThat(JsonValues.compare(twoTo64, 0x1p64)).isZero();
        assertThat(JsonValues.compare(twoTo64.add(BigInteger.ONE), 0x1p64)).isPositive();
        assertThat(JsonValues.compare(twoTo64, Double.POSITIVE_INFINITY)).isNegative();
        assertThat(JsonValues.compare(twoTo64.negate(), Double.NEGATIVE_INFINITY)).isPositive();
        assertThat(JsonValues.compare(new BigDecimal("0.1"), 0.1)).isNegative(); // 0.1 as a double is a bit more
        assertThat(JsonValues.equal(BigInteger.valueOf(95), 95.0)).isTrue();
        assertThat(JsonValues.compare((Number) 5, (Number) 5L)).isZero(); // an Integer a store handed back
    }
}
