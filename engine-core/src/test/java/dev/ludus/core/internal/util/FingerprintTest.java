package dev.ludus.core.internal.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical equalities and inequalities of the idempotency fingerprint. */
class FingerprintTest {

    private static String fp(Map<String, Object> properties) {
        return Fingerprint.of("order_placed", properties);
    }

    /** @return an insertion-ordered map of alternating keys and values, which may be null */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    @Test
    void of_isTheVersionTagAnd22Base64UrlCharacters() {
        assertThat(fp(map("total", 149.99))).matches("f2:[A-Za-z0-9_-]{22}");
    }

    @Test
    void of_isDeterministic() {
        assertThat(fp(map("a", 1L, "b", list("x", map("c", true)))))
                .isEqualTo(fp(map("a", 1L, "b", list("x", map("c", true)))));
    }

    @Test
    void of_isStable_soStoredFingerprintsStillMatch() {
        // Values made by the first f2 release; a change here needs a new VERSION (see Fingerprint's Javadoc).
        Map<String, Object> two = map("b", 1L, "a", "x");
        Map<String, Object> payload = map("total", 149.99, "score", 95.0, "n", null, "ok", true, "no", false,
                "tags", List.of("a", "\u00e9\u20ac\uD83D\uDE00", List.of()),
                "o", Map.of("y", 2L, "x", -3L, "z", Map.of()), "two", two, "one", Map.of("k", 0.5));
        assertThat(fp(payload)).isEqualTo("f2:AzsAi_gEqZCfrd1f_pEIFQ");
        assertThat(Fingerprint.of("e", map())).isEqualTo("f2:XyICOvKx0dWvEtSMYscjXw");
    }

    @Test
    void keyOrder_doesNotMatter_atAnyDepth() {
        assertThat(fp(map("a", 1L, "b", 2L, "c", map("x", "1", "y", null))))
                .isEqualTo(fp(map("c", map("y", null, "x", "1"), "b", 2L, "a", 1L)));
        Map<String, Object> hashed = new HashMap<>(map("a", 1L, "b", 2L, "c", 3L));
        assertThat(fp(hashed)).isEqualTo(fp(map("c", 3L, "a", 1L, "b", 2L)));
    }

    @Test
    void wholeNumbers_areEqualWhateverTheirType() {
        assertThat(fp(map("score", 95L))).isEqualTo(fp(map("score", 95.0)));
        assertThat(fp(map("n", list(-3L)))).isEqualTo(fp(map("n", list(-3.0))));
        assertThat(fp(map("big", 1L << 62))).isEqualTo(fp(map("big", (double) (1L << 62))));
    }

    @Test
    void negativeZero_equalsZero() {
        assertThat(fp(map("x", -0.0))).isEqualTo(fp(map("x", 0.0))).isEqualTo(fp(map("x", 0L)));
    }

    @Test
    void differentNumbers_differ() {
        assertThat(fp(map("score", 95L))).isNotEqualTo(fp(map("score", 96L)));
        assertThat(fp(map("score", 95.5))).isNotEqualTo(fp(map("score", 95L)));
        assertThat(fp(map("total", 149.99))).isNotEqualTo(fp(map("total", 150L)));
        assertThat(fp(map("x", 0.1))).isNotEqualTo(fp(map("x", 0.1 + 1e-17 * 2)));
        // 2^63 as a double is not Long.MAX_VALUE.
        assertThat(fp(map("x", 0x1p63))).isNotEqualTo(fp(map("x", Long.MAX_VALUE)));
        assertThat(fp(map("x", Long.MIN_VALUE))).isNotEqualTo(fp(map("x", Long.MAX_VALUE)));
    }

    @Test
    void aStringIsNotTheNumberOrBooleanItSpells() {
        assertThat(fp(map("x", "1"))).isNotEqualTo(fp(map("x", 1L)));
        assertThat(fp(map("x", "true"))).isNotEqualTo(fp(map("x", true)));
        assertThat(fp(map("x", "t"))).isNotEqualTo(fp(map("x", true)));
        assertThat(fp(map("x", "null"))).isNotEqualTo(fp(map("x", null)));
        assertThat(fp(map("x", true))).isNotEqualTo(fp(map("x", false)));
    }

