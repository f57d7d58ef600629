package dev.ludus.api;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, immutable copies of JSON-like values, made once when an {@link Event} is built and then shared by
 * everything that reads the event (the engine, its history, its results) instead of being copied again.
 * Whole numbers given as {@code Integer}, {@code Short} or {@code Byte} become {@code Long} and
 * {@code Float} becomes {@code Double}, the types the engine computes with; anything else is kept as given
 * (the engine rejects what it does not support when it validates the event).
 */
final class Frozen {
    /** Maps with more keys than this get a hash index; smaller ones are scanned. */
    private static final int SCAN_LIMIT = 8;
    /** How deeply values are frozen; the engine's {@code maxPropertyDepth} can be at most this. */
    static final int MAX_DEPTH = 1000;

    private Frozen() {
    }

    /** @return a frozen copy of {@code map}, or {@code map} itself when it is already frozen */
    static <V> Map<String, V> map(Map<?, ?> map) {
        return map(map, 1);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Map<?, ?> map, int depth) {
        if (map instanceof FrozenMap<?>) {
            return (Map<String, V>) map;
        }
        if (map.isEmpty()) {
            return (Map<String, V>) FrozenMap.EMPTY;
        }
        if (map instanceof IdentityHashMap<?, ?>) {
            map = new LinkedHashMap<>(map); // equal keys that are distinct objects become one, as in any other map
        }
        Object[] keys = new Object[map.size()];
        Object[] values = new Object[keys.length];
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            keys[i] = e.getKey();
            values[i] = value(e.getValue(), depth + 1);
            i++;
        }
        return (Map<String, V>) new FrozenMap<>(keys, values);
    }

    /**
     * @param depth the nesting level {@code value} is at, the top-level map being 1; maps and lists deeper than
     *              {@link #MAX_DEPTH} are kept as given (so a map that contains itself ends there, and the
     *              engine, whose depth limit is at most that, rejects them)
     */
    private static Object value(Object value, int depth) {
        // The common values first: these classes are final, so each test is one comparison, unlike Map and List.
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean
                || value == null) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (depth > MAX_DEPTH) {
            return value;
        }
        if (value instanceof Map<?, ?> nested) {
            return map(nested, depth);
        }
        if (value instanceof List<?> list && !(value instanceof FrozenList)) {
            Object[] elements = list.toArray();
            for (int i = 0; i < elements.length; i++) {
                elements[i] = value(elements[i], depth + 1);
            }
            return new FrozenList(elements);
        }
        return value;
    }

    /**
     * An unmodifiable map in the order it was built; small ones are scanned, larger ones hashed. Keys are
     * whatever the caller put in a raw map (the engine rejects keys that are not strings), so they are held as
     * {@code Object}.
     */
    private static final class FrozenMap<V> extends ArrayMap<V> {
        static final FrozenMap<?> EMPTY = new FrozenMap<>(new Object[0], new Object[0]);

        private final Object[] values;
        private final Map<Object, Integer> index;

        FrozenMap(Object[] keys, Object[] values) {
            super(keys);
            this.values = values;
            if (keys.length > SCAN_LIMIT) {
                index = new HashMap<>(keys.length * 2);
                for (int i = 0; i < keys.length; i++) {
                    index.put(keys[i], i);
                }
            } else {
                index = null;
            }
        }

        @Override
        int indexOf(Object key) {
            if (index != null) {
                Integer i = index.get(key);
                return i == null ? -1 : i;
            }
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == key) {
                    return i;
                }
            }
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null && keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        @SuppressWarnings("unchecked")
        V valueAt(int i) {
            return (V) values[i];
        }
    }

    /** An unmodifiable list over an array nobody else holds; may contain {@code null}. */
    private static final class FrozenList extends AbstractList<Object> implements java.util.RandomAccess {
        private final Object[] elements;

        FrozenList(Object[] elements) {
            this.elements = elements;
        }

        @Override
        public Object get(int index) {
            return elements[index];
        }

        @Override
        public int size() {
            return elements.length;
        }

        @Override
        public Object[] toArray() {
            return Arrays.copyOf(elements, elements.length);
        }
    }
}
