package dev.ludus.core.store;

import dev.ludus.api.HistoryEntry;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The history entries of every player of one store, written as bytes one after the other in commit order, so that a
 * commit writes where the previous commit (of the same thread) has just written instead of where its player's
 * history continues, memory no commit has touched since that player's previous event. Each player's
 * {@link HistoryRing} keeps the addresses of its entries; the log holds no references, so a commit gives the garbage
 * collector no pointer into long-lived memory, and a kept entry keeps no event object alive.
 *
 * <p><b>Segments and writers.</b> The log is a table of byte arrays (segments of a 64th of the compaction limit below,
 * as a power of two from 16 KiB to 256 KiB; an entry that does not fit in one gets a segment of its own, trimmed to its
 * size once written). Commits append through one of a few writers, chosen by the committing thread's id (twice as many
 * writers as processors, rounded up to a power of two, at most 64), each with a segment of its own, so that threads on
 * distinct players rarely share a lock or a cache line. A writer that runs out of room seals its segment and takes a
 * new one. An address is the segment's number (high 32 bits) and the entry's offset in it. Freed segments of at most
 * 256 KiB are kept for new ones to reuse while the log, spares included, stays within the compaction limit below (plus
 * the segment being freed), so that a log in a steady state allocates nothing; spares less than half the size of a new
 * segment are dropped.
 *
 * <p><b>Dropping and compaction.</b> An entry is dead once its ring has dropped it (the player's oldest beyond the
 * ring's limit, or all of them when the ring is cleared). Each writer counts, per segment, the entries that died
 * while it held its lock; a sealed segment whose entries are all dead is freed without being read. When the log
 * grows beyond twice the bytes its live entries are estimated to take (and beyond {@link #MIN_LOG_BYTES}), the next
 * commit to finish, after releasing its player's lock, compacts: it frees the dead segments and copies the live
 * entries of sealed segments that are mostly dead to the end of the log, repointing their rings under the rings'
 * locks, then frees those segments too. When players are evenly active, the oldest segments are dead by then and
 * nothing is copied; players who stop being active have their entries copied forward about once per doubling.
 *
 * <p><b>Entry layout.</b> Its length (an int), its ring's number (an int), its number in the ring (a long), version,
 * epoch second (longs), nano (an int), the event id's two halves when it is a UUID in canonical lowercase form
 * ({@link UUID#toString()}, as the engine generates them; else 0 and a 4-byte key of the id), a flags byte, then the
 * variable part — the id when not a UUID, the player when not the ring's own, the event type, the properties (unless
 * {@link #KEPT}: the ring keeps them as the map itself), the rules triggered and the actions executed (each as its
 * number in the store's {@link ListCodes}, or written out once there are too many lists). Strings, values and
 * lists are encoded as {@link ByteCodec} describes (tagged {@code null}, booleans, {@code Long}, {@code Double},
 * strings, maps with string keys and lists). What is read back equals what was written, in the same order, with the
 * same types.
 *
 * <p><b>Locks.</b> A ring's lock (its player's slot) is taken before a writer's, a writer's before the log's own
 * monitor. Compaction only tries its own lock (a commit never waits for it); under it, it takes every writer's lock
 * at once (in array order, holding no ring's lock) to read the counts, and to move an entry one ring's lock and
 * then a writer's, the same order as a commit. Entries are read under their ring's lock, which orders them after
 * the write or move that put them where their address points.
 */
final class HistoryLog {
    private static final VarHandle LONGS = ByteCodec.LONGS;
    private static final VarHandle INTS = ByteCodec.INTS;

    /** Offsets in an entry. */
    private static final int LENGTH = 0;
    private static final int OWNER = 4;
    private static final int SEQUENCE = 8;
    private static final int VERSION = 16;
    private static final int SECOND = 24;
    private static final int NANO = 32;
    private static final int ID_HIGH = 36;
    private static final int ID_LOW = 44;
    private static final int FLAGS = 52;
    private static final int VARIABLE = 53;
    /** Flags. */
    private static final int ID_STRING = 1;
    private static final int OTHER_USER = 2;
    private static final int KEPT = 4;
    /**
     * Nesting deeper than this is kept as a reference: the engine rejects events nested so deeply, and a map that
     * contains itself must not be followed for ever.
     */
    private static final int MAX_DEPTH = 1000;
    private static final int MIN_SEGMENT = 16 * 1024;
    private static final int MAX_SEGMENT = 256 * 1024;
    /** Below this many bytes in all, the log is not compacted. */
    static final long MIN_LOG_BYTES = 1 << 20;

    private final ListCodes listCodes;
    private final Writer[] writers;
    private final ReentrantLock compacting = new ReentrantLock();
    /** By number; {@code null} where none is. Replaced (grown) and written under this object's monitor. */
    private volatile Segment[] segments = new Segment[16];
    /** Rings by number, for compaction. Replaced (grown) and written under this object's monitor. */
    private volatile HistoryRing[] rings = new HistoryRing[16];
    /** Guarded by this object's monitor, as are the fields below. */
    private int ringCount;
    private int[] freeNumbers = new int[16];
    private int freeCount;
    private int segmentCount;
    /** The bytes of the segments in the table. */
    private long usedBytes;
    /**
     * Freed segments of at most {@link #MAX_SEGMENT} bytes, for new segments to reuse: in a steady state the log
     * then allocates nothing, and its arrays stay where the garbage collector has long since moved them.
     */
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private long spareBytes;
    /** Compaction is due once {@link #usedBytes} passes this. */
    private long limitBytes = MIN_LOG_BYTES;
    private volatile boolean compactionDue;

    HistoryLog(ListCodes listCodes) {
        this.listCodes = listCodes;
        int wanted = Math.min(64, 2 * Runtime.getRuntime().availableProcessors());
        this.writers = new Writer[Integer.highestOneBit(wanted - 1) << 1];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = new Writer();
        }
    }

    /** @return the number that the ring's entries carry */
    synchronized int register(HistoryRing ring) {
        if (ringCount == rings.length) {
            rings = Arrays.copyOf(rings, 2 * ringCount);
        }
        rings[ringCount] = ring;
        return ringCount++;
    }

    private synchronized long usedBytes() {
        return usedBytes;
    }

    /** @return the bytes of all segments, in use or spare; for tests of the memory claims */
    synchronized long totalBytes() {
        return usedBytes + spareBytes;
    }

    /**
     * Appends {@code entry}, then counts the entry at {@code died} as dead. Called under {@code ring}'s lock. When
     * writing fails (an unusual map throwing, a stack overflow on deep nesting, memory running out), the bytes
     * written of it are given up and nothing is counted, so that segments hold whole entries only (compaction walks
     * them by their lengths) and the ring can stay as it was.
     *
     * @param sequence the entry's number in its ring
     * @param died     the address of the entry that the ring drops for this one, or -1
     * @return the entry's address
     */
    long append(HistoryEntry entry, HistoryRing ring, long sequence, long died) {
        Writer writer = writer();
        synchronized (writer) {
            long address = writer.append(entry, ring, sequence);
            if (died >= 0) {
                writer.died(died);
            }
            return address;
        }
    }

    /** Counts the entries at these addresses as dead. Called under their ring's lock. */
    void died(long[] addresses, int from, int count) {
        Writer writer = writer();
        synchronized (writer) {
            for (int i = 0; i < count; i++) {
                writer.died(addresses[(from + i) % addresses.length]);
            }
        }
    }

    private Writer writer() {
        return writers[(int) Thread.currentThread().getId() & writers.length - 1];
    }

    // Reading; called under the lock of the entry's ring.

    /** @return whether the properties of the entry at {@code address} are kept by its ring as the map itself */
    boolean kept(long address) {
        return (bytesAt(address)[offset(address) + FLAGS] & KEPT) != 0;
    }

    long version(long address) {
        return (long) LONGS.get(bytesAt(address), offset(address) + VERSION);
    }

    /** @return the entry at {@code address}, built again; equal to the one written */
    HistoryEntry read(long address, String user, Map<Long, Map<String, Object>> kept) {
        byte[] bytes = bytesAt(address);
        int entry = offset(address);
        int flags = bytes[entry + FLAGS];
        ByteCodec.Reader reader = new ByteCodec.Reader(bytes, entry + VARIABLE, listCodes);
        String id = (flags & ID_STRING) != 0 ? reader.readString() : uuidAt(bytes, entry);
        String player = (flags & OTHER_USER) != 0 ? reader.readString() : user;
        String eventType = reader.readString();
        Map<String, Object> properties = (flags & KEPT) != 0
                ? kept.get((long) LONGS.get(bytes, entry + SEQUENCE))
                : reader.readMap();
        return new HistoryEntry(id, player, eventType,
                Instant.ofEpochSecond((long) LONGS.get(bytes, entry + SECOND), (int) INTS.get(bytes, entry + NANO)),
                (long) LONGS.get(bytes, entry + VERSION), properties, reader.readStrings(), reader.readStrings());
    }

    boolean matches(long address, EventId id) {
        byte[] bytes = bytesAt(address);
        int entry = offset(address);
        if ((long) LONGS.get(bytes, entry + ID_LOW) != id.low()
                || (long) LONGS.get(bytes, entry + ID_HIGH) != id.high()) {
            return false;
        }
        boolean string = (bytes[entry + FLAGS] & ID_STRING) != 0;
        return id.string() == null ? !string
                : string && id.string().equals(new ByteCodec.Reader(bytes, entry + VARIABLE, listCodes).readString());
    }

    String eventId(long address) {
        byte[] bytes = bytesAt(address);
        int entry = offset(address);
        return (bytes[entry + FLAGS] & ID_STRING) != 0
                ? new ByteCodec.Reader(bytes, entry + VARIABLE, listCodes).readString()
                : uuidAt(bytes, entry);
    }

    private byte[] bytesAt(long address) {
        return segments[(int) (address >>> 32)].bytes;
    }

    private static int offset(long address) {
        return (int) address;
    }

    private static long address(Segment segment, int offset) {
        return (long) segment.number << 32 | offset;
    }

    /** @return the id of the entry at {@code entry}, which is a UUID, in canonical form */
    private static String uuidAt(byte[] bytes, int entry) {
        return ByteCodec.uuidAt(bytes, entry + ID_HIGH, entry + ID_LOW);
    }

    // Segments.

    /** A new segment of at least {@code needed} bytes; called under a writer's lock. */
    private synchronized Segment newSegment(int needed) {
        // A power of two that follows the limit, which changes only when compaction runs: spares fit the next ones.
        int standard = (int) Math.min(MAX_SEGMENT, Math.max(MIN_SEGMENT, Long.highestOneBit(limitBytes / 64)));
        byte[] bytes = null;
        while (bytes == null && !spare.isEmpty()) {
            byte[] top = spare.peek();
            if (top.length >= standard / 2 && top.length < needed) {
                break;
            }
            spare.pop();
            spareBytes -= top.length;
            // Spares less than half a new segment are dropped: the log has outgrown them.
            if (top.length >= standard / 2) {
                bytes = top;
            }
        }
        if (bytes == null) {
            bytes = new byte[Math.max(needed, standard)];
        }
        int number;
        if (freeCount > 0) {
            number = freeNumbers[--freeCount];
        } else {
            number = segmentCount++;
            if (number == segments.length) {
                segments = Arrays.copyOf(segments, 2 * number);
            }
        }
        Segment segment = new Segment(number, bytes);
        segments[number] = segment;
        usedBytes += bytes.length;
        if (usedBytes > limitBytes) {
            compactionDue = true;
        }
        return segment;
    }

    /** @return a segment in place of {@code segment}, with the same number, holding its first {@code length} bytes */
    private synchronized Segment trimmed(Segment segment, int length) {
        Segment trimmed = new Segment(segment.number, Arrays.copyOf(segment.bytes, length));
        segments[segment.number] = trimmed;
        usedBytes -= segment.bytes.length - length;
        return trimmed;
    }

    /** Forgets {@code segment}, which no ring points into any more. Called under the compaction lock. */
    private void free(Segment segment) {
        for (Writer writer : writers) {
            synchronized (writer) {
                if (segment.number < writer.dead.length) {
                    writer.dead[segment.number] = 0;
                }
            }
        }
        synchronized (this) {
            segments[segment.number] = null;
            if (freeCount == freeNumbers.length) {
                freeNumbers = Arrays.copyOf(freeNumbers, 2 * freeCount);
            }
            freeNumbers[freeCount++] = segment.number;
            usedBytes -= segment.bytes.length;
            // Kept while the log, this one aside, is within the limit: compaction starts just past the limit, and
            // with no slack the first segment freed would go to the garbage collector every time.
            int length = segment.bytes.length;
            if (length <= MAX_SEGMENT && usedBytes + spareBytes <= limitBytes) {
                spare.push(segment.bytes);
                spareBytes += length;
            }
        }
    }

    // Compaction.

    /** Compacts if the log has grown enough since the last time; called by commits after releasing their lock. */
    void compactIfDue() {
        if (compactionDue) {
            compact(false);
        }
    }

    /**
     * Frees the segments whose entries are all dead, then copies the live entries of sealed segments that are mostly
     * dead (all sealed segments when {@code everything}, for tests) to the end of the log and frees those too; sets
     * the size at which the next compaction is due to twice the estimated live bytes. Returns at once when another
     * thread is compacting. Must not be called under a ring's or writer's lock.
     */
    void compact(boolean everything) {
        if (!compacting.tryLock()) {
            return;
        }
        try {
            compactionDue = false;
            List<Segment> candidates = new ArrayList<>();
            long[] liveBytes = new long[1];
            // Under every writer's lock at once: no segment is sealed or created meanwhile, and what is read of the
            // sealed ones is ordered after every write to them.
            underAllWriters(0, () -> {
                Segment[] table = segments;
                int[] dead = new int[table.length];
                for (Writer writer : writers) {
                    for (int i = 0; i < Math.min(dead.length, writer.dead.length); i++) {
                        dead[i] += writer.dead[i];
                    }
                }
                for (Segment segment : table) {
                    if (segment == null) {
                        continue;
                    }
                    if (!segment.sealed) {
                        liveBytes[0] += segment.bytes.length;
                        continue;
                    }
                    int live = segment.entries - dead[segment.number];
                    // A segment may be sealed with no entry: one that overflowed it moved on to the next.
                    segment.live = segment.entries == 0 ? 0 : (double) live / segment.entries;
                    liveBytes[0] += (long) (segment.used * segment.live);
                    candidates.add(segment);
                }
            });
            long limit = Math.max(MIN_LOG_BYTES, 2 * liveBytes[0]);
            synchronized (this) {
                limitBytes = limit;
            }
            candidates.sort(Comparator.comparingDouble(s -> s.live));
            for (Segment segment : candidates) {
                if (segment.live == 0) {
                    free(segment);
                    continue;
                }
                boolean worthIt = segment.live < 0.25 || segment.live < 0.5 && usedBytes() > limit;
                if (!everything && !worthIt) {
                    break;
                }
                move(segment);
                free(segment);
            }
            synchronized (this) {
                if (usedBytes > limitBytes) {
                    // Mostly live: let the log grow to twice its size before the next look.
                    limitBytes = 2 * usedBytes;
                }
                while (usedBytes + spareBytes > limitBytes && !spare.isEmpty()) {
                    spareBytes -= spare.pop().length;
                }
            }
        } finally {
            compacting.unlock();
        }
    }

    /** Runs {@code action} holding the locks of the writers from {@code from} on, taken in order. */
    private void underAllWriters(int from, Runnable action) {
        if (from == writers.length) {
            action.run();
            return;
        }
        synchronized (writers[from]) {
            underAllWriters(from + 1, action);
        }
    }

    /** Copies the live entries of {@code segment}, which is sealed, to the end of the log and repoints their rings. */
    private void move(Segment segment) {
        byte[] bytes = segment.bytes;
        HistoryRing[] owners;
        synchronized (this) {
            owners = rings;
        }
        for (int entry = 0; entry < segment.used; entry += (int) INTS.get(bytes, entry + LENGTH)) {
            HistoryRing ring = owners[(int) INTS.get(bytes, entry + OWNER)];
            long sequence = (long) LONGS.get(bytes, entry + SEQUENCE);
            long from = address(segment, entry);
            synchronized (ring) {
                if (ring.addressOf(sequence) != from) {
                    continue;
                }
                Writer writer = writer();
                long to;
                synchronized (writer) {
                    to = writer.copy(bytes, entry, (int) INTS.get(bytes, entry + LENGTH));
                }
                ring.moved(sequence, to);
            }
        }
    }

    /** A byte array of the log. Its fields other than {@code live} are guarded by the writer that fills it. */
    private static final class Segment {
        final int number;
        final byte[] bytes;
        /** Once sealed: the entries written or copied into it. */
        int entries;
        /** Once sealed: where its last entry ends. */
        int used;
        boolean sealed;
        /** Set by compaction: the share of its entries still live. */
        double live;

        Segment(int number, byte[] bytes) {
            this.number = number;
            this.bytes = bytes;
        }
    }

    /**
     * Appends entries into a segment of its own; guarded by its own monitor. Two threads on distinct players use two
     * writers, written on every commit: the padding keeps each one's fields off the other's cache line (HotSpot lays
     * out longs before ints and references, so the padding lies between one writer's fields and the next's).
     */
    @SuppressWarnings("unused")
    private final class Writer {
        private long pad0, pad1, pad2, pad3, pad4, pad5, pad6, pad7;
        /** Entries that died while this writer's lock was held, by segment number. */
        int[] dead = new int[0];
        /** {@code null} before the first entry. */
        private Segment segment;
        private byte[] bytes;
        /** Where the entry being written starts. */
        private int entryStart;
        /** Where its next byte goes. */
        private int at;
        /** Entries written or copied into {@code segment}. */
        private int entries;

        void died(long address) {
            int number = (int) (address >>> 32);
            if (number >= dead.length) {
                dead = Arrays.copyOf(dead, Math.max(2 * dead.length, number + 16));
            }
            dead[number]++;
        }

        /** @return the address of {@code length} bytes from {@code from}, now copied to the end of the log */
        long copy(byte[] from, int offset, int length) {
            entryStart = at;
            try {
                ensure(length);
            } catch (RuntimeException | Error e) {
                at = entryStart;
                throw e;
            }
            System.arraycopy(from, offset, bytes, at, length);
            at += length;
            return finish();
        }

        /** Writes {@code entry} at the end of the log; see {@link HistoryLog#append}. */
        long append(HistoryEntry entry, HistoryRing ring, long sequence) {
            entryStart = at;
            try {
                return write(entry, ring, sequence);
            } catch (RuntimeException | Error e) {
                at = entryStart;
                throw e;
            }
        }

        private long write(HistoryEntry entry, HistoryRing ring, long sequence) {
            ensure(VARIABLE);
            int start = entryStart;
            String id = entry.eventId();
            byte[] b = bytes;
            INTS.set(b, start + OWNER, ring.number());
            LONGS.set(b, start + SEQUENCE, sequence);
            LONGS.set(b, start + VERSION, entry.version());
            LONGS.set(b, start + SECOND, entry.timestamp().getEpochSecond());
            INTS.set(b, start + NANO, entry.timestamp().getNano());
            int flags = 0;
            if (!ByteCodec.readUuid(id, b, start + ID_HIGH, start + ID_LOW)) {
                LONGS.set(b, start + ID_HIGH, 0L);
                LONGS.set(b, start + ID_LOW, (long) idKey(id));
                flags |= ID_STRING;
            }
            boolean ownUser = entry.externalUserId().equals(ring.user());
            if (!ownUser) {
                flags |= OTHER_USER;
            }
            at = start + VARIABLE;
            if ((flags & ID_STRING) != 0) {
                writeString(id);
            }
            if (!ownUser) {
                writeString(entry.externalUserId());
            }
            writeString(entry.eventType());
            // From the entry's start, which a move in ensure() may change while the map is written.
            int properties = at - entryStart;
            if (!writeMap(entry.properties(), 1)) {
                at = entryStart + properties;
                flags |= KEPT;
            }
            writeStrings(entry.rulesTriggered());
            writeStrings(entry.actionsExecuted());
            bytes[entryStart + FLAGS] = (byte) flags;
            return finish();
        }

        /**
         * Completes the entry from {@code entryStart} to {@code at}. A segment larger than {@link #MAX_SEGMENT} was
         * made for this entry alone: it is sealed at once, so that it dies with the entry.
         */
        private long finish() {
            INTS.set(bytes, entryStart + LENGTH, at - entryStart);
            entries++;
            long address = address(segment, entryStart);
            if (bytes.length > MAX_SEGMENT) {
                if (at < bytes.length) {
                    segment = trimmed(segment, at);
                }
                seal(at);
                segment = null;
                bytes = null;
                at = 0;
            }
            return address;
        }

        private void seal(int used) {
            segment.used = used;
            segment.entries = entries;
            segment.sealed = true;
            entries = 0;
        }

        /**
         * Makes room for {@code more} bytes at {@link #at}, in the entry being written, by sealing the segment and
         * moving what is written of the entry to the front of a new one.
         */
        private void ensure(int more) {
            if (bytes != null && at + more <= bytes.length) {
                return;
            }
            int partial = at - entryStart;
            Segment next = newSegment(partial + more + (partial + more) / 2);
            if (segment != null) {
                System.arraycopy(bytes, entryStart, next.bytes, 0, partial);
                seal(entryStart);
            }
            segment = next;
            bytes = next.bytes;
            entryStart = 0;
            at = partial;
        }

        /** Writes the list's number in {@link #listCodes} times two plus one, or its size times two and its strings. */
        private void writeStrings(List<String> strings) {
            int code = listCodes.codeOf(strings);
            if (code >= 0) {
                writeVarint((long) code << 1 | 1);
                return;
            }
            int size = strings.size();
            writeVarint((long) size << 1);
            for (int i = 0; i < size; i++) {
                writeString(strings.get(i));
            }
        }

        /**
         * @param depth the nesting level of {@code map}, the properties being 1
         * @return false, with some bytes written, when a key is not a string, a value has no encoding or the nesting
         *         is deeper than {@link #MAX_DEPTH}
         */
        private boolean writeMap(Map<?, ?> map, int depth) {
            if (depth > MAX_DEPTH) {
                return false;
            }
            writeVarint(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return false;
                }
                writeString(key);
                if (!writeValue(e.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }

        private boolean writeValue(Object value, int depth) {
            ensure(9);
            if (value instanceof String s) {
                bytes[at++] = ByteCodec.STRING;
                writeString(s);
            } else if (value instanceof Long l) {
                bytes[at++] = ByteCodec.LONG;
                writeVarint(ByteCodec.zigZag(l));
            } else if (value instanceof Double d) {
                bytes[at++] = ByteCodec.DOUBLE;
                LONGS.set(bytes, at, Double.doubleToRawLongBits(d));
                at += 8;
            } else if (value instanceof Boolean b) {
                bytes[at++] = b ? ByteCodec.TRUE : ByteCodec.FALSE;
            } else if (value == null) {
                bytes[at++] = ByteCodec.NULL;
            } else if (value instanceof Map<?, ?> map) {
                bytes[at++] = ByteCodec.MAP;
                return writeMap(map, depth);
            } else if (value instanceof List<?> list) {
                if (depth > MAX_DEPTH) {
                    return false;
                }
                bytes[at++] = ByteCodec.LIST;
                int size = list.size();
                writeVarint(size);
                for (int i = 0; i < size; i++) {
                    if (!writeValue(list.get(i), depth + 1)) {
                        return false;
                    }
                }
            } else {
                return false;
            }
            return true;
        }

        private void writeString(String s) {
            int n = s.length();
            ensure(5 + n);
            int end = ByteCodec.putLatin1(bytes, at, s);
            if (end < 0) {
                // Written again with two bytes per char: room is made for them only now, so that a long Latin-1
                // string does not reserve twice its length.
                ensure(5 + 2 * n);
                end = ByteCodec.putTwoByte(bytes, at, s);
            }
            at = end;
        }

        private void writeVarint(long value) {
            ensure(10);
            at = ByteCodec.putVarint(bytes, at, value);
        }
    }

    // Event ids.

    /**
     * A filter for ids not in UUID form, cheaper on the commit path than {@link String#hashCode()}: the id's
     * length and last four chars, where sequential ids differ.
     */
    private static int idKey(String eventId) {
        int length = eventId.length();
        int key = length;
        for (int i = Math.max(0, length - 4); i < length; i++) {
            key = key * 31 + eventId.charAt(i);
        }
        return key;
    }

    /**
     * An event id as the log keeps it: a UUID in canonical form (what the engine generates) as its two halves and
     * no string, anything else as the string itself and its {@link #idKey}.
     *
     * @param string the id when it is not in UUID form, else {@code null}
     * @param high   the UUID's most significant bits, or 0
     * @param low    the UUID's least significant bits, or the string's {@link #idKey}
     */
    record EventId(String string, long high, long low) {
        static EventId of(String id) {
            byte[] halves = new byte[ID_LOW + 8];
            return ByteCodec.readUuid(id, halves, ID_HIGH, ID_LOW)
                    ? new EventId(null, (long) LONGS.get(halves, ID_HIGH), (long) LONGS.get(halves, ID_LOW))
                    : new EventId(id, 0, idKey(id));
        }
    }
}
