package dev.ludus.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The store writes each history entry as bytes: what it reads back must
 * equal what was committed, value for value and type for type, in the same order, through the byte ring's growth,
 * wrap and shrinking.
 */
class InMemoryPlayerStoreHistoryBytesTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:15:30Z");

    private final Map<String, Long> versions = new HashMap<>();

    private HistoryEntry commit(InMemoryPlayerStore store, String user, String type, Map<String, Object> properties,
                                List<String> rules, List<String> actions) {
        long version = versions.merge(user, 1L, Long::sum);
        HistoryEntry entry = new HistoryEntry("e-" + user + "-" + version, user, type, T0, version, properties, rules,
                actions);
        PlayerState state = new PlayerState(user, version, 1, 100, Map.of(), new TreeSet<>(), Map.of(), Map.of(),
                Map.of(), version);
        assertThat(store.commit(new PlayerCommit(user, version - 1, new PlayerRecord(state, Map.of()), null, entry)))
                .isTrue();
        return entry;
    }

    private HistoryEntry commit(InMemoryPlayerStore store, String user, Map<String, Object> properties) {
        return commit(store, user, "type", properties, List.of("rule"), List.of("grant_xp"));
    }

    /** @return the last {@code n} of {@code committed} (fewer if there are fewer), newest first */
    private static List<HistoryEntry> newestFirst(List<HistoryEntry> committed, int n) {
        List<HistoryEntry> newest = new ArrayList<>(committed.subList(Math.max(0, committed.size() - n),
                committed.size()));
        Collections.reverse(newest);
        return newest;
    }

    private static HistoryEntry readBack(InMemoryPlayerStore store, HistoryEntry entry) {
        return store.findEvent(entry.eventId()).orElseThrow();
    }

    /** Every key and value, nested ones included, with its class, in order. */
    private static List<Object> shape(Object value) {
        List<Object> shape = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            shape.add("map");
            map.forEach((k, v) -> {
                shape.add(k);
                shape.addAll(shape(v));
            });
        } else if (value instanceof List<?> list) {
            shape.add("list");
            list.forEach(v -> shape.addAll(shape(v)));
        } else {
            shape.add(value == null ? "null" : value.getClass().getSimpleName());
            shape.add(value instanceof Double d ? Double.doubleToRawLongBits(d) : value);
        }
        return shape;
    }

    @Test
    void everyJsonLikeValue_comesBackEqual_withItsTypeAndOrder() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1L);
        nested.put("a", Arrays.asList(null, true, false, "", List.of(), Map.of()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("zero", 0L);
        properties.put("small", -1L);
        properties.put("min", Long.MIN_VALUE);
        properties.put("max", Long.MAX_VALUE);
        properties.put("int", 7); // frozen to Long
        properties.put("negativeZero", -0.0);
        properties.put("nan", Double.NaN);
        properties.put("infinity", Double.NEGATIVE_INFINITY);
        properties.put("tiny", Double.MIN_VALUE);
        properties.put("pi", 3.141592653589793);
        properties.put("null", null);
        properties.put("yes", true);
        properties.put("no", false);
        properties.put("empty", "");
        properties.put("ascii", "lesson completed");
        properties.put("latin1", "caf\u00e9 \u00ff");
        properties.put("beyondLatin1", "\u0100\u4e2d\u6587");
        properties.put("emoji", "\ud83c\udfae game");
        properties.put("loneSurrogates", "\udc00x\ud800");
        properties.put("long", "x".repeat(300));
        properties.put("", "an empty key");
        properties.put("caf\u00e9 \u4e2d", "a key beyond ASCII");
        properties.put("nested", nested);
        properties.put("list", List.of(1L, 2.5, "three", List.of(List.of(4L)), Map.of("five", 5L)));
        InMemoryPlayerStore store = InMemoryPlayerStore.create();

        HistoryEntry committed = commit(store, "u", "caf\u00e9-\u4e2d", properties, List.of("r\u00e9gle", "\u4e2d"),
                List.of());
        HistoryEntry read = readBack(store, committed);

        assertThat(read).isEqualTo(committed);
        assertThat(shape(read.properties())).isEqualTo(shape(committed.properties()));
        assertThat(read.eventType()).isEqualTo("caf\u00e9-\u4e2d");
        assertThat(read.rulesTriggered()).containsExactly("r\u00e9gle", "\u4e2d");
        assertThat(read.actionsExecuted()).isEmpty();
    }

    @Test
    void manyKeysAndDeepNesting_comeBackEqual() {
        Map<String, Object> wide = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            wide.put("key" + (999 - i), (long) i * 1_000_003);
        }
        Map<String, Object> deep = Map.of("leaf", "bottom");
        for (int i = 0; i < 999; i++) { // 1,000 levels in all: the deepest the engine can be configured to accept
            deep = Map.of("d", deep);
        }
        InMemoryPlayerStore store = InMemoryPlayerStore.create();

        HistoryEntry wideEntry = commit(store, "u", wide);
        HistoryEntry deepEntry = commit(store, "u", deep);

        assertThat(shape(readBack(store, wideEntry).properties())).isEqualTo(shape(wideEntry.properties()));
        assertThat(readBack(store, deepEntry)).isEqualTo(deepEntry);
    }

    @Test
    void valuesThatAreNotJsonLike_orNestedTooDeeply_areKeptAsTheyAre() {
        Object custom = new BigDecimal("1.10");
        Map<String, Object> tooDeep = Map.of("leaf", 1L);
        for (int i = 0; i < 1100; i++) {
            tooDeep = Map.of("d", tooDeep);
        }
        Map<Object, Object> numberKey = new LinkedHashMap<>();
        numberKey.put(42, "a key that is not a string");
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(3).build();

        HistoryEntry withCustom = commit(store, "u", Map.of("amount", custom, "note", "kept whole"));
        HistoryEntry withDeep = commit(store, "u", tooDeep);
        @SuppressWarnings({"unchecked", "rawtypes"})
        HistoryEntry withNumberKey = commit(store, "u", (Map) numberKey);
        HistoryEntry plain = commit(store, "u", Map.of("n", 1L));

        assertThat(store.history("u", null, Long.MAX_VALUE, 10)).containsExactly(plain, withNumberKey, withDeep);
        assertThat(readBack(store, withDeep).properties()).isSameAs(withDeep.properties());
        assertThat(readBack(store, withNumberKey).properties()).isSameAs(withNumberKey.properties());
        assertThat(store.findEvent(withCustom.eventId())).isEmpty(); // evicted: its kept map went with it

        InMemoryPlayerStore other = InMemoryPlayerStore.create();
        HistoryEntry custom2 = commit(other, "v", Map.of("amount", custom));
        assertThat(readBack(other, custom2).properties().get("amount")).isSameAs(custom);
    }

    @Test
    void propertiesKeptAsAMap_afterTheArrayMovedWhileTheyWereWritten_leaveTheEntryWhole() {
        for (int limit : new int[] {1, 2, 3}) {
            InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(limit).build();
            List<HistoryEntry> committed = new ArrayList<>();
            for (int size = 0; size < 700; size += 7) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("big", "x".repeat(size)); // written first, then the value that cannot be
                properties.put("custom", new BigDecimal(size));
                committed.add(commit(store, "u" + limit, properties));
                committed.add(commit(store, "u" + limit, Map.of("small", (long) size)));
                List<HistoryEntry> newest = newestFirst(committed, limit);
                assertThat(store.history("u" + limit, null, Long.MAX_VALUE, 10)).as("limit %d, size %d", limit, size)
                        .containsExactlyElementsOf(newest);
            }
        }
    }

    @Test
    void aVeryLargeHistoryLimit_costsNothingUpFront() {
        for (int limit : new int[] {10_000_000, Integer.MAX_VALUE}) {
            InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(limit).build();
            assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                    "needs a JVM that counts allocated bytes per thread");
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();

            HistoryEntry entry = commit(store, "big" + limit, Map.of("n", 1L));

            assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("limit %d", limit)
                    .isLessThan(100_000);
            assertThat(store.history("big" + limit, null, Long.MAX_VALUE, 10)).containsExactly(entry);
        }
    }

    @Test
    void entriesOfVaryingSize_throughGrowthWrapAndShrinking_comeBackInOrder() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(7).build();
        Random random = new Random(7);
        List<HistoryEntry> committed = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int size = switch (random.nextInt(10)) {
                case 0 -> 20_000 + random.nextInt(20_000);
                case 1, 2 -> 500 + random.nextInt(3000);
                default -> random.nextInt(60);
            };
            committed.add(commit(store, "u", Map.of("i", (long) i, "text", randomText(random, size))));
            List<HistoryEntry> newest = newestFirst(committed, 7);
            assertThat(store.history("u", null, Long.MAX_VALUE, 100)).as("after commit %d", i)
                    .containsExactlyElementsOf(newest);
        }
    }

    @Test
    void entriesGrowingByOneByte_meetTheArraysEndAtEveryOffset_andComeBackInOrder() {
        for (int limit : new int[] {1, 4, 9}) {
            InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(limit).build();
            List<HistoryEntry> committed = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                // Every length from 0 to 299 twice over, with a larger entry now and then to grow and shrink the array.
                String text = i % 97 == 0 ? "y".repeat(5000 + i) : "x".repeat(i % 300);
                committed.add(commit(store, "u" + limit, Map.of("text", text)));
                List<HistoryEntry> newest = newestFirst(committed, limit);
                assertThat(store.history("u" + limit, null, Long.MAX_VALUE, 100)).as("limit %d, commit %d", limit, i)
                        .containsExactlyElementsOf(newest);
            }
        }
    }

    @Test
    void importingAPlayer_afterTheBytesWrapped_takesEveryIdOutOfTheIndex() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(5).indexEventIds(true).build();
        for (int round = 0; round < 300; round++) {
            List<HistoryEntry> committed = new ArrayList<>();
            for (int i = 0; i < 1 + round % 11; i++) {
                committed.add(commit(store, "u", Map.of("text", "z".repeat((round * 7 + i * 13) % 120))));
            }
            HistoryEntry newest = committed.get(committed.size() - 1);
            assertThat(store.findEvent(newest.eventId())).contains(newest);

            store.importPlayer(new PlayerState("u", versions.get("u"), 1, 100, Map.of(), new TreeSet<>(), Map.of(),
                    Map.of(), Map.of(), versions.get("u")));

            assertThat(store.history("u", null, Long.MAX_VALUE, 100)).isEmpty();
            for (HistoryEntry entry : committed) {
                assertThat(store.findEvent(entry.eventId())).as("round %d", round).isEmpty();
            }
        }
    }

    @Test
    void aLargeEntry_isFreedByTheCompactionAfterItWasDropped() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(10).build();
        commit(store, "u", Map.of("big", "x".repeat(1_000_000)));
        assertThat(store.historyBytes()).isGreaterThanOrEqualTo(1_000_000);

        List<HistoryEntry> small = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            small.add(0, commit(store, "u", Map.of("i", (long) i)));
        }
        store.compactHistory();

        // What is left is the segment the small entries went to (at most 256 KiB; the log was large when it came).
        assertThat(store.historyBytes()).isLessThanOrEqualTo(256 * 1024);
        assertThat(store.history("u", null, Long.MAX_VALUE, 100)).containsExactlyElementsOf(small.subList(0, 10));
    }

    @Test
    void aLargeEntry_takesAboutItsOwnSize() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(10).build();

        HistoryEntry entry = commit(store, "u", Map.of("big", "x".repeat(1_000_000)));

        // Reserved at one byte per Latin-1 char, then trimmed: not two bytes per char and half again.
        assertThat(store.historyBytes()).isBetween(1_000_000L, 1_100_000L);
        assertThat(readBack(store, entry)).isEqualTo(entry);
    }

    @Test
    void anEntryWhoseWritingFailsMidway_leavesTheStoreAndTheLogWhole() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(100).indexEventIds(true).build();
        // Hashing the list of rule ids, after the properties are written, throws: a stand-in for a stack overflow or
        // memory running out in the middle of an entry.
        Object poison = new Object() {
            @Override
            public int hashCode() {
                throw new IllegalStateException("poisoned");
            }
        };
        @SuppressWarnings("unchecked")
        List<String> poisoned = (List<String>) (List<?>) List.of(poison);
        List<HistoryEntry> committed = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Map<String, Object> properties = Map.of("text", "x".repeat(2_000 + i % 1_000));
            if (i % 100 == 50) {
                List<HistoryEntry> before = store.history("u", null, Long.MAX_VALUE, 100);
                assertThatThrownBy(() -> commit(store, "u", "type", properties, poisoned, List.of()))
                        .hasMessage("poisoned");
                versions.merge("u", -1L, Long::sum);
                assertThat(store.history("u", null, Long.MAX_VALUE, 100)).isEqualTo(before);
                assertThat(store.load("u").orElseThrow().version()).isEqualTo(versions.get("u"));
            } else {
                committed.add(commit(store, "u", properties));
            }
            if (i % 100 == 10) {
                // Sixty entries on, the failed one's segment is sealed and still holds kept entries: compaction
                // walks it by its entries' lengths, which a half-written entry would send astray.
                assertTimeoutPreemptively(Duration.ofSeconds(60), store::compactHistory);
                assertThat(store.history("u", null, Long.MAX_VALUE, 100))
                        .containsExactlyElementsOf(newestFirst(committed, 100));
            }
        }
        for (HistoryEntry entry : newestFirst(committed, 100)) {
            assertThat(readBack(store, entry)).isEqualTo(entry);
        }
    }

    @Test
    void entriesOfMixedSizes_keepTheLogWithinTwiceWhatIsKept() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(4).build();
        Random random = new Random(11);
        long most = 0;
        for (int i = 0; i < 60_000; i++) {
            int size = random.nextInt(20) == 0 ? 20_000 + random.nextInt(300_000) : random.nextInt(3_000);
            commit(store, "p" + random.nextInt(50), Map.of("text", "q".repeat(size)));
            most = Math.max(most, store.historyBytes());
        }
        // 50 players x 4 entries of on average about 17 KB (a twentieth of them 170 KB) is about 3.4 MB kept.
        assertThat(most).isLessThan(4 * 3_400_000L + 4L * 256 * 1024);
    }

    @Test
    void theLog_staysWithinTwiceItsLiveBytes_asPlayersKeepCommitting() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(5).build();
        Random random = new Random(5);
        long most = 0;
        for (int i = 0; i < 200_000; i++) {
            commit(store, "p" + random.nextInt(100), Map.of("text", "z".repeat(random.nextInt(200))));
            most = Math.max(most, store.historyBytes());
        }
        // 100 players x 5 entries of at most about 330 bytes is 165 KB: the log stays near its 1 MiB floor.
        assertThat(most).isLessThanOrEqualTo(HistoryLog.MIN_LOG_BYTES + 2 * 256 * 1024);
    }

    @Test
    void randomJsonLikeEntries_acrossPlayers_comeBackEqual() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(20).build();
        Random random = new Random(2026);
        Map<String, List<HistoryEntry>> byPlayer = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            String user = "p" + random.nextInt(4);
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) randomValue(random, 0, true);
            List<String> rules = random.nextBoolean() ? List.of() : List.of(randomText(random, 8), "r" + i);
            byPlayer.computeIfAbsent(user, u -> new ArrayList<>()).add(0,
                    commit(store, user, randomText(random, 1 + random.nextInt(12)), properties, rules, rules));
        }
        byPlayer.forEach((user, entries) -> {
            List<HistoryEntry> read = store.history(user, null, Long.MAX_VALUE, 100);
            assertThat(read).containsExactlyElementsOf(entries.subList(0, 20));
            for (int i = 0; i < read.size(); i++) {
                assertThat(shape(read.get(i).properties())).isEqualTo(shape(entries.get(i).properties()));
            }
        });
    }

    private static Object randomValue(Random random, int depth, boolean map) {
        int kind = map ? 6 : random.nextInt(depth > 4 ? 6 : 8);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextBoolean() ? (long) random.nextInt(300) - 150 : random.nextLong();
            case 3 -> random.nextBoolean() ? random.nextDouble() * 1000 : Double.longBitsToDouble(random.nextLong());
            case 4, 5 -> randomText(random, random.nextInt(20));
            case 6 -> {
                Map<String, Object> m = new LinkedHashMap<>();
                int size = random.nextInt(12);
                for (int i = 0; i < size; i++) {
                    m.put(randomText(random, random.nextInt(6)), randomValue(random, depth + 1, false));
                }
                yield m;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    list.add(randomValue(random, depth + 1, false));
                }
                yield list;
            }
        };
    }

    private static String randomText(Random random, int length) {
        String alphabet = "abcxyz019 _-\u00e9\u00ff\u0100\u4e2d\ud83c\udfae\u0000";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
