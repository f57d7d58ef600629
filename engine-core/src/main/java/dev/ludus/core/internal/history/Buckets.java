package dev.ludus.core.internal.history;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The per-bucket sums of a windowed {@code event_count} or {@code property_sum}, as kept in the player's engine
 * data: a read-only list {@code [bucket, cell, bucket, cell, ...]}, bucket-sorted, keeping only the newest
 * buckets. The buckets are {@code Long}s; a cell is an {@link ExactSum} cell (a count's is always a
 * {@code Long}). That list is the stored form, so a durable store that writes it as JSON writes what it wrote
 * before this class, and Java serialisation writes an {@code ArrayList}.
 *
 * <p>Persistent: the pairs are held in chunks of at most {@value #CHUNK}, each keeping the exact sum of its cells
 * (an {@code ExactSum} in full precision, not a rounded cell) once a window has needed it. An event copies one
 * chunk and the array of chunks, O(n / 32 + 32) for n buckets rather than O(n), and adds up nothing; forgetting
 * the oldest buckets drops whole chunks and copies at most one. A windowed sum adds the sums of the chunks within
 * the window (adding up those that events changed since) and the cells of the at most two at its edges, which is
 * exactly what adding every cell in the window gives, since {@code ExactSum} adds exactly in any order and
 * grouping. An event makes a new instance that shares the
 * other chunks with this one, which stays unchanged, as the player's previous state must (concurrent readers, a
 * commit retried after a conflict). At 1,000 buckets, copying the whole list on every event, as before, cost
 * about 6 µs and adding up all of them 18–86 µs; now 0.07–0.4 µs each (docs/performance.md, "Windowed counts and
 * sums").
 *
 * <p>A plain list handed back by a durable store (buckets may be {@code Integer}s, SPI: engine data) is changed
 * as a plain list, in one pass that keeps its boxes, and summed by walking it, exactly as before this class:
 * building the chunks would add up every cell, which for decimals costs several times that pass, on every event
 * of a store that hands back a new list each time. Anything else is read as no buckets. Immutable and
 * thread-safe.
 */
final class Buckets extends AbstractList<Object> implements RandomAccess, Serializable {
    /** The most pairs a chunk holds: about the square root of the 1,000 buckets a window may keep. */
    private static final int CHUNK = 32;
    private static final Buckets EMPTY = new Buckets(new Chunk[0]);

    /** The pairs, in bucket order; no chunk is empty. */
    private final Chunk[] chunks;
    /** How many pairs chunks {@code 0} to {@code k} hold, at {@code k}: finds a pair by its index. */
    private final int[] ends;

    private Buckets(Chunk[] chunks) {
        this.chunks = chunks;
        this.ends = new int[chunks.length];
        int pairs = 0;
        for (int k = 0; k < chunks.length; k++) {
            pairs += chunks[k].size();
            ends[k] = pairs;
        }
    }

    /**
     * Some consecutive pairs: the buckets (strictly increasing) and their cells, never changed once built, so
     * chunks are shared between instances and read from any thread (the final fields publish them). The exact sum
     * of the cells is added up when a window first takes in the whole chunk, and kept: a chunk an event changes
     * is a new chunk, whose sum is added up again only if a window needs it, so that an event costs no arithmetic
     * and a windowed sum adds up only the chunks changed since the last one.
     */
    private static final class Chunk {
        final long[] buckets;
        final Object[] cells;
        /**
         * The sum of the cells, or {@code null} until a window first needs it. Never changed once set: threads
         * that race to set it set equal sums, each complete before the volatile write publishes it.
         */
        private volatile ExactSum total;

        Chunk(long[] buckets, Object[] cells) {
            this.buckets = buckets;
            this.cells = cells;
        }

        int size() {
            return buckets.length;
        }

        long first() {
            return buckets[0];
        }

        long last() {
            return buckets[buckets.length - 1];
        }

        /** @return the exact sum of the cells; the caller must not change it */
        ExactSum total() {
            ExactSum sum = total;
            if (sum == null) {
                sum = new ExactSum();
                for (Object cell : cells) {
                    sum.add(cell);
                }
                total = sum;
            }
            return sum;
        }

        /** @return this chunk without its first {@code count} pairs (fewer than it holds) */
        Chunk withoutFirst(int count) {
            return new Chunk(Arrays.copyOfRange(buckets, count, buckets.length),
                    Arrays.copyOfRange(cells, count, cells.length));
        }

        /** @return this chunk with a new bucket at {@code at} holding {@code delta} */
        Chunk inserted(int at, long bucket, Number delta) {
            long[] b = new long[buckets.length + 1];
            Object[] c = new Object[b.length];
            System.arraycopy(buckets, 0, b, 0, at);
            System.arraycopy(cells, 0, c, 0, at);
            b[at] = bucket;
            c[at] = delta;
            System.arraycopy(buckets, at, b, at + 1, buckets.length - at);
            System.arraycopy(cells, at, c, at + 1, cells.length - at);
            return new Chunk(b, c);
        }

        /** @return this chunk with the cell at {@code at} replaced by {@code cell} */
        Chunk withCell(int at, Object cell) {
            Object[] c = cells.clone();
            c[at] = cell;
            return new Chunk(buckets, c);
        }

        /** @return this chunk, which is full, with a new bucket at {@code at}, as two chunks of about half */
        Chunk[] split(int at, long bucket, Number delta) {
            Chunk all = inserted(at, bucket, delta);
            int half = all.size() / 2;
            return new Chunk[] {
                new Chunk(Arrays.copyOfRange(all.buckets, 0, half), Arrays.copyOfRange(all.cells, 0, half)),
                all.withoutFirst(half)};
        }
    }

    /**
     * Adds {@code delta} to {@code bucket} in what the player's engine data holds for the aggregate, then keeps
     * only the buckets after {@code newest - keep}, the newest being the newest of {@code bucket} and the stored
     * ones. A {@code bucket} older than that adds nothing.
     *
     * @param stored {@code null} (no buckets yet), an instance of this class (changed as described above, the
     *               instance itself unchanged), or a list a durable store handed back: changed in one pass that
     *               keeps its boxes, a {@code Long} for each bucket kept (an {@code Integer} one included),
     *               reading an odd last element as nothing, exactly as before this class; anything else is read as
     *               no buckets
     * @param delta  a count's 1, or a sum's {@code Long} or {@code Double}
     * @return the new stored value, read-only: an instance of this class, or a plain list for a plain list
     * @throws RuntimeException as before this class, when a plain list holds a bucket that is not a number
     *                          ({@code ClassCastException}), or in the place of {@code bucket} a cell that
     *                          {@code ExactSum} does not read
     */
    static List<Object> add(Object stored, long bucket, Number delta, int keep) {
        if (stored instanceof Buckets buckets) {
            return buckets.add(bucket, delta, keep);
        }
        if (stored instanceof List<?> plain) {
            return addToPlain(plain, bucket, delta, keep);
        }
        return EMPTY.add(bucket, delta, keep);
    }

    /**
     * @return the sum of the cells in buckets {@code [first, last]} of what {@link #add} stores, as
     *         {@link ExactSum#value()} gives it: 0 for anything else
     * @throws RuntimeException as before this class, when a plain list holds a bucket that is not a number
     *                          ({@code ClassCastException}), or within the window a cell that {@code ExactSum}
     *                          does not read
     */
    static Number sum(Object stored, long first, long last) {
        if (stored instanceof Buckets buckets) {
            return buckets.sum(first, last);
        }
        ExactSum total = new ExactSum();
        if (stored instanceof List<?> pairs) {
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                long b = ((Number) pairs.get(i)).longValue();
                if (b >= first && b <= last) {
                    total.add(pairs.get(i + 1));
                }
            }
        }
        return total.value();
    }

    /** {@link #add(Object, long, Number, int)} on a plain list: one pass, as before this class. */
    private static List<Object> addToPlain(List<?> pairs, long bucket, Number delta, int keep) {
        int n = pairs.size() - pairs.size() % 2;
        long newest = n == 0 ? bucket : Math.max(bucket, ((Number) pairs.get(n - 2)).longValue());
        long oldestKept = newest - keep + 1;
        List<Object> out = new ArrayList<>(n + 2);
        boolean added = false;
        for (int i = 0; i < n; i += 2) {
            Object boxed = pairs.get(i);
            long b = ((Number) boxed).longValue();
            if (!added && b > bucket) {
                if (bucket >= oldestKept) {
                    out.add(bucket);
                    out.add(delta);
                }
                added = true;
            }
            if (b < oldestKept) {
                added |= b == bucket;
                continue;
            }
            Object v = pairs.get(i + 1);
            if (b == bucket) {
                v = ExactSum.add(v, delta);
                added = true;
            }
            out.add(boxed instanceof Long ? boxed : b);
            out.add(v);
        }
        if (!added) {
            out.add(bucket);
            out.add(delta);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The persistent {@link #add(Object, long, Number, int)}: the same decisions as the plain pass, on sorted
     * buckets. The newest bucket and the oldest kept are computed as there, overflow included.
     *
     * @return the buckets with the delta; this instance when nothing changes
     */
    private Buckets add(long bucket, Number delta, int keep) {
        if (chunks.length == 0) {
            return single(bucket, delta);
        }
        long last = chunks[chunks.length - 1].last();
        long oldestKept = Math.max(bucket, last) - keep + 1;
        int from = chunkFor(chunks, oldestKept);
        if (from == chunks.length) {
            // All are forgotten. The plain pass still appends a bucket newer than all of them, which is the newest
            // and so kept, unless oldestKept overflowed.
            return bucket > last ? single(bucket, delta) : EMPTY;
        }
        int forgotten = lowerBound(chunks[from].buckets, oldestKept);
        // A kept bucket is at least oldestKept, so a newer bucket than all of them is too.
        boolean adds = bucket >= oldestKept;
        if (!adds && from == 0 && forgotten == 0) {
            return this;
        }
        Chunk[] next = Arrays.copyOfRange(chunks, from, chunks.length);
        if (forgotten > 0) {
            next[0] = next[0].withoutFirst(forgotten);
        }
        if (!adds) {
            return new Buckets(next);
        }
        if (bucket > last) {
            Chunk tail = next[next.length - 1];
            if (tail.size() < CHUNK) {
                next[next.length - 1] = tail.inserted(tail.size(), bucket, delta);
                return new Buckets(next);
            }
            next = Arrays.copyOf(next, next.length + 1);
            next[next.length - 1] = new Chunk(new long[] {bucket}, new Object[] {delta});
            return new Buckets(next);
        }
        int k = chunkFor(next, bucket);
        Chunk chunk = next[k];
        int at = Arrays.binarySearch(chunk.buckets, bucket);
        if (at >= 0) {
            next[k] = chunk.withCell(at, ExactSum.add(chunk.cells[at], delta));
            return new Buckets(next);
        }
        at = -at - 1;
        if (chunk.size() < CHUNK) {
            next[k] = chunk.inserted(at, bucket, delta);
            return new Buckets(next);
        }
        Chunk[] halves = chunk.split(at, bucket, delta);
        Chunk[] grown = new Chunk[next.length + 1];
        System.arraycopy(next, 0, grown, 0, k);
        grown[k] = halves[0];
        grown[k + 1] = halves[1];
        System.arraycopy(next, k + 1, grown, k + 2, next.length - k - 1);
        return new Buckets(grown);
    }

    private static Buckets single(long bucket, Number delta) {
        return new Buckets(new Chunk[] {new Chunk(new long[] {bucket}, new Object[] {delta})});
    }

    /**
     * @return the sum of the cells in buckets {@code [first, last]}: the chunks within the window by their sums,
     *         the cells of those it only overlaps one by one
     */
    private Number sum(long first, long last) {
        ExactSum total = new ExactSum();
        for (int k = chunkFor(chunks, first); k < chunks.length && chunks[k].first() <= last; k++) {
            Chunk chunk = chunks[k];
            if (chunk.first() >= first && chunk.last() <= last) {
                total.addSum(chunk.total());
            } else {
                for (int i = 0; i < chunk.size(); i++) {
                    if (chunk.buckets[i] >= first && chunk.buckets[i] <= last) {
                        total.add(chunk.cells[i]);
                    }
                }
            }
        }
        return total.value();
    }

    /** @return the first of {@code chunks} whose last bucket is {@code bucket} or later; their number if none */
    private static int chunkFor(Chunk[] chunks, long bucket) {
        int low = 0;
        int high = chunks.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (chunks[mid].last() < bucket) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** @return the index of the first of {@code buckets} that is {@code bucket} or later; their number if none */
    private static int lowerBound(long[] buckets, long bucket) {
        int at = Arrays.binarySearch(buckets, bucket);
        return at >= 0 ? at : -at - 1;
    }

    @Override
    public int size() {
        return chunks.length == 0 ? 0 : 2 * ends[ends.length - 1];
    }

    /** @return the bucket (a {@code Long}) at an even index, its cell at the odd one after it */
    @Override
    public Object get(int index) {
        Objects.checkIndex(index, size());
        int pair = index >>> 1;
        int low = 0;
        int high = ends.length - 1;
        while (low < high) { // the first chunk that ends after the pair
            int mid = (low + high) >>> 1;
            if (ends[mid] <= pair) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int at = low == 0 ? pair : pair - ends[low - 1];
        return (index & 1) == 0 ? (Object) chunks[low].buckets[at] : chunks[low].cells[at];
    }

    /** Serialised as an {@code ArrayList} of the same elements, which {@link #add} reads as a plain list. */
    @Serial
    private Object writeReplace() {
        return new ArrayList<>(this);
    }

    /**
     * Refuses a stream that names this class: {@link #writeReplace} never writes one, and reading its fields as
     * they come would skip the constructor, leaving chunks and their ends that need not agree. No
     * {@code readObjectNoData}: that is called only for a superclass that a stream leaves out, and this class is
     * final.
     *
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("Buckets is serialised as an ArrayList of its elements, never as itself");
    }
}
