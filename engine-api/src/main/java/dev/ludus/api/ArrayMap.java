package dev.ludus.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map kept as parallel key and value arrays that nobody changes, iterated in array order;
 * subclasses say how a key is found. Keys are held as {@code Object}s on purpose: a raw map's non-string key
 * must reach the engine's check.
 */
abstract class ArrayMap<V> extends AbstractMap<String, V> {
    final Object[] keys;
    final Object[] values;

    ArrayMap(Object[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** @return the index of {@code key} in {@link #keys}, or a negative number when it is absent */
    abstract int indexOf(Object key);

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return (Entry<String, V>) (Entry<?, ?>) new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
