package dev.ludus.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map kept as an array of keys and, in the subclass, values at the same indexes, which nobody
 * changes; iterated in array order. Subclasses say how a key is found and hold the values. Keys are held as
 * {@code Object}s on purpose: a raw map's non-string key must reach the engine's check.
 */
abstract class ArrayMap<V> extends AbstractMap<String, V> {
    final Object[] keys;

    ArrayMap(Object[] keys) {
        this.keys = keys;
    }

    /** @return the index of {@code key} in {@link #keys}, or a negative number when it is absent */
    abstract int indexOf(Object key);

    /** @return the value of the key at index {@code i} */
    abstract V valueAt(int i);

    @Override
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : valueAt(i);
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
                        return (Entry<String, V>) (Entry<?, ?>) new SimpleImmutableEntry<>(keys[i], valueAt(i));
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
