package dev.ludus.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ring on its own: lists of rule and action ids by number, and written out once the numbers run out. */
class HistoryRingTest {
    private static HistoryEntry entry(int i, List<String> rules, List<String> actions) {
        return new HistoryEntry("e" + i, "u", "type", Instant.EPOCH, i, Map.of("i", (long) i), rules, actions);
    }

    @Test
    void listsBeyondTheNumberedOnes_areWrittenOut_andComeBackEqual() {
        ListCodes codes = new ListCodes(3);
        HistoryRing ring = new HistoryRing("u", 50, new HistoryLog(codes));
        List<HistoryEntry> added = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<String> rules = List.of("rule-" + i % 7, "r\u00e9gle-" + i % 5);
            List<String> actions = i % 2 == 0 ? List.of() : List.of("grant_xp", "grant_xp", "award_badge");
            HistoryEntry entry = entry(i, rules, actions);
            ring.add(entry, null);
            added.add(0, entry);
        }

        assertThat(ring.page(null, Long.MAX_VALUE, 100)).containsExactlyElementsOf(added);
        assertThat(codes.codeOf(List.of("never-seen"))).isEqualTo(-1);
        assertThat(codes.codeOf(List.of())).isBetween(0, 2); // numbered by the first entry
    }

    @Test
    void theSameListInstance_getsOneNumber_andEqualListsShareIt() {
        ListCodes codes = new ListCodes();
        List<String> list = List.of("a", "b");

        int code = codes.codeOf(list);

        assertThat(codes.codeOf(list)).isEqualTo(code);
        assertThat(codes.codeOf(new ArrayList<>(list))).isEqualTo(code);
        assertThat(codes.list(code)).isSameAs(list);
        assertThat(codes.codeOf(List.of("b", "a"))).isNotEqualTo(code);
    }

    @Test
    void manyListsAskedAgain_keepTheirNumbers_whetherAskedByTheSameInstanceOrAnEqualOne() {
        ListCodes codes = new ListCodes(12_000);
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) { // more than the identity table's slots, and more than may be numbered
            lists.add(List.of("rule-" + i));
        }
        int[] first = lists.stream().mapToInt(codes::codeOf).toArray();

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < lists.size(); i++) {
                assertThat(codes.codeOf(lists.get(i))).isEqualTo(first[i]);
                assertThat(codes.codeOf(List.copyOf(new ArrayList<>(lists.get(i))))).isEqualTo(first[i]);
            }
        }
        assertThat(java.util.Arrays.stream(first).filter(code -> code >= 0).distinct().count()).isEqualTo(12_000);
        assertThat(codes.list(first[11_999])).isSameAs(lists.get(11_999));
    }

    @Test
    void threadsNumberingTheSameListsAtOnce_getOneNumberPerList() throws Exception {
        ListCodes codes = new ListCodes(300);
        int threads = 4;
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            lists.add(List.of("rule-" + i, "action-" + i % 3));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 37;
                results.add(pool.submit(() -> {
                    start.await();
                    int[] seen = new int[lists.size()];
                    for (int i = 0; i < lists.size(); i++) {
                        int index = (i + offset) % lists.size();
                        // An equal copy, not the same object: numbering goes by equality.
                        seen[index] = codes.codeOf(List.copyOf(new ArrayList<>(lists.get(index))));
                    }
                    return seen;
                }));
            }
            int[] first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<int[]> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).containsExactly(first);
            }
            Set<Integer> numbers = new HashSet<>();
            for (int i = 0; i < first.length; i++) {
                if (first[i] >= 0) {
                    assertThat(numbers.add(first[i])).as("number %d given twice", first[i]).isTrue();
                    assertThat(codes.list(first[i])).isEqualTo(lists.get(i));
                }
            }
            assertThat(numbers).hasSize(300);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRingOfOne_keepsTheNewest() {
        HistoryRing ring = new HistoryRing("u", 1, new HistoryLog(new ListCodes()));
        for (int i = 0; i < 30; i++) {
            HistoryEntry entry = entry(i, List.of("r"), List.of("a"));
            ring.add(entry, null);
            assertThat(ring.page(null, Long.MAX_VALUE, 10)).containsExactly(entry);
        }
        assertThat(ring.size()).isEqualTo(1);
    }

    @Test
    void idsThatAlmostLookLikeUuids_comeBackExactlyAsWritten() {
        String uuid = "ffeedd00-9a8b-4c7d-8e6f-0123456789ab";
        Set<String> distinct = new LinkedHashSet<>(List.of(uuid, uuid.toUpperCase(), "00000000-0000-0000-0000-000000000000",
                uuid + "0", uuid.substring(1), uuid.replace("-", "0")));
        for (int at = 0; at < uuid.length(); at++) {
            for (char c : new char[] {'g', 'G', 'A', 'F', '-', '0', '/', ':', '`', '{', '\u00e1', '\u00c1', '\u0130',
                    '\u0660', '\uff10'}) {
                distinct.add(uuid.substring(0, at) + c + uuid.substring(at + 1));
            }
        }
        List<String> ids = List.copyOf(distinct);
        HistoryRing ring = new HistoryRing("u", ids.size(), new HistoryLog(new ListCodes()));
        List<HistoryEntry> added = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            HistoryEntry entry = new HistoryEntry(ids.get(i), "u", "type", Instant.EPOCH, i + 1, Map.of(), List.of(),
                    List.of());
            ring.add(entry, null);
            added.add(0, entry);
        }
        assertThat(ring.page(null, Long.MAX_VALUE, ids.size())).containsExactlyElementsOf(added);
        for (HistoryEntry entry : added) {
            assertThat(ring.find(HistoryLog.EventId.of(entry.eventId()))).as(entry.eventId()).contains(entry);
        }
    }

    @Test
    void anIdIsKeptAsTwoNumbers_exactlyWhenItIsAUuidInCanonicalForm() {
        String[] bases = {"ffffffff-ffff-ffff-ffff-ffffffffffff", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"};
        for (String base : bases) {
            char[] chars = base.toCharArray();
            for (int at = 0; at < chars.length; at++) {
                char kept = chars[at];
                for (int c = 0; c <= Character.MAX_VALUE; c++) {
                    chars[at] = (char) c;
                    String id = new String(chars);
                    boolean dash = at == 8 || at == 13 || at == 18 || at == 23;
                    boolean canonical = dash ? c == '-' : c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
                    HistoryLog.EventId key = HistoryLog.EventId.of(id);
                    if (canonical) {
                        UUID uuid = UUID.fromString(id);
                        assertThat(key).as(id).isEqualTo(new HistoryLog.EventId(null, uuid.getMostSignificantBits(),
                                uuid.getLeastSignificantBits()));
                    } else if (key.string() == null) {
                        throw new AssertionError(id + " was taken for a UUID");
                    }
                }
                chars[at] = kept;
            }
        }
    }
}
