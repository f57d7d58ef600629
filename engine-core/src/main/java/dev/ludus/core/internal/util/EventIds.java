package dev.ludus.core.internal.util;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids the engine gives events that come without one: random (version 4) UUIDs in canonical form. The in-memory
 * store keeps such an id as its two halves and would otherwise read them back out of the string's 32 hex digits;
 * {@link #halves} hands them over instead when the id is the one that the asking thread generated last, which it is
 * when a thread tracks an event and commits it.
 *
 * <p>Thread-safe. Each thread's last id sits in a slot chosen by the thread's id, slots a cache line apart so that
 * threads do not write each other's line; threads whose ids share a slot overwrite each other's entry, which only
 * makes {@link #halves} answer {@code null} (an entry is immutable, so a racy read sees it whole, and it is matched
 * by the string's identity).
 */
public final class EventIds {
    /** Array elements between two threads' slots: 16 references span at least 64 bytes. */
    private static final int SPACING = 16;
    private static final int SLOTS = 64;
    private static final Generated[] LAST = new Generated[SLOTS * SPACING];

    private EventIds() {
    }

    /** An id and its halves, as {@link UUID#getMostSignificantBits()} and {@link UUID#getLeastSignificantBits()}. */
    public record Generated(String id, long high, long low) {
    }

    /** @return a new random (version 4) UUID in canonical lower-case form */
    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        String id = new UUID(high, low).toString();
        LAST[slot()] = new Generated(id, high, low);
        return id;
    }

    /**
     * @return {@code id}'s halves when it is the very string that this thread's latest {@link #random} call
     *         returned, else {@code null} (an equal copy of it included: the caller then parses the string)
     */
    public static Generated halves(String id) {
        Generated last = LAST[slot()];
        return last != null && last.id == id ? last : null;
    }

    private static int slot() {
        return ((int) Thread.currentThread().getId() & SLOTS - 1) * SPACING;
    }
}
