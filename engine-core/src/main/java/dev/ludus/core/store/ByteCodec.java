package dev.ludus.core.store;

import dev.ludus.core.internal.util.EventIds;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The byte encodings that the store's history log ({@link HistoryLog}) and its idempotency records
 * ({@link IdempotencyCodec}) share, and the {@link Reader} that reads them back. Each writer makes room in its own
 * way (the log in segments, a record in an array of its own) and then puts bytes with these helpers.
 *
 * <ul>
 *   <li>Whole numbers: varints, seven bits a byte, least significant first; signed ones zig-zagged first.</li>
 *   <li>Strings: a varint of the length times two, plus one when the chars take two bytes each (some char is above
 *       0xFF), then the chars: one byte each (Latin-1) or two, most significant first.</li>
 *   <li>JSON-like values: a tag byte, then {@code null} and booleans nothing more, {@code Long} a zig-zag varint,
 *       {@code Double} its raw bits (eight bytes), strings as above, maps with string keys their size and then key
 *       and value per entry in iteration order, lists their size and values. Read back with the same types and
 *       order, maps and lists unmodifiable.</li>
 *   <li>Names in idempotency records (event type, rule set version, currency, quest and badge ids…): a varint
 *       of the name's number in the store's {@link StringCodes} times two plus one, or the string as above with its
 *       length varint times two when it has no number.</li>
 *   <li>Lists of strings (rule and action ids): a varint of the list's number in the store's {@link ListCodes}
 *       times two plus one, or of its size times two followed by the strings when it has no number.</li>
 *   <li>Event ids in canonical UUID form ({@link UUID#toString()}, as the engine generates them): the UUID's two
 *       halves as longs, and no string.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; a {@link Reader} is used by one thread for one read.
 */
final class ByteCodec {
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Value tags. */
    static final byte NULL = 0;
    static final byte FALSE = 1;
    static final byte TRUE = 2;
    static final byte LONG = 3;
    static final byte DOUBLE = 4;
    static final byte STRING = 5;
    static final byte MAP = 6;
    static final byte LIST = 7;

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

    private ByteCodec() {
    }

    /** @return where the bytes after the varint go; needs room for 10 bytes */
    static int putVarint(byte[] b, int at, long value) {
        while ((value & ~0x7FL) != 0) {
            b[at++] = (byte) (value | 0x80);
            value >>>= 7;
        }
        b[at++] = (byte) value;
        return at;
    }

    /** @return {@code n} zig-zagged, so that a small negative number makes a short varint too */
    static long zigZag(long n) {
        return n << 1 ^ n >> 63;
    }

    /**
     * Puts {@code s} when its chars all fit in a byte; needs room for 5 + {@code s.length()} bytes.
     *
     * @return where the bytes after the string go, or -1, with some bytes written, when a char is above 0xFF
     */
    static int putLatin1(byte[] b, int at, String s) {
        return putLatin1(b, at, s, 0);
    }

    /** {@link #putLatin1(byte[], int, String)} with the length varint shifted left by {@code shift} bits. */
    private static int putLatin1(byte[] b, int at, String s, int shift) {
        int n = s.length();
        int chars = putVarint(b, at, (long) n << 1 << shift);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return -1;
            }
            b[chars + i] = (byte) c;
        }
        return chars + n;
    }

    /** Puts {@code s} with two bytes per char; needs room for 5 + 2 × {@code s.length()} bytes. */
    static int putTwoByte(byte[] b, int at, String s) {
        return putTwoByte(b, at, s, 0);
    }

    /** {@link #putTwoByte(byte[], int, String)} with the length varint shifted left by {@code shift} bits. */
    private static int putTwoByte(byte[] b, int at, String s, int shift) {
        int n = s.length();
        int w = putVarint(b, at, ((long) n << 1 | 1) << shift);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b[w++] = (byte) (c >>> 8);
            b[w++] = (byte) c;
        }
        return w;
    }

    /** Puts {@code s} in whichever form fits it; needs room for 5 + 2 × {@code s.length()} bytes. */
    static int putString(byte[] b, int at, String s) {
        return putString(b, at, s, 0);
    }

    /**
     * Puts {@code s} with its length varint shifted left by {@code shift} bits (at most 2), so that a writer can mark
     * other forms with the low bits and the reader tell them apart ({@link Reader#readString(long)}); needs room for
     * 5 + 2 × {@code s.length()} bytes.
     */
    static int putString(byte[] b, int at, String s, int shift) {
        int end = putLatin1(b, at, s, shift);
        return end >= 0 ? end : putTwoByte(b, at, s, shift);
    }

    /**
     * Reads {@code id} as a UUID in canonical lowercase form, as {@link UUID#toString()} writes it (so that its two
     * halves give it back exactly), putting the most significant bits at {@code high} and the least at {@code low}.
     * An id that the engine has just generated in this thread is not parsed: {@link EventIds} has its halves.
     *
     * @return whether {@code id} is such a UUID; when not, the two may hold anything
     */
    static boolean readUuid(String id, byte[] b, int high, int low) {
        EventIds.Last generated = EventIds.lastGenerated(id);
        if (generated != null) {
            LONGS.set(b, high, generated.high());
            LONGS.set(b, low, generated.low());
            return true;
        }
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
        LONGS.set(b, high, time << 32 | mid << 16 | version);
        LONGS.set(b, low, variant << 48 | node);
        return true;
    }

    /** @return the UUID whose halves {@link #readUuid} put at {@code high} and {@code low}, in canonical form */
    static String uuidAt(byte[] b, int high, int low) {
        return new UUID((long) LONGS.get(b, high), (long) LONGS.get(b, low)).toString();
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

    /** Reads what the helpers above wrote, from {@link #at} on, in the order it was written. Not thread-safe. */
    static final class Reader {
        private final byte[] bytes;
        private final ListCodes listCodes;
        private int at;

        /** @param listCodes the table that {@link #readStrings} looks numbered lists up in */
        Reader(byte[] bytes, int at, ListCodes listCodes) {
            this.bytes = bytes;
            this.at = at;
            this.listCodes = listCodes;
        }

        int readByte() {
            return bytes[at++];
        }

        long readVarint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        /** @return a varint written {@link #zigZag zig-zagged} */
        long readSigned() {
            long n = readVarint();
            return n >>> 1 ^ -(n & 1);
        }

        String readString() {
            return readString(readVarint());
        }

        /** @return the chars of a string whose length varint, {@code header}, was read already (and shifted back) */
        String readString(long header) {
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

        /** @return a list of strings: the very list numbered in {@link ListCodes}, or a new one */
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

        /** @return a map's entries (after its tag, or where a map is known to be), unmodifiable, in written order */
        Map<String, Object> readMap() {
            int size = (int) readVarint();
            Map<String, Object> map = new LinkedHashMap<>(Math.max(4, size * 2));
            for (int i = 0; i < size; i++) {
                String key = readString();
                map.put(key, readValue());
            }
            return Collections.unmodifiableMap(map);
        }

        /** @return a tagged value */
        Object readValue() {
            byte tag = bytes[at++];
            return switch (tag) {
                case NULL -> null;
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case LONG -> readSigned();
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
                    yield Collections.unmodifiableList(list);
                }
                default -> throw new IllegalStateException("no value has tag " + tag);
            };
        }
    }
}
