package dev.ludus.core.internal.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-bucket list of windowed counts and sums: what one event adds and what it trims, against the definition
 * and against the flat list it was before ({@link FlatBuckets}, element by element and sum by sum); its stored
 * form; and that an instance never changes.
 */
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
     * {@code keep} or more before the newest dropped; from the plain list a store hands back, and from the same
     * buckets kept in memory.
     */
    @Property(tries = 1_000)
    void matchesTheDefinition(@ForAll @Size(max = 12) List<@LongRange(min = 0, max = 30) Long> storedBuckets,
                              @ForAll @LongRange(min = 0, max = 40) long bucket,
                              @ForAll @IntRange(min = 1, max = 12) int keep,
                              @ForAll boolean asIntegers) {
        TreeMap<Long, Long> cells = new TreeMap<>();
        storedBuckets.forEach(b -> cells.merge(b, b + 1, Long::sum));
        List<Object> stored = new ArrayList<>();
        Object inMemory = null;
        for (var cell : cells.entrySet()) {
            stored.add(asIntegers ? (Object) cell.getKey().intValue() : cell.getKey());
            stored.add(cell.getValue());
            inMemory = Buckets.add(inMemory, cell.getKey(), cell.getValue(), Integer.MAX_VALUE);
        }

        cells.merge(bucket, 100L, Long::sum);
        long newest = cells.lastKey();
        cells.headMap(newest - keep, true).clear();
        List<Object> expected = new ArrayList<>();
        cells.forEach((b, v) -> {
            expected.add(b);
            expected.add(v);
        });

        assertThat(Buckets.add(stored, bucket, 100L, keep)).isEqualTo(expected);
        assertThat(Buckets.add(inMemory, bucket, 100L, keep)).isEqualTo(expected);
    }

    @Test
    void inMemory_aThousandDays_addAndSumAsTheFlatListDid() {
        Object buckets = null;
        Object flat = null;
        for (long day = 0; day < 1_200; day++) {
            buckets = Buckets.add(buckets, day, day % 7 == 0 ? (Number) 0.25 : (Number) 1L, 1_000);
            flat = FlatBuckets.add(flat, day, day % 7 == 0 ? (Number) 0.25 : (Number) 1L, 1_000);
        }
        assertThat(buckets).isInstanceOf(Buckets.class).isEqualTo(flat).asInstanceOf(InstanceOfAssertFactories.LIST)
                .hasSize(2_000).startsWith(200L, 1L, 201L, 1L, 202L, 1L, 203L, 0.25);
        for (long first = 150; first < 1_250; first += 37) {
            assertThat(Buckets.sum(buckets, first, first + 500)).isEqualTo(FlatBuckets.sum(flat, first, first + 500));
        }
        assertThat(Buckets.sum(buckets, 200, 1_199)).isEqualTo(FlatBuckets.sum(flat, 200, 1_199));
        assertThat(Buckets.sum(buckets, 1_199, 200)).isEqualTo(0L);

        // Into a kept bucket; a jump that forgets 301 buckets; into a kept bucket again; between two kept ones.
        long[] late = {600, 1_500, 700, 1_300};
        Number[] deltas = {2L, 1L, 0.5, 3L};
        for (int i = 0; i < late.length; i++) {
            buckets = Buckets.add(buckets, late[i], deltas[i], 1_000);
            flat = FlatBuckets.add(flat, late[i], deltas[i], 1_000);
            assertThat(buckets).isEqualTo(flat);
            assertThat(Buckets.sum(buckets, 0, 2_000)).isEqualTo(FlatBuckets.sum(flat, 0, 2_000));
        }
        assertThat(buckets).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(2 * 701)
                .endsWith(1_199L, 1L, 1_300L, 3L, 1_500L, 1L);
    }

    @Test
    void lateEventsBetweenKeptBuckets_fillTheGapsInOrder() {
        Object buckets = null;
        Object flat = null;
        for (long day = 0; day < 400; day += 2) {
            buckets = Buckets.add(buckets, day, 1L, 1_000);
            flat = FlatBuckets.add(flat, day, 1L, 1_000);
        }
        for (long day = 397; day > 0; day -= 4) { // every other gap, newest first, then the rest
            buckets = Buckets.add(buckets, day, 10L, 1_000);
            flat = FlatBuckets.add(flat, day, 10L, 1_000);
        }
        for (long day = 3; day < 400; day += 4) {
            buckets = Buckets.add(buckets, day, 0.5, 1_000);
            flat = FlatBuckets.add(flat, day, 0.5, 1_000);
        }
        assertThat(buckets).isEqualTo(flat).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(800);
        for (long first = 0; first < 400; first += 13) {
            assertThat(Buckets.sum(buckets, first, first + 77)).isEqualTo(FlatBuckets.sum(flat, first, first + 77));
        }
    }

    @Test
    void anEventTooOldToKeep_returnsTheSameInstance() {
        List<Object> buckets = Buckets.add(Buckets.add(null, 10, 1L, 3), 12, 1L, 3);
        assertThat(Buckets.add(buckets, 9, 5L, 3)).isSameAs(buckets);
        assertThat(Buckets.add(buckets, 9, 5L, 2)).containsExactly(12L, 1L); // a smaller keep still trims
    }

    @Test
    void theList_isARandomAccessReadOnlyView() {
        List<Object> buckets = null;
        for (long day = 0; day < 100; day++) {
            buckets = Buckets.add(buckets, day, day, 100);
        }
        List<Object> view = buckets;
        assertThat(view).isInstanceOf(java.util.RandomAccess.class).hasSize(200);
        assertThat(view.get(0)).isEqualTo(0L);
        assertThat(view.get(199)).isEqualTo(99L);
        assertThat(view.get(64)).isEqualTo(32L);
        assertThat(view.subList(62, 66)).containsExactly(31L, 31L, 32L, 32L);
        assertThatThrownBy(() -> view.get(200)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.set(1, 5L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.add(5L)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(view.hashCode()).isEqualTo(new ArrayList<>(view).hashCode());
    }

    @Test
    void aJsonRoundTrip_writesWhatTheFlatListWrote_andReadsBackAsAPlainList() {
        JsonMapper json = JsonMapper.builder().build();
        Number[] deltas = {1L, Long.MAX_VALUE, 0.1, Double.POSITIVE_INFINITY, 7L};
        Object buckets = null;
        Object flat = null;
        for (int i = 0; i < 300; i++) {
            buckets = Buckets.add(buckets, i / 3, deltas[i % deltas.length], 60);
            flat = FlatBuckets.add(flat, i / 3, deltas[i % deltas.length], 60);
        }
        String text = json.writeValueAsString(buckets);
        assertThat(text).isEqualTo(json.writeValueAsString(flat)).startsWith("[40,");

        List<?> readBack = json.readValue(text, List.class);
        assertThat(Buckets.add(readBack, 100, 2L, 60)).isEqualTo(FlatBuckets.add(readBack, 100, 2L, 60));
        assertThat(Buckets.sum(readBack, 70, 99)).isEqualTo(FlatBuckets.sum(readBack, 70, 99))
                .isEqualTo(Buckets.sum(buckets, 70, 99));
    }

    @Test
    void javaSerialisation_writesAnArrayList() throws Exception {
        List<Object> buckets = Buckets.add(Buckets.add(null, 3, 1L, 10), 5, 0.5, 10);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(buckets);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isInstanceOf(ArrayList.class).isEqualTo(List.of(3L, 1L, 5L, 0.5));
        }
    }

    /**
     * A stream that names the class itself, which {@code writeReplace} never writes, crafted by hand: the class's
     * descriptor with its serial version and no fields, then an object of it. Without the guard it reads back as a
     * {@code Buckets} whose chunks are {@code null}.
     */
    @Test
    void javaSerialisation_aStreamNamingBucketsItself_isRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(ObjectStreamConstants.STREAM_MAGIC);
            out.writeShort(ObjectStreamConstants.STREAM_VERSION);
            out.writeByte(ObjectStreamConstants.TC_OBJECT);
            out.writeByte(ObjectStreamConstants.TC_CLASSDESC);
            out.writeUTF(Buckets.class.getName());
            out.writeLong(ObjectStreamClass.lookup(Buckets.class).getSerialVersionUID());
            out.writeByte(ObjectStreamConstants.SC_SERIALIZABLE);
            out.writeShort(0); // no field values: the class's fields would be left null
            out.writeByte(ObjectStreamConstants.TC_ENDBLOCKDATA); // no class annotation
            out.writeByte(ObjectStreamConstants.TC_NULL); // no serialisable superclass
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThatThrownBy(in::readObject).isInstanceOf(InvalidObjectException.class)
                    .hasMessage("Buckets is serialised as an ArrayList of its elements, never as itself");
        }
    }

    @Test
    void whatIsNotAList_isReadAsNoBuckets_asBefore() {
        assertThat(Buckets.add("garbage", 4, 1L, 3)).containsExactly(4L, 1L);
        assertThat(Buckets.sum("garbage", 0, 10)).isEqualTo(0L);
        assertThat(Buckets.sum(null, 0, 10)).isEqualTo(0L);
    }

    /**
     * Concurrent readers and commits retried from one state: threads add their own events to the same instance
     * and read its sums. Each must end where a sequential replay of its events ends, and the shared instance
     * must not change.
     */
    @Test
    void threadsChangingOneInstance_eachGetTheirSequentialResult_andTheInstanceStaysAsItWas() throws Exception {
        List<Object> start = null;
        for (long day = 0; day < 1_000; day++) {
            start = Buckets.add(start, day, day % 3 == 0 ? (Number) 0.1 : (Number) day, 1_000);
        }
        List<Object> shared = start;
        List<Object> before = new ArrayList<>(shared);
        Number sumBefore = FlatBuckets.sum(before, 0, 999);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Object>>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                runs.add(pool.submit(() -> {
                    go.await();
                    List<Object> mine = shared;
                    Random random = new Random(seed);
                    for (int i = 0; i < 2_000; i++) {
                        mine = Buckets.add(mine, 900 + random.nextInt(150), amount(random), 1_000);
                        assertThat(Buckets.sum(shared, 0, 999)).isEqualTo(sumBefore);
                    }
                    assertThat(mine).isInstanceOf(Buckets.class);
                    return mine;
                }));
            }
            go.countDown();
            for (int t = 0; t < threads; t++) {
                Object replay = before;
                Random random = new Random(t);
                for (int i = 0; i < 2_000; i++) {
                    replay = FlatBuckets.add(replay, 900 + random.nextInt(150), amount(random), 1_000);
                }
                List<Object> mine = runs.get(t).get();
                assertThat(mine).as("thread %d", t).isEqualTo(replay);
                assertThat(Buckets.sum(mine, 0, 2_000)).isEqualTo(FlatBuckets.sum(replay, 0, 2_000));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shared).isEqualTo(before);
        assertThat(Buckets.sum(shared, 0, 999)).isEqualTo(sumBefore);
    }

    private static Number amount(Random random) {
        return random.nextBoolean() ? (Number) 1L : (Number) 0.01;
    }

    /**
     * One event and a read after it: the event's bucket moves {@code advance} units past the newest so far and
     * lands {@code late} units before that; {@code keep} is taken from every 200th step (a reload changes it);
     * the window read ends {@code windowShift} units from the event's bucket and spans {@code windowUnits} (none
     * for 0).
     */
    record Step(int advance, int late, Number delta, int keep, int windowShift, int windowUnits) {
    }

    /** The numbers a run adds: each kind on its own, as a rounding in one would hide a difference in another. */
    enum Deltas {
        /** A count's. */
        COUNT,
        /** Small whole numbers and decimals, whose sums have no more digits than a double holds. */
        CENTS,
        /** Whole numbers to the ends of a long, whose sums go beyond one. */
        WIDE,
        /**
         * Everything: decimals with whole numbers beyond 2^53, and, rarely, infinities, NaN and decimals near the
         * ends of a double's range, which hide the rest.
         */
        EXTREME
    }

    /** @return what SumAggregate passes, a {@code Long} or a {@code Double}, of the kind */
    private static Arbitrary<Number> deltas(Deltas kind) {
        Arbitrary<Long> small = Arbitraries.longs().between(-1_000, 1_000);
        Arbitrary<Double> cents = Arbitraries.longs().between(-10_000, 10_000).map(c -> c / 100.0);
        Arbitrary<Double> decimals = Arbitraries.oneOf(cents, Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(5.0, -0.0, 0.1, 1e-17));
        Arbitrary<Long> wide = Arbitraries.oneOf(Arbitraries.longs(),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, -Long.MAX_VALUE, 1L << 53));
        Arbitrary<Double> wholeDoubles = Arbitraries.of(0x1p53 + 2, 0x1p63, -0x1p63, 0x1p64);
        Arbitrary<Double> extreme = Arbitraries.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                1e300, -1e300, 1e-300);
        return switch (kind) {
            case COUNT -> Arbitraries.just(1L);
            case CENTS -> Arbitraries.<Number>frequencyOf(weighted(1, Arbitraries.just(1L)), weighted(2, small),
                    weighted(4, decimals));
            case WIDE -> Arbitraries.<Number>frequencyOf(weighted(1, small), weighted(1, wide));
            case EXTREME -> Arbitraries.<Number>frequencyOf(weighted(20, small), weighted(10, decimals),
                    weighted(5, wide), weighted(5, wholeDoubles), weighted(1, extreme));
        };
    }

    private static <T> Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<? extends T> values) {
        return Tuple.of(weight, values);
    }

    /**
     * Events mostly a unit after the one before or in the same unit, a few of them late, rarely a jump that
     * forgets many buckets at once; {@code keep} mostly the largest, so that most units of the window hold a
     * bucket.
     */
    private static Arbitrary<List<Step>> steps(int maxKeep, Deltas kind, int minSize, int maxSize) {
        Arbitrary<Integer> advance = Arbitraries.<Integer>frequencyOf(weighted(300, Arbitraries.just(0)),
                weighted(1_000, Arbitraries.just(1)), weighted(60, Arbitraries.integers().between(2, 5)),
                weighted(2, Arbitraries.integers().between(6, maxKeep + 200)));
        Arbitrary<Integer> late = Arbitraries.<Integer>frequencyOf(weighted(6, Arbitraries.just(0)),
                weighted(3, Arbitraries.integers().between(1, 40)),
                weighted(1, Arbitraries.integers().between(40, maxKeep + 100)));
        Arbitrary<Integer> keep = Arbitraries.<Integer>frequencyOf(weighted(4, Arbitraries.just(maxKeep)),
                weighted(2, Arbitraries.integers().between(maxKeep * 3 / 4, maxKeep)),
                weighted(2, Arbitraries.integers().between(1, maxKeep)));
        return Combinators.combine(advance, late, deltas(kind), keep, Arbitraries.integers().between(-60, 60),
                Arbitraries.integers().between(0, maxKeep + 100)).as(Step::new)
                .withoutEdgeCases() // mixed in, the extremes of each range would make jumps as common as the rest
                .list().ofMinSize(minSize).ofMaxSize(maxSize).withSizeDistribution(RandomDistribution.uniform());
    }

    /** Up to 1,500 events, windows of up to 1,000 units: runs keep hundreds of buckets, up to a thousand. */
    @Provide
    Arbitrary<List<Step>> manySteps() {
        return Arbitraries.of(Deltas.class).flatMap(kind -> steps(1_000, kind, 300, 1_500));
    }

    /** Short runs with small windows: the edge cases, and the plain path's, often. */
    @Provide
    Arbitrary<List<Step>> fewSteps() {
        return Arbitraries.of(Deltas.class).flatMap(kind -> steps(40, kind, 0, 120));
    }

    /** The first bucket: the engine's (days, hours) and where the arithmetic of the oldest kept one overflows. */
    @Provide
    Arbitrary<Long> origins() {
        return Arbitraries.<Long>frequencyOf(weighted(6, Arbitraries.of(0L, 20_000L, -700L)),
                weighted(1, Arbitraries.of(Long.MIN_VALUE, Long.MIN_VALUE + 500, Long.MAX_VALUE - 500)));
    }

    @Property(tries = 25)
    void manyEvents_sameListsAndSumsAsTheFlatList(@ForAll("manySteps") List<Step> steps,
                                                  @ForAll("origins") long origin, @ForAll boolean fromAPlainList) {
        replayAgainstTheFlatList(steps, origin, fromAPlainList);
    }

    @Property(tries = 400)
    void fewEvents_sameListsAndSumsAsTheFlatList(@ForAll("fewSteps") List<Step> steps,
                                                 @ForAll("origins") long origin, @ForAll boolean fromAPlainList) {
        replayAgainstTheFlatList(steps, origin, fromAPlainList);
    }

    /**
     * Replays the steps from nothing (or, when {@code fromAPlainList}, from what the first tenth of them stored,
     * as a durable store hands it back) on this class and on {@link FlatBuckets}, comparing the lists element by
     * element and a window's sum after each step. Every tenth step also goes through the plain path, from the
     * previous list as a store hands it back, compares the sum of all buckets, and keeps the previous instance:
     * each must still hold what it held, and sum as it did.
     */
    private static void replayAgainstTheFlatList(List<Step> steps, long origin, boolean fromAPlainList) {
        Object actual = null;
        Object expected = null;
        long newest = origin;
        int keep = 1;
        List<Object> earlier = new ArrayList<>();
        List<List<Object>> earlierContents = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (i % 200 == 0) {
                keep = step.keep();
            }
            newest += step.advance();
            long bucket = newest - step.late();
            if (fromAPlainList && i == Math.max(1, steps.size() / 10)) {
                actual = asAStoreHandsItBack(expected);
                expected = actual;
            }
            boolean tenth = i % 10 == 0 || i == steps.size() - 1;
            if (tenth && actual != null) {
                earlier.add(actual);
                earlierContents.add(new ArrayList<>((List<?>) actual));
                Object fromStore = asAStoreHandsItBack(actual);
                assertThat(Buckets.add(fromStore, bucket, step.delta(), keep))
                        .isEqualTo(FlatBuckets.add(fromStore, bucket, step.delta(), keep));
            }
            boolean persistent = actual == null || actual instanceof Buckets;
            actual = Buckets.add(actual, bucket, step.delta(), keep);
            expected = FlatBuckets.add(expected, bucket, step.delta(), keep);

            assertThat(actual).as("step %d", i).isEqualTo(expected);
            if (persistent) {
                assertThat(actual).isInstanceOf(Buckets.class);
            }
            long last = bucket + step.windowShift();
            long first = last - step.windowUnits() + 1;
            assertThat(Buckets.sum(actual, first, last)).as("step %d, sum of [%d, %d]", i, first, last)
                    .isEqualTo(FlatBuckets.sum(expected, first, last));
            if (tenth) {
                assertThat(Buckets.sum(actual, Long.MIN_VALUE, Long.MAX_VALUE))
                        .isEqualTo(FlatBuckets.sum(expected, Long.MIN_VALUE, Long.MAX_VALUE));
            }
        }
        for (int i = 0; i < earlier.size(); i++) {
            assertThat(earlier.get(i)).as("instance %d", i).isEqualTo(earlierContents.get(i));
            assertThat(Buckets.sum(earlier.get(i), Long.MIN_VALUE, Long.MAX_VALUE))
                    .isEqualTo(FlatBuckets.sum(earlierContents.get(i), Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    /**
     * @return the list as a store that writes JSON hands it back: a plain list, whole numbers that fit as
     *         {@code Integer}s, infinities and NaN as the strings Jackson writes for them (SPI: engine data)
     */
    private static List<Object> asAStoreHandsItBack(Object stored) {
        List<Object> plain = new ArrayList<>();
        for (Object element : (List<?>) stored) {
            plain.add(element instanceof List<?> parts ? asAStoreHandsItBack(parts) : asJsonReadsIt(element));
        }
        return plain;
    }

    private static Object asJsonReadsIt(Object value) {
        if (value instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        if (value instanceof Double d && !Double.isFinite(d)) {
            return d.toString();
        }
        return value;
    }

    /** Lists a store hands back that are not sorted, repeat buckets or end with an odd element: read as before. */
    @Property(tries = 300)
    void unsortedOrOddPlainLists_areChangedAsBefore(
            @ForAll @Size(max = 15) List<@LongRange(min = 0, max = 12) Long> buckets,
            @ForAll @LongRange(min = 0, max = 14) long bucket, @ForAll @IntRange(min = 1, max = 8) int keep,
            @ForAll boolean odd) {
        List<Object> stored = new ArrayList<>();
        for (long b : buckets) {
            stored.add((int) b);
            stored.add(b % 2 == 0 ? (Object) b : 0.5);
        }
        if (odd) {
            stored.add(99);
        }
        assertThat(Buckets.add(stored, bucket, 3L, keep)).isEqualTo(FlatBuckets.add(stored, bucket, 3L, keep));
        assertThat(Buckets.sum(stored, 2, 9)).isEqualTo(FlatBuckets.sum(stored, 2, 9));
    }
}
