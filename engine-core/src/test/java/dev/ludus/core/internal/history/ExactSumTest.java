package dev.ludus.core.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** Whole numbers sum exactly in any order and any grouping into cells; cells stay JSON-like. */
class ExactSumTest {

    @Provide
    Arbitrary<List<Long>> wholes() {
        Arbitrary<Long> edgy = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-3, 3),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, -Long.MAX_VALUE, Long.MAX_VALUE - 1));
        return edgy.list().ofMaxSize(12);
    }

    /**
     * @return the sum of {@code values} two ways: as one running cell (a lifetime sum), the values shuffled; and as
     *         cells per bucket, the values spread at random over three, added up (a windowed sum)
     */
    private static List<Number> sumBothWays(List<? extends Number> values, long seed) {
        List<Number> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, new Random(seed));
        Object cell = 0L;
        for (Number v : shuffled) {
            cell = ExactSum.add(cell, v);
        }
        Random random = new Random(seed);
        List<Object> cells = new ArrayList<>(List.of(0L, 0L, 0L));
        for (Number v : values) {
            int bucket = random.nextInt(cells.size());
            cells.set(bucket, ExactSum.add(cells.get(bucket), v));
        }
        ExactSum window = new ExactSum();
        cells.forEach(window::add);
        return List.of(ExactSum.value(cell), window.value());
    }

    @Property(tries = 500)
    void wholeNumbers_sumExactly_inAnyOrderAndAnyGroupingIntoCells(@ForAll("wholes") List<Long> values,
                                                                  @ForAll long seed) {
        BigInteger exact = values.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        Number expected = exact.bitLength() < 64 ? (Number) exact.longValue() : exact;

        assertThat(sumBothWays(values, seed)).containsExactly(expected, expected);
    }

    @Provide
    Arbitrary<List<Long>> cents() {
        return Arbitraries.longs().between(-10_000_000, 10_000_000).list().ofMaxSize(40);
    }

    @Property(tries = 500)
    void shortDecimals_sumExactly_inAnyOrderAndAnyGroupingIntoCells(@ForAll("cents") List<Long> values,
                                                                    @ForAll long seed) {
        double expected = values.stream().map(c -> BigDecimal.valueOf(c, 2)).reduce(BigDecimal.ZERO, BigDecimal::add)
                .doubleValue();
        List<Double> amounts = values.stream().map(c -> c / 100.0).collect(Collectors.toList());

        assertThat(sumBothWays(amounts, seed)).extracting(Number::doubleValue).containsExactly(expected, expected);
    }

    /** @return cells of every form: sums of one to three amounts of every kind, some as a store hands them back */
    @Provide
    Arbitrary<List<Object>> cells() {
        Arbitrary<Number> amount = Arbitraries.oneOf(wholes().map(l -> l.isEmpty() ? 1L : l.get(0)),
                Arbitraries.longs().between(-10_000, 10_000).map(c -> c / 100.0),
                Arbitraries.of(5.0, 0.1, 1e-17, 0x1p63, 0x1p64, 1e300, -1e300, 1e-300, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, Double.NaN));
        Arbitrary<Object> cell = amount.list().ofMinSize(1).ofMaxSize(3).map(amounts -> {
            Object sum = amounts.get(0);
            for (Number a : amounts.subList(1, amounts.size())) {
                sum = ExactSum.add(sum, a);
            }
            return sum;
        });
        Arbitrary<Object> stored = Arbitraries.oneOf(cell, Arbitraries.of(7, -3, "Infinity", "-Infinity"));
        return Arbitraries.frequencyOf(Tuple.of(4, cell), Tuple.of(1, stored)).list().ofMaxSize(12);
    }

    /**
     * What windowed sums rely on when they add the sums of groups of cells instead of the cells: the order and the
     * grouping change nothing, infinities and NaN included.
     */
    @Property(tries = 1_000)
    void cellsSumTheSame_inAnyOrderAndGrouping(@ForAll("cells") List<Object> cells, @ForAll long seed) {
        ExactSum inOrder = new ExactSum();
        cells.forEach(inOrder::add);
        Random random = new Random(seed);
        List<Object> shuffled = new ArrayList<>(cells);
        Collections.shuffle(shuffled, random);
        ExactSum grouped = new ExactSum();
        ExactSum group = new ExactSum();
        for (Object cell : shuffled) {
            group.add(cell);
            if (random.nextInt(3) == 0) {
                grouped.addSum(group);
                group = new ExactSum();
            }
        }
        grouped.addSum(group);
        assertThat(grouped.value()).isEqualTo(inOrder.value());
    }

    @Test
    void aDecimal_isTheDecimalItIsWrittenAs_andAWholeValuedDouble_itsWholeNumber() {
        assertThat(ExactSum.add(0.1, 0.2)).isEqualTo(0.3);
        assertThat(ExactSum.add(ExactSum.add(0.1, 0.2), -0.3)).isEqualTo(0.0);
        assertThat(ExactSum.add(3L, 0.1)).isEqualTo(3.1);
        assertThat(ExactSum.asDecimal(0.1)).isEqualTo(new BigDecimal("0.1"));
        assertThat(ExactSum.asDecimal(0x1p63)).isEqualTo(new BigDecimal("9223372036854775808"));
        assertThat(ExactSum.asDecimal(1e-7)).isEqualTo(new BigDecimal("1.0E-7"));
        // A whole-valued decimal joins the exact whole part: 2^60 + 0.1 + 0.2 - 2^60 (as a double) is 0.3.
        Object cell = ExactSum.add(ExactSum.add(1L << 60, 0.1), 0.2);
        assertThat(ExactSum.value(ExactSum.add(cell, -0x1p60))).isEqualTo(0.3);
        assertThat(ExactSum.add(5.0, 0.5)).isEqualTo(5.5);
    }

    @Test
    void aRunningSum_isRoundedToADoubleBetweenEvents_asDocumented() {
        // Beyond 15 significant digits a running total does not read back exactly, so the order matters there.
        assertThat(ExactSum.value(ExactSum.add(ExactSum.add(0.1, 1e-17), -0.1))).isEqualTo(0.0);
        assertThat(ExactSum.value(ExactSum.add(ExactSum.add(0.1, -0.1), 1e-17))).isEqualTo(1e-17);
    }

    @Test
    void cells_areTheShortestJsonLikeValue() {
        assertThat(ExactSum.add(2L, 3L)).isEqualTo(5L);
        assertThat(ExactSum.add(2.5, 0.5)).isEqualTo(3.0);
        assertThat(ExactSum.add(0L, 2.5)).isEqualTo(2.5);
        assertThat(ExactSum.add(Long.MAX_VALUE, 1L)).isEqualTo(List.of(Long.MIN_VALUE, 1L));
        assertThat(ExactSum.add(List.of(Long.MIN_VALUE, 1L), -1L)).isEqualTo(Long.MAX_VALUE);
        assertThat(ExactSum.add(Long.MIN_VALUE, -1L)).isEqualTo(List.of(Long.MAX_VALUE, -1L));
        // Whole and decimal: one Double while the whole part is exact as a double, as older engines stored it.
        assertThat(ExactSum.add(7L, 0.5)).isEqualTo(7.5);
        assertThat(ExactSum.add(1L << 53, 0.5)).isEqualTo(0x1p53);
        assertThat(ExactSum.add((1L << 53) + 1, 0.5)).isEqualTo(List.of((1L << 53) + 1, 0L, 0.5));
        assertThat(ExactSum.add(List.of(7L, 0L, 0.5), -7L)).isEqualTo(0.5);
    }

    @Test
    void values_areLongBigIntegerOrDouble() {
        assertThat(ExactSum.value(List.of(Long.MIN_VALUE, 1L))).isEqualTo(BigInteger.ONE.shiftLeft(63));
        assertThat(ExactSum.value(List.of(-2L, 1L))).isEqualTo(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.TWO));
        assertThat(ExactSum.value(List.of(7L, 0L, 0.5))).isEqualTo(7.5);
        // 2^63 + 2^63 - 1 - 0.5 rounded once; adding the parts as doubles one by one would give 2^64 on the way
        assertThat(ExactSum.value(List.of(-1L, 1L, 0.5))).isEqualTo(0x1p64);
        assertThat(ExactSum.value(List.of(Long.MIN_VALUE, 1L, -0.5))).isEqualTo(0x1p63);
        assertThat(ExactSum.value(List.of(5L, 0L, Double.POSITIVE_INFINITY))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ExactSum.value(null)).isEqualTo(0L);
    }

    @Test
    void cellsAStoreHandsBackWithIntegers_orStoredBeforeAsDoubles_read() {
        assertThat(ExactSum.value(5)).isEqualTo(5L);
        assertThat(ExactSum.value(List.of(-2, 1))).isEqualTo(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.TWO));
        assertThat(ExactSum.add(5, 1L)).isEqualTo(6L);
        assertThat(ExactSum.add(0x1p63, -Long.MAX_VALUE)).isEqualTo(List.of(-Long.MAX_VALUE, 0L, 0x1p63));
        assertThat(ExactSum.value(ExactSum.add(0x1p63, -Long.MAX_VALUE))).isEqualTo(1.0);
        assertThat(ExactSum.value("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY); // Jackson's default writing
        assertThat(ExactSum.value(List.of(5, 0, "Infinity"))).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void infinitiesOfBothSignsInOneWindow_makeNaN() {
        ExactSum window = new ExactSum();
        window.add(Double.POSITIVE_INFINITY);
        window.add(Double.NEGATIVE_INFINITY);
        assertThat(window.value()).isEqualTo(Double.NaN);
    }
}
