package dev.ludus.core.store;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers for values that a store's kept bytes would otherwise repeat ({@link ListCodes}' lists, {@link StringCodes}'
 * names): 0, 1, 2, … in the order the values are first seen, at most {@code max} of them; beyond, a value has no
 * number and the caller writes it out.
 *
 * <p>Thread-safe; reads do not lock, and a new value is numbered under this object's lock. A number that
 * {@link #codeOf} returns decodes with {@link #valueOf} in any thread it is handed to with a happens-before edge,
 * since the put of its value in the map that {@link #valueOf} reads happens-before the return: in the thread that
 * numbered it by program order, in any other that finds the number by the map's own ordering (the value is put
 * there before its number).
 *
 * @param <K> the values numbered: immutable, with {@code equals} and {@code hashCode}
 */
class Numbering<K> {
    private final int max;
    private final ConcurrentHashMap<K, Integer> codes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, K> values = new ConcurrentHashMap<>();

    /** @param max the most values to number; beyond, {@link #codeOf} answers -1 */
    Numbering(int max) {
        this.max = max;
    }

    /** @return the value's number, or -1 when {@code max} values are numbered already and this is not one of them */
    int codeOf(K value) {
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        if (codes.size() >= max) {
            // Without the lock, which every commit would otherwise take once the numbers run out. The value may have
            // taken the last number since the look-up above; none is numbered after that, so this look-up is final.
            code = codes.get(value);
            return code != null ? code : -1;
        }
        synchronized (this) {
            code = codes.get(value);
            if (code != null) {
                return code;
            }
            int next = codes.size();
            if (next >= max) {
                return -1;
            }
            // Numbered before it can be looked up, so that whoever reads the number finds the value.
            values.put(next, value);
            codes.put(value, next);
            return next;
        }
    }

    /**
     * @param code a number that {@link #codeOf} returned in this thread, or in one whose return happens-before this
     *             call
     * @return the value numbered {@code code}
     */
    K valueOf(int code) {
        return values.get(code);
    }
}
