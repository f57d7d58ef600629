package dev.ludus.core.internal.util;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of a JSON-like value ({@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code null}, {@code List}, {@code Map} with string keys), walked token by token into a {@link Sink}: two values
 * give the same tokens exactly when they are the same JSON value. Key order does not matter and numbers compare by
 * value (a whole double in long range is that long, so 95.0 is 95 and -0.0 is 0); everything else, including the
 * order of list elements, is significant. The idempotency fingerprint hashes these tokens and {@code distinct_count}
 * keys array and object values by them, so both share one notion of "the same value".
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    /**
     * Receives the tokens of a value. Strings, lists and maps come with their size, so a sink that writes each
     * token with its own tag is unambiguous without separators. A list is followed by its elements, a map by its
     * keys (as {@link #string}) and values, alternating, in key order.
     */
    public interface Sink {
        void nul();

        void bool(boolean value);

        void string(String value);

        /** A whole number, whichever Java type held it. */
        void whole(long value);

        /** A number that is not whole or outside the long range. */
        void decimal(double value);

        void list(int size);

        void map(int size);
    }

    /**
     * @throws IllegalArgumentException when a value is not JSON-like or a map key is not a string
     */
    public static void write(Object value, Sink out) {
        if (value == null) {
            out.nul();
        } else if (value instanceof String s) {
            out.string(s);
        } else if (value instanceof Boolean b) {
            out.bool(b);
        } else if (value instanceof Long l) {
            out.whole(l);
        } else if (value instanceof Double d) {
            if (JsonValues.isWholeLong(d)) {
                out.whole(d.longValue());
            } else {
                out.decimal(d);
            }
        } else if (value instanceof List<?> list) {
            out.list(list.size());
            for (Object element : list) {
                write(element, out);
            }
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, out);
        } else {
            throw new IllegalArgumentException("not a JSON-like value: " + value.getClass().getName());
        }
    }

    private static void writeMap(Map<?, ?> map, Sink out) {
        int size = map.size();
        out.map(size);
        // Small maps, the common case, are put in key order without sorting an array.
        if (size == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            out.string(key(entry.getKey()));
            write(entry.getValue(), out);
        } else if (size == 2) {
            Iterator<?> keys = map.keySet().iterator();
            String a = key(keys.next());
            String b = key(keys.next());
            if (a.compareTo(b) > 0) {
                String first = b;
                b = a;
                a = first;
            }
            out.string(a);
            write(map.get(a), out);
            out.string(b);
            write(map.get(b), out);
        } else if (size > 2) {
            String[] keys = new String[size];
            int i = 0;
            for (Object key : map.keySet()) {
                keys[i++] = key(key);
            }
            Arrays.sort(keys);
            for (String key : keys) {
                out.string(key);
                write(map.get(key), out);
            }
        }
    }

    private static String key(Object key) {
        if (key instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("not a JSON object key: "
                + (key == null ? "null" : key.getClass().getName()));
    }
}
