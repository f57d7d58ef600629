package dev.ludus.core.internal.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
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
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The persistent set of values behind {@code distinct_count}: its order, what it forgets, its stored form. */
class DistinctValuesTest {
    private static final long LIFETIME = Long.MAX_VALUE;

    /** Records a sighting as the aggregate does. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> see(Object stored, String key, long bucket, long keep, int maxValues) {
        return (Map<String, Object>) DistinctValues.see(stored, key, bucket, keep, maxValues);
    }

    /** @return the values after lifetime sightings of {@code keys}, kept in memory (persistent) */
    private static Map<String, Object> seen(int maxValues, String... keys) {
        Map<String, Object> values = null;
        for (String key : keys) {
            values = see(values, key, 0, LIFETIME, maxValues);
        }
        return values;
    }

    /** @return the map as a durable store hands it back: a plain map in the same order, buckets as Integers */
    private static Map<String, Object> stored(Map<String, Object> values) {
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((key, bucket) -> plain.put(key, ((Long) bucket).intValue()));
        return plain;
    }

    @Test
    void iteratesFromTheLeastToTheMostRecentlySeen_andASightingRefreshesAValue() {
        assertThat(seen(10, "a", "b", "c").keySet()).containsExactly("a", "b", "c");
        assertThat(seen(10, "a", "b", "c", "a").keySet()).containsExactly("b", "c", "a");
        assertThat(seen(10, "a", "b", "c", "a").get("a")).isEqualTo(0L);
        assertThat(see(stored(seen(10, "a", "b", "c")), "a", 0, LIFETIME, 10).keySet())
                .containsExactly("b", "c", "a");
    }

    @Test
    void pastMaxValues_theLeastRecentlySeenIsForgotten() {
        assertThat(seen(2, "a", "b", "c").keySet()).containsExactly("b", "c");
        assertThat(seen(2, "a", "b", "a", "c").keySet()).containsExactly("a", "c");
        assertThat(see(stored(seen(10, "a", "b", "a")), "c", 0, LIFETIME, 2).keySet()).containsExactly("a", "c");
    }

    @Test
    void seeingTheNewestValueAgain_changesNothing_andEarlierInstancesStayAsTheyWere() {
        Map<String, Object> ab = seen(10, "a", "b");
        assertThat(see(ab, "b", 0, LIFETIME, 10)).isSameAs(ab);
        Map<String, Object> storedAb = stored(ab);
        assertThat(see(storedAb, "b", 0, LIFETIME, 10)).isSameAs(storedAb);
        Map<String, Object> ba = see(ab, "a", 0, LIFETIME, 10);
        assertThat(ba.keySet()).containsExactly("b", "a");
        assertThat(ab.keySet()).containsExactly("a", "b");
        assertThat(see(ab, "c", 0, LIFETIME, 1).keySet()).containsExactly("c");
        assertThat(ab).hasSize(2);
        assertThat(see(storedAb, "a", 0, LIFETIME, 10)).containsExactly(Map.entry("b", 0L), Map.entry("a", 0L));
        assertThat(storedAb).containsExactly(Map.entry("a", 0), Map.entry("b", 0));
    }

    @Test
    void windowedValues_areOrderedByBucket_andForgottenOnceKeepBucketsOld() {
        Map<String, Object> values = see(see(see(null, "a", 10, 3, 100), "b", 12, 3, 100), "c", 11, 3, 100);
        // c came from a late event: older than b's bucket, so before b
        assertThat(values).containsExactly(Map.entry("a", 10L), Map.entry("c", 11L), Map.entry("b", 12L));
        assertThat(DistinctValues.count(values, 11L, 12)).isEqualTo(2);
        assertThat(DistinctValues.count(stored(values), 11L, 12)).isEqualTo(2);
        assertThat(DistinctValues.count(values, 10L, 10)).isEqualTo(1);
        assertThat(DistinctValues.count(values, 13L, 20)).isZero();
        assertThat(DistinctValues.count(values, null, 0)).isEqualTo(3);
        assertThat(DistinctValues.count(stored(values), null, 0)).isEqualTo(3);
        assertThat(DistinctValues.count(null, null, 0)).isZero();

        // b seen in an older bucket than its newest: nothing changes.
        assertThat(see(values, "b", 11, 3, 100)).isSameAs(values);
        // Bucket 13 makes 10 three buckets old: a is forgotten.
        Map<String, Object> later = see(values, "d", 13, 3, 100);
        assertThat(later.keySet()).containsExactly("c", "b", "d");
        assertThat(see(stored(values), "d", 13, 3, 100)).isEqualTo(later);
        // A sighting already too old for the window is not kept.
        assertThat(see(later, "e", 9, 3, 100)).isEqualTo(later);
    }

