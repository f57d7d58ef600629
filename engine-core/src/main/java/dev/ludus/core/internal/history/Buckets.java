package dev.ludus.core.internal.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Per-bucket sums stored as a flat, bucket-sorted list {@code [bucket, cell, bucket, cell, ...]}
 * (JSON-like, so stores can persist it), keeping only the newest buckets. A cell is an {@link ExactSum} cell: a
 * count's is always a {@code Long}.
 */
final class Buckets {
    private Buckets() {
    }

    /**
     * @return the list with {@code delta} added to {@code bucket}, trimmed to buckets after newest - keep; built in
     *         one pass, keeping the stored boxes of the buckets (a window of 1,000 units is 2,000 elements to copy)
     */
    static List<Object> add(Object stored, long bucket, Object delta, int keep) {
        List<?> pairs = stored instanceof List<?> list ? list : List.of();
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

    /** @return the sum of the cells in buckets {@code [first, last]}, as {@link ExactSum#value()} gives it */
    static Number sum(Object stored, long first, long last) {
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
}
