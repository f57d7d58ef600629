package dev.ludus.api;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The read-only entry set of a map kept as parallel key and value arrays that nobody changes, in array order.
 * Keys are {@code Object}s on purpose: a raw map's non-string key must reach the engine's check.
 */
final class ArrayEntries<V> extends AbstractSet<Map.Entry<String, V>> {
    private final Object[] keys;
    private final Object[] values;

    ArrayEntries(Object[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    public Iterator<Map.Entry<String, V>> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < keys.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public Map.Entry<String, V> next() {
                if (next >= keys.length) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return (Map.Entry<String, V>) (Map.Entry<?, ?>) new SimpleImmutableEntry<>(keys[i], values[i]);
            }
        };
    }

    @Override
    public int size() {
        return keys.length;
    }
}
