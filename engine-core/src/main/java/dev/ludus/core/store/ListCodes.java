package dev.ludus.core.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * Numbers for the lists of rule and action ids one store's history entries and idempotency records see, so that an
 * entry or record keeps a number instead of the ids. The engine shares one list per combination of rules that fire, so
 * a game has few of them; a store numbers at most 65,536 and writes any further list out in full.
 *
 * <p>The engine passes the same list instance for the same combination, so the lists last numbered are remembered by
 * identity, in a small two-way table read before the map: the map would hash the list's strings, which in a large
 * game are out of the CPU cache.
 *
 * <p>Thread-safe; reads do not lock, and a new list is numbered under this object's lock. A number that {@link #codeOf}
 * returns decodes with {@link #list} in any thread it is handed to with a happens-before edge (the store hands numbers
 * over under a player's lock), since the put of its list in the map that {@link #list} reads happens-before the
 * return: for a number found in the map, as {@link Numbering} says; for one found in the identity table, by the
 * table's release writes, made after the puts, and acquire reads (one per slot looked at, a plain load on x86). The
 * entries' final fields alone would make an entry read racily whole, but not the put. Two threads writing one pair
 * of slots at once may lose or duplicate an entry; each still pairs a list with its number.
 */
final class ListCodes {
    private static final int RECENT = 1 << 14;
    /** Acquire reads and release writes of {@link #recent}'s slots. */
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Numbered[].class);

    /** Read and written through {@link #SLOTS} only. */
    private final Numbered[] recent = new Numbered[RECENT];
    private final Numbering<List<String>> numbering;

    ListCodes() {
        this(1 << 16);
    }

    /** @param max the most lists to number; beyond, {@link #codeOf} answers -1 */
    ListCodes(int max) {
        this.numbering = new Numbering<>(max);
    }

    /**
     * @param list an unmodifiable list, as a {@code HistoryEntry} holds
     * @return the list's number, or -1 when {@code max} lists are numbered already and this is not one of them
     */
    int codeOf(List<String> list) {
        // Two ways: a list is looked for in a pair of adjacent slots (one cache line), so that two lists whose
        // identity hashes meet do not keep evicting each other. Acquire reads, paired with the release writes below:
        // a number found here is ordered after the put of its list, as one found in the map is.
        int slot = System.identityHashCode(list) & RECENT - 2;
        Numbered first = (Numbered) SLOTS.getAcquire(recent, slot);
        if (first != null && first.list == list) {
            return first.code;
        }
        Numbered second = (Numbered) SLOTS.getAcquire(recent, slot + 1);
        if (second != null && second.list == list) {
            return second.code;
        }
        int code = numbering.codeOf(list);
        if (code >= 0) {
            // Read with an acquire read, so a release write passes on the edge to the put of its list.
            SLOTS.setRelease(recent, slot + 1, first);
            SLOTS.setRelease(recent, slot, new Numbered(list, code));
        }
        return code;
    }

    private record Numbered(List<String> list, int code) {
    }

    /**
     * @param code a number that {@link #codeOf} returned in this thread, or in one whose return happens-before this
     *             call
     * @return the list numbered {@code code} by {@link #codeOf}
     */
    List<String> list(int code) {
        return numbering.valueOf(code);
    }
}
