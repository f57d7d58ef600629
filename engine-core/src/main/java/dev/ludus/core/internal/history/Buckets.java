package dev.ludus.core.internal.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Per-bucket numbers stored as a flat, bucket-sorted list {@code [bucket, value, bucket, value, ...]}
 * (JSON-like, so stores can persist it), keeping only the newest buckets.
 */
final class Buckets {
    private Buckets() {
    }

    /** @return the list with {@code delta} added to {@code bucket}, trimmed to buckets after newest - keep */
    static List<Object> add(Object stored, long bucket, Number delta, int keep) {
        List<Object> out = new ArrayList<>();
        boolean added = false;
        if (stored instanceof List<?> pairs) {
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                long b = ((Number) pairs.get(i)).longValue();
                Number v = (Number) pairs.get(i + 1);
                if (!added && b > bucket) {
                    out.add(bucket);
                    out.add(delta);
                    added = true;
                }
                if (b == bucket) {
                    v = Numbers.add(v, delta);
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

    /** @return the sum of values in buckets {@code [first, last]} */
    static Number sum(Object stored, long first, long last) {
        Number total = 0L;
        if (stored instanceof List<?> pairs) {
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                long b = ((Number) pairs.get(i)).longValue();
                if (b >= first && b <= last) {
                    total = Numbers.add(total, (Number) pairs.get(i + 1));
                }
            }
        }
        return total;
    }
}