    @Test
    void nullValue_differsFromAMissingKey() {
        assertThat(fp(map("a", 1L, "b", null))).isNotEqualTo(fp(map("a", 1L)));
        assertThat(fp(map("b", null))).isNotEqualTo(fp(map()));
    }

    @Test
    void emptyMap_emptyList_emptyString_andNull_allDiffer() {
        List<String> all = List.of(fp(map("x", map())), fp(map("x", list())), fp(map("x", "")), fp(map("x", null)));
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void listOrder_matters() {
        assertThat(fp(map("tags", list("a", "b")))).isNotEqualTo(fp(map("tags", list("b", "a"))));
    }

    @Test
    void nesting_matters() {
        assertThat(fp(map("x", list(list(1L), 2L)))).isNotEqualTo(fp(map("x", list(list(1L, 2L)))));
        assertThat(fp(map("x", map("y", map("z", 1L))))).isNotEqualTo(fp(map("x", map("y", 1L), "z", 1L)));
        assertThat(fp(map("x", map("a", 1L)))).isNotEqualTo(fp(map("x", list("a", 1L))));
    }

    @Test
    void stringsWithSeparatorsInside_areNotAmbiguous() {
        assertThat(fp(map("x", list("a", "bc")))).isNotEqualTo(fp(map("x", list("ab", "c"))));
        assertThat(fp(map("x", "s1:a"))).isNotEqualTo(fp(map("x", list("a"))));
        assertThat(fp(map("a:b", "c"))).isNotEqualTo(fp(map("a", "b:c")));
        assertThat(fp(map("a", "s1:b"))).isNotEqualTo(fp(map("a", "b")));
        assertThat(fp(map("k", "]n}{,"))).isNotEqualTo(fp(map("k", "]n}{;")));
    }

    @Test
    void nonAsciiStrings_differ() {
        assertThat(fp(map("name", "é"))).isNotEqualTo(fp(map("name", "e")));
        assertThat(fp(map("name", "\u20ac"))).isNotEqualTo(fp(map("name", "\u20ad")));
        assertThat(fp(map("emoji", "\uD83D\uDE00"))).isNotEqualTo(fp(map("emoji", "\uD83D\uDE01")));
    }

    @Test
    void eventType_matters() {
        assertThat(Fingerprint.of("a", map("x", 1L))).isNotEqualTo(Fingerprint.of("b", map("x", 1L)));
        assertThat(Fingerprint.of("a", map())).isNotEqualTo(Fingerprint.of("a ", map()));
    }

    @Test
    void manyKeys_sortedWhateverTheInsertionOrder() {
        Map<String, Object> forward = new LinkedHashMap<>();
        Map<String, Object> backward = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            forward.put("k" + i, (long) i);
            backward.put("k" + (99 - i), (long) (99 - i));
        }
        assertThat(fp(forward)).isEqualTo(fp(backward));
        backward.put("k50", 51L);
        assertThat(fp(forward)).isNotEqualTo(fp(backward));
    }

