package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.PlayerCommit;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SPEC 8: one engine, many threads, few players. Every event must be applied exactly once, so the final
 * state equals a sequential replay of the same events.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int EVENTS = 10_000;
    private static final int PLAYERS = 5;

    private static final String GAME = """
            {"rules": [
              {"id": "small", "name": "small", "trigger": {"eventType": "small"},
               "actions": [{"type": "grant_xp", "amount": 1}, {"type": "grant_currency", "currency": "coins", "amount": 2}]},
              {"id": "big", "name": "big", "trigger": {"eventType": "big"},
               "actions": [{"type": "grant_xp", "amount": 10}, {"type": "progress_quest", "questId": "bigs"}]}]}""";

    private static Event nth(int i) {
        return event("player-" + (i % PLAYERS), i % 3 == 0 ? "big" : "small");
    }

    @Test
    void eightThreadsOnFivePlayers_applyEveryEventExactlyOnce() throws Exception {
        ForwardingStore store = new ForwardingStore();
        RuleEngine engine = Ludus.builder().game(GAME).store(store).clock(Fixtures.CLOCK)
                .maxCommitRetries(1_000_000) // contention is the point here; the bound is tested in StoreFaultsTest
                .build();
        List<EventResult> all = Fixtures.trackConcurrently(THREADS, EVENTS, i -> engine.track(nth(i)));
        assertThat(all).hasSize(EVENTS).allSatisfy(r -> assertThat(r.status()).isEqualTo(EventStatus.PROCESSED));

        // the same events, one after the other, on a fresh engine
        RuleEngine sequential = Fixtures.engine(GAME);
        for (int i = 0; i < EVENTS; i++) {
            sequential.track(nth(i));
        }

        long totalXp = 0;
        for (int p = 0; p < PLAYERS; p++) {
            String player = "player-" + p;
            long events = 0;
            long bigs = 0;
            for (int i = p; i < EVENTS; i += PLAYERS) {
                events++;
                bigs += i % 3 == 0 ? 1 : 0;
            }
            PlayerState concurrent = state(engine, player);
            assertThat(concurrent.version()).as(player + " version").isEqualTo(events);
            assertThat(concurrent.xp()).as(player + " xp").isEqualTo(bigs * 10 + (events - bigs));
            assertThat(concurrent.balance("coins")).as(player + " coins").isEqualTo((events - bigs) * 2);
            assertThat(concurrent.quests().get("bigs").progress()).as(player + " quest").isEqualTo(bigs);
            assertThat(concurrent).as(player + " equals the sequential replay").isEqualTo(state(sequential, player));
            totalXp += concurrent.xp();
        }
        // 3,334 "big" events (i % 3 == 0 for i < 10,000) at 10 XP and 6,666 "small" ones at 1 XP
        assertThat(totalXp).isEqualTo(3_334 * 10 + 6_666);
        assertThat(store.commits.get()).as("one successful commit per event, plus lost races")
                .isGreaterThanOrEqualTo(EVENTS);
    }

    @Test
    void conflictingCommits_areRetried_untilTheyLand() {
        // Deterministic version of the race: the first 5 commits of each event lose (as if another writer
        // always got in first, without changing anything); with retries above 5 every event still lands once.
        ForwardingStore loser = new ForwardingStore() {
            private int attempts;

            @Override
            public boolean commit(PlayerCommit commit) {
                commits.incrementAndGet();
                if (attempts++ % 6 < 5) {
                    return false;
                }
                return delegate.commit(commit);
            }
        };
        RuleEngine engine = Ludus.builder().game(GAME).store(loser).clock(Fixtures.CLOCK).maxCommitRetries(5).build();
        for (int i = 0; i < 4; i++) {
            assertThat(engine.track(event("u", "small")).status()).isEqualTo(EventStatus.PROCESSED);
        }
        assertThat(loser.commits.get()).isEqualTo(24);
        assertThat(state(engine, "u").xp()).isEqualTo(4);
        assertThat(state(engine, "u").version()).isEqualTo(4);
    }

    @Test
    void withSubscribers_aSlowCommitOfOnePlayer_doesNotHoldUpAnother() throws Exception {
        CountDownLatch inCommit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ForwardingStore store = new ForwardingStore() {
            @Override
            public boolean commit(PlayerCommit commit) {
                if (commit.externalUserId().equals("alice")) { // a database round trip that takes its time
                    inCommit.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.commit(commit);
            }
        };
        RuleEngine engine = Ludus.builder().game(GAME).store(store).clock(Fixtures.CLOCK).build();
        BlockingQueue<EventResult> heard = new LinkedBlockingQueue<>();
        engine.subscribeAll(heard::add);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<EventResult> slow = pool.submit(() -> engine.track(event("alice", "small")));
            assertThat(inCommit.await(10, TimeUnit.SECONDS)).isTrue();
            // "bob137" once shared alice's lock stripe (hash codes equal modulo 256).
            Future<EventResult> other = pool.submit(() -> engine.track(event("bob137", "small")));

            assertThat(other.get(10, TimeUnit.SECONDS).status()).isEqualTo(EventStatus.PROCESSED);
            assertThat(heard.poll(10, TimeUnit.SECONDS).externalUserId()).isEqualTo("bob137");
            release.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(EventStatus.PROCESSED);
            assertThat(heard.poll(10, TimeUnit.SECONDS).externalUserId()).isEqualTo("alice");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
