package dev.ludus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import dev.ludus.api.spi.PlayerStore;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checklist every {@link PlayerStore} must pass for the engine to keep its promises (docs/consistency.md).
 * Extend it, return a new empty store from {@link #newStore()}, and run it with JUnit 5:
 *
 * <pre>{@code
 * class MyStoreTest extends PlayerStoreContract {
 *     @Override
 *     protected PlayerStore newStore() { return new MyStore(...); }
 * }
 * }</pre>
 *
 * Published in the {@code engine-core} test-jar ({@code <type>test-jar</type>}).
 */
public abstract class PlayerStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private PlayerStore store;

    /** @return a new, empty store */
    protected abstract PlayerStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void load_whenPlayerNeverCommitted_isEmpty() {
        assertThat(store.load("nobody")).isEmpty();
        assertThat(store.findIdempotency("nobody", "k")).isEmpty();
        assertThat(store.history("nobody", null, Long.MAX_VALUE, 10)).isEmpty();
        assertThat(store.findEvent("no-such-event")).isEmpty();
    }

    @Test
    void commit_whenVersionMatches_writesRecordKeyAndHistoryTogether() {
        assertThat(store.commit(commit("p1", 0, "e1", "k1", "ev"))).isTrue();

        assertThat(store.load("p1")).get().satisfies(r -> {
            assertThat(r.version()).isEqualTo(1);
            assertThat(r.state().xp()).isEqualTo(1);
            assertThat(r.engineData()).containsEntry("seen", 1L);
        });
        assertThat(store.findIdempotency("p1", "k1")).get()
                .satisfies(k -> assertThat(k.result().eventId()).isEqualTo("e1"));
        assertThat(store.findEvent("e1")).get().satisfies(h -> assertThat(h.version()).isEqualTo(1));
    }

    @Test
    void commit_whenVersionIsStale_writesNothing() {
        assertThat(store.commit(commit("p1", 0, "e1", "k1", "ev"))).isTrue();

        assertThat(store.commit(commit("p1", 0, "e2", "k2", "ev"))).isFalse();
        assertThat(store.commit(commit("p1", 5, "e3", "k3", "ev"))).isFalse();

        assertThat(store.load("p1")).get().satisfies(r -> assertThat(r.version()).isEqualTo(1));
        assertThat(store.findIdempotency("p1", "k2")).isEmpty();
        assertThat(store.findIdempotency("p1", "k3")).isEmpty();
        assertThat(store.findEvent("e2")).isEmpty();
        assertThat(store.history("p1", null, Long.MAX_VALUE, 10)).extracting(HistoryEntry::eventId)
                .containsExactly("e1");
    }

    @Test
    void commit_whenPlayerExistsAndExpectedVersionIsZero_writesNothing() {
        assertThat(store.commit(commit("p1", 0, "e1", null, "ev"))).isTrue();
        assertThat(store.commit(commit("p1", 0, "e2", null, "ev"))).isFalse();
        assertThat(store.load("p1")).get().satisfies(r -> assertThat(r.version()).isEqualTo(1));
    }

    @Test
    void idempotencyKeys_areScopedToThePlayer() {
        assertThat(store.commit(commit("p1", 0, "e1", "order-1", "ev"))).isTrue();
        assertThat(store.findIdempotency("p2", "order-1")).isEmpty();
        assertThat(store.commit(commit("p2", 0, "e2", "order-1", "ev"))).isTrue();
        assertThat(store.findIdempotency("p2", "order-1")).get()
                .satisfies(k -> assertThat(k.result().eventId()).isEqualTo("e2"));
        assertThat(store.findIdempotency("p1", "order-1")).get()
                .satisfies(k -> assertThat(k.result().eventId()).isEqualTo("e1"));
    }

    @Test
    void history_listsNewestFirst_filtersByTypeAndVersion_andHonoursTheLimit() {
        for (int v = 0; v < 6; v++) {
            assertThat(store.commit(commit("p1", v, "e" + (v + 1), null, v % 2 == 0 ? "even" : "odd"))).isTrue();
        }
        assertThat(store.history("p1", null, Long.MAX_VALUE, 10)).extracting(HistoryEntry::version)
                .containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(store.history("p1", "even", Long.MAX_VALUE, 10)).extracting(HistoryEntry::eventId)
                .containsExactly("e5", "e3", "e1");
        assertThat(store.history("p1", null, 4, 2)).extracting(HistoryEntry::version).containsExactly(3L, 2L);
    }

    @Test
    void commit_underContention_neverLosesOrDoublesAnUpdate() throws Exception {
        int threads = 8;
        int incrementsPerThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong ids = new AtomicLong();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < incrementsPerThread; i++) {
                        boolean written;
                        do {
                            long version = store.load("hot").map(PlayerRecord::version).orElse(0L);
                            written = store.commit(commit("hot", version, "c" + ids.incrementAndGet(), null, "ev"));
                        } while (!written);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        PlayerRecord last = store.load("hot").orElseThrow();
        assertThat(last.version()).isEqualTo((long) threads * incrementsPerThread);
        assertThat(last.state().xp()).isEqualTo((long) threads * incrementsPerThread);
    }

    /** A commit moving {@code player} from {@code version} to {@code version + 1}, with xp = version + 1. */
    private static PlayerCommit commit(String player, long version, String eventId, String key, String eventType) {
        long next = version + 1;
        PlayerState state = new PlayerState(player, next, 1, 100 - Math.min(next, 99), Map.of(), new TreeSet<>(),
                Map.of(), Map.of(), Map.of(), next);
        EventResult result = new EventResult(eventId, player, eventType, EventStatus.PROCESSED, "v1", List.of(),
                List.of(), List.of(), List.of(), List.of(), null, null);
        Instant time = T0.plusSeconds(next);
        return new PlayerCommit(player, version, new PlayerRecord(state, Map.of("seen", next)),
                key == null ? null : new IdempotencyRecord(key, "fp-" + key, time, result),
                new HistoryEntry(eventId, player, eventType, time, next, Map.of(), List.of(), List.of()));
    }
}
