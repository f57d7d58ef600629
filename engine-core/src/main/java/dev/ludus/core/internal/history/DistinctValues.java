package dev.ludus.core.internal.history;

import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcollections.TreePMap;

/**
 * The values one {@code distinct_count} has seen for one player, as kept in the player's engine data: a
 * read-only map from each value's key ({@link DistinctAggregate#canonical}) to the newest window bucket it was
 * seen in (a {@code Long}; always 0 for a lifetime count), iterating from the least to the most recently seen
 * value: by bucket, then by the order of the sightings. That order is the stored form, so a durable store that
 * keeps the map's order (a JSON object does) keeps which value is forgotten first.
 *
 * <p>Persistent: a sighting makes a new instance that shares all but O(log n) of this one, which stays
 * unchanged, as the player's previous state must (concurrent readers, a commit retried after a conflict).
 * Copying the map on every new value, as before, cost O(n) per event: 0.2–0.6 ms at 10,000 values. The values
 * are ordered by their keys rather than hashed: the keys come from event properties, which a client chooses, and
 * colliding hashes would make a hash trie linear. A plain map handed back by a durable store is changed as a
 * plain map, in O(n) (see {@link #see(Object, String, long, long, int)}). Immutable and thread-safe.
 */
final class DistinctValues extends AbstractMap<String, Object> implements Serializable {
    private static final DistinctValues EMPTY =
            new DistinctValues(TreePMap.empty(), TreePMap.empty(), TreePMap.empty(), 0);
    /**
     * Far beyond any bucket the engine makes (hours from the epoch to the years 0 and 9999 are below 10^8), so
     * that differences of buckets never overflow; stored data beyond it is refused.
     */
    private static final long MAX_BUCKET = 1L << 40;

    /** Each value's newest sighting. */
    private final TreePMap<String, Sighting> sightings;
    /** The same sightings in the iteration order, least recently seen first. */
    private final TreePMap<Sighting, String> order;
    /** How many values have their newest sighting in each bucket, for windowed counts. */
    private final TreePMap<Long, Integer> perBucket;
    /** The number of the next sighting: orders sightings within a bucket. */
    private final long next;

    private DistinctValues(TreePMap<String, Sighting> sightings, TreePMap<Sighting, String> order,
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
     * Records a sighting in what the player's engine data holds for the aggregate: in an instance of this class as
     * the instance method below does, in O(log n).
     *
     * @param stored {@code null} (nothing seen yet), an instance of this class, or the map a durable store handed
     *               back (value keys to whole-number buckets, least recently seen first; the values of one bucket
     *               are taken in the map's order). Such a map is changed in one pass over a copy, O(n) as reading
     *               it was, and stays a plain map: building the persistent form would cost O(n log n) for each
     *               event of a store that hands back a new map every time.
     * @return the new stored value; {@code stored} itself when nothing changes
     * @throws IllegalStateException when {@code stored} is none of these
     */
    static Object see(Object stored, String key, long bucket, long keep, int maxValues) {
        if (stored == null) {
            return EMPTY.see(key, bucket, keep, maxValues);
        }
        if (stored instanceof DistinctValues values) {
            return values.see(key, bucket, keep, maxValues);
        }
        List<Map.Entry<String, Long>> entries = entries(stored);
        int at = 0;
        while (at < entries.size() && !entries.get(at).getKey().equals(key)) {
            at++;
        }
        if (at < entries.size()) {
            long previous = entries.get(at).getValue();
            boolean newestOfItsBucket = at + 1 == entries.size() || entries.get(at + 1).getValue() != previous;
            if (previous > bucket || previous == bucket && newestOfItsBucket) {
                return stored;
            }
            entries.remove(at);
        }
        int insert = entries.size();
        while (insert > 0 && entries.get(insert - 1).getValue() > bucket) {
            insert--;
        }
        entries.add(insert, Map.entry(key, bucket));
        long newest = entries.get(entries.size() - 1).getValue();
        int from = 0;
        while (entries.size() - from > maxValues || stale(entries.get(from).getValue(), newest, keep)) {
            from++;
        }
        Map<String, Object> next = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : entries.subList(from, entries.size())) {
            next.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(next);
    }

    /**
     * @return how many values of {@code stored} (as for {@link #see}) were last seen in a bucket from {@code first}
     *         to {@code last}, or in any bucket when {@code first} is {@code null}
     * @throws IllegalStateException when {@code stored} is not what {@link #see} reads
     */
    static long count(Object stored, Long first, long last) {
        if (stored == null) {
            return 0;
        }
        if (stored instanceof DistinctValues values) {
            return first == null ? values.size() : values.countBetween(first, last);
        }
        List<Map.Entry<String, Long>> entries = entries(stored);
        return first == null ? entries.size()
                : entries.stream().filter(e -> e.getValue() >= first && e.getValue() <= last).count();
    }

    /** @throws IllegalStateException when {@code stored} is not what {@link #see} reads */
    static void check(Object stored) {
        if (stored != null && !(stored instanceof DistinctValues)) {
            entries(stored);
        }
    }

    /**
     * @return the entries of a stored map, least recently seen first
     * @throws IllegalStateException when {@code stored} is not a map of value keys to whole-number buckets within
     *                               ±2^40
     */
    private static List<Map.Entry<String, Long>> entries(Object stored) {
        if (!(stored instanceof Map<?, ?> map)) {
            throw unreadable("a " + stored.getClass().getSimpleName());
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(map.size() + 1);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key) || !(entry.getValue() instanceof Number bucket)
                    || bucket.doubleValue() != bucket.longValue() || Math.abs(bucket.doubleValue()) > MAX_BUCKET) {
                throw unreadable("an entry " + entry.getKey() + "=" + entry.getValue());
            }
            entries.add(Map.entry(key, bucket.longValue()));
        }
        entries.sort(Map.Entry.comparingByValue()); // stable: keeps the store's order within a bucket
        return entries;
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
    private DistinctValues see(String key, long bucket, long keep, int maxValues) {
        Sighting previous = sightings.get(key);
        if (previous != null
                && (previous.bucket > bucket || previous.bucket == bucket && newestOfItsBucket(previous))) {
            return this;
        }
        DistinctValues values = previous == null ? this : remove(key, previous);
        values = values.add(key, bucket);
        long newest = values.order.lastKey().bucket;
        while (values.sightings.size() > maxValues || stale(values.order.firstKey().bucket, newest, keep)) {
            Map.Entry<Sighting, String> oldest = values.order.firstEntry();
            values = values.remove(oldest.getValue(), oldest.getKey());
        }
        return values;
    }

    /**
     * Never true of a sighting in the newest bucket, so the values seen last are never forgotten for age. Buckets
     * are within ±2^40, so their difference does not overflow.
     */
    private static boolean stale(long bucket, long newest, long keep) {
        return bucket < newest && newest - bucket >= keep;
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

    /** Serialised as a {@code LinkedHashMap} in the same order, which the static {@code see} reads as a plain map. */
    @Serial
    private Object writeReplace() {
        return new LinkedHashMap<>(this);
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
