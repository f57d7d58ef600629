package dev.ludus.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A player's balances by currency id: an unmodifiable map over an array of ids in natural order and their amounts
 * as {@code long}s, the first in a field and the others in an array. Neither array is ever changed, so maps with the
 * same currencies share the id array, and a change of one balance copies only the amounts after the first: nothing
 * for a change of the first currency, which is all a game with one currency has (its balance is then read without
 * reaching an array).
 */
final class Balances extends ArrayMap<Long> {
    private static final long[] NONE = new long[0];
    static final Balances EMPTY = new Balances(new String[0], 0, NONE);
    /**
     * Id arrays seen lately, by their hash: players of a game mostly hold the same few currencies, and sharing
     * one array between all of them keeps it in the CPU's cache when a player's balances are read.
     */
    private static final AtomicReferenceArray<String[]> SHARED_IDS = new AtomicReferenceArray<>(64);

    /** The amount of the first currency, 0 when there is none. */
    private final long first;
    /** The amounts of the others, in the order of their ids. */
    private final long[] rest;

    /** @param ids the currency ids, a {@code String[]} in natural order */
    private Balances(String[] ids, long first, long[] rest) {
        super(ids);
        this.first = first;
        this.rest = rest;
    }

    /** @param amounts the amounts of {@code ids}, in their order */
    private static Balances split(String[] ids, long[] amounts) {
        long[] rest = amounts.length == 1 ? NONE : Arrays.copyOfRange(amounts, 1, amounts.length);
        return new Balances(ids, amounts[0], rest);
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
        return split(shared(ids), amounts);
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
        if (i == 0) {
            return new Balances(ids(), amount, rest);
        }
        if (i > 0) {
            long[] changed = rest.clone();
            changed[i - 1] = amount;
            return new Balances(ids(), first, changed);
        }
        int at = -i - 1;
        String[] ids = ids();
        String[] newIds = new String[ids.length + 1];
        long[] newAmounts = new long[ids.length + 1];
        for (int j = 0; j < ids.length; j++) {
            newIds[j < at ? j : j + 1] = ids[j];
            newAmounts[j < at ? j : j + 1] = amountAt(j);
        }
        newIds[at] = id;
        newAmounts[at] = amount;
        return split(shared(newIds), newAmounts);
    }

    private long amountAt(int i) {
        return i == 0 ? first : rest[i - 1];
    }

    /** @return the currency ids (the keys are a {@code String[]}, made here) */
    String[] ids() {
        return (String[]) keys;
    }

    /** @return the balance of {@code id}, 0 when there is none */
    long balance(String id) {
        int i = indexOf(id);
        return i < 0 ? 0 : amountAt(i);
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
        return amountAt(i);
    }
}
