package dev.ludus.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store keeps history as columns and builds entries again when they are read: every id, time and field must
 * come back equal to what was committed, whether or not the id is a UUID in the form the store packs into numbers.
 */
class InMemoryPlayerStoreColumnsTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:15:30.123456789Z");

    /** Ids that look like canonical UUIDs but are not, next to ones that are; each must come back exactly. */
    private static final List<String> AWKWARD_IDS = List.of(
            "123e4567-e89b-42d3-a456-426614174000", // canonical: packed into two longs
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "123E4567-E89B-42D3-A456-426614174000", // uppercase: must stay a string, not come back lowercased
            "123e4567-e89b-42d3-a456-42661417400A",
            "{123e4567-e89b-42d3-a456-426614174000}", // braces
            "123e4567e89b42d3a456426614174000", // no dashes
            "123e4567-e89b-42d3-a456-4266141740000", // 37 chars
            "123e4567-e89b-42d3-a456+426614174000", // 36 chars, a sign where a dash goes
            "123e4567-e89b-42d3-a456-42661417400g", // 36 chars, a letter past f
            "123e4567-e89b-42d3-a45-6426614174000", // 36 chars, a dash out of place
            "123e4567-e89b-42d3-a456-42661417400/", // 36 chars, the char before '0'
            "123e4567-e89b-42d3-a456-42661417400:", // 36 chars, the char after '9'
            "123e4567-e89b-42d3-a456-42661417400`", // 36 chars, the char before 'a'
            "abcdefghijklmnopqrstuvwxyz0123456789", // 36 chars, no dashes
            "user-42-event-0001",
            "");

    private static PlayerState state(String user, long version) {
        return new PlayerState(user, version, 1, 100, Map.of(), new TreeSet<>(), Map.of(), Map.of(), Map.of(),
                version);
    }

    /** Commits {@code entry} as the next version of its player, at {@code entry.version() - 1} until now. */
    private static void commit(InMemoryPlayerStore store, HistoryEntry entry) {
        long version = entry.version();
        assertThat(store.commit(new PlayerCommit(entry.externalUserId(), version - 1,
                new PlayerRecord(state(entry.externalUserId(), version), Map.of()), null, entry))).isTrue();
    }

    private static HistoryEntry entry(String id, String user, Instant time, long version) {
        return new HistoryEntry(id, user, version % 2 == 0 ? "even" : "odd", time, version,
                Map.of("points", version, "tag", "t" + version), List.of("rule-" + version), List.of("award_points"));
    }

    private static List<HistoryEntry> commitAll(InMemoryPlayerStore store, String user, List<String> ids,
                                                List<Instant> times) {
        List<HistoryEntry> committed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            HistoryEntry entry = entry(ids.get(i), user, times.get(i % times.size()), i + 1);
            commit(store, entry);
            committed.add(entry);
        }
        return committed;
    }

    private static List<HistoryEntry> newestFirst(List<HistoryEntry> entries) {
        List<HistoryEntry> reversed = new ArrayList<>(entries);
        Collections.reverse(reversed);
        return reversed;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void idsInAndOutOfUuidForm_comeBackExactly_fromHistoryAndFindEvent(boolean indexEventIds) {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().indexEventIds(indexEventIds).build();
        List<HistoryEntry> committed = commitAll(store, "u", AWKWARD_IDS, List.of(T0));

        assertThat(store.history("u", null, Long.MAX_VALUE, 1000)).containsExactlyElementsOf(newestFirst(committed));
        for (HistoryEntry entry : committed) {
            assertThat(store.findEvent(entry.eventId())).as(entry.eventId()).contains(entry);
        }
        assertThat(store.findEvent("123e4567-e89b-42d3-a456-426614174001")).isEmpty();
        assertThat(store.findEvent("123E4567-E89B-42D3-A456-426614174001")).isEmpty();
        assertThat(store.findEvent("{123e4567-e89b-42d3-a456-426614174001}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void findEvent_ofAUuidInAnotherForm_doesNotFindTheCanonicalOne(boolean indexEventIds) {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().indexEventIds(indexEventIds).build();
        String canonical = "123e4567-e89b-42d3-a456-426614174000";
        commitAll(store, "u", List.of(canonical), List.of(T0));

        assertThat(store.findEvent(canonical.toUpperCase())).isEmpty();
        assertThat(store.findEvent("{" + canonical + "}")).isEmpty();
        assertThat(store.findEvent(canonical.replace("-", ""))).isEmpty();
        assertThat(store.findEvent(canonical)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void generatedAndRandomIds_roundTrip_acrossPlayersAndTheRingWrap(boolean indexEventIds) {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(13).indexEventIds(indexEventIds)
                .build();
        Random random = new Random(42);
        List<HistoryEntry> kept = new ArrayList<>();
        List<String> evicted = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(switch (random.nextInt(4)) {
                    case 0, 1 -> new UUID(random.nextLong(), random.nextLong()).toString();
                    case 2 -> new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase();
                    default -> randomString(random);
                });
            }
            List<HistoryEntry> committed = commitAll(store, "p" + p, ids,
                    List.of(T0, Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999)));
            List<HistoryEntry> newest = newestFirst(committed).subList(0, 13);
            assertThat(store.history("p" + p, null, Long.MAX_VALUE, 100)).containsExactlyElementsOf(newest);
            kept.addAll(newest);
            committed.subList(0, committed.size() - 13).forEach(e -> evicted.add(e.eventId()));
        }

        for (HistoryEntry entry : kept) {
            assertThat(store.findEvent(entry.eventId())).as(entry.eventId()).contains(entry);
        }
        for (String id : evicted) {
            assertThat(store.findEvent(id)).as(id).isEmpty();
        }
    }

    private static String randomString(Random random) {
        int length = random.nextBoolean() ? 36 : random.nextInt(50);
        StringBuilder s = new StringBuilder(length);
        String alphabet = "0123456789abcdefABCDEF-{}xyz \u00e9\u4e2d";
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void timestamps_withNanosAndBefore1970_comeBackExactly() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        List<Instant> times = List.of(T0, Instant.EPOCH, Instant.ofEpochSecond(-1, 1),
                Instant.ofEpochSecond(-1, 999_999_999), Instant.parse("1969-07-20T20:17:40.000000001Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.MIN, Instant.MAX);
        List<String> ids = times.stream().map(t -> UUID.randomUUID().toString()).toList();
        List<HistoryEntry> committed = commitAll(store, "u", ids, times);

        List<HistoryEntry> read = store.history("u", null, Long.MAX_VALUE, 100);
        assertThat(read).containsExactlyElementsOf(newestFirst(committed));
        assertThat(read).extracting(HistoryEntry::timestamp).containsExactlyElementsOf(
                newestFirst(committed).stream().map(HistoryEntry::timestamp).toList());
    }

    @Test
    void readEntries_equalTheCommittedOnes_andCarryTheirPlayer() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        HistoryEntry committed = entry(UUID.randomUUID().toString(), "alice", T0, 1);
        commit(store, committed);

        HistoryEntry read = store.findEvent(committed.eventId()).orElseThrow();
        assertThat(read).isEqualTo(committed);
        assertThat(read.externalUserId()).isEqualTo("alice");
        assertThat(read.properties()).containsExactlyEntriesOf(committed.properties());
    }

    @Test
    void anEntryWhosePlayerDiffersFromTheCommits_keepsItsOwnPlayer() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        HistoryEntry odd = entry("e1", "someone-else", T0, 1);
        assertThat(store.commit(new PlayerCommit("u", 0, new PlayerRecord(state("u", 1), Map.of()), null, odd)))
                .isTrue();
        HistoryEntry normal = entry("e2", "u", T0, 2);
        commit(store, normal);

        assertThat(store.history("u", null, Long.MAX_VALUE, 10)).containsExactly(normal, odd);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pagingAcrossTheWrap_withUuidIds_returnsEachEntryOnceAndEqual(boolean indexEventIds) {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(10).indexEventIds(indexEventIds)
                .build();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            ids.add(new UUID(i, -i).toString());
        }
        List<HistoryEntry> committed = commitAll(store, "u", ids, List.of(T0, Instant.ofEpochSecond(-86_400, 5)));

        List<HistoryEntry> seen = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            List<HistoryEntry> page = store.history("u", null, before, 3);
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
            before = page.get(page.size() - 1).version();
        }
        assertThat(seen).containsExactlyElementsOf(newestFirst(committed).subList(0, 10));
        assertThat(store.findEvent(ids.get(16))).isEmpty();
        assertThat(store.findEvent(ids.get(17))).contains(committed.get(17));
    }

    @Test
    void index_withARepeatedId_findsItUntilItsLastEntryLeaves() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(3).indexEventIds(true).build();
        String repeated = UUID.randomUUID().toString();
        List<HistoryEntry> committed = commitAll(store, "u", List.of(repeated, "a", repeated), List.of(T0));

        assertThat(store.findEvent(repeated)).contains(committed.get(2));
        commit(store, entry("b", "u", T0, 4)); // drops the first entry with the id; the third still has it
        assertThat(store.findEvent(repeated)).contains(committed.get(2));
        commit(store, entry("c", "u", T0, 5));
        commit(store, entry("d", "u", T0, 6)); // drops the third
        assertThat(store.findEvent(repeated)).isEmpty();
        assertThat(store.findEvent("d")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anIdHeldByTwoPlayers_isFoundWhileEitherKeepsIt(boolean indexEventIds) {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(2).indexEventIds(indexEventIds)
                .build();
        // A commits X, B commits X, A commits X again; then A's first X is dropped, its second kept.
        commit(store, entry("X", "a", T0, 1));
        HistoryEntry bx = entry("X", "b", T0, 1);
        commit(store, bx);
        HistoryEntry ax = entry("X", "a", T0, 2);
        commit(store, ax);
        for (int v = 3; v < 10; v++) {
            commit(store, entry("a-" + v, "a", T0, v));
            commit(store, entry("b-" + v, "b", T0, v - 1));
            if (v == 3) {
                assertThat(store.findEvent("X")).isPresent(); // both players still keep an X
            }
        }
        assertThat(store.findEvent("X")).isEmpty(); // both have dropped it

        // The index points at the last player to commit the id; that player drops it while the other keeps it.
        HistoryEntry cy = entry("Y", "c", T0, 1);
        commit(store, cy);
        commit(store, entry("Y", "d", T0, 1));
        commit(store, entry("d-2", "d", T0, 2));
        commit(store, entry("d-3", "d", T0, 3));
        commit(store, entry("d-4", "d", T0, 4));
        assertThat(store.findEvent("Y")).contains(cy);
    }
}
