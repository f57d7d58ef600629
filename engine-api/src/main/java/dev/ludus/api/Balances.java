package dev.ludus.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A player's balances by currency id: an unmodifiable map over an array of ids in natural order and an array of
 * amounts as {@code long}s. Neither array is ever changed, so maps with the same currencies share the id array
 * and a change of one balance copies only the amounts.
 */
final class Balances extends ArrayMap<Long> {
    static final Balances EMPTY = new Balances(new String[0], new long[0]);
    /**
     * Id arrays seen lately, by their hash: players of a game mostly hold the same few currencies, and sharing
     * one array between all of them keeps it in the CPU's cache when a player's balances are read.
     */
    private static final AtomicReferenceArray<String[]> SHARED_IDS = new AtomicReferenceArray<>(64);

    private final long[] amounts;

    /** @param ids the currency ids, a {@code String[]} in natural order */
    private Balances(String[] ids, long[] amounts) {
        super(ids);
        this.amounts = amounts;
    }

    /**
     * @return {@code map} itself when it is one, otherwise its sorted copy
     * @throws NullPointerException     if a currency id or a balance is {@code null}
     * @throws IllegalArgumentException if a balance is not a whole number ({@code Long}, {@code Integer},
     *                                  {@code Short} or {@code Byte}: a raw map can hold anything)
     */
    static Balances of(Map<String, Long> map) {
        if (map instanceof Balances balances) {
            return balances;
        }
        int n = map.size();
        if (n == 0) {
            return EMPTY;
        }
        Map<String, Long> sorted = n == 1 || map instanceof SortedMap<String, Long> s && s.comparator() == null
                ? map : new TreeMap<>(map);
        String[] ids = new String[n];
        long[] amounts = new long[n];
        int i = 0;
        for (Entry<String, Long> e : sorted.entrySet()) {
            ids[i] = Objects.requireNonNull(e.getKey(), "currency id");
            amounts[i] = amount(ids[i], e.getValue());
            i++;
        }
        return new Balances(shared(ids), amounts);
    }

    /** @return an equal array from {@link #SHARED_IDS}, or {@code ids} after putting it there */
    private static String[] shared(String[] ids) {
        int slot = Arrays.hashCode(ids) & (SHARED_IDS.length() - 1);
        String[] seen = SHARED_IDS.get(slot);
        if (seen != null && Arrays.equals(seen, ids)) {
            return seen;
        }
        SHARED_IDS.lazySet(slot, ids);
        return ids;
    }

    private static long amount(String id, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        Objects.requireNonNull(value, () -> "balance of '" + id + "'");
        throw new IllegalArgumentException("balance of '" + id + "' must be a whole number, not "
                + value.getClass().getName());
    }

    /** @return these balances with {@code id}'s set to {@code amount}; this map does not change */
    Balances with(String id, long amount) {
        int i = indexOf(id);
        if (i >= 0) {
            long[] changed = amounts.clone();
            changed[i] = amount;
            return new Balances(ids(), changed);
        }
        int at = -i - 1;
        String[] ids = ids();
        String[] newIds = new String[ids.length + 1];
        long[] newAmounts = new long[ids.length + 1];
        System.arraycopy(ids, 0, newIds, 0, at);
        System.arraycopy(amounts, 0, newAmounts, 0, at);
        newIds[at] = id;
        newAmounts[at] = amount;
        System.arraycopy(ids, at, newIds, at + 1, ids.length - at);
        System.arraycopy(amounts, at, newAmounts, at + 1, ids.length - at);
        return new Balances(shared(newIds), newAmounts);
    }

    /** @return the currency ids (the keys are a {@code String[]}, made here) */
    String[] ids() {
        return (String[]) keys;
    }

    /** @return the balance of {@code id}, 0 when there is none */
    long balance(String id) {
        int i = indexOf(id);
        return i < 0 ? 0 : amounts[i];
    }

    /**
     * @return the index of {@code key}, or a negative number ({@code -(insertion point) - 1} for a string):
     *         currency ids usually are the game's own string objects, so identity is tried first
     */
    @Override
    int indexOf(Object key) {
        if (!(key instanceof String id)) {
            return -1;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == id) {
                return i;
            }
        }
        return Arrays.binarySearch(keys, id);
    }

    @Override
    Long valueAt(int i) {
        return amounts[i];
    }
}
