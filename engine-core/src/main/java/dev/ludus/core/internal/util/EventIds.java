package dev.ludus.core.internal.util;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids the engine gives events that come without one: random (version 4) UUIDs in canonical form. The in-memory
 * store keeps such an id as its two halves and would otherwise read them back out of the string's 32 hex digits;
 * {@link #lastGenerated} hands them over instead when the id is the one that the asking thread generated last, which
 * it is when a thread tracks an event and commits it.
 *
 * <p>Thread-safe. Each thread writes its last id into a {@link Last} of its own, which only that thread reads, so
 * remembering an id allocates nothing. A thread finds its {@code Last} in a slot chosen by its id, slots 128 bytes
 * apart so that threads do not write each other's cache lines; two threads whose ids share a slot take it from each
 * other, which costs an allocation, and the loser of a slot parses.
 */
public final class EventIds {
    /** Array elements between two threads' slots: 32 references span at least 128 bytes. */
    private static final int SPACING = 32;
    private static final int SLOTS = 64;
    private static final Last[] LAST = new Last[SLOTS * SPACING];

    private EventIds() {
    }

    /**
     * A thread's last generated id and its halves. Written and read by that thread only; what it holds changes with
     * the thread's next {@link #random()} call.
     */
    public static final class Last {
        private final long thread;
        private String id;
        private long high;
        private long low;

        private Last(long thread) {
            this.thread = thread;
        }

        /** @return the id's most significant bits, as {@link UUID#getMostSignificantBits()} */
        public long high() {
            return high;
        }

        /** @return the id's least significant bits, as {@link UUID#getLeastSignificantBits()} */
        public long low() {
            return low;
        }
    }

    /** @return a new random (version 4) UUID in canonical lower-case form */
    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        String id = new UUID(high, low).toString();
        long thread = Thread.currentThread().getId();
        int slot = slot(thread);
        Last last = LAST[slot];
        if (last == null || last.thread != thread) {
            last = new Last(thread);
            LAST[slot] = last;
        }
        last.id = id;
        last.high = high;
        last.low = low;
        return id;
    }

    /**
     * @return the halves of {@code id} when it is the very string that this thread's latest {@link #random()} call
     *         returned (and this thread still holds its slot), to be read before the thread's next call; else
     *         {@code null}, for an equal copy too: the caller then parses the string
     */
    public static Last lastGenerated(String id) {
        long thread = Thread.currentThread().getId();
        Last last = LAST[slot(thread)];
        return last != null && last.thread == thread && last.id == id ? last : null;
    }

    private static int slot(long thread) {
        return ((int) thread & SLOTS - 1) * SPACING;
    }
}
