package dev.ludus.core.store;

import dev.ludus.api.HistoryEntry;
import dev.ludus.core.store.HistoryLog.EventId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One player's newest history entries: their addresses in the store's {@link HistoryLog}, a ring of longs in entry
 * order that grows by doubling up to {@code limit}. Adding an entry when the ring is full drops the oldest, whose
 * bytes the log frees later. Entries are numbered from 0 in the order they are added ({@code sequence}); the log's
 * compaction finds an entry's slot by its number ({@link #addressOf}) to move it.
 *
 * <p>Not thread-safe: the store calls it under its player's lock, which is this object's monitor (the store's player
 * slot extends it, so that a commit finds the ring's fields in the slot itself rather than one more object away).
 * The log's compaction takes the same monitor to move an entry.
 */
class HistoryRing {
    private final String user;
    private final HistoryLog log;
    /** The ring's number in the log, which its entries carry. */
    private final int number;
    private final int limit;
    /** {@code null} until the first entry. */
    private long[] addresses;
    /** The index in {@link #addresses} of the next entry. */
    private int next;
    /** Entries kept: at most {@code limit}. */
    private int count;
    /** Entries ever added (the next entry's number). */
    private long sequence;
    /** Properties kept as the map itself, by entry number; {@code null} until there are any. */
    private Map<Long, Map<String, Object>> kept;
    /** Written by {@link #touchNext()} so that its reads are not optimised away; never read. */
    private long touched;

    /**
     * @param user  the player whose entries these usually are; an entry of another player carries its own
     * @param limit how many entries to keep; 0 when the store keeps none (and adds none)
     * @param log   the store's log
     */
    HistoryRing(String user, int limit, HistoryLog log) {
        this.user = user;
        this.log = log;
        this.limit = limit;
        this.number = log.register(this);
    }

    final String user() {
        return user;
    }

    final int number() {
        return number;
    }

    /** @return how many entries are kept: at most {@code limit} */
    final int size() {
        return count;
    }

    /**
     * Reads, without a lock, the slot of {@link #addresses} that the next {@link #add} writes (and, when the ring is
     * full, reads first). Called when the player is loaded, so that its cache miss overlaps with the loading's own
     * instead of stalling the commit. A racy read only touches a stale line.
     */
    final void touchNext() {
        long[] a = addresses;
        int n = next;
        if (a != null && n < a.length) {
            touched = a[n];
        }
    }

    /** Forgets every entry. */
    final void clear() {
        if (count > 0) {
            log.died(addresses, index(count), count);
        }
        addresses = null;
        next = 0;
        count = 0;
        kept = null;
    }

    /**
     * Adds {@code entry} as the newest, dropping the oldest when {@code limit} entries are kept. When writing the
     * entry fails (see {@link HistoryLog#append}), the ring is left as it was.
     *
     * @param dropped told the id of the entry dropped, once it has left the ring; or {@code null}
     */
    void add(HistoryEntry entry, Consumer<String> dropped) {
        if (limit == 0) {
            return;
        }
        long died = -1;
        String droppedId = null;
        if (count == limit) {
            died = addresses[next];
            // Read before the log counts the entry as dead: from then on compaction may free its bytes.
            droppedId = dropped == null ? null : log.eventId(died);
        } else if (addresses == null) {
            addresses = new long[Math.min(8, limit)];
        } else if (count == addresses.length) {
            long[] grown = new long[(int) Math.min(2L * count, limit)];
            // Full, so the oldest is at next: unroll it to the front.
            System.arraycopy(addresses, next, grown, 0, count - next);
            System.arraycopy(addresses, 0, grown, count - next, next);
            addresses = grown;
            next = count;
        }
        long address = log.append(entry, this, sequence, died);
        if (died >= 0) {
            count--;
            if (kept != null) {
                kept.remove(sequence - limit);
            }
        }
        addresses[next] = address;
        next = next + 1 == addresses.length ? 0 : next + 1;
        count++;
        if (log.kept(address)) {
            if (kept == null) {
                kept = new HashMap<>();
            }
            kept.put(sequence, entry.properties());
        }
        sequence++;
        if (droppedId != null) {
            dropped.accept(droppedId);
        }
    }

    /** @return the index in {@link #addresses} of the {@code k}-th newest entry, 1 being the newest */
    private int index(int k) {
        int i = next - k;
        return i < 0 ? i + addresses.length : i;
    }

    /** @return the address of the kept entry numbered {@code entry}, or -1 when none is kept */
    final long addressOf(long entry) {
        long k = sequence - entry;
        return k < 1 || k > count ? -1 : addresses[index((int) k)];
    }

    /** Records that the log moved the kept entry numbered {@code entry} to {@code address}. */
    final void moved(long entry, long address) {
        addresses[index((int) (sequence - entry))] = address;
    }

    /**
     * @return the entries, newest first, with a version below {@code beforeVersion} and, unless {@code eventType} is
     *         {@code null}, of that type; at most {@code max}
     */
    List<HistoryEntry> page(String eventType, long beforeVersion, int max) {
        List<HistoryEntry> page = new ArrayList<>(Math.min(max, count));
        for (int k = 1; k <= count && page.size() < max; k++) {
            long address = addresses[index(k)];
            if (log.version(address) < beforeVersion) {
                HistoryEntry read = log.read(address, user, kept);
                if (eventType == null || eventType.equals(read.eventType())) {
                    page.add(read);
                }
            }
        }
        return page;
    }

    /** @return the newest entry with the id */
    Optional<HistoryEntry> find(EventId id) {
        long address = newestWith(id);
        return address < 0 ? Optional.empty() : Optional.of(log.read(address, user, kept));
    }

    /** @return whether an entry has the id */
    boolean holds(EventId id) {
        return newestWith(id) >= 0;
    }

    /** @return the address of the newest entry with the id, or -1 */
    private long newestWith(EventId id) {
        for (int k = 1; k <= count; k++) {
            long address = addresses[index(k)];
            if (log.matches(address, id)) {
                return address;
            }
        }
        return -1;
    }

    /** Tells {@code action} the id of every entry, oldest first. */
    void forEachId(Consumer<String> action) {
        for (int k = count; k >= 1; k--) {
            action.accept(log.eventId(addresses[index(k)]));
        }
    }
}
