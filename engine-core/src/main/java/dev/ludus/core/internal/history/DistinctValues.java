package dev.ludus.core.internal.history;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcollections.HashPMap;
import org.pcollections.HashTreePMap;
import org.pcollections.TreePMap;

/**
 * The values one {@code distinct_count} has seen for one player, as kept in the player's engine data: a
 * read-only map from each value's key ({@link DistinctAggregate#canonical}) to the newest window bucket it was
 * seen in (a {@code Long}; always 0 for a lifetime count), iterating from the least to the most recently seen
 * value: by bucket, then by the order of the sightings. That order is the stored form, so a durable store that
 * keeps the map's order (a JSON object does) keeps which value is forgotten first.
 *
 * <p>Persistent: {@link #see} returns a new instance that shares all but O(log n) of this one, which stays
 * unchanged, as the player's previous state must (concurrent readers, a commit retried after a conflict).
 * Copying the map on every new value, as before, cost O(n) per event: a quarter of a millisecond at 10,000
 * values. Immutable and thread-safe.
 */
final class DistinctValues extends AbstractMap<String, Object> {
    private static final DistinctValues EMPTY =
            new DistinctValues(HashTreePMap.empty(), TreePMap.empty(), TreePMap.empty(), 0);

    /** Each value's newest sighting. */
    private final HashPMap<String, Sighting> sightings;
    /** The same sightings in the iteration order, least recently seen first. */
    private final TreePMap<Sighting, String> order;
    /** How many values have their newest sighting in each bucket, for windowed counts. */
    private final TreePMap<Long, Integer> perBucket;
    /** The number of the next sighting: orders sightings within a bucket. */
    private final long next;

    private DistinctValues(HashPMap<String, Sighting> sightings, TreePMap<Sighting, String> order,
                           TreePMap<Long, Integer> perBucket, long next) {
        this.sightings = sightings;
        this.order = order;
        this.perBucket = perBucket;
        this.next = next;
    }

    /** A value's newest sighting: its bucket, and the sighting's number, which orders it within the bucket. */
    private record Sighting(long bucket, long number) implements Comparable<Sighting> {
        @Override
        public int compareTo(Sighting other) {
            int byBucket = Long.compare(bucket, other.bucket);
            return byBucket != 0 ? byBucket : Long.compare(number, other.number);
        }
    }

    /**
     * @param stored what the player's engine data holds for the aggregate: {@code null} (nothing seen yet), an
     *               instance of this class, or the map a durable store gave back (keys to whole-number buckets,
     *               least recently seen first; values of one bucket in another order are taken in that order)
     * @throws IllegalStateException when {@code stored} is not such a map
     */
    static DistinctValues of(Object stored) {
        if (stored == null) {
            return EMPTY;
        }
        if (stored instanceof DistinctValues values) {
            return values;
        }
        if (!(stored instanceof Map<?, ?> map)) {
            throw unreadable("a " + stored.getClass().getSimpleName());
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key) || !(entry.getValue() instanceof Number bucket)
                    || bucket.doubleValue() != bucket.longValue()) {
                throw unreadable("an entry " + entry.getKey() + "=" + entry.getValue());
            }
            entries.add(Map.entry(key, bucket.longValue()));
        }
        entries.sort(Map.Entry.comparingByValue(Comparator.naturalOrder())); // stable: keeps the order within a bucket
        DistinctValues values = EMPTY;
        for (Map.Entry<String, Long> entry : entries) {
            values = values.add(entry.getKey(), entry.getValue());
        }
        return values;
    }

    private static IllegalStateException unreadable(String what) {
        return new IllegalStateException("distinct_count data in the player's engine data holds " + what
                + ", not a map from value keys to whole-number buckets");
    }

    /**
     * Records a sighting of {@code key} in {@code bucket}, then forgets values whose newest bucket is
     * {@code keep} or more buckets before the newest one, and then the least recently seen values while more
     * than {@code maxValues} remain.
     *
     * @return the values with the sighting; this instance when that changes nothing (the value is already the
     *         most recently seen of its bucket, or was seen in a later bucket)
     */
    DistinctValues see(String key, long bucket, long keep, int maxValues) {
        Sighting previous = sightings.get(key);
        if (previous != null && (previous.bucket > bucket || previous.bucket == bucket && newestOfItsBucket(previous))) {
            return this;
        }
        DistinctValues values = previous == null ? this : remove(key, previous);
        values = values.add(key, bucket);
        long newest = values.order.lastKey().bucket;
        while (values.sightings.size() > maxValues || stale(values.order.firstKey(), newest, keep)) {
            Map.Entry<Sighting, String> oldest = values.order.firstEntry();
            values = values.remove(oldest.getValue(), oldest.getKey());
        }
        return values;
    }

    /** Never true of a sighting in the newest bucket, so the values seen last are never forgotten for age. */
    private static boolean stale(Sighting sighting, long newest, long keep) {
        return sighting.bucket < newest && newest - sighting.bucket >= keep;
    }

    private boolean newestOfItsBucket(Sighting sighting) {
        Sighting after = order.higherKey(sighting);
        return after == null || after.bucket != sighting.bucket;
    }

    private DistinctValues add(String key, long bucket) {
        Sighting sighting = new Sighting(bucket, next);
        return new DistinctValues(sightings.plus(key, sighting), order.plus(sighting, key),
                perBucket.plus(bucket, perBucket.getOrDefault(bucket, 0) + 1), next + 1);
    }

    private DistinctValues remove(String key, Sighting sighting) {
        int left = perBucket.get(sighting.bucket) - 1;
        return new DistinctValues(sightings.minus(key), order.minus(sighting),
                left == 0 ? perBucket.minus(sighting.bucket) : perBucket.plus(sighting.bucket, left), next);
    }

    /** @return how many values were last seen in a bucket from {@code first} to {@code last} */
    long countBetween(long first, long last) {
        if (first > last) {
            return 0;
        }
        long count = 0;
        for (int n : perBucket.subMap(first, true, last, true).values()) {
            count += n;
        }
        return count;
    }

    @Override
    public int size() {
        return sightings.size();
    }

    @Override
    public boolean containsKey(Object key) {
        return sightings.containsKey(key);
    }

    @Override
    public Object get(Object key) {
        Sighting sighting = sightings.get(key);
        return sighting == null ? null : sighting.bucket;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return sightings.size();
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<Entry<Sighting, String>> inOrder = order.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return inOrder.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        Entry<Sighting, String> entry = inOrder.next();
                        return new SimpleImmutableEntry<>(entry.getValue(), entry.getKey().bucket);
                    }
                };
            }
        };
    }
}