    @Test
    void readsTheMapADurableStoreGivesBack_inItsOrderWithinABucket() {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("x", 5);
        stored.put("y", 4L);
        stored.put("z", 5L);
        assertThat(see(stored, "y", 6, 10, 2).keySet()).containsExactly("z", "y");
        assertThat(see(stored, "w", 5, 10, 3)).containsExactly(Map.entry("x", 5L), Map.entry("z", 5L),
                Map.entry("w", 5L));
    }

    @Test
    void aJsonRoundTrip_keepsTheOrder() {
        JsonMapper json = JsonMapper.builder().build();
        String text = json.writeValueAsString(seen(10, "b", "a", "c", "b"));
        assertThat(text).isEqualTo("{\"a\":0,\"c\":0,\"b\":0}");
        assertThat(see(json.readValue(text, Map.class), "d", 0, LIFETIME, 3).keySet()).containsExactly("c", "b", "d");
    }

    @Test
    void storedDataThatIsNotAMapOfBuckets_isRefusedWithWhatItHolds() {
        String refusal = "distinct_count data in the player's engine data holds %s, not a map from value keys to "
                + "whole-number buckets";
        assertThatThrownBy(() -> DistinctValues.check("s:a"))
                .isInstanceOf(IllegalStateException.class).hasMessage(refusal, "a String");
        assertThatThrownBy(() -> see(Map.of("s:a", 1.5), "s:b", 0, LIFETIME, 10))
                .isInstanceOf(IllegalStateException.class).hasMessage(refusal, "an entry s:a=1.5");
        assertThatThrownBy(() -> DistinctValues.count(Map.of("s:a", "1"), null, 0))
                .isInstanceOf(IllegalStateException.class).hasMessage(refusal, "an entry s:a=1");
        assertThatThrownBy(() -> DistinctValues.check(Map.of("s:a", Long.MIN_VALUE)))
                .isInstanceOf(IllegalStateException.class).hasMessage(refusal, "an entry s:a=-9223372036854775808");
        assertThatThrownBy(() -> DistinctValues.check(Map.of("s:a", (1L << 40) + 1)))
                .isInstanceOf(IllegalStateException.class).hasMessage(refusal, "an entry s:a=1099511627777");
        assertThatThrownBy(() -> DistinctValues.check(Map.of(1, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessage(refusal, "an entry 1=0");
        DistinctValues.check(null);
        DistinctValues.check(seen(1, "a"));
        // The extremes still read, and differ by 2^41 without overflowing: a and a new c are far too old.
        assertThat(see(Map.of("s:a", -(1L << 40), "s:b", 1L << 40), "s:c", 0, 3, 10).keySet())
                .containsExactly("s:b");
    }

    @Test
    void keysWithEqualHashCodes_areDistinctValues() {
        // "Aa" and "BB" have one hash code, and so do all 2^12 strings of 12 such pairs.
        List<String> colliding = new ArrayList<>(List.of(""));
        for (int i = 0; i < 12; i++) {
            List<String> longer = new ArrayList<>();
            colliding.forEach(k -> {
                longer.add(k + "Aa");
                longer.add(k + "BB");
            });
            colliding = longer;
        }
        assertThat(colliding.stream().mapToInt(String::hashCode).distinct()).hasSize(1);
        Map<String, Object> values = null;
        for (String key : colliding) {
            values = see(values, key, 0, LIFETIME, 4_000);
        }
        assertThat(values).hasSize(4_000);
        assertThat(values.keySet()).containsExactlyElementsOf(colliding.subList(96, 4_096));
    }

    @Test
    void javaSerialisation_writesAnOrderedMap() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(seen(10, "b", "a", "b"));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isInstanceOf(LinkedHashMap.class)
                    .asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsExactly(Map.entry("a", 0L), Map.entry("b", 0L));
        }
    }

    /**
     * One sighting: a value out of a few, a bucket near the others (late events included), and the keep and
     * maxValues in force, which change now and then as a reload or a restart changes them.
     */
    record Sighting(String key, long bucket, int keep, int maxValues) {
    }

    @Provide
    Arbitrary<List<Sighting>> sightings() {
        Arbitrary<Sighting> one = Combinators.combine(Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "h"),
                Arbitraries.longs().between(0, 8), Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(1, 9)).as(Sighting::new);
        // Buckets drift upwards so that old values age out, with late events mixed in; keep and maxValues stay
        // for runs of ten sightings.
        return one.list().ofMaxSize(60).map(list -> {
            List<Sighting> drifting = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Sighting setting = list.get(i - i % 10);
                drifting.add(new Sighting(list.get(i).key(), list.get(i).bucket() + i / 4, setting.keep(),
                        setting.maxValues()));
            }
            return drifting;
        });
    }

    /**
     * Against a plain model: a list of (key, bucket, sighting number) sorted by bucket and number, changed the
     * slow way. Each step also goes through the plain-map path, from the previous values as a durable store hands
     * them back. Every intermediate instance must stay as it was.
     */
    @Property(tries = 500)
    void behavesAsAListOfNewestSightings(@ForAll("sightings") List<Sighting> sightings, @ForAll boolean windowed) {
        List<long[]> model = new ArrayList<>(); // {key index, bucket, number}
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        Map<String, Object> values = null;
        List<Map<String, Object>> earlier = new ArrayList<>();
        List<Map<String, Object>> earlierContents = new ArrayList<>();
        long number = 0;
        for (Sighting s : sightings) {
            long bucket = windowed ? s.bucket() : 0;
            long keepBuckets = windowed ? s.keep() : LIFETIME;
            int maxValues = s.maxValues();
            int key = names.indexOf(s.key());
            long[] previous = model.stream().filter(e -> e[0] == key).findFirst().orElse(null);
            boolean newestOfBucket = previous != null && model.stream()
                    .noneMatch(e -> e[1] == previous[1] && e[2] > previous[2]);
            if (previous == null || previous[1] < bucket || previous[1] == bucket && !newestOfBucket) {
                model.remove(previous);
                model.add(new long[] {key, bucket, number++});
                model.sort(Comparator.<long[]>comparingLong(e -> e[1]).thenComparingLong(e -> e[2]));
                long newest = model.get(model.size() - 1)[1];
                model.removeIf(e -> e[1] <= newest - keepBuckets); // keep or more buckets older than the newest
                while (model.size() > maxValues) {
                    model.remove(0);
                }
            }
            Map<String, Object> fromStore = values == null ? null : stored(values);
            if (values != null) {
                earlier.add(values);
                earlierContents.add(new LinkedHashMap<>(values));
            }
            values = see(values, s.key(), bucket, keepBuckets, maxValues);

            Map<String, Object> expected = new LinkedHashMap<>();
            model.forEach(e -> expected.put(names.get((int) e[0]), e[1]));
            assertThat(values).containsExactlyEntriesOf(expected);
            assertThat(values.keySet()).containsExactlyElementsOf(expected.keySet());
            assertThat(values).isInstanceOf(DistinctValues.class);
            Map<String, Object> plain = see(fromStore, s.key(), bucket, keepBuckets, maxValues);
            assertThat(plain).containsExactlyEntriesOf(fromStore == plain ? stored(expected) : expected);
            for (long first = -1; first <= 30; first += 3) {
                long from = first;
                long inModel = model.stream().filter(e -> e[1] >= from && e[1] <= from + 4).count();
                assertThat(DistinctValues.count(values, from, from + 4)).isEqualTo(inModel);
                assertThat(DistinctValues.count(plain, from, from + 4)).isEqualTo(inModel);
            }
        }
        for (int i = 0; i < earlier.size(); i++) {
            assertThat(earlier.get(i)).containsExactlyEntriesOf(earlierContents.get(i));
        }
    }
}
