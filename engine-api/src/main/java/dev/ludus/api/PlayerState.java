package dev.ludus.api;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SortedMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A snapshot of one player (SPEC section 7). Immutable: collections are copied in and exposed
 * unmodifiable, so a snapshot is safe to share between threads and never changes under the reader.
 *
 * @param externalUserId the player's id, never {@code null}
 * @param xp             total XP
 * @param level          current level, 1 or more
 * @param xpToNextLevel  XP still needed for the next level, 0 at the maximum level
 * @param currencies     balances by currency id, sorted by id; whole numbers ({@code Long}, or {@code Integer},
 *                       {@code Short} or {@code Byte} from a raw map), never {@code null}
 * @param badges         badge ids, sorted
 * @param quests         quest standings by quest id, sorted by id
 * @param attributes     attributes set by rules (JSON-like values), sorted by name
 * @param profile        profile fields from events ({@code email}, {@code mobile}, {@code displayName}), sorted
 * @param version        increases by one per committed event; 0 for a player never committed
 */
public record PlayerState(
        String externalUserId,
        long xp,
        int level,
        long xpToNextLevel,
        Map<String, Long> currencies,
        SortedSet<String> badges,
        Map<String, QuestState> quests,
        Map<String, Object> attributes,
        Map<String, String> profile,
        long version) {

    public PlayerState {
        Objects.requireNonNull(externalUserId, "externalUserId");
        currencies = Balances.of(currencies);
        badges = badges instanceof SortedArraySet set ? set : SortedArraySet.copyOf(badges);
        quests = sortedCopy(quests);
        attributes = sortedCopy(attributes);
        profile = sortedCopy(profile);
    }

    /**
     * @param externalUserId the player's id
     * @param xpToNextLevel  XP needed to leave level 1
     * @return a player nobody has seen yet: level 1, nothing owned, version 0
     */
    public static PlayerState initial(String externalUserId, long xpToNextLevel) {
        return new PlayerState(externalUserId, 0, 1, xpToNextLevel, Map.of(), new TreeSet<>(), Map.of(),
                Map.of(), Map.of(), 0);
    }

    /** @return the balance of {@code currency}, 0 when the player has none */
    public long balance(String currency) {
        return ((Balances) currencies).balance(currency);
    }

    /**
     * Returns {@code currencies} with one balance set, as a sorted, unmodifiable map that a {@code PlayerState}
     * keeps without copying; {@code currencies} itself does not change. Cheap when {@code currencies} comes from a
     * {@code PlayerState} or from this method: the currency ids are shared and only the amounts copied. For
     * stores and tools that change a balance; the engine builds its own changes with it.
     *
     * @param currencies balances by currency id, as for the constructor
     * @param currency   the currency whose balance to set (added when absent)
     * @param balance    its new balance
     * @return the balances with the change
     * @throws NullPointerException     if an argument, a currency id or a balance is {@code null}
     * @throws IllegalArgumentException if a balance in {@code currencies} is not a whole number
     */
    public static Map<String, Long> withBalance(Map<String, Long> currencies, String currency, long balance) {
        return Balances.of(currencies).with(Objects.requireNonNull(currency, "currency"), balance);
    }

    /**
     * Returns {@code map} with the entries of {@code changes} set (added, or replacing the value of a key it
     * has), as a sorted, unmodifiable map that a {@code PlayerState} keeps without copying; neither argument
     * changes. For a state's quests, attributes or profile. Cheap when {@code map} comes from a
     * {@code PlayerState} or from this method: the entries are two arrays, copied in runs between the changes
     * (found by binary search), and {@code changes} is read in order without sorting when it is a
     * {@code SortedMap} in natural order.
     * For stores and tools that change a state; the engine builds its own changes with it.
     *
     * @param map     entries by key, as for the constructor
     * @param changes the entries to set; values as the map's ({@code null} where the map allows it)
     * @param <V>     the values
     * @return the entries with the changes
     * @throws NullPointerException if an argument or a key is {@code null}
     * @throws ClassCastException   if a key of a raw map is not a {@code String}
     */
    public static <V> Map<String, V> withEntries(Map<String, V> map, Map<String, ? extends V> changes) {
        Objects.requireNonNull(changes, "changes");
        SortedArrayMap<V> base = (SortedArrayMap<V>) sortedCopy(Objects.requireNonNull(map, "map"));
        if (changes.isEmpty()) {
            return base;
        }
        return base.with(changes instanceof SortedMap<String, ? extends V> sorted && sorted.comparator() == null
                ? sorted : new TreeMap<>(changes));
    }

    /**
     * Returns {@code badges} with {@code added} too, as a sorted, unmodifiable set that a {@code PlayerState} keeps
     * without copying; neither argument changes. Cheap when {@code badges} comes from a {@code PlayerState} or from
     * this method: the badges are an array, copied in runs between the added ones (found by binary search). For
     * stores and tools that change a state; the engine builds its own changes with it.
     *
     * @param badges badge ids, as for the constructor
     * @param added  the badge ids to add; those already in {@code badges} change nothing
     * @return the badges with the added ones
     * @throws NullPointerException if an argument or a badge id is {@code null}
     */
    public static SortedSet<String> withBadges(Set<String> badges, Collection<String> added) {
        SortedArraySet base = Objects.requireNonNull(badges, "badges") instanceof SortedArraySet set ? set
                : SortedArraySet.copyOf(badges);
        if (Objects.requireNonNull(added, "added").isEmpty()) {
            return base;
        }
        return base.with(added instanceof SortedSet<String> sorted && sorted.comparator() == null
                ? sorted : new TreeSet<>(added));
    }

    /** Copies into a sorted, unmodifiable map, unless the map already is one made here (it cannot change). */
    private static <V> Map<String, V> sortedCopy(Map<String, V> map) {
        return map instanceof SortedArrayMap<?> ? map : SortedArrayMap.copyOf(map);
    }

    /**
     * An unmodifiable map over sorted key and value arrays nobody else holds: lookups by binary search, a
     * copy of a small map is two small arrays, and snapshots share it instead of copying it.
     */
    private static final class SortedArrayMap<V> extends ArrayMap<V> {
        private static final SortedArrayMap<?> EMPTY = new SortedArrayMap<>(new String[0], new Object[0]);

        private final Object[] values;

        private SortedArrayMap(String[] keys, Object[] values) {
            super(keys);
            this.values = values;
        }

        @Override
        @SuppressWarnings("unchecked")
        V valueAt(int i) {
            return (V) values[i];
        }

        @SuppressWarnings("unchecked")
        static <V> SortedArrayMap<V> copyOf(Map<String, V> map) {
            int n = map.size();
            if (n == 0) {
                return (SortedArrayMap<V>) EMPTY;
            }
            String[] keys = new String[n];
            Object[] values = new Object[n];
            if (n == 1 || map instanceof SortedMap<String, V> sorted && sorted.comparator() == null) {
                int i = 0;
                for (Entry<String, V> e : map.entrySet()) {
                    keys[i] = Objects.requireNonNull(e.getKey(), "key");
                    values[i++] = e.getValue();
                }
            } else {
                int i = 0;
                for (Entry<String, V> e : new TreeMap<>(map).entrySet()) {
                    keys[i] = e.getKey();
                    values[i++] = e.getValue();
                }
            }
            return new SortedArrayMap<>(keys, values);
        }

        @Override
        int indexOf(Object key) {
            // The keys are Strings in natural order (the array is a String[]).
            return key instanceof String s ? Arrays.binarySearch(keys, s) : -1;
        }

        /** @return this map with {@code changes} (in natural key order) set, merged in runs of array copies */
        SortedArrayMap<V> with(SortedMap<String, ? extends V> changes) {
            int size = keys.length;
            for (String key : changes.keySet()) {
                if (Arrays.binarySearch(keys, Objects.requireNonNull(key, "key")) < 0) {
                    size++;
                }
            }
            String[] newKeys = new String[size];
            Object[] newValues = new Object[size];
            int from = 0;
            int to = 0;
            for (Entry<String, ? extends V> change : changes.entrySet()) {
                int at = Arrays.binarySearch(keys, from, keys.length, change.getKey());
                int run = (at >= 0 ? at : -at - 1) - from;
                System.arraycopy(keys, from, newKeys, to, run);
                System.arraycopy(values, from, newValues, to, run);
                from += at >= 0 ? run + 1 : run;
                to += run;
                newKeys[to] = change.getKey();
                newValues[to++] = change.getValue();
            }
            System.arraycopy(keys, from, newKeys, to, keys.length - from);
            System.arraycopy(values, from, newValues, to, keys.length - from);
            return new SortedArrayMap<>(newKeys, newValues);
        }
    }

    /**
     * An unmodifiable set over a sorted array of distinct strings nobody else holds: look-ups by binary search,
     * and snapshots share it instead of copying it. Ranges ({@link #subSet} and the like) are copies, which for a
     * set that never changes read the same as views.
     */
    private static final class SortedArraySet extends AbstractSet<String> implements SortedSet<String> {
        /** Shared by every player without badges, so that reaching a new player's badges costs no cache miss. */
        static final SortedArraySet EMPTY = new SortedArraySet(new String[0]);

        private final String[] elements;

        private SortedArraySet(String[] elements) {
            this.elements = elements;
        }

        static SortedArraySet copyOf(Set<String> set) {
            if (set.isEmpty()) {
                return EMPTY;
            }
            // A TreeSet sorts, drops nothing (a set has no duplicates) and refuses null
            SortedSet<String> sorted = set instanceof SortedSet<String> s && s.comparator() == null ? s
                    : new TreeSet<>(set);
            String[] elements = new String[sorted.size()];
            int i = 0;
            for (String element : sorted) {
                elements[i++] = Objects.requireNonNull(element, "badge");
            }
            return new SortedArraySet(elements);
        }

        /** @return this set with {@code added} (in natural order) too, merged in runs of array copies */
        SortedArraySet with(SortedSet<String> added) {
            int size = elements.length;
            for (String element : added) {
                if (Arrays.binarySearch(elements, Objects.requireNonNull(element, "badge")) < 0) {
                    size++;
                }
            }
            if (size == elements.length) {
                return this;
            }
            String[] merged = new String[size];
            int from = 0;
            int to = 0;
            for (String element : added) {
                int at = Arrays.binarySearch(elements, from, elements.length, element);
                if (at >= 0) {
                    continue;
                }
                int run = -at - 1 - from;
                System.arraycopy(elements, from, merged, to, run);
                from += run;
                to += run;
                merged[to++] = element;
            }
            System.arraycopy(elements, from, merged, to, elements.length - from);
            return new SortedArraySet(merged);
        }

        @Override
        public Iterator<String> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < elements.length;
                }

                @Override
                public String next() {
                    if (next >= elements.length) {
                        throw new NoSuchElementException();
                    }
                    return elements[next++];
                }
            };
        }

        @Override
        public int size() {
            return elements.length;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof String s && Arrays.binarySearch(elements, s) >= 0;
        }

        // Refused even when they would change nothing, as an unmodifiable collection's are

        @Override
        public boolean remove(Object o) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean removeAll(Collection<?> c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean retainAll(Collection<?> c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean removeIf(Predicate<? super String> filter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Comparator<? super String> comparator() {
            return null;
        }

        @Override
        public SortedSet<String> subSet(String fromElement, String toElement) {
            if (fromElement.compareTo(toElement) > 0) {
                throw new IllegalArgumentException("fromElement > toElement");
            }
            return range(indexOf(fromElement), indexOf(toElement));
        }

        @Override
        public SortedSet<String> headSet(String toElement) {
            return range(0, indexOf(toElement));
        }

        @Override
        public SortedSet<String> tailSet(String fromElement) {
            return range(indexOf(fromElement), elements.length);
        }

        /** @return the index of the first element at or after {@code element} */
        private int indexOf(String element) {
            int at = Arrays.binarySearch(elements, Objects.requireNonNull(element));
            return at >= 0 ? at : -at - 1;
        }

        private SortedSet<String> range(int from, int to) {
            return from == 0 && to == elements.length ? this
                    : new SortedArraySet(Arrays.copyOfRange(elements, from, to));
        }

        @Override
        public String first() {
            if (elements.length == 0) {
                throw new NoSuchElementException();
            }
            return elements[0];
        }

        @Override
        public String last() {
            if (elements.length == 0) {
                throw new NoSuchElementException();
            }
            return elements[elements.length - 1];
        }
    }
}
