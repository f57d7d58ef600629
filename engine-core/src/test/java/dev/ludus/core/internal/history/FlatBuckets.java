package dev.ludus.core.internal.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The oracle for {@link Buckets}: its implementation before the chunks (commit 685115e), a flat list copied on
 * every add and walked by every sum. Test code only; not to be changed with {@code Buckets}.
 */
final class FlatBuckets {
    private FlatBuckets() {
    }

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
