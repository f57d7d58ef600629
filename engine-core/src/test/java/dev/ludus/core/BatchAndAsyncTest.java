package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.rule;
import static dev.ludus.core.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.Update;
import dev.ludus.api.spi.PlayerCommit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How {@code trackBatch} and {@code trackAsync} use the engine's executor. */
class BatchAndAsyncTest {
    private static final String GAME = rules(rule("xp", "ev", "[{\"type\": \"grant_xp\", \"amount\": 100}]"));

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
    void trackBatch_givesAThreadPoolAsManyTasksAsItsMaximumSize_andTheyTakeThePlayersUntilNoneIsLeft() {
        AtomicInteger tasks = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>()) {
            @Override
            public void execute(Runnable task) {
                tasks.incrementAndGet();
                super.execute(task);
            }
        };
        try {
            RuleEngine engine = Ludus.builder().game(GAME).executor(pool).build();
            assertEachPlayerInOrder(engine.trackBatch(twoEventsEach(500)), 500);
            assertThat(tasks.get()).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void trackBatch_ofOnePlayerOrNone_runsOnTheCallingThreadAlone() {
        List<Runnable> tasks = new ArrayList<>();
        RuleEngine engine = Ludus.builder().game(GAME).executor(tasks::add).build();
        assertThat(engine.trackBatch(List.of())).isEmpty();
        assertThat(engine.trackBatch(List.of(event("a", "ev"), event("a", "ev"))))
                .extracting(r -> r.updates().get(0)).containsExactly(new Update.XpUpdated(100, 100, 2),
                        new Update.XpUpdated(200, 100, 2));
        assertThat(tasks).isEmpty();
    }

    @Test
    void trackBatch_tracksAsManyPlayersAtOnceAsTheExecutorRuns_notJustOnePerProcessor() {
        // Each commit waits (a durable store's round trip) until 8 commits are in flight at once, or gives up.
        CountDownLatch eightInFlight = new CountDownLatch(8);
        AtomicBoolean gaveUp = new AtomicBoolean();
        ForwardingStore slow = new ForwardingStore() {
            @Override
            public boolean commit(PlayerCommit commit) {
                eightInFlight.countDown();
                try {
                    if (!gaveUp.get() && !eightInFlight.await(5, TimeUnit.SECONDS)) {
                        gaveUp.set(true);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.commit(commit);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            RuleEngine engine = Ludus.builder().game(GAME).store(slow).executor(pool).build();
            List<Event> oneEach = twoEventsEach(32).subList(0, 32);
            assertThat(engine.trackBatch(oneEach)).allSatisfy(r -> assertThat(r.status()).isEqualTo(EventStatus.PROCESSED));
            assertThat(gaveUp).as("a commit waited 5 s without 8 commits in flight").isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void trackBatch_runsOnTheCallingThread_whenTheExecutorRejectsOrNeverRunsItsTasks() {
        RuleEngine rejecting = Ludus.builder().game(GAME).executor(task -> {
            throw new RejectedExecutionException("full");
        }).build();
        assertEachPlayerInOrder(rejecting.trackBatch(twoEventsEach(300)), 300);

        List<Runnable> neverRun = new ArrayList<>();
        RuleEngine stalled = Ludus.builder().game(GAME).executor(neverRun::add).build();
        assertEachPlayerInOrder(stalled.trackBatch(twoEventsEach(300)), 300);
        assertThat(neverRun).hasSize(299);
        neverRun.forEach(Runnable::run); // started after the batch ended, a task finds nothing to do
        assertThat(stalled.player("p0").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void trackBatch_onTheExecutorsOnlyThread_doesNotWaitForATaskQueuedBehindItself() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            RuleEngine engine = Ludus.builder().game(GAME).executor(single).build();
            assertEachPlayerInOrder(single.submit(() -> engine.trackBatch(twoEventsEach(50))).get(), 50);
        } finally {
            single.shutdownNow();
        }
    }

    /** Fails on a machine whose common pool has one thread (CI's has two processors) when batches use threads of their own. */
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
    void trackBatch_rethrowsAnErrorOfATrack_afterTrackingEveryOtherPlayer() {
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
            for (int p = 0; p < 100; p++) {
                assertThat(engine.player("p" + p).map(PlayerState::version)).as("p%d", p)
                        .isEqualTo(p == 7 ? Optional.empty() : Optional.of(2L));
            }
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
        // fewer than two threads: this fails on such a machine (CI's has two processors), not on larger ones.
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

    @Test
    void theDefaultExecutor_isTheCommonPool_unlessThatIsConfiguredToRunNothing() throws Exception {
        assertThat(Ludus.Builder.defaultExecutor(null)).isSameAs(ForkJoinPool.commonPool());
        assertThat(Ludus.Builder.defaultExecutor(1)).isSameAs(ForkJoinPool.commonPool());
        Executor threadPerTask = Ludus.Builder.defaultExecutor(0);
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        threadPerTask.execute(() -> ran.complete(Thread.currentThread()));
        assertThat(ran.get(10, TimeUnit.SECONDS)).isNotSameAs(Thread.currentThread())
                .satisfies(thread -> assertThat(inCommonPool(thread)).isFalse());
    }

    private static boolean inCommonPool(Thread thread) {
        return thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool();
    }
}
