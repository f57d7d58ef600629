package dev.ludus.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real threads committing with version checks, against a replay: every successful commit is in the final state
 * exactly once, every failed one left nothing behind, and each player's history is its newest commits in order.
 */
class InMemoryPlayerStoreStressTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:15:30Z");
    private static final int THREADS = 4;
    private static final int PLAYERS = 8;
    private static final int ATTEMPTS_PER_THREAD = 4_000;
    private static final int HISTORY = 16;

    /** One commit attempt: {@code id} is its event id and idempotency key, {@code xp} what it adds. */
    private record Attempt(String player, String id, long xp) {
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void concurrentCommits_toFewPlayers_applyEachWinnerExactlyOnce(boolean indexEventIds) throws Exception {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(HISTORY)
                .indexEventIds(indexEventIds).build();
        Set<Attempt> won = ConcurrentHashMap.newKeySet();
        Set<Attempt> lost = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                        // Threads walk the players at different strides, so pairs of them keep meeting.
                        Attempt attempt = new Attempt("p" + (i * (thread + 1) % PLAYERS), "t" + thread + "-" + i,
                                1 + (i + thread) % 7);
                        (tryCommit(store, attempt) ? won : lost).add(attempt);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(won.size() + lost.size()).isEqualTo(THREADS * ATTEMPTS_PER_THREAD);
        assertThat(lost).as("some commits must have raced, or the test proves nothing").isNotEmpty();
        for (int p = 0; p < PLAYERS; p++) {
            String player = "p" + p;
            List<Attempt> wins = won.stream().filter(a -> a.player().equals(player)).toList();
            PlayerRecord last = store.load(player).orElseThrow();
            assertThat(last.version()).as(player).isEqualTo(wins.size());
            assertThat(last.state().xp()).as(player).isEqualTo(wins.stream().mapToLong(Attempt::xp).sum());

            List<HistoryEntry> history = store.history(player, null, Long.MAX_VALUE, 1000);
            assertThat(history).hasSize(Math.min(HISTORY, wins.size()));
            for (int i = 0; i < history.size(); i++) {
                HistoryEntry h = history.get(i);
                assertThat(h.version()).as("%s entry %d", player, i).isEqualTo(last.version() - i);
                assertThat(h.externalUserId()).isEqualTo(player);
                assertThat(won).contains(new Attempt(player, h.eventId(), (Long) h.properties().get("xp")));
                assertThat(store.findEvent(h.eventId())).contains(h);
            }
        }
        for (Attempt a : won) {
            assertThat(store.findIdempotency(a.player(), a.id())).as(a.id()).isPresent();
        }
        for (Attempt a : lost) {
            assertThat(store.findIdempotency(a.player(), a.id())).as(a.id()).isEmpty();
            assertThat(store.findEvent(a.id())).as(a.id()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void concurrentFirstCommits_ofNewPlayers_exactlyOneWinsEach(int historyPerPlayer) throws Exception {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(historyPerPlayer).build();
        int players = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Attempt>>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    List<Attempt> wins = new ArrayList<>();
                    for (int p = 0; p < players; p++) {
                        Attempt attempt = new Attempt("new" + p, "t" + thread + "-" + p, thread + 1);
                        if (tryCommit(store, attempt, 0)) {
                            wins.add(attempt);
                        }
                    }
                    return wins;
                }));
            }
            start.countDown();
            List<Attempt> wins = new ArrayList<>();
            for (Future<List<Attempt>> f : done) {
                wins.addAll(f.get(2, TimeUnit.MINUTES));
            }
            assertThat(wins).hasSize(players);
            for (Attempt a : wins) {
                PlayerRecord record = store.load(a.player()).orElseThrow();
                assertThat(record.version()).isEqualTo(1);
                assertThat(record.state().xp()).as(a.player()).isEqualTo(a.xp());
                assertThat(store.findIdempotency(a.player(), a.id())).isPresent();
                assertThat(store.history(a.player(), null, Long.MAX_VALUE, 10)).hasSize(historyPerPlayer);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void importPlayer_duringConcurrentCommits_isAtomic() throws Exception {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(HISTORY).indexEventIds(true)
                .build();
        long step = 1_000_000;
        int imports = 200;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS - 1; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                        tryCommit(store, new Attempt("hot", "t" + thread + "-" + i, 1));
                        assertHistoryFollowsTheRecord(store, step, false);
                    }
                    return null;
                }));
            }
            done.add(pool.submit(() -> {
                start.await();
                for (int k = 1; k <= imports; k++) {
                    store.importPlayer(new PlayerState("hot", 0, 1, 100, Map.of(), new TreeSet<>(), Map.of(),
                            Map.of(), Map.of(), k * step));
                    Thread.yield();
                }
                return null;
            }));
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        PlayerRecord last = store.load("hot").orElseThrow();
        assertThat(last.version() / step).isEqualTo(imports);
        assertHistoryFollowsTheRecord(store, step, true);
    }

    /**
     * Each import sets the version to a multiple of {@code step} with xp 0 and no history; each commit adds 1 to
     * both. So a record and history read together show xp = commits since the import, and history holds only
     * those commits, newest first. {@code quiet}: nothing commits any more, so the entries are still indexed.
     */
    private static void assertHistoryFollowsTheRecord(InMemoryPlayerStore store, long step, boolean quiet) {
        PlayerRecord record;
        List<HistoryEntry> history;
        do {
            record = store.load("hot").orElse(null);
            history = store.history("hot", null, Long.MAX_VALUE, 1000);
        } while (record != null && !record.equals(store.load("hot").orElse(null)));
        if (record == null || record.version() < step) {
            return;
        }
        long sinceImport = record.version() % step;
        assertThat(record.state().xp()).isEqualTo(sinceImport);
        assertThat(history).hasSize((int) Math.min(HISTORY, sinceImport));
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).version()).isEqualTo(record.version() - i);
            if (quiet) {
                assertThat(store.findEvent(history.get(i).eventId())).contains(history.get(i));
            }
        }
    }

    /**
     * {@code load} reads the player's ring of history addresses without the player's lock, to fetch the memory the
     * next commit writes (a cache hint), and {@code history} reads entries wherever the log's compaction last put
     * them: neither may ever fail or see a torn history, whatever the log does meanwhile. One thread commits entries
     * of a few bytes and of tens of kilobytes in turn (segments fill, are sealed, die, are freed and their numbers
     * reused) and now and then re-imports the player (the ring is emptied), while two threads load the player and
     * read its history as fast as they can.
     */
    @Test
    void loadsAndHistoryReads_whileTheLogGrowsAndCompacts_neverFail() throws Exception {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(4).build();
        String big = "x".repeat(20_000);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<Long> writer = pool.submit(() -> {
                start.await();
                long version = 0;
                long resized = 0;
                for (int i = 0; i < 20_000; i++) {
                    if (i % 1_000 == 999) {
                        store.importPlayer(new PlayerState("p", 0, 1, 100, Map.of(), new TreeSet<>(), Map.of(),
                                Map.of(), Map.of(), version));
                    }
                    long before = store.historyBytes();
                    Attempt attempt = new Attempt("p", "w-" + i, 1);
                    PlayerCommit commit = commit(attempt, version, version + 1);
                    if (i % 7 < 2) {
                        commit = withProperties(commit, Map.of("big", big + i));
                    }
                    assertThat(store.commit(commit)).isTrue();
                    version++;
                    resized += store.historyBytes() < before ? 1 : 0;
                }
                return resized;
            });
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    long loads = 0;
                    long last = 0;
                    while (!writer.isDone()) {
                        PlayerRecord record = store.load("p").orElse(null);
                        long version = record == null ? 0 : record.version();
                        assertThat(version).isGreaterThanOrEqualTo(last);
                        last = version;
                        List<HistoryEntry> history = store.history("p", null, Long.MAX_VALUE, 10);
                        assertThat(history.size()).isLessThanOrEqualTo(4);
                        for (int i = 0; i < history.size(); i++) {
                            HistoryEntry entry = history.get(i);
                            assertThat(entry.eventId()).isEqualTo("w-" + (entry.version() - 1));
                            assertThat(entry.version()).isEqualTo(history.get(0).version() - i);
                        }
                        loads++;
                    }
                    return loads;
                }));
            }
            start.countDown();
            assertThat(writer.get(2, TimeUnit.MINUTES)).as("the log must have been compacted").isGreaterThan(10);
            for (Future<Long> reader : readers) {
                assertThat(reader.get(2, TimeUnit.MINUTES)).isGreaterThan(0);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.load("p").orElseThrow().version()).isEqualTo(20_000);
    }

    /**
     * Threads committing to players of their own while another compacts the log as fast as it can (moving entries
     * between segments under their players' locks): at the end every player's history is exactly its newest
     * commits, and the log holds no more than the live entries allow.
     */
    @Test
    void commitsOfManyThreads_whileCompactionMovesEntries_loseNothing() throws Exception {
        int threads = 4;
        int players = 50;
        int commits = 4_000;
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(8).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    Random random = new Random(thread);
                    long[] versions = new long[players];
                    for (int i = 0; i < commits; i++) {
                        int p = random.nextInt(players);
                        String player = "t" + thread + "-p" + p;
                        PlayerCommit commit = commit(new Attempt(player, player + "-" + versions[p], 1),
                                versions[p], versions[p] + 1);
                        if (random.nextInt(10) == 0) {
                            commit = withProperties(commit, Map.of("pad", "y".repeat(random.nextInt(5_000))));
                        }
                        assertThat(store.commit(commit)).isTrue();
                        versions[p]++;
                    }
                    return null;
                }));
            }
            Future<Long> compactor = pool.submit(() -> {
                start.await();
                long rounds = 0;
                while (!done.get()) {
                    store.compactHistory();
                    rounds++;
                }
                return rounds;
            });
            start.countDown();
            for (Future<?> w : writers) {
                w.get(2, TimeUnit.MINUTES);
            }
            done.set(true);
            assertThat(compactor.get(2, TimeUnit.MINUTES)).isGreaterThan(0);
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < threads; t++) {
            for (int p = 0; p < players; p++) {
                String player = "t" + t + "-p" + p;
                long version = store.load(player).map(PlayerRecord::version).orElse(0L);
                List<HistoryEntry> history = store.history(player, null, Long.MAX_VALUE, 100);
                assertThat(history).as(player).hasSize((int) Math.min(8, version));
                for (int i = 0; i < history.size(); i++) {
                    assertThat(history.get(i).eventId()).isEqualTo(player + "-" + (version - 1 - i));
                    assertThat(store.findEvent(history.get(i).eventId())).contains(history.get(i));
                }
            }
        }
        store.compactHistory();
        // 200 players x 8 entries of at most about 5 KB each, twice over, and the writers' segments.
        assertThat(store.historyBytes()).isLessThan(2L * 200 * 8 * 5_200 + 64L * 256 * 1024);
    }

    private static PlayerCommit withProperties(PlayerCommit commit, Map<String, Object> properties) {
        HistoryEntry e = commit.history();
        return new PlayerCommit(commit.externalUserId(), commit.expectedVersion(), commit.record(),
                commit.idempotency(), new HistoryEntry(e.eventId(), e.externalUserId(), e.eventType(),
                e.timestamp(), e.version(), properties, e.rulesTriggered(), e.actionsExecuted()));
    }

    private static boolean tryCommit(InMemoryPlayerStore store, Attempt attempt) {
        PlayerRecord loaded = store.load(attempt.player()).orElse(null);
        long version = loaded == null ? 0 : loaded.version();
        long xp = loaded == null ? 0 : loaded.state().xp();
        return store.commit(commit(attempt, version, xp + attempt.xp()));
    }

    private static boolean tryCommit(InMemoryPlayerStore store, Attempt attempt, long version) {
        return store.commit(commit(attempt, version, attempt.xp()));
    }

    private static PlayerCommit commit(Attempt attempt, long version, long xp) {
        long next = version + 1;
        PlayerState state = new PlayerState(attempt.player(), xp, 1, 100, Map.of(), new TreeSet<>(), Map.of(),
                Map.of(), Map.of(), next);
        EventResult result = new EventResult(attempt.id(), attempt.player(), "e", EventStatus.PROCESSED, "v",
                List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
        Instant time = T0.plusMillis(next);
        return new PlayerCommit(attempt.player(), version, new PlayerRecord(state, Map.of()),
                new IdempotencyRecord(attempt.id(), "fp", time, result),
                new HistoryEntry(attempt.id(), attempt.player(), "e", time, next, Map.of("xp", attempt.xp()),
                        List.of(), List.of()));
    }
}
