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

    /** @return the list with {@code delta} added to {@code bucket}, trimmed to buckets after newest - keep */
    static List<Object> add(Object stored, long bucket, Object delta, int keep) {
        List<Object> out = new ArrayList<>();
        boolean added = false;
        if (stored instanceof List<?> pairs) {
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                long b = ((Number) pairs.get(i)).longValue();
                Object v = pairs.get(i + 1);
                if (!added && b > bucket) {
                    out.add(bucket);
                    out.add(delta);
                    added = true;
                }
                if (b == bucket) {
                    v = ExactSum.add(v, delta);
                    added = true;
                }
                out.add(b);
                out.add(v);
            }
        }
        if (!added) {
            out.add(bucket);
            out.add(delta);
        }
        long newest = ((Number) out.get(out.size() - 2)).longValue();
        int from = 0;
        while (from < out.size() && ((Number) out.get(from)).longValue() <= newest - keep) {
            from += 2;
        }
        return Collections.unmodifiableList(new ArrayList<>(out.subList(from, out.size())));
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
