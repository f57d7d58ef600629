package dev.ludus.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store's bounded history: ring order across the wrap, paging, no history, and finding events by id. */
class InMemoryPlayerStoreHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:15:30Z");

    private static PlayerState state(String user, long version) {
        return new PlayerState(user, version, 1, 100, Map.of(), new TreeSet<>(), Map.of(), Map.of(), Map.of(),
                version);
    }

    /** Commits {@code user} from {@code version} to {@code version + 1}; odd new versions are "odd" events. */
    private static boolean commit(InMemoryPlayerStore store, String user, long version) {
        long next = version + 1;
        return store.commit(new PlayerCommit(user, version, new PlayerRecord(state(user, next), Map.of()), null,
                new HistoryEntry(user + "-" + next, user, next % 2 == 1 ? "odd" : "even", T0.plusSeconds(next), next,
                        Map.of(), List.of(), List.of())));
    }

    private static void commitVersions(InMemoryPlayerStore store, String user, int count) {
        for (int v = 0; v < count; v++) {
            assertThat(commit(store, user, v)).isTrue();
        }
    }

    private static List<Long> versions(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::version).toList();
    }

    private static List<Long> descending(long from, long to) {
        return LongStream.iterate(from, v -> v >= to, v -> v - 1).boxed().toList();
    }

    @Test
    void history_beyondTheCapacity_keepsTheNewestNewestFirst() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(5).build();
        commitVersions(store, "u", 13);

        assertThat(versions(store.history("u", null, Long.MAX_VALUE, 100))).containsExactly(13L, 12L, 11L, 10L, 9L);
        assertThat(versions(store.history("u", "odd", Long.MAX_VALUE, 100))).containsExactly(13L, 11L, 9L);
        assertThat(versions(store.history("u", null, Long.MAX_VALUE, 2))).containsExactly(13L, 12L);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 9, 16, 20, 100})
    void history_whileGrowingAndAfterWrapping_staysNewestFirst(int capacity) {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(capacity).build();
        for (int v = 0; v < 3 * capacity + 3; v++) {
            assertThat(commit(store, "u", v)).isTrue();
            long newest = v + 1;
            assertThat(versions(store.history("u", null, Long.MAX_VALUE, 1000)))
                    .as("after version %d", newest)
                    .isEqualTo(descending(newest, Math.max(1, newest - capacity + 1)));
        }
    }

    @Test
    void history_pagedByBeforeVersion_crossesTheWrapWithoutGapsOrRepeats() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(10).build();
        commitVersions(store, "u", 27); // keeps 27..18; the ring has wrapped twice and its seam is mid-array

        List<Long> seen = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            List<HistoryEntry> page = store.history("u", null, before, 3);
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(versions(page));
            before = page.get(page.size() - 1).version();
        }
        assertThat(seen).isEqualTo(descending(27, 18));
        assertThat(versions(store.history("u", "even", 23, 10))).containsExactly(22L, 20L, 18L);
        assertThat(store.history("u", null, 18, 10)).isEmpty();
    }

    @Test
    void historyPerPlayerZero_keepsNoHistory_butCommitsRecordsAndKeys() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(0).build();
        commitVersions(store, "u", 3);

        assertThat(store.load("u").orElseThrow().version()).isEqualTo(3);
        assertThat(store.history("u", null, Long.MAX_VALUE, 10)).isEmpty();
        assertThat(store.findEvent("u-3")).isEmpty();
        assertThat(commit(store, "u", 2)).isFalse();
    }

    @Test
    void historyPerPlayerZero_withTheIndex_findsNothing() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(0).indexEventIds(true).build();
        commitVersions(store, "u", 3);

        assertThat(store.findEvent("u-3")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void findEvent_findsKeptEntries_andNotEvictedOnes(boolean indexEventIds) {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(4).indexEventIds(indexEventIds)
                .build();
        commitVersions(store, "alice", 10);
        commitVersions(store, "bob", 2);

        assertThat(store.findEvent("alice-10")).get().satisfies(h -> assertThat(h.version()).isEqualTo(10));
        assertThat(store.findEvent("alice-7")).get().satisfies(h -> assertThat(h.externalUserId()).isEqualTo("alice"));
        assertThat(store.findEvent("alice-6")).isEmpty();
        assertThat(store.findEvent("alice-1")).isEmpty();
        assertThat(store.findEvent("bob-1")).get().satisfies(h -> assertThat(h.externalUserId()).isEqualTo("bob"));
        assertThat(store.findEvent("carol-1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void findEvent_tellsApartIdsThatEndAlike(boolean indexEventIds) {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().indexEventIds(indexEventIds).build();
        List<String> ids = List.of("x-0001", "y-0001", "0001", "z-0001", "x-1001");
        for (int v = 0; v < ids.size(); v++) {
            assertThat(store.commit(new PlayerCommit("u", v, new PlayerRecord(state("u", v + 1), Map.of()), null,
                    new HistoryEntry(ids.get(v), "u", "e", T0, v + 1, Map.of(), List.of(), List.of())))).isTrue();
        }

        for (int v = 0; v < ids.size(); v++) {
            assertThat(store.findEvent(ids.get(v))).as(ids.get(v)).get()
                    .extracting(HistoryEntry::version).isEqualTo(v + 1L);
        }
        assertThat(store.findEvent("w-0001")).isEmpty();
        assertThat(store.findEvent("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void importPlayer_replacesRecord_andDropsHistoryKeysAndIndexedIds(boolean indexEventIds) {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(4).indexEventIds(indexEventIds)
                .build();
        commitVersions(store, "u", 6);

        store.importPlayer(state("u", 40));

        assertThat(store.load("u").orElseThrow().version()).isEqualTo(40);
        assertThat(store.load("u").orElseThrow().engineData()).isEmpty();
        assertThat(store.history("u", null, Long.MAX_VALUE, 10)).isEmpty();
        assertThat(store.findEvent("u-6")).isEmpty();
        assertThat(commit(store, "u", 6)).isFalse();
        assertThat(commit(store, "u", 40)).isTrue();
        assertThat(versions(store.history("u", null, Long.MAX_VALUE, 10))).containsExactly(41L);
        assertThat(store.findEvent("u-41")).isPresent();
    }

    @Test
    void importPlayer_ofANewPlayer_isLoadedAndCommittableAtItsVersion() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        store.importPlayer(state("u", 3));

        assertThat(store.load("u").orElseThrow().version()).isEqualTo(3);
        assertThat(commit(store, "u", 0)).isFalse();
        assertThat(commit(store, "u", 3)).isTrue();
    }

    @Test
    void history_ofAnUnknownPlayerOrWithNoRoom_isEmpty() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        commitVersions(store, "u", 2);

        assertThat(store.history("nobody", null, Long.MAX_VALUE, 10)).isEmpty();
        assertThat(store.history("u", null, Long.MAX_VALUE, 0)).isEmpty();
        assertThat(store.history("u", "other", Long.MAX_VALUE, 10)).isEmpty();
    }
}
