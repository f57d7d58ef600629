package dev.ludus.core.store;

import dev.ludus.api.HistoryEntry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One player's newest history entries, written as bytes into one array, so that the ring holds no references: a
 * commit stores no pointer into this long-lived array (work for the garbage collector on every commit), a kept
 * entry keeps no event object alive, and writing an entry touches one stretch of memory.
 *
 * <p><b>Layout.</b> Entries lie one after the other, oldest first, from {@code start} to {@code end} of
 * {@code bytes}, wrapping to the front of the array once ({@code wrapAt}). Each is: its length (an int), version,
 * epoch second (longs), nano (an int), the event id's two
 * halves when it is a UUID in canonical lowercase form ({@link UUID#toString()}, as the engine generates them;
 * else 0 and a 4-byte key of the id), a flags byte, then the variable part — the id when not a UUID, the player
 * when not the ring's own, the event type, the properties (unless {@link #KEPT}), the rules triggered and the
 * actions executed (each as its number in the store's {@link ListCodes}, or written out once there are too many
 * lists) — and its length again, so the entries can be walked from the newest back. Values are tagged:
 * {@code null}, booleans, {@code Long} (zig-zag varint), {@code Double} (raw bits), strings (a varint of the length
 * times two, plus one when the chars take two bytes each, then the chars), maps with string keys (count, then key
 * and value per entry, in order) and lists (count, values). Properties holding anything else (not JSON-like, or
 * nested deeper than {@link #MAX_DEPTH}) are kept as the map itself, beside the bytes. What is read back equals
 * what was written, in the same order, with the same types.
 *
 * <p><b>Growth and dropping.</b> An entry is written at {@code end}, or at the front of the array when it does not
 * fit before the array's end and the oldest entries have left room there. When neither has room, everything moves
 * into an array half again as big as needed; after dropping, into one half as big when the entries fill less than a
 * quarter of it (above 4 KiB). The oldest entries are dropped in batches: the ring may hold up to an eighth more
 * than {@code limit} entries (at least one more), only the newest {@code limit} of which are visible; once it
 * holds that many, the oldest beyond {@code limit} are dropped together.
 *
 * <p>Not thread-safe: the store calls it under its player's lock. The store's player slot extends it, so that a
 * commit finds the ring's fields in the slot itself rather than one more object away.
 */
class HistoryRing {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Offsets in an entry. */
    private static final int LENGTH = 0;
    private static final int VERSION = 4;
    private static final int SECOND = 12;
    private static final int NANO = 20;
    private static final int ID_HIGH = 24;
    private static final int ID_LOW = 32;
    private static final int FLAGS = 40;
    private static final int VARIABLE = 41;
    private static final int TRAILER = 4;
    /** Flags. */
    private static final int ID_STRING = 1;
    private static final int OTHER_USER = 2;
    private static final int KEPT = 4;
    /** Value tags. */
    private static final byte NULL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte STRING = 5;
    private static final byte MAP = 6;
    private static final byte LIST = 7;
    /**
     * Nesting deeper than this is kept as a reference: the engine rejects events nested so deeply, and a map that
     * contains itself must not be followed for ever.
     */
    private static final int MAX_DEPTH = 1000;
    private static final int MIN_BYTES = 256;
    private static final int SHRINK_ABOVE = 4096;
    /** Each character's value as a lower-case hex digit, -1 for every other character below 128. */
    private static final byte[] HEX_DIGITS = new byte[128];

    static {
        Arrays.fill(HEX_DIGITS, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX_DIGITS[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX_DIGITS[c] = (byte) (c - 'a' + 10);
        }
    }

    /** The player. */
    private final String user;
    private final ListCodes listCodes;
    private final int limit;
    private final int dropAt;
    /** {@code null} until the first entry. */
    private byte[] bytes;
    /** Where the oldest entry starts. */
    private int start;
    /** Where the newest entry ends and the next one goes. */
    private int end;
    /**
     * -1 while the entries lie in one stretch from {@code start} to {@code end}; else they wrapped to the front: they
     * run from {@code start} to here, then from 0 to {@code end}.
     */
    private int wrapAt = -1;
    /** Entries between {@code start} and {@code end}. */
    private int count;
    /** While an entry is written: where its next byte goes. */
    private int at;
    /** Numbers the entries, for {@link #kept}. */
    private int sequence;
    /**
     * Where each entry starts, a ring in entry order ending just before {@link #nextStart}, so that dropping the
     * oldest needs no walk through them; it grows by doubling up to {@code dropAt}, and is {@code null} before the
     * first entry.
     */
    private int[] starts;
    /** The index in {@link #starts} of the next entry. */
    private int nextStart;
    /** Properties written as a reference, by the number their entry carries; {@code null} until there are any. */
    private Map<Integer, Map<String, Object>> kept;
    /** Written by {@link #touchNext()} so that its reads are not optimised away; never read. */
    private int touched;

    /**
     * @param user  the player whose entries these usually are; an entry of another player carries its own
     * @param limit how many entries are visible; 0 when the store keeps none (and adds none)
     * @param listCodes the store's numbers for lists of rule and action ids
     */
    HistoryRing(String user, int limit, ListCodes listCodes) {
        this.user = user;
        this.listCodes = listCodes;
        this.limit = limit;
        this.dropAt = (int) Math.min(Integer.MAX_VALUE, limit + (long) Math.max(1, limit / 8));
    }

    /** @return how many entries are visible: at most {@code limit} */
    int size() {
        return Math.min(count, limit);
    }

    /** @return the size of the byte array, 0 before the first entry; for tests of the memory claims */
    final int capacity() {
        return bytes == null ? 0 : bytes.length;
    }

    /**
     * Reads, without a lock, the memory the next {@link #add} writes first: the array's header, the bytes at its
     * end and the slot of {@link #starts} it fills. Called when the player is loaded, so that those cache misses
     * overlap with the loading's own instead of stalling the commit. A racy read only touches a stale line.
     */
    final void touchNext() {
        byte[] b = bytes;
        int[] s = starts;
        int e = end;
        int n = nextStart;
        if (b != null && s != null && e < b.length && n < s.length) {
            touched = b[e] + s[n];
        }
    }

    /** Forgets every entry. */
    final void clear() {
        bytes = null;
        starts = null;
        nextStart = 0;
        start = 0;
        end = 0;
        wrapAt = -1;
        count = 0;
        kept = null;
    }

    /**
     * Adds {@code entry} as the newest, dropping the oldest once there are enough of them to drop.
     *
     * @param dropped told the id of each entry dropped, oldest first, just after it left the ring; or {@code null}
     */
    void add(HistoryEntry entry, Consumer<String> dropped) {
        if (count == dropAt) {
            drop(dropped);
        }
        if (bytes == null) {
            bytes = new byte[MIN_BYTES];
            starts = new int[Math.min(8, dropAt)];
        }
        at = end;
        ensure(VARIABLE);
        int entryStart = end;
        String id = entry.eventId();
        byte[] b = bytes;
        LONGS.set(b, entryStart + VERSION, entry.version());
        LONGS.set(b, entryStart + SECOND, entry.timestamp().getEpochSecond());
        INTS.set(b, entryStart + NANO, entry.timestamp().getNano());
        int flags = 0;
        if (!readUuid(id, b, entryStart)) {
            LONGS.set(b, entryStart + ID_HIGH, 0L);
            LONGS.set(b, entryStart + ID_LOW, (long) idKey(id));
            flags |= ID_STRING;
        }
        boolean ownUser = entry.externalUserId().equals(user);
        if (!ownUser) {
            flags |= OTHER_USER;
        }
        at = entryStart + VARIABLE;
        if ((flags & ID_STRING) != 0) {
            writeString(id);
        }
        if (!ownUser) {
            writeString(entry.externalUserId());
        }
        writeString(entry.eventType());
        // From the entry's start, which a move in ensure() may change while the map is written.
        int properties = at - end;
        if (!writeMap(entry.properties(), 1)) {
            at = end + properties;
            flags |= KEPT;
            ensure(4);
            INTS.set(bytes, at, sequence);
            at += 4;
            if (kept == null) {
                kept = new HashMap<>();
            }
            kept.put(sequence, entry.properties());
        }
        writeStrings(entry.rulesTriggered());
        writeStrings(entry.actionsExecuted());
        ensure(TRAILER);
        // ensure() may have moved the entry to the front of a new array.
        entryStart = end;
        int length = at + TRAILER - entryStart;
        b = bytes;
        b[entryStart + FLAGS] = (byte) flags;
        INTS.set(b, entryStart + LENGTH, length);
        INTS.set(b, at, length);
        end = at + TRAILER;
        recordStart(entryStart);
        count++;
        sequence++;
    }

    /** Notes where the entry about to be counted starts, growing {@link #starts} (oldest first) when it is full. */
    private void recordStart(int entryStart) {
        if (count == starts.length) {
            int[] grown = new int[(int) Math.min(2L * starts.length, dropAt)];
            System.arraycopy(starts, nextStart, grown, 0, count - nextStart);
            System.arraycopy(starts, 0, grown, count - nextStart, nextStart);
            starts = grown;
            nextStart = count;
        }
        starts[nextStart] = entryStart;
        nextStart = nextStart + 1 == starts.length ? 0 : nextStart + 1;
    }

    /**
     * Drops the oldest entries beyond {@code limit}, then moves the rest into a smaller array when they fill less
     * than a quarter of this one.
     */
    private void drop(Consumer<String> dropped) {
        if (kept == null && dropped == null) {
            // Nothing to do per entry: jump to the oldest entry that stays.
            int oldest = nextStart - limit;
            int newStart = starts[oldest < 0 ? oldest + starts.length : oldest];
            if (wrapAt >= 0 && newStart < start) {
                wrapAt = -1;
            }
            start = newStart;
            count = limit;
        }
        while (count > limit) {
            int oldest = start;
            start = oldest + (int) INTS.get(bytes, oldest + LENGTH);
            if (start == wrapAt) {
                start = 0;
                wrapAt = -1;
            }
            count--;
            // The dropped entry's bytes stay as they are until the next write.
            int flags = bytes[oldest + FLAGS];
            if ((flags & KEPT) != 0) {
                kept.remove((int) INTS.get(bytes, keptNumberAt(oldest, flags)));
            }
            if (dropped != null) {
                dropped.accept(eventId(oldest));
            }
        }
        int live = wrapAt < 0 ? end - start : wrapAt - start + end;
        if (bytes.length > SHRINK_ABOVE && live < bytes.length / 4) {
            at = end;
            moveTo(new byte[Math.max(SHRINK_ABOVE, live * 2)]);
        }
    }

    /** @return where the entry before the one at {@code entry} starts */
    private int previous(int entry) {
        int stop = entry == 0 && wrapAt >= 0 ? wrapAt : entry;
        return stop - (int) INTS.get(bytes, stop - TRAILER);
    }

    /**
     * Makes room for {@code more} bytes at {@link #at}, in the entry being written, which starts at {@code end}: by
     * moving it to the front of the array when the entries leave room enough there, else by moving everything into
     * an array half again as big as needed.
     */
    private void ensure(int more) {
        int room = wrapAt < 0 ? bytes.length : start;
        if (at + more <= room) {
            return;
        }
        int partial = at - end;
        if (wrapAt < 0 && partial + more <= start) {
            System.arraycopy(bytes, end, bytes, 0, partial);
            wrapAt = end;
            end = 0;
            at = partial;
            return;
        }
        int live = (wrapAt < 0 ? at - start : wrapAt - start + at) + more;
        moveTo(new byte[Math.max(MIN_BYTES, live + live / 2)]);
    }

    /** Moves the entries, and the bytes written of the next one up to {@link #at}, to the front of {@code moved}. */
    private void moveTo(byte[] moved) {
        int partial = at - end;
        int length;
        if (wrapAt < 0) {
            length = at - start;
            System.arraycopy(bytes, start, moved, 0, length);
        } else {
            int upper = wrapAt - start;
            System.arraycopy(bytes, start, moved, 0, upper);
            System.arraycopy(bytes, 0, moved, upper, at);
            length = upper + at;
        }
        bytes = moved;
        start = 0;
        end = length - partial;
        at = length;
        wrapAt = -1;
        int entry = 0;
        for (int i = count; i > 0; i--) {
            int index = nextStart - i;
            starts[index < 0 ? index + starts.length : index] = entry;
            entry += (int) INTS.get(bytes, entry + LENGTH);
        }
    }

    /**
     * @return the visible entries, newest first, with a version below {@code beforeVersion} and, unless
     *         {@code eventType} is {@code null}, of that type; at most {@code max}
     */
    List<HistoryEntry> page(String eventType, long beforeVersion, int max) {
        List<HistoryEntry> page = new ArrayList<>(Math.min(max, size()));
        int visible = size();
        int entry = end;
        for (int i = 0; i < visible && page.size() < max; i++) {
            entry = previous(entry);
            if ((long) LONGS.get(bytes, entry + VERSION) < beforeVersion) {
                HistoryEntry read = read(entry);
                if (eventType == null || eventType.equals(read.eventType())) {
                    page.add(read);
                }
            }
        }
        return page;
    }

    /** @return the newest visible entry with the id */
    Optional<HistoryEntry> find(EventId id) {
        int entry = indexOf(id, size());
        return entry < 0 ? Optional.empty() : Optional.of(read(entry));
    }

    /** @return whether an entry has the id, visible or not yet dropped */
    boolean holds(EventId id) {
        return indexOf(id, count) >= 0;
    }

    /** @return where the newest of the newest {@code entries} entries with the id starts, or -1 */
    private int indexOf(EventId id, int entries) {
        int entry = end;
        for (int i = 0; i < entries; i++) {
            entry = previous(entry);
            if (matches(entry, id)) {
                return entry;
            }
        }
        return -1;
    }

    /** Tells {@code action} the id of every entry, visible or not yet dropped. */
    void forEachId(Consumer<String> action) {
        int entry = start;
        for (int i = 0; i < count; i++) {
            action.accept(eventId(entry));
            entry += (int) INTS.get(bytes, entry + LENGTH);
            if (entry == wrapAt) {
                entry = 0;
            }
        }
    }

    private boolean matches(int entry, EventId id) {
        if ((long) LONGS.get(bytes, entry + ID_LOW) != id.low()
                || (long) LONGS.get(bytes, entry + ID_HIGH) != id.high()) {
            return false;
        }
        boolean string = (bytes[entry + FLAGS] & ID_STRING) != 0;
        return id.string() == null ? !string : string && id.string().equals(new Reader(entry + VARIABLE).readString());
    }

    private String eventId(int entry) {
        return (bytes[entry + FLAGS] & ID_STRING) != 0 ? new Reader(entry + VARIABLE).readString() : uuidAt(entry);
    }

    /** @return the id of the entry at {@code entry}, which is a UUID, in canonical form */
    private String uuidAt(int entry) {
        return new UUID((long) LONGS.get(bytes, entry + ID_HIGH), (long) LONGS.get(bytes, entry + ID_LOW)).toString();
    }

    /** @return where the number of the entry's kept properties is */
    private int keptNumberAt(int entry, int flags) {
        Reader reader = new Reader(entry + VARIABLE);
        if ((flags & ID_STRING) != 0) {
            reader.readString();
        }
        if ((flags & OTHER_USER) != 0) {
            reader.readString();
        }
        reader.readString(); // the event type
        return reader.at;
    }

    /** @return the entry starting at {@code entry}, built again; equal to the one written */
    private HistoryEntry read(int entry) {
        int flags = bytes[entry + FLAGS];
        Reader reader = new Reader(entry + VARIABLE);
        String id = (flags & ID_STRING) != 0 ? reader.readString() : uuidAt(entry);
        String player = (flags & OTHER_USER) != 0 ? reader.readString() : user;
        String eventType = reader.readString();
        Map<String, Object> properties;
        if ((flags & KEPT) != 0) {
            properties = kept.get((int) INTS.get(bytes, reader.at));
            reader.at += 4;
        } else {
            properties = reader.readMap();
        }
        return new HistoryEntry(id, player, eventType,
                Instant.ofEpochSecond((long) LONGS.get(bytes, entry + SECOND), (int) INTS.get(bytes, entry + NANO)),
                (long) LONGS.get(bytes, entry + VERSION), properties, reader.readStrings(), reader.readStrings());
    }

    // Writing; every method makes room first.

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
            bytes[at++] = STRING;
            writeString(s);
        } else if (value instanceof Long l) {
            bytes[at++] = LONG;
            long n = l;
            writeVarint(n << 1 ^ n >> 63);
        } else if (value instanceof Double d) {
            bytes[at++] = DOUBLE;
            LONGS.set(bytes, at, Double.doubleToRawLongBits(d));
            at += 8;
        } else if (value instanceof Boolean b) {
            bytes[at++] = b ? TRUE : FALSE;
        } else if (value == null) {
            bytes[at++] = NULL;
        } else if (value instanceof Map<?, ?> map) {
            bytes[at++] = MAP;
            return writeMap(map, depth);
        } else if (value instanceof List<?> list) {
            if (depth > MAX_DEPTH) {
                return false;
            }
            bytes[at++] = LIST;
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
        ensure(5 + 2 * n);
        byte[] b = bytes;
        int begin = at;
        int chars = writeVarint(b, begin, (long) n << 1);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                // Two bytes per char; the header is as long as the one above, only its lowest bit differs.
                int w = writeVarint(b, begin, (long) n << 1 | 1);
                for (int j = 0; j < n; j++) {
                    char d = s.charAt(j);
                    b[w++] = (byte) (d >>> 8);
                    b[w++] = (byte) d;
                }
                at = w;
                return;
            }
            b[chars + i] = (byte) c;
        }
        at = chars + n;
    }

    private void writeVarint(long value) {
        ensure(10);
        at = writeVarint(bytes, at, value);
    }

    /** @return where the bytes after the varint go */
    private static int writeVarint(byte[] b, int at, long value) {
        while ((value & ~0x7FL) != 0) {
            b[at++] = (byte) (value | 0x80);
            value >>>= 7;
        }
        b[at++] = (byte) value;
        return at;
    }

    /** Reads an entry's variable part from {@code at} on, in the order it was written. */
    private final class Reader {
        private int at;

        Reader(int at) {
            this.at = at;
        }

        Map<String, Object> readMap() {
            int size = (int) readVarint();
            Map<String, Object> map = new LinkedHashMap<>(Math.max(4, size * 2));
            for (int i = 0; i < size; i++) {
                String key = readString();
                map.put(key, readValue());
            }
            return map;
        }

        List<String> readStrings() {
            long header = readVarint();
            if ((header & 1) != 0) {
                return listCodes.list((int) (header >>> 1));
            }
            int size = (int) (header >>> 1);
            List<String> strings = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                strings.add(readString());
            }
            return strings;
        }

        private Object readValue() {
            byte tag = bytes[at++];
            return switch (tag) {
                case NULL -> null;
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case LONG -> {
                    long n = readVarint();
                    yield n >>> 1 ^ -(n & 1);
                }
                case DOUBLE -> {
                    double d = Double.longBitsToDouble((long) LONGS.get(bytes, at));
                    at += 8;
                    yield d;
                }
                case STRING -> readString();
                case MAP -> readMap();
                case LIST -> {
                    int size = (int) readVarint();
                    List<Object> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        list.add(readValue());
                    }
                    yield list;
                }
                default -> throw new IllegalStateException("no value has tag " + tag);
            };
        }

        String readString() {
            long header = readVarint();
            int n = (int) (header >>> 1);
            String s;
            if ((header & 1) == 0) {
                s = new String(bytes, at, n, StandardCharsets.ISO_8859_1);
                at += n;
            } else {
                char[] chars = new char[n];
                for (int i = 0; i < n; i++) {
                    chars[i] = (char) ((bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF);
                    at += 2;
                }
                s = new String(chars);
            }
            return s;
        }

        private long readVarint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
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
     * Reads {@code id} as a UUID in canonical lowercase form, as {@link UUID#toString()} writes it (so that its two
     * halves give it back exactly), writing the most and least significant bits at {@code entry}'s
     * {@link #ID_HIGH} and {@link #ID_LOW}.
     *
     * @return whether {@code id} is such a UUID; when not, the two may hold anything
     */
    private static boolean readUuid(String id, byte[] b, int entry) {
        if (id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-'
                || id.charAt(23) != '-') {
            return false;
        }
        long time = hex(id, 0, 8);
        long mid = hex(id, 9, 13);
        long version = hex(id, 14, 18);
        long variant = hex(id, 19, 23);
        long node = hex(id, 24, 36);
        if ((time | mid | version | variant | node) < 0) {
            return false;
        }
        LONGS.set(b, entry + ID_HIGH, time << 32 | mid << 16 | version);
        LONGS.set(b, entry + ID_LOW, variant << 48 | node);
        return true;
    }

    /**
     * @return the lower-case hex digits from {@code from} to {@code to} (at most 12) as a number, or -1 if any
     *         character is not one; without a branch per digit (random digits would defeat branch prediction)
     */
    private static long hex(String id, int from, int to) {
        long bits = 0;
        int bad = 0;
        for (int i = from; i < to; i++) {
            char c = id.charAt(i);
            int digit = HEX_DIGITS[c & 0x7f] | (0x7f - c) >> 31;
            bad |= digit;
            bits = bits << 4 | digit & 0xf;
        }
        return bad < 0 ? -1 : bits;
    }

    /**
     * An event id as the ring keeps it: a UUID in canonical form (what the engine generates) as its two halves and
     * no string, anything else as the string itself and its {@link #idKey}.
     *
     * @param string the id when it is not in UUID form, else {@code null}
     * @param high   the UUID's most significant bits, or 0
     * @param low    the UUID's least significant bits, or the string's {@link #idKey}
     */
    record EventId(String string, long high, long low) {
        static EventId of(String id) {
            byte[] halves = new byte[ID_LOW + 8];
            return readUuid(id, halves, 0)
                    ? new EventId(null, (long) LONGS.get(halves, ID_HIGH), (long) LONGS.get(halves, ID_LOW))
                    : new EventId(id, 0, idKey(id));
        }
    }
}
