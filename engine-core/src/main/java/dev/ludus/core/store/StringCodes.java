package dev.ludus.core.store;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers for the names that one store's idempotency records repeat — event types, rule set versions, currency,
 * quest and badge ids, attribute names, notification topics, the rule ids and reasons of suppressions and failures —
 * so that a record keeps a number instead of the chars. A game has few such names; a store numbers at most 65,536
 * and writes any further name out in full, as {@link ListCodes} does with lists.
 *
 * <p>Unlike {@link ListCodes} there is no identity table in front of the map: a {@code String} caches its hash, and
 * {@code equals} checks identity first, so the map look-up reads no chars of a name the engine passes as the same
 * instance (the compiled plan's ids, the rule set version), and only a few for an equal copy (an event type read
 * from JSON).
 *
 * <p>Thread-safe; reads do not lock, and a new name is numbered under this object's lock. A number that
 * {@link #codeOf} returns decodes with {@link #string} in any thread it is handed to with a happens-before edge (the
 * store hands records over under a player's lock), since the put of its name in the map that {@link #string} reads
 * happens-before the return: in the thread that numbered it by program order, in any other that finds the number by
 * the map's own ordering (the name is put there before its number).
 */
final class StringCodes {
    private final int max;
    private final ConcurrentHashMap<String, Integer> codes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, String> strings = new ConcurrentHashMap<>();

    StringCodes() {
        this(1 << 16);
    }

    /** @param max the most names to number; beyond, {@link #codeOf} answers -1 */
    StringCodes(int max) {
        this.max = max;
    }

    /** @return the name's number, or -1 when {@code max} names are numbered already and this is not one of them */
    int codeOf(String s) {
        Integer code = codes.get(s);
        if (code != null) {
            return code;
        }
        if (codes.size() >= max) {
            // Without the lock, which every commit would otherwise take once the numbers run out. The name may have
            // taken the last number since the look-up above; no name is numbered after that, so this look-up is final.
            code = codes.get(s);
            return code != null ? code : -1;
        }
        synchronized (this) {
            code = codes.get(s);
            if (code != null) {
                return code;
            }
            int next = codes.size();
            if (next >= max) {
                return -1;
            }
            // Numbered before it can be looked up, so that whoever reads the number finds the name.
            strings.put(next, s);
            codes.put(s, next);
            return next;
        }
    }

    /**
     * @param code a number that {@link #codeOf} returned in this thread, or in one whose return happens-before this
     *             call
     * @return the name numbered {@code code} by {@link #codeOf}
     */
    String string(int code) {
        return strings.get(code);
    }
}