    @Test
    void of_whenAValueIsNotJsonLike_throws() {
        assertThatThrownBy(() -> fp(map("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON-like value");
    }

    @Test
    void murmur3_matchesTheReferenceVectors() {
        // Reference values of MurmurHash3_x64_128 with seed 0 (as Guava's murmur3_128 prints them).
        assertThat(murmur3("")).isEqualTo("00000000000000000000000000000000");
        assertThat(murmur3("hello")).isEqualTo("029bbd41b3a7d8cb191dae486a901e5b");
        assertThat(murmur3("The quick brown fox jumps over the lazy dog"))
                .isEqualTo("6c1b07bc7bbc4be347939ac4a93c437a");
    }

    @Test
    void murmur3_putIntAndPutLong_equalTheirBytesPutOneByOne() {
        java.util.Random random = new java.util.Random(42);
        for (int run = 0; run < 500; run++) {
            Fingerprint.Murmur3 words = new Fingerprint.Murmur3();
            Fingerprint.Murmur3 bytes = new Fingerprint.Murmur3();
            int puts = random.nextInt(12);
            for (int p = 0; p < puts; p++) {
                long v = random.nextLong();
                int kind = random.nextInt(3);
                int count = kind == 0 ? 1 : kind == 1 ? 4 : 8;
                if (kind == 0) {
                    words.putByte((int) v);
                } else if (kind == 1) {
                    words.putInt((int) v);
                } else {
                    words.putLong(v);
                }
                for (int i = 0; i < count; i++) {
                    bytes.putByte((int) (v >>> (8 * i)));
                }
            }
            words.finish();
            bytes.finish();
            assertThat(new long[] {words.h1, words.h2}).as("run %d", run).containsExactly(bytes.h1, bytes.h2);
        }
    }

    @Test
    void encode_isBase64UrlOfTheBigEndianBits() {
        long[][] samples = {{0, 0}, {-1, -1}, {0x0123456789abcdefL, 0xfedcba9876543210L}, {1, Long.MIN_VALUE}};
        for (long[] s : samples) {
            byte[] bytes = ByteBuffer.allocate(16).putLong(s[0]).putLong(s[1]).array();
            assertThat(Fingerprint.encode(s[0], s[1]))
                    .isEqualTo("f2:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
    }

    private static String murmur3(String text) {
        Fingerprint.Murmur3 hash = new Fingerprint.Murmur3();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash.putByte(b);
        }
        hash.finish();
        byte[] bytes = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(hash.h1).putLong(hash.h2).array();
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void decode_readsTheBitsThatEncodeWrote() {
        long[] halves = new long[2];
        long[][] bits = {{0, 0}, {-1, -1}, {Long.MIN_VALUE, 1}, {1, Long.MIN_VALUE}, {0x0123456789abcdefL, -2}};
        for (long[] pair : bits) {
            String fingerprint = Fingerprint.encode(pair[0], pair[1]);
            assertThat(Fingerprint.decode(fingerprint, halves)).as(fingerprint).isTrue();
            assertThat(halves).containsExactly(pair[0], pair[1]);
        }
        String fingerprint = fp(map("total", 149.99));
        assertThat(Fingerprint.decode(fingerprint, halves)).isTrue();
        assertThat(Fingerprint.encode(halves[0], halves[1])).isEqualTo(fingerprint);
    }

    @Test
    void decode_refusesWhatEncodeNeverWrites() {
        long[] halves = new long[2];
        String good = "f2:AzsAi_gEqZCfrd1f_pEIFQ";
        assertThat(Fingerprint.decode(good, halves)).isTrue();
        for (String other : List.of("", "f2:", "f2:AzsAi_gEqZCfrd1f_pEIF", "f2:AzsAi_gEqZCfrd1f_pEIFQA",
                "f3:AzsAi_gEqZCfrd1f_pEIFQ", "F2:AzsAi_gEqZCfrd1f_pEIFQ", "f2:AzsAi+gEqZCfrd1f_pEIFQ",
                "f2:AzsAi/gEqZCfrd1f_pEIFQ", "f2:AzsAi_gEqZCfrd1f_pEIF=", "f2:AzsAi_gEqZCfrd1f_pEIFR",
                "f2:AzsAi_gEqZCfrd1f_pEIF\u00c1", "f2:\u4e2dzsAi_gEqZCfrd1f_pEIFQ",
                "3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            assertThat(Fingerprint.decode(other, halves)).as(other).isFalse();
        }
        // Every last character but the four whose unused bits are zero (A, Q, g, w) is refused.
        for (char last : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            assertThat(Fingerprint.decode("f2:AzsAi_gEqZCfrd1f_pEIF" + last, halves)).as("%s", last)
                    .isEqualTo("AQgw".indexOf(last) >= 0);
        }
    }
}
