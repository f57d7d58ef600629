package dev.ludus.core.internal.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The persistent set of values behind {@code distinct_count}: its order, what it forgets, its stored form. */
class DistinctValuesTest {
    private static final long LIFETIME = Long.MAX_VALUE;

    private static DistinctValues seen(int maxValues, String... keys) {
        DistinctValues values = DistinctValues.of(null);
        for (String key : keys) {
            values = values.see(key, 0, LIFETIME, maxValues);
        }
        return values;
    }

    @Test
    void iteratesFromTheLeastToTheMostRecentlySeen_andASightingRefreshesAValue() {
        assertThat(seen(10, "a", "b", "c").keySet()).containsExactly("a", "b", "c");
        assertThat(seen(10, "a", "b", "c", "a").keySet()).containsExactly("b", "c", "a");
        assertThat(seen(10, "a", "b", "c", "a").get("a")).isEqualTo(0L);
    }

    @Test
    void pastMaxValues_theLeastRecentlySeenIsForgotten() {
        assertThat(seen(2, "a", "b", "c").keySet()).containsExactly("b", "c");
        assertThat(seen(2, "a", "b", "a", "c").keySet()).containsExactly("a", "c");
    }

    @Test
    void seeingTheNewestValueAgain_changesNothing_andEarlierInstancesStayAsTheyWere() {
        DistinctValues ab = seen(10, "a", "b");
        assertThat(ab.see("b", 0, LIFETIME, 10)).isSameAs(ab);
        DistinctValues ba = ab.see("a", 0, LIFETIME, 10);
        assertThat(ba.keySet()).containsExactly("b", "a");
        assertThat(ab.keySet()).containsExactly("a", "b");
        assertThat(ab.see("c", 0, LIFETIME, 1).keySet()).containsExactly("c");
        assertThat(ab).hasSize(2);
    }

    @Test
    void windowedValues_areOrderedByBucket_andForgottenOnceKeepBucketsOld() {
        DistinctValues values = DistinctValues.of(null)
                .see("a", 10, 3, 100)
                .see("b", 12, 3, 100)
                .see("c", 11, 3, 100); // a late event: older than b's bucket, so before b
        assertThat(values).containsExactly(Map.entry("a", 10L), Map.entry("c", 11L), Map.entry("b", 12L));
        assertThat(values.countBetween(11, 12)).isEqualTo(2);
        assertThat(values.countBetween(10, 10)).isEqualTo(1);
        assertThat(values.countBetween(13, 20)).isZero();

        // b seen in an older bucket than its newest: nothing changes.
        assertThat(values.see("b", 11, 3, 100)).isSameAs(values);
        // Bucket 13 makes 10 three buckets old: a is forgotten.
        DistinctValues later = values.see("d", 13, 3, 100);
        assertThat(later.keySet()).containsExactly("c", "b", "d");
        // A sighting already too old for the window is not kept.
        assertThat(later.see("e", 9, 3, 100)).isEqualTo(later);
    }

    @Test
    void readsTheMapADurableStoreGivesBack_inItsOrderWithinABucket() {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("x", 5);
        stored.put("y", 4L);
        stored.put("z", 5L);
        DistinctValues values = DistinctValues.of(stored);
        assertThat(values).containsExactly(Map.entry("y", 4L), Map.entry("x", 5L), Map.entry("z", 5L));
        assertThat(values).isEqualTo(Map.of("x", 5L, "y", 4L, "z", 5L));
        assertThat(values.see("y", 6, 10, 2).keySet()).containsExactly("z", "y");
    }

    @Test
    void aJsonRoundTrip_keepsTheOrder() {
        JsonMapper json = JsonMapper.builder().build();
        DistinctValues values = seen(10, "b", "a", "c", "b");
        String text = json.writeValueAsString(values);
        assertThat(text).isEqualTo("{\"a\":0,\"c\":0,\"b\":0}");
        assertThat(DistinctValues.of(json.readValue(text, Map.class)).see("d", 0, LIFETIME, 3).keySet())
                .containsExactly("c", "b", "d");
    }

