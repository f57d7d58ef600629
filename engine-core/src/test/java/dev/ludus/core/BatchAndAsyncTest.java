package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.rule;
import static dev.ludus.core.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.Update;
import dev.ludus.api.spi.PlayerCommit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How {@code trackBatch} and {@code trackAsync} use the engine's executor. */
class BatchAndAsyncTest {
    private static final String GAME = rules(rule("xp", "ev", "[{\"type\": \"grant_xp\", \"amount\": 100}]"));
    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    /** A store that remembers the threads its commits ran on. */
    private static final class ThreadsStore extends ForwardingStore {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public boolean commit(PlayerCommit commit) {
            threads.add(Thread.currentThread());
            return super.commit(commit);
        }
    }

    /** @return two events for each of {@code players} players, interleaved: p0, p1, …, p0, p1, … */
    private static List<Event> twoEventsEach(int players) {
        List<Event> events = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int p = 0; p < players; p++) {
                events.add(event("p" + p, "ev"));
            }
        }
        return events;
    }

    /** Each player's second event saw the first: its events applied in input order, once each. */
    private static void assertEachPlayerInOrder(List<EventResult> results, int players) {
        assertThat(results).hasSize(2 * players).allSatisfy(r -> assertThat(r.status()).isEqualTo(EventStatus.PROCESSED));
        for (int p = 0; p < players; p++) {
            assertThat(results.get(p).updates()).startsWith(new Update.XpUpdated(100, 100, 2));
            assertThat(results.get(players + p).updates()).first().isEqualTo(new Update.XpUpdated(200, 100, 2));
        }
    }

    @Test
    void trackBatch_handsTheExecutorFewerSharesThanProcessors_notATaskPerPlayer() {
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            RuleEngine engine = Ludus.builder().game(GAME).executor(task -> {
                tasks.incrementAndGet();
                pool.execute(task);
            }).build();
            List<EventResult> results = engine.trackBatch(twoEventsEach(500));
            assertEachPlayerInOrder(results, 500);
            assertThat(tasks.get()).isEqualTo(Math.min(PROCESSORS, 500) - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(30)
    void trackBatch_runsOnTheCallingThread_whenTheExecutorRejectsOrNeverRunsItsTasks() {
        RuleEngine rejecting = Ludus.builder().game(GAME).executor(task -> {
            throw new RejectedExecutionException("full");
        }).build();
        assertEachPlayerInOrder(rejecting.trackBatch(twoEventsEach(300)), 300);

        List<Runnable> neverRun = new ArrayList<>();
        RuleEngine stalled = Ludus.builder().game(GAME).executor(neverRun::add).build();
        assertEachPlayerInOrder(stalled.trackBatch(twoEventsEach(300)), 300);
        assertThat(neverRun).hasSize(Math.min(PROCESSORS, 300) - 1);
        neverRun.forEach(Runnable::run); // started late, a share finds its players taken and does nothing
        assertThat(stalled.player("p0").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void trackBatch_onTheDefaultExecutor_commitsOnTheCallerOrTheCommonPool_neverOnThreadsOfItsOwn() {
        ThreadsStore store = new ThreadsStore();
        RuleEngine engine = Ludus.builder().game(GAME).store(store).build();
        assertEachPlayerInOrder(engine.trackBatch(twoEventsEach(2_000)), 2_000);
        Thread caller = Thread.currentThread();
        assertThat(store.threads).allSatisfy(thread -> assertThat(thread == caller || inCommonPool(thread))
                .as("commit on %s", thread).isTrue());
    }

    @Test
    void trackBatch_rethrowsAnErrorOfATrack_afterTheOtherSharesEnded() {
        ForwardingStore store = new ForwardingStore() {
            @Override
            public boolean commit(PlayerCommit commit) {
                if (commit.externalUserId().equals("p7")) {
                    throw new AssertionError("store broke");
                }
                return super.commit(commit);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            RuleEngine engine = Ludus.builder().game(GAME).store(store).executor(pool).build();
            assertThatThrownBy(() -> engine.trackBatch(twoEventsEach(100))).isInstanceOf(AssertionError.class)
                    .hasMessage("store broke");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void trackAsync_runsOnTheExecutor_andOnTheDefaultOneInTheCommonPool() throws Exception {
        AtomicInteger tasks = new AtomicInteger();
        RuleEngine counted = Ludus.builder().game(GAME).executor(task -> {
            tasks.incrementAndGet();
            new Thread(task).start();
        }).build();
        assertThat(counted.trackAsync(event("a", "ev")).get(10, TimeUnit.SECONDS).status())
                .isEqualTo(EventStatus.PROCESSED);
        assertThat(tasks.get()).isEqualTo(1);

        // Before, CompletableFuture.supplyAsync put each call on a new thread of its own where the common pool has
        // fewer than two threads (a machine with two processors).
        ThreadsStore store = new ThreadsStore();
        RuleEngine engine = Ludus.builder().game(GAME).store(store).build();
        for (int i = 0; i < 20; i++) {
            assertThat(engine.trackAsync(event("a", "ev")).get(10, TimeUnit.SECONDS).status())
                    .isEqualTo(EventStatus.PROCESSED);
        }
        assertThat(store.threads).allSatisfy(thread -> assertThat(inCommonPool(thread)).as("%s", thread).isTrue());
    }

    @Test
    void trackAsync_completesExceptionally_withAnErrorOfTheTrack() {
        ForwardingStore store = new ForwardingStore() {
            @Override
            public boolean commit(PlayerCommit commit) {
                throw new AssertionError("store broke");
            }
        };
        RuleEngine engine = Ludus.builder().game(GAME).store(store).build();
        assertThatThrownBy(() -> engine.trackAsync(event("a", "ev")).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(AssertionError.class);
    }

    private static boolean inCommonPool(Thread thread) {
        return thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool();
    }
}
