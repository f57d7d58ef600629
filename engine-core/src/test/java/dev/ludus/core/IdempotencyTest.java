package dev.ludus.core;

import static dev.ludus.core.Fixtures.T0;
import static dev.ludus.core.Fixtures.props;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.Update;
import dev.ludus.api.spi.IdempotencyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SPEC 8, exactly once: an idempotency key scoped to the player replays the original outcome. */
class IdempotencyTest {
    private static final String GAME = """
            {"version": "v1", "rules": [
              {"id": "order", "name": "order", "trigger": {"eventType": "order_placed"},
               "conditions": [{"type": "property_gte", "property": "total", "value": 10}],
               "actions": [{"type": "grant_xp", "amount": 100},
                           {"type": "grant_currency", "currency": "coins", "amount": 5}]}]}""";

    private final RuleEngine engine = Fixtures.engine(GAME);

    private static Event order(String user, String key, Map<String, ?> properties) {
        return Event.builder().externalUserId(user).eventType("order_placed").idempotencyKey(key).timestamp(T0)
                .properties(properties).build();
    }

    @Test
    void sameKeySamePayload_isADuplicate_replayingTheOriginalOutcome() {
        EventResult original = engine.track(order("u", "order-789", props("total", 149.99)));
        assertThat(original.status()).isEqualTo(EventStatus.PROCESSED);
        PlayerState before = state(engine, "u");

        EventResult retry = engine.track(order("u", "order-789", props("total", 149.99)));

        assertThat(retry.status()).isEqualTo(EventStatus.DUPLICATE);
        assertThat(retry.originalEventId()).isEqualTo(original.eventId());
        assertThat(retry.rulesTriggered()).containsExactly("order");
        assertThat(retry.actionsExecuted()).containsExactly("grant_xp", "grant_currency");
        assertThat(retry.updates()).isEqualTo(original.updates()).containsExactly(
                new Update.XpUpdated(100, 100, 2), new Update.LevelUp(1, 2), new Update.CurrencyUpdated("coins", 5, 5));
        assertThat(retry.error()).isNull();
        assertThat(state(engine, "u")).isEqualTo(before);
        assertThat(state(engine, "u").version()).isEqualTo(1);
    }

    @Test
    void duplicate_replaysTheOriginal_evenAfterTheStateMovedOn() {
        EventResult original = engine.track(order("u", "k1", props("total", 20)));
        engine.track(order("u", "k2", props("total", 20)));
        EventResult retry = engine.track(order("u", "k1", props("total", 20)));
        assertThat(retry.status()).isEqualTo(EventStatus.DUPLICATE);
        assertThat(retry.updates()).isEqualTo(original.updates());
        assertThat(state(engine, "u").xp()).isEqualTo(200);
        assertThat(state(engine, "u").version()).isEqualTo(2);
    }

