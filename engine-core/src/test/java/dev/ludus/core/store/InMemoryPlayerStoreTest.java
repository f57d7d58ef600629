package dev.ludus.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Unit tests of the default store: per-player compare-and-set, keys committed with the record, thread safety. */
class InMemoryPlayerStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:15:30Z");

    private static PlayerRecord record(String user, long xp, long version) {
        return new PlayerRecord(new PlayerState(user, xp, 1, 100 - xp, Map.of(), new TreeSet<>(), Map.of(), Map.of(),
                Map.of(), version), Map.of("engine", "data"));
    }

    private static HistoryEntry history(String user, long version) {
        return new HistoryEntry(user + "-" + version, user, "e", T0, version, Map.of(), List.of(), List.of());
    }

    private static IdempotencyRecord key(String key, Instant time) {
        EventResult result = new EventResult("evt-" + key, "u", "e", EventStatus.PROCESSED, "v", List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null);
        return new IdempotencyRecord(key, "fingerprint-" + key, time, result);
    }

    private static PlayerCommit commit(String user, long expectedVersion, long xp, IdempotencyRecord key) {
        return new PlayerCommit(user, expectedVersion, record(user, xp, expectedVersion + 1), key,
                history(user, expectedVersion + 1));
    }

    @Test
    void unknownPlayer_isEmpty() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        assertThat(store.load("u")).isEmpty();
        assertThat(store.findIdempotency("u", "k")).isEmpty();
    }

    @Test
    void commit_atTheExpectedVersion_writesTheRecordAsGiven() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        assertThat(store.commit(commit("u", 0, 10, null))).isTrue();
        assertThat(store.load("u")).contains(record("u", 10, 1));
        assertThat(store.load("u").orElseThrow().engineData()).containsEntry("engine", "data");
        assertThat(store.commit(commit("u", 1, 20, null))).isTrue();
        assertThat(store.load("u").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void commit_atAStaleVersion_writesNothing() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        store.commit(commit("u", 0, 10, null));
        assertThat(store.commit(commit("u", 0, 99, key("k", T0)))).isFalse();
        assertThat(store.commit(commit("u", 5, 99, key("k", T0)))).isFalse();
        assertThat(store.load("u")).contains(record("u", 10, 1));
        assertThat(store.findIdempotency("u", "k")).isEmpty();
    }

    @Test
    void commit_forANewPlayer_mustExpectVersionZero() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        assertThat(store.commit(commit("u", 3, 10, null))).isFalse();
        assertThat(store.load("u")).isEmpty();
    }

    @Test
    void idempotencyRecords_areCommittedWithTheRecord_andScopedToThePlayer() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        IdempotencyRecord k = key("order-1", T0);
        store.commit(commit("alice", 0, 10, k));
        assertThat(store.findIdempotency("alice", "order-1")).contains(k);
        assertThat(store.findIdempotency("bob", "order-1")).isEmpty();
        assertThat(store.findIdempotency("alice", "order-2")).isEmpty();
    }

    @Test
    void idempotencyRecords_areKeptForAtLeastTheRetention() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().idempotencyRetention(Duration.ofHours(1)).build();
        store.commit(commit("u", 0, 0, key("first", T0)));
        for (int i = 1; i <= 200; i++) {
            Instant time = i == 200 ? T0.plus(Duration.ofHours(1)) : T0.plusSeconds(i);
            assertThat(store.commit(commit("u", i, i, key("k" + i, time)))).isTrue();
        }
        assertThat(store.findIdempotency("u", "first")).isPresent();
        assertThat(store.findIdempotency("u", "k199")).isPresent();
    }

    @Test
    void idempotencyRecords_arePrunedToTwiceOneRetentionsKeysPlus64_andNeverWithinTheRetention() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().idempotencyRetention(Duration.ofSeconds(1_000))
                .build();
        int maxHeld = 0;
        for (int i = 0; i < 20_000; i++) {
            // One key a second, every tenth from a late event (500 s old).
            Instant time = T0.plusSeconds(i % 10 == 9 ? Math.max(0, i - 500) : i);
            assertThat(store.commit(commit("u", i, i, key("k" + i, time)))).isTrue();
            int held = store.idempotencyRecords("u");
            assertThat(held).as("keys held after %d", i).isLessThanOrEqualTo(2 * 1_001 + 64);
            maxHeld = Math.max(maxHeld, held);
        }
        // Pruned (20,000 were added), and never a key within the retention of the newest.
        assertThat(maxHeld).isGreaterThan(1_001);
        for (int i = 19_000; i < 20_000; i++) {
            if (i % 10 != 9) { // the late keys of these are older than the retention
                assertThat(store.findIdempotency("u", "k" + i)).as("k%d", i).isPresent();
            }
        }
        assertThat(store.findIdempotency("u", "k100")).isEmpty();
    }

    @Test
    void idempotencyRetention_reachingBackPastTheFirstInstant_keepsEveryKey_andCommitsGoOn() {
        // 2.7 billion years: the newest key's time minus the retention is before Instant.MIN.
        InMemoryPlayerStore store = InMemoryPlayerStore.builder()
                .idempotencyRetention(Duration.ofDays(999_999_999_999L)).build();
        for (int i = 0; i < 200; i++) {
            assertThat(store.commit(commit("u", i, i, key("k" + i, T0.plusSeconds(i))))).isTrue();
        }
        assertThat(store.findIdempotency("u", "k0")).isPresent();
    }

    @Test
    void builder_refusesBadOrRepeatedSettings() {
        assertThatThrownBy(() -> InMemoryPlayerStore.builder().idempotencyRetention(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("idempotencyRetention must be positive, was PT0S");
        assertThatThrownBy(() -> InMemoryPlayerStore.builder().idempotencyRetention(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("idempotencyRetention must be positive, was PT-24H");
        assertThatThrownBy(() -> InMemoryPlayerStore.builder().idempotencyRetention(null))
                .isInstanceOf(NullPointerException.class).hasMessage("retention");
        assertThatThrownBy(() -> InMemoryPlayerStore.builder().idempotencyRetention(Duration.ofDays(1))
                .idempotencyRetention(Duration.ofDays(2)))
                .isInstanceOf(IllegalStateException.class).hasMessage("idempotencyRetention was already set to PT24H");
        assertThatThrownBy(() -> InMemoryPlayerStore.builder().historyPerPlayer(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("historyPerPlayer must be at least 0, was -1");
        assertThatThrownBy(() -> InMemoryPlayerStore.builder().historyPerPlayer(0).historyPerPlayer(5))
                .isInstanceOf(IllegalStateException.class).hasMessage("historyPerPlayer was already set to 0");
        assertThatThrownBy(() -> InMemoryPlayerStore.builder().indexEventIds(true).indexEventIds(false))
                .isInstanceOf(IllegalStateException.class).hasMessage("indexEventIds was already set to true");
        assertThatThrownBy(() -> InMemoryPlayerStore.builder().indexEventIds(false).indexEventIds(false))
                .isInstanceOf(IllegalStateException.class).hasMessage("indexEventIds was already set to false");
    }

    @Test
    void concurrentCommitsAtOneVersion_exactlyOneWins() throws Exception {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        int threads = 8;
        int rounds = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                long version = round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long xp = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        return store.commit(commit("u", version, xp, key("r" + version + "-t" + xp, T0)));
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> f : futures) {
                    winners += f.get(1, TimeUnit.MINUTES) ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
                PlayerRecord stored = store.load("u").orElseThrow();
                assertThat(stored.version()).isEqualTo(version + 1);
                // the winner's key is there, the losers' keys are not
                long winner = stored.state().xp();
                for (int t = 0; t < threads; t++) {
                    assertThat(store.findIdempotency("u", "r" + version + "-t" + t).isPresent()).isEqualTo(t == winner);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
