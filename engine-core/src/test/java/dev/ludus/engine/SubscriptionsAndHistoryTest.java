package dev.ludus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.Event;
import dev.ludus.api.EventPage;
import dev.ludus.api.EventQuery;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.Subscription;
import dev.ludus.api.Update;
import dev.ludus.core.Ludus;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubscriptionsAndHistoryTest {
    private static final String GAME = """
            [ { "id": "xp", "name": "XP", "trigger": { "eventType": "*" },
                "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""";
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static Event event(String player, String type, int i) {
        return Event.builder().eventId(player + "-" + i).externalUserId(player).eventType(type)
                .timestamp(T0.plusSeconds(i)).property("i", i).build();
    }

    @Test
    void subscribe_player_hearsOnlyThatPlayersCommits_inCommitOrder_fromConcurrentThreads() throws Exception {
        // Enough retries that no event of the hot player ends failed / CONFLICT on a loaded machine.
        RuleEngine engine = Ludus.builder().game(GAME).maxCommitRetries(1_000_000).build();
        BlockingQueue<EventResult> heard = new LinkedBlockingQueue<>();
        engine.subscribe("player:hot", heard::add);
        int threads = 4;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * perThread;
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        assertThat(engine.track(event("hot", "ev", offset + i)).status())
                                .isEqualTo(EventStatus.PROCESSED);
                        engine.track(event("other", "ev", offset + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> xpHeard = new ArrayList<>();
        for (int i = 0; i < threads * perThread; i++) {
            EventResult result = heard.poll(10, TimeUnit.SECONDS);
            assertThat(result).as("delivery %s", i).isNotNull();
            assertThat(result.externalUserId()).isEqualTo("hot");
            xpHeard.add(((Update.XpUpdated) result.updates().get(0)).xp());
        }
        // Each commit adds 1 XP, so commit order is XP order: 1, 2, 3, ...
        for (int i = 0; i < xpHeard.size(); i++) {
            assertThat(xpHeard.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void subscribeAll_whenAnotherListenerThrowsOrIsSlow_stillHearsEverything() throws Exception {
        RuleEngine engine = Ludus.builder().game(GAME).build();
        CountDownLatch release = new CountDownLatch(1);
        engine.subscribeAll(r -> {
            throw new IllegalStateException("listener bug");
        });
        engine.subscribeAll(r -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        BlockingQueue<EventResult> heard = new LinkedBlockingQueue<>();
        engine.subscribeAll(heard::add);

        for (int i = 0; i < 10; i++) {
            assertThat(engine.track(event("p" + i, "ev", i)).status()).isEqualTo(EventStatus.PROCESSED);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isNotNull();
        }
        release.countDown();
    }

    @Test
    void aListenerThrowingAnError_isIsolatedToo_andKeepsHearing() throws Exception {
        RuleEngine engine = Ludus.builder().game(GAME).build();
        BlockingQueue<EventResult> heard = new LinkedBlockingQueue<>();
        engine.subscribe("player:p", r -> {
            heard.add(r);
            throw new AssertionError("a test's listener failing an assertion");
        });

        for (int i = 1; i <= 3; i++) {
            engine.track(event("p", "ev", i));
        }

        for (int i = 1; i <= 3; i++) {
            EventResult result = heard.poll(10, TimeUnit.SECONDS);
            assertThat(result).as("delivery %s", i).isNotNull();
            assertThat(result.eventId()).isEqualTo("p-" + i);
        }
    }

    @Test
    void subscribingWhileTheLastSubscriptionOfThatPlayerCloses_neverLosesTheNewSubscription() throws Exception {
        RuleEngine engine = Ludus.builder().game(GAME).build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2_000; i++) {
                Subscription old = engine.subscribe("player:p", r -> { });
                BlockingQueue<EventResult> heard = new LinkedBlockingQueue<>();
                CyclicBarrier both = new CyclicBarrier(2);
                Future<?> closing = pool.submit(() -> {
                    both.await();
                    old.close();
                    return null;
                });
                Future<Subscription> subscribing = pool.submit(() -> {
                    both.await();
                    return engine.subscribe("player:p", heard::add);
                });
                closing.get(10, TimeUnit.SECONDS);
                Subscription fresh = subscribing.get(10, TimeUnit.SECONDS);

                engine.track(event("p", "ev", i));

                assertThat(heard.poll(10, TimeUnit.SECONDS)).as("round %s", i).isNotNull();
                fresh.close();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void subscription_whenClosed_hearsNothingMore() throws Exception {
        RuleEngine engine = Ludus.builder().game(GAME).build();
        BlockingQueue<EventResult> heard = new LinkedBlockingQueue<>();
        Subscription subscription = engine.subscribe("player:p1", heard::add);
        engine.track(event("p1", "ev", 1));
        assertThat(heard.poll(10, TimeUnit.SECONDS)).isNotNull();

        subscription.close();
        subscription.close();
        BlockingQueue<EventResult> control = new LinkedBlockingQueue<>();
        engine.subscribe("player:p1", control::add);
        engine.track(event("p1", "ev", 2));

        assertThat(control.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(heard).isEmpty();
        assertThat(subscription.topic()).isEqualTo("player:p1");
    }

    @Test
    void subscribe_whenTopicMalformed_throwsNamingTheForms() {
        RuleEngine engine = Ludus.builder().game(GAME).build();
        assertThatThrownBy(() -> engine.subscribe("user-1", r -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("topic must be 'player:<externalUserId>' or '*', was 'user-1'");
        assertThatThrownBy(() -> engine.subscribe("player:", r -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subscribers_hearNothingOfRejectedOrDuplicateEvents() throws Exception {
        RuleEngine engine = Ludus.builder().game(GAME).build();
        BlockingQueue<EventResult> heard = new LinkedBlockingQueue<>();
        engine.subscribeAll(heard::add);
        Event keyed = event("p1", "ev", 1).toBuilder().idempotencyKey("k").build();
        engine.track(keyed);
        engine.track(keyed.toBuilder().eventId("again").build());
        engine.track(Event.of(" ", "ev", Map.of()));
        engine.track(event("p1", "ev", 2));

        assertThat(heard.poll(10, TimeUnit.SECONDS).eventId()).isEqualTo("p1-1");
        assertThat(heard.poll(10, TimeUnit.SECONDS).eventId()).isEqualTo("p1-2");
        assertThat(heard).isEmpty();
    }

    @Test
    void events_list_pagesNewestFirst_filtersByType_andGetStatusFindsStoredEvents() {
        RuleEngine engine = Ludus.builder().game(GAME).build();
        for (int i = 1; i <= 5; i++) {
            engine.track(event("p1", i % 2 == 0 ? "even" : "odd", i));
        }
        engine.track(event("p2", "odd", 6));

        EventPage first = engine.events().list(EventQuery.of("p1", 2));
        assertThat(first.entries()).extracting(HistoryEntry::eventId).containsExactly("p1-5", "p1-4");
        EventPage second = engine.events().list(new EventQuery("p1", null, 2, first.nextCursor()));
        assertThat(second.entries()).extracting(HistoryEntry::eventId).containsExactly("p1-3", "p1-2");
        EventPage last = engine.events().list(new EventQuery("p1", null, 2, second.nextCursor()));
        assertThat(last.entries()).extracting(HistoryEntry::eventId).containsExactly("p1-1");
        assertThat(last.nextCursor()).isNull();

        assertThat(engine.events().list(new EventQuery("p1", "even", 10, null)).entries())
                .extracting(HistoryEntry::eventId).containsExactly("p1-4", "p1-2");
        assertThat(engine.events().list(EventQuery.of("p1", 1)).entries().get(0).properties()).containsEntry("i", 5L);

        assertThat(engine.events().getStatus("p1-3")).get().satisfies(s -> {
            assertThat(s.status()).isEqualTo(EventStatus.PROCESSED);
            assertThat(s.rulesTriggered()).containsExactly("xp");
            assertThat(s.actionsExecuted()).containsExactly("grant_xp");
        });
        assertThat(engine.events().getStatus("nope")).isEmpty();
    }

    @Test
    void events_list_whenCursorIsForeign_throwsIllegalArgument() {
        RuleEngine engine = Ludus.builder().game(GAME).build();
        assertThatThrownBy(() -> engine.events().list(new EventQuery("p1", null, 2, "page-2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a cursor issued by this history: 'page-2'");
        for (String forged : List.of("v-3", "v+3", "v0", "v03", "v", "v99999999999999999999")) {
            assertThatThrownBy(() -> engine.events().list(new EventQuery("p1", null, 2, forged)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a cursor issued by this history: '" + forged + "'");
        }
        assertThatThrownBy(() -> EventQuery.of("p1", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be from 1 to 1000, was 0");
    }

    @Test
    void inMemoryHistory_isBoundedPerPlayer_andDropsTheOldestFirst() {
        RuleEngine engine = Ludus.builder().game(GAME)
                .store(InMemoryPlayerStore.builder().historyPerPlayer(3).build()).build();
        for (int i = 1; i <= 5; i++) {
            engine.track(event("p1", "ev", i));
        }
        assertThat(engine.events().list(EventQuery.of("p1", 10)).entries()).extracting(HistoryEntry::eventId)
                .containsExactly("p1-5", "p1-4", "p1-3");
        assertThat(engine.events().getStatus("p1-1")).isEmpty();
        assertThat(engine.player("p1").orElseThrow().version()).isEqualTo(5);
    }

    @Test
    void trackAsync_andTrackBatch_returnResultsInInputOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            RuleEngine engine = Ludus.builder().game(GAME).executor(pool).build();
            List<Event> batch = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                batch.add(event("p" + (i % 7), "ev", i));
            }
            batch.add(Event.of("", "ev", Map.of()));
            List<EventResult> results = engine.trackBatch(batch);
            assertThat(results).hasSize(301);
            for (int i = 0; i < 300; i++) {
                assertThat(results.get(i).eventId()).isEqualTo(batch.get(i).eventId());
                assertThat(((Update.XpUpdated) results.get(i).updates().get(0)).xp()).isEqualTo(i / 7 + 1);
            }
            assertThat(results.get(300).status()).isEqualTo(EventStatus.REJECTED);
            assertThat(engine.trackAsync(event("async", "ev", 1)).get(10, TimeUnit.SECONDS).status())
                    .isEqualTo(EventStatus.PROCESSED);
        } finally {
            pool.shutdownNow();
        }
    }
}
