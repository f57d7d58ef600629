package dev.ludus.api;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
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

    private Frozen() {
    }

    /** @return a frozen copy of {@code map}, or {@code map} itself when it is already frozen */
    @SuppressWarnings("unchecked")
    static <V> Map<String, V> map(Map<?, ?> map) {
        if (map instanceof FrozenMap<?>) {
            return (Map<String, V>) map;
        }
        Object[] keys = new Object[map.size()];
        Object[] values = new Object[keys.length];
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            keys[i] = e.getKey();
            values[i] = value(e.getValue());
            i++;
        }
        return (Map<String, V>) new FrozenMap<>(keys, values);
    }

    private static Object value(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Map<?, ?> nested) {
            return map(nested);
        }
        if (value instanceof List<?> list && !(value instanceof FrozenList)) {
            Object[] elements = list.toArray();
            for (int i = 0; i < elements.length; i++) {
                elements[i] = value(elements[i]);
            }
            return new FrozenList(elements);
        }
        return value;
    }

    /**
     * An unmodifiable map in the order it was built. Keys are whatever the caller put in a raw map (the
     * engine rejects keys that are not strings), so they are held as {@code Object}.
     */
    /** An unmodifiable map in the order it was built; small ones are scanned, larger ones hashed. */
    private static final class FrozenMap<V> extends ArrayMap<V> {
        private final Map<Object, Integer> index;

        FrozenMap(Object[] keys, Object[] values) {
            super(keys, values);
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