    @Test
    void storedDataThatIsNotAMapOfBuckets_isRefusedWithWhatItHolds() {
        assertThatThrownBy(() -> DistinctValues.of("s:a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("distinct_count data in the player's engine data holds a String, not a map from value keys "
                        + "to whole-number buckets");
        assertThatThrownBy(() -> DistinctValues.of(Map.of("s:a", 1.5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("distinct_count data in the player's engine data holds an entry s:a=1.5, not a map from "
                        + "value keys to whole-number buckets");
        assertThatThrownBy(() -> DistinctValues.of(Map.of("s:a", "1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds an entry s:a=1,");
    }

    /** One sighting: a value out of a few, a bucket near the others (late events included). */
    record Sighting(String key, long bucket) {
    }

    @Provide
    Arbitrary<List<Sighting>> sightings() {
        Arbitrary<Sighting> one = Combinators.combine(Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "h"),
                Arbitraries.longs().between(0, 8)).as(Sighting::new);
        // Buckets drift upwards so that old values age out, with late events mixed in.
        return one.list().ofMaxSize(60).map(list -> {
            List<Sighting> drifting = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                drifting.add(new Sighting(list.get(i).key(), list.get(i).bucket() + i / 4));
            }
            return drifting;
        });
    }

    /**
     * Against a plain model: a list of (key, bucket, sighting number) sorted by bucket and number, changed the
     * slow way. Every intermediate instance must also stay as it was.
     */
    @Property(tries = 500)
    void behavesAsAListOfNewestSightings(@ForAll("sightings") List<Sighting> sightings,
                                         @ForAll @IntRange(min = 1, max = 6) int keep,
                                         @ForAll @IntRange(min = 1, max = 9) int maxValues,
                                         @ForAll boolean windowed) {
        List<long[]> model = new ArrayList<>(); // {key index, bucket, number}
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        DistinctValues values = DistinctValues.of(null);
        List<DistinctValues> earlier = new ArrayList<>();
        List<Map<String, Object>> earlierContents = new ArrayList<>();
        long number = 0;
        for (Sighting s : sightings) {
            long bucket = windowed ? s.bucket() : 0;
            long keepBuckets = windowed ? keep : LIFETIME;
            int key = names.indexOf(s.key());
            long[] previous = model.stream().filter(e -> e[0] == key).findFirst().orElse(null);
            boolean newestOfBucket = previous != null && model.stream()
                    .noneMatch(e -> e[1] == previous[1] && e[2] > previous[2]);
            if (previous == null || previous[1] < bucket || previous[1] == bucket && !newestOfBucket) {
                model.remove(previous);
                model.add(new long[] {key, bucket, number++});
                model.sort(Comparator.<long[]>comparingLong(e -> e[1]).thenComparingLong(e -> e[2]));
                long newest = model.get(model.size() - 1)[1];
                model.removeIf(e -> e[1] < newest && newest - e[1] >= keepBuckets);
                while (model.size() > maxValues) {
                    model.remove(0);
                }
            }
            earlier.add(values);
            earlierContents.add(new LinkedHashMap<>(values));
            values = values.see(s.key(), bucket, keepBuckets, maxValues);

            Map<String, Object> expected = new LinkedHashMap<>();
            model.forEach(e -> expected.put(names.get((int) e[0]), e[1]));
            assertThat(values).containsExactlyEntriesOf(expected);
            assertThat(values.keySet()).containsExactlyElementsOf(expected.keySet());
            for (long first = -1; first <= 30; first += 3) {
                long from = first;
                assertThat(values.countBetween(from, from + 4))
                        .isEqualTo(model.stream().filter(e -> e[1] >= from && e[1] <= from + 4).count());
            }
            assertThat(DistinctValues.of(new LinkedHashMap<>(values))).containsExactlyEntriesOf(expected);
        }
        for (int i = 0; i < earlier.size(); i++) {
            assertThat(earlier.get(i)).containsExactlyEntriesOf(earlierContents.get(i));
        }
    }
}
