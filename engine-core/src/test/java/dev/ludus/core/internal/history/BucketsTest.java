package dev.ludus.core.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The per-bucket list of windowed counts and sums: what one event adds and what it trims. */
class BucketsTest {

    @Test
    void addsToItsBucket_insertsInOrder_andTrimsBucketsKeepOrMoreBeforeTheNewest() {
        List<Object> stored = List.of(10L, 1L, 12L, 2L);
        assertThat(Buckets.add(stored, 12, 5L, 3)).containsExactly(10L, 1L, 12L, 7L);
        assertThat(Buckets.add(stored, 11, 5L, 3)).containsExactly(10L, 1L, 11L, 5L, 12L, 2L);
        assertThat(Buckets.add(stored, 13, 5L, 3)).containsExactly(12L, 2L, 13L, 5L);
        // A late event older than what is kept adds nothing; one in a trimmed bucket neither.
        assertThat(Buckets.add(stored, 9, 5L, 3)).containsExactly(10L, 1L, 12L, 2L);
        assertThat(Buckets.add(List.of(10L, 1L, 20L, 2L), 10, 5L, 3)).containsExactly(20L, 2L);
        assertThat(Buckets.add(null, 4, 1L, 3)).containsExactly(4L, 1L);
        // Buckets that came back from a JSON round trip as Integers are kept as Longs (cells as ExactSum reads them).
        assertThat(Buckets.add(List.of(10, 1L, 12, 2L), 12, 1L, 3)).containsExactly(10L, 1L, 12L, 3L)
                .allMatch(e -> e instanceof Long);
    }

    /**
     * Against the definition: the stored buckets as a sorted map, the delta added to its bucket, then every bucket
     * {@code keep} or more before the newest dropped.
     */
    @Property(tries = 1_000)
    void matchesTheDefinition(@ForAll @Size(max = 12) List<@LongRange(min = 0, max = 30) Long> storedBuckets,
                              @ForAll @LongRange(min = 0, max = 40) long bucket,
                              @ForAll @IntRange(min = 1, max = 12) int keep,
                              @ForAll boolean asIntegers) {
        TreeMap<Long, Long> cells = new TreeMap<>();
        storedBuckets.forEach(b -> cells.merge(b, b + 1, Long::sum));
        List<Object> stored = new ArrayList<>();
        cells.forEach((b, v) -> {
            stored.add(asIntegers ? (Object) b.intValue() : b);
            stored.add(v);
        });

        cells.merge(bucket, 100L, Long::sum);
        long newest = cells.lastKey();
        cells.headMap(newest - keep, true).clear();
        List<Object> expected = new ArrayList<>();
        cells.forEach((b, v) -> {
            expected.add(b);
            expected.add(v);
        });

        assertThat(Buckets.add(stored, bucket, 100L, keep)).isEqualTo(expected);
    }
}
