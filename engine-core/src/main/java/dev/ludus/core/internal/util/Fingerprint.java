package dev.ludus.core.internal.util;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A digest of an event's payload (type and properties) that tells a retry from a different event reusing
 * an idempotency key. Key order does not matter and numbers compare by value (95 and 95.0 are the same,
 * and so are -0.0 and 0); everything else, including the order of list elements, is significant.
 *
 * <p><b>Encoding.</b> The payload's canonical form ({@link CanonicalJson}) is fed as a byte stream straight into
 * the hash, with no string or map copy in between: a one-byte tag per value, strings and containers prefixed with
 * their length (so no content can be mistaken for a separator), whole numbers as eight bytes whichever Java type
 * holds them, other numbers as the bits of their double, map entries in key order.
 *
 * <p><b>Why not SHA-256.</b> The value is 128-bit MurmurHash3 (x64), well mixed but not cryptographic. It is
 * only ever compared with the fingerprint stored under the same idempotency key of the same player, to tell
 * a retry from a reused key: an accidental collision needs two different payloads under one key and has a
 * chance of about 2<sup>-128</sup>. A deliberately crafted collision is possible but buys nothing: the key
 * is scoped to the player, so it can only make that player's own second event a {@code duplicate} instead of
 * an {@code IDEMPOTENCY_CONFLICT} — it is dropped either way. SHA-256 cost more than the rest of the key
 * handling (a digest lookup, a string and a {@code TreeMap} per map, about 4 µs and 1.8 KB an event).
 *
 * <p><b>Stored form.</b> {@code f2:} followed by the 128 bits in unpadded base64url (22 characters). The
 * earlier form (SHA-256 of a canonical string, 43 characters, no prefix) never equals a new one, so a
 * durable store holding old records answers a retry across the upgrade with {@code IDEMPOTENCY_CONFLICT},
 * never with a wrong {@code duplicate}; the prefix tells the two apart. {@link #encode} and {@link #decode} are
 * for the in-memory store, which keeps a fingerprint of the current form as its 128 bits. The class lives beside the
 * other value helpers so that the engine, which computes fingerprints, and the store, which keeps them, both
 * depend on it rather than on each other.
 *
 * <p>Stateless and thread-safe.
 */
public final class Fingerprint {
    /** Tag of the current form; change it whenever the encoding or the hash changes. */
    static final String VERSION = "f2:";

    private static final byte[] BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            .getBytes(StandardCharsets.US_ASCII);
    /** Each character's six bits in {@link #BASE64URL}, -1 for every other character below 128. */
    private static final byte[] SEXTETS = new byte[128];

    static {
        Arrays.fill(SEXTETS, (byte) -1);
        for (int i = 0; i < BASE64URL.length; i++) {
            SEXTETS[BASE64URL[i]] = (byte) i;
        }
    }

    private static final int NULL = 'n';
    private static final int TRUE = 't';
    private static final int FALSE = 'f';
    private static final int STRING = 's';
    private static final int WHOLE = 'i';
    private static final int DECIMAL = 'd';
    private static final int LIST = '[';
    private static final int MAP = '{';

    private Fingerprint() {
    }

    /**
     * @param eventType  the event type
     * @param properties the event's properties, JSON-like ({@code String}, {@code Long}, {@code Double},
     *                   {@code Boolean}, {@code null}, {@code List}, {@code Map} with string keys)
     * @return {@code f2:} and 22 base64url characters
     * @throws IllegalArgumentException when a value is not JSON-like
     */
    public static String of(String eventType, Map<String, Object> properties) {
        Tokens tokens = new Tokens();
        tokens.string(eventType);
        CanonicalJson.write(properties, tokens);
        tokens.hash.finish();
        return encode(tokens.hash.h1, tokens.hash.h2);
    }

    /** Puts each token of the canonical form into the hash as its one-byte tag and its content. */
    private static final class Tokens implements CanonicalJson.Sink {
        final Murmur3 hash = new Murmur3();

        @Override
        public void nul() {
            hash.putByte(NULL);
        }

        @Override
        public void bool(boolean value) {
            hash.putByte(value ? TRUE : FALSE);
        }

        @Override
        public void string(String value) {
            appendString(hash, value);
        }

        @Override
        public void whole(long value) {
            hash.putByte(WHOLE);
            hash.putLong(value);
        }

        @Override
        public void decimal(double value) {
            hash.putByte(DECIMAL);
            hash.putLong(Double.doubleToLongBits(value));
        }

        @Override
        public void list(int size) {
            hash.putByte(LIST);
            hash.putInt(size);
        }

        @Override
        public void map(int size) {
            hash.putByte(MAP);
            hash.putInt(size);
        }
    }

    /** The length in chars, then each char in UTF-8 (surrogates one by one): decodable, so unambiguous. */
    private static void appendString(Murmur3 out, String s) {
        int length = s.length();
        out.putByte(STRING);
        out.putInt(length);
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.putByte(c);
            } else if (c < 0x800) {
                out.putByte(0xC0 | (c >> 6));
                out.putByte(0x80 | (c & 0x3F));
            } else {
                out.putByte(0xE0 | (c >> 12));
                out.putByte(0x80 | ((c >> 6) & 0x3F));
                out.putByte(0x80 | (c & 0x3F));
            }
        }
    }

    /** @return {@link #VERSION} and the 128 bits {@code h1:h2} (big-endian) in unpadded base64url */
    public static String encode(long h1, long h2) {
        byte[] text = new byte[VERSION.length() + 22];
        for (int i = 0; i < VERSION.length(); i++) {
            text[i] = (byte) VERSION.charAt(i);
        }
        for (int i = 0; i < 22; i++) {
            int top = 6 * i; // first of the six bits, counted from the most significant bit of h1
            long sextet;
            if (top <= 58) {
                sextet = h1 >>> (58 - top);
            } else if (top < 64) {
                sextet = (h1 << (top - 58)) | (h2 >>> (122 - top));
            } else if (top <= 122) {
                sextet = h2 >>> (122 - top);
            } else {
                sextet = h2 << (top - 122); // the last character: two bits and four zero bits
            }
            text[VERSION.length() + i] = BASE64URL[(int) sextet & 0x3F];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /**
     * The inverse of {@link #encode}, for a store that keeps a fingerprint's 128 bits rather than its string.
     *
     * @param fingerprint a fingerprint as stored, of any form
     * @param halves      given {@code h1} at index 0 and {@code h2} at index 1 when the answer is {@code true};
     *                    may be changed otherwise
     * @return whether {@code fingerprint} is in the current form, so that {@code encode(halves[0], halves[1])} gives
     *         it back exactly (the right prefix and length, base64url characters only, and the last character's
     *         four unused bits zero)
     */
    public static boolean decode(String fingerprint, long[] halves) {
        if (fingerprint.length() != VERSION.length() + 22 || !fingerprint.startsWith(VERSION)) {
            return false;
        }
        long h1 = 0;
        long h2 = 0;
        int bad = 0;
        for (int i = 0; i < 21; i++) {
            int sextet = sextet(fingerprint.charAt(VERSION.length() + i));
            bad |= sextet;
            h1 = h1 << 6 | h2 >>> 58;
            h2 = h2 << 6 | sextet & 0x3F;
        }
        // The last character holds the final two bits and four zero bits.
        int last = sextet(fingerprint.charAt(VERSION.length() + 21));
        bad |= last | -(last & 0xF);
        halves[0] = h1 << 2 | h2 >>> 62;
        halves[1] = h2 << 2 | (last & 0x3F) >>> 4;
        return bad >= 0;
    }

    /** @return the six bits of a base64url character, or -1 */
    private static int sextet(char c) {
        return c < SEXTETS.length ? SEXTETS[c] : -1;
    }

    /**
     * MurmurHash3 x64 128 with seed 0 (Austin Appleby, public domain), fed incrementally: bytes are packed
     * little-endian into 64-bit words, and each pair of words is one block.
     */
    static final class Murmur3 {
        private static final long C1 = 0x87c37b91114253d5L;
        private static final long C2 = 0x4cf5ad432745937fL;

        long h1;
        long h2;
        /** The first word of the current block, when {@link #haveK1}. */
        private long k1;
        private boolean haveK1;
        /** The bytes of the word being filled, and how many there are (0 to 7). */
        private long word;
        private int wordBytes;
        private long length;

        void putByte(int b) {
            word |= (b & 0xFFL) << (wordBytes << 3);
            if (++wordBytes == 8) {
                putWord(word);
                word = 0;
                wordBytes = 0;
            }
        }

        void putInt(int v) {
            putBytes(v & 0xFFFF_FFFFL, 4);
        }

        void putLong(long v) {
            putBytes(v, 8);
        }

        /** Puts the {@code count} low bytes of {@code v}, least significant first. */
        private void putBytes(long v, int count) {
            int free = 8 - wordBytes;
            if (count < free) {
                word |= v << (wordBytes << 3);
                wordBytes += count;
            } else if (wordBytes == 0) {
                putWord(v);
            } else {
                putWord(word | (v << (wordBytes << 3)));
                word = v >>> (free << 3); // free is 1 to 7 here
                wordBytes = count - free;
            }
        }

        private void putWord(long w) {
            length += 8;
            if (!haveK1) {
                k1 = w;
                haveK1 = true;
                return;
            }
            haveK1 = false;
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(w);
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }

        /** Mixes in the last partial block and finalises {@link #h1} and {@link #h2}. */
        void finish() {
            length += wordBytes;
            // The tail is k1 (8 bytes when a word is pending, else the partial word) and maybe part of k2.
            if (haveK1) {
                if (wordBytes > 0) {
                    h2 ^= mixK2(word);
                }
                h1 ^= mixK1(k1);
            } else if (wordBytes > 0) {
                h1 ^= mixK1(word);
            }
            h1 ^= length;
            h2 ^= length;
            h1 += h2;
            h2 += h1;
            h1 = fmix64(h1);
            h2 = fmix64(h2);
            h1 += h2;
            h2 += h1;
        }

        private static long mixK1(long k) {
            return Long.rotateLeft(k * C1, 31) * C2;
        }

        private static long mixK2(long k) {
            return Long.rotateLeft(k * C2, 33) * C1;
        }

        private static long fmix64(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            k *= 0xc4ceb9fe1a85ec53L;
            k ^= k >>> 33;
            return k;
        }
    }
}
