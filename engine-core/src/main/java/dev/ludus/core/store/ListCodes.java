package dev.ludus.core.store;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers for the lists of rule and action ids one store's history sees, so that an entry keeps a number instead of
 * the ids. The engine shares one list per combination of rules that fire, so a game has few of them; a store numbers
 * at most 65,536 and writes any further list out in full.
 *
 * <p>Thread-safe: reads do not lock; a new list is numbered under this object's lock.
 */
final class ListCodes {
    private final int max;
    private final ConcurrentHashMap<List<String>, Integer> codes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, List<String>> lists = new ConcurrentHashMap<>();

    ListCodes() {
        this(1 << 16);
    }

    /** @param max the most lists to number; beyond, {@link #codeOf} answers -1 */
    ListCodes(int max) {
        this.max = max;
    }

    /**
     * @param list an unmodifiable list, as a {@code HistoryEntry} holds
     * @return the list's number, or -1 when {@code max} lists are numbered already and this is not one of them
     */
    int codeOf(List<String> list) {
        Integer code = codes.get(list);
        if (code != null) {
            return code;
        }
        if (codes.size() >= max) {
            return -1; // without the lock, which every commit would otherwise take once the numbers run out
        }
        synchronized (this) {
            code = codes.get(list);
            if (code != null) {
                return code;
            }
            int next = codes.size();
            if (next >= max) {
                return -1;
            }
            // Numbered before it can be looked up, so that whoever reads the number finds the list.
            lists.put(next, list);
            codes.put(list, next);
            return next;
        }
    }

    /** @return the list numbered {@code code} by {@link #codeOf} */
    List<String> list(int code) {
        return lists.get(code);
    }
}