    @Test
    void sameKeyDifferentProperties_isRejectedAsAConflict_andChangesNothing() {
        engine.track(order("u", "order-789", props("total", 149.99)));
        EventResult conflict = engine.track(order("u", "order-789", props("total", 150)));
        assertThat(conflict.status()).isEqualTo(EventStatus.REJECTED);
        assertThat(conflict.error().code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(conflict.error().message()).contains("order-789");
        assertThat(conflict.rulesTriggered()).isEmpty();
        assertThat(conflict.updates()).isEmpty();
        assertThat(state(engine, "u").version()).isEqualTo(1);
        assertThat(state(engine, "u").xp()).isEqualTo(100);
    }

    @Test
    void aConflictAfterAReload_carriesTheRuleSetVersionItWasRejectedUnder_aDuplicateTheOriginals() {
        RuleEngine engine = Ludus.builder().clock(Fixtures.CLOCK).game("{\"version\": \"v1\", \"rules\": []}").build();
        engine.track(order("u", "k", props("total", 20)));
        engine.reload("{\"version\": \"v2\", \"rules\": []}");

        EventResult conflict = engine.track(order("u", "k", props("total", 21)));
        EventResult duplicate = engine.track(order("u", "k", props("total", 20)));

        assertThat(conflict.error().code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(conflict.ruleSetVersion()).isEqualTo("v2");
        assertThat(duplicate.status()).isEqualTo(EventStatus.DUPLICATE);
        assertThat(duplicate.ruleSetVersion()).isEqualTo("v1");
    }

    @Test
    void sameKeyDifferentEventType_isAConflict() {
        engine.track(order("u", "k", props("total", 20)));
        EventResult conflict = engine.track(Event.builder().externalUserId("u").eventType("order_cancelled")
                .idempotencyKey("k").timestamp(T0).property("total", 20).build());
        assertThat(conflict.status()).isEqualTo(EventStatus.REJECTED);
        assertThat(conflict.error().code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
    }

    @Test
    void sameKeyWithAnExtraOrMissingProperty_isAConflict() {
        engine.track(order("u", "k", props("total", 20)));
        assertThat(engine.track(order("u", "k", props("total", 20, "coupon", null))).error().code())
                .isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(engine.track(order("u", "k", props())).error().code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(engine.track(order("u", "k", props("total", "20"))).error().code())
                .isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
    }

    @Test
    void numbersByValue_andKeyOrder_doNotMakeADifferentPayload() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("total", 95);
        first.put("order", Map.of("a", 1, "b", List.of(2, 3.5)));
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("order", new java.util.TreeMap<>(Map.of("b", List.of(2.0, 3.5), "a", 1.0)).descendingMap());
        reordered.put("total", 95.0);
        assertThat(engine.track(order("u", "k", first)).status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(engine.track(order("u", "k", reordered)).status()).isEqualTo(EventStatus.DUPLICATE);
    }

    @Test
    void duplicate_ignoresTimestampEventIdAndProfile() {
        EventResult original = engine.track(Event.builder().eventId("e-1").externalUserId("u").eventType("order_placed")
                .idempotencyKey("k").timestamp(T0).property("total", 20).build());
        EventResult retry = engine.track(Event.builder().eventId("e-2").externalUserId("u").eventType("order_placed")
                .idempotencyKey("k").timestamp(T0.plusSeconds(60)).property("total", 20)
                .profile("email", "x@example.com").build());
        assertThat(retry.status()).isEqualTo(EventStatus.DUPLICATE);
        assertThat(retry.originalEventId()).isEqualTo("e-1").isEqualTo(original.eventId());
        assertThat(state(engine, "u").profile()).isEmpty();
    }

    @Test
    void keys_areScopedToThePlayer() {
        assertThat(engine.track(order("alice", "order-1", props("total", 20))).status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(engine.track(order("bob", "order-1", props("total", 20))).status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(engine.track(order("bob", "order-1", props("total", 99))).error().code())
                .isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(state(engine, "alice").xp()).isEqualTo(100);
        assertThat(state(engine, "bob").xp()).isEqualTo(100);
    }

    @Test
    void eventsWithoutAKey_areNeverDuplicates() {
        engine.track(order("u", null, props("total", 20)));
        engine.track(order("u", null, props("total", 20)));
        assertThat(state(engine, "u").xp()).isEqualTo(200);
    }

    @Test
    void aRejectedEvent_doesNotUseUpItsKey() {
        assertThat(engine.track(order("u", "k", props("total", Double.NaN))).status()).isEqualTo(EventStatus.REJECTED);
        assertThat(engine.track(order("u", "k", props("total", 20))).status()).isEqualTo(EventStatus.PROCESSED);
    }

    @Test
    void aFailedEvent_doesNotUseUpItsKey() {
        ForwardingStore flaky = new ForwardingStore() {
            private boolean failed;

            @Override
            public boolean commit(dev.ludus.api.spi.PlayerCommit commit) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("disk full");
                }
                return super.commit(commit);
            }
        };
        RuleEngine onFlaky = Fixtures.engine(GAME, flaky);
        assertThat(onFlaky.track(order("u", "k", props("total", 20))).status()).isEqualTo(EventStatus.FAILED);
        assertThat(onFlaky.track(order("u", "k", props("total", 20))).status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(onFlaky.track(order("u", "k", props("total", 20))).status()).isEqualTo(EventStatus.DUPLICATE);
        assertThat(state(onFlaky, "u").xp()).isEqualTo(100);
    }

    @Test
    void keys_areKeptForTheRetention_evenAsManyNewerKeysArrive() {
        // default retention: 7 days of event time. 100 newer keys up to exactly 7 days later must not evict "k0".
        engine.track(order("u", "k0", props("total", 20)));
        Instant weekLater = T0.plus(Duration.ofDays(7));
        for (int i = 1; i <= 100; i++) {
            Event e = Event.builder().externalUserId("u").eventType("order_placed").idempotencyKey("k" + i)
                    .timestamp(i == 100 ? weekLater : T0.plusSeconds(i)).property("total", 1).build();
            assertThat(engine.track(e).status()).isEqualTo(EventStatus.PROCESSED);
        }
        assertThat(engine.track(order("u", "k0", props("total", 20))).status()).isEqualTo(EventStatus.DUPLICATE);
    }

    @Test
    void aRetryArrivingBetweenTheKeyCheckAndTheCommit_isNotAppliedTwice() {
        // Models two deliveries of one event racing: the second is committed by another caller right after this
        // call looked the key up and found nothing. Whatever order the engine reads in, the outcome must be one
        // application of the event: the racing call must end up a duplicate, not a second grant.
        Event delivery = order("u", "order-1", props("total", 20));
        RuleEngine[] engineRef = new RuleEngine[1];
        EventResult[] racer = new EventResult[1];
        ForwardingStore store = new ForwardingStore() {
            private boolean raced;

            @Override
            public Optional<IdempotencyRecord> findIdempotency(String externalUserId, String key) {
                Optional<IdempotencyRecord> found = super.findIdempotency(externalUserId, key);
                if (!raced) {
                    raced = true;
                    racer[0] = engineRef[0].track(delivery);
                }
                return found;
            }
        };
        engineRef[0] = Fixtures.engine(GAME, store);

        EventResult result = engineRef[0].track(delivery);

        assertThat(racer[0].status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(result.status()).isEqualTo(EventStatus.DUPLICATE);
        assertThat(state(engineRef[0], "u").xp()).isEqualTo(100);
        assertThat(state(engineRef[0], "u").version()).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfTheSameEvents_applyEachExactlyOnce() throws Exception {
        int events = 2_000;
        int threads = 8;
        RuleEngine shared = Ludus.builder().game(GAME).clock(Fixtures.CLOCK).maxCommitRetries(100_000).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<int[]>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int[] counts = new int[EventStatus.values().length];
                    start.await();
                    // every thread delivers every event once: each key is delivered 8 times, concurrently
                    for (int i = 0; i < events; i++) {
                        EventResult r = shared.track(order("p" + (i % 2), "key-" + i, props("total", 20)));
                        counts[r.status().ordinal()]++;
                    }
                    return counts;
                }));
            }
            start.countDown();
            int processed = 0;
            int duplicates = 0;
            for (Future<int[]> f : futures) {
                int[] counts = f.get(2, TimeUnit.MINUTES);
                processed += counts[EventStatus.PROCESSED.ordinal()];
                duplicates += counts[EventStatus.DUPLICATE.ordinal()];
            }
            assertThat(processed).isEqualTo(events);
            assertThat(duplicates).isEqualTo(events * (threads - 1));
            assertThat(state(shared, "p0").xp() + state(shared, "p1").xp()).isEqualTo(events * 100L);
            assertThat(state(shared, "p0").version()).isEqualTo(events / 2);
        } finally {
            pool.shutdownNow();
        }
    }
}
