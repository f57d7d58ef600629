package dev.ludus.core;

import static dev.ludus.core.Fixtures.T0;
import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.LudusException;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC 8: store failures give {@code failed} with nothing partial; lost races re-evaluate, bounded. */
class StoreFaultsTest {
    private static final String GAME = Fixtures.rules(Fixtures.rule("xp", "e",
            "[{\"type\": \"grant_xp\", \"amount\": 100}, {\"type\": \"award_badge\", \"badgeId\": \"b\"}]"));

    private static void assertFailed(EventResult result, ErrorCode code) {
        assertThat(result.status()).isEqualTo(EventStatus.FAILED);
        assertThat(result.error()).isNotNull();
        assertThat(result.error().code()).isEqualTo(code);
        assertThat(result.error().message()).isNotBlank();
        assertThat(result.rulesTriggered()).isEmpty();
        assertThat(result.actionsExecuted()).isEmpty();
        assertThat(result.updates()).isEmpty();
    }

    /** A store that works until {@code broken} is set. */
    private static class BreakableStore extends ForwardingStore {
        volatile boolean breakLoad;
        volatile boolean breakFind;
        volatile boolean breakCommit;
        /** With a break flag: the store throws a checked exception it does not declare instead. */
        volatile boolean checked;

        private RuntimeException broken(String message) {
            return checked ? Fixtures.sneakyThrow(new java.sql.SQLException(message))
                    : new IllegalStateException(message);
        }

        @Override
        public Optional<PlayerRecord> load(String externalUserId) {
            if (breakLoad) {
                throw broken("connection reset while loading");
            }
            return super.load(externalUserId);
        }

        @Override
        public Optional<IdempotencyRecord> findIdempotency(String externalUserId, String key) {
            if (breakFind) {
                throw broken("connection reset while reading keys");
            }
            return super.findIdempotency(externalUserId, key);
        }

        @Override
        public boolean commit(PlayerCommit commit) {
            if (breakCommit) {
                super.commits.incrementAndGet();
                throw broken("connection reset while committing");
            }
            return super.commit(commit);
        }
    }

    @Test
    void storeThrowingOnLoad_failsTheEventWithStoreError_andChangesNothing() {
        BreakableStore store = new BreakableStore();
        RuleEngine engine = Fixtures.engine(GAME, store);
        processed(engine, event("u", "e"));
        PlayerState before = state(engine, "u");

        store.breakLoad = true;
        EventResult result = engine.track(event("u", "e"));
        assertFailed(result, ErrorCode.STORE_ERROR);
        assertThat(result.error().message()).contains("connection reset while loading");

        store.breakLoad = false;
        assertThat(state(engine, "u")).isEqualTo(before);
    }

    @Test
    void storeThrowingOnIdempotencyLookup_failsTheEventWithStoreError() {
        BreakableStore store = new BreakableStore();
        RuleEngine engine = Fixtures.engine(GAME, store);
        store.breakFind = true;
        EventResult result = engine.track(Event.builder().externalUserId("u").eventType("e").timestamp(T0)
                .idempotencyKey("k").build());
        assertFailed(result, ErrorCode.STORE_ERROR);
        assertThat(store.delegate.load("u")).isEmpty();
    }

    @Test
    void storeThrowingOnCommit_failsTheEventWithStoreError_andChangesNothing() {
        BreakableStore store = new BreakableStore();
        RuleEngine engine = Fixtures.engine(GAME, store);
        processed(engine, event("u", "e"));
        PlayerState before = state(engine, "u");

        store.breakCommit = true;
        EventResult result = engine.track(event("u", "e"));
        assertFailed(result, ErrorCode.STORE_ERROR);
        assertThat(result.error().message()).contains("connection reset while committing");

        store.breakCommit = false;
        assertThat(state(engine, "u")).isEqualTo(before);
        assertThat(state(engine, "u").version()).isEqualTo(1);
    }

    @Test
    void storeThrowingACheckedExceptionItDoesNotDeclare_isAStoreFailureToo() {
        BreakableStore store = new BreakableStore();
        RuleEngine engine = Fixtures.engine(GAME, store);
        processed(engine, event("u", "e"));
        PlayerState before = state(engine, "u");
        store.checked = true;

        store.breakCommit = true;
        EventResult commit = engine.track(event("u", "e"));
        store.breakCommit = false;
        store.breakLoad = true;
        EventResult load = engine.track(event("u", "e"));

        assertFailed(commit, ErrorCode.STORE_ERROR);
        assertThat(commit.error().message())
                .isEqualTo("player store failed: java.sql.SQLException: connection reset while committing");
        assertFailed(load, ErrorCode.STORE_ERROR);
        assertThat(load.error().message())
                .isEqualTo("player store failed: java.sql.SQLException: connection reset while loading");
        assertThatThrownBy(() -> engine.player("u")).isInstanceOf(LudusException.class)
                .hasMessage("player store failed: java.sql.SQLException: connection reset while loading")
                .hasCauseInstanceOf(java.sql.SQLException.class);
        store.breakLoad = false;
        assertThat(state(engine, "u")).isEqualTo(before);
    }

    @Test
    void storeThrowingOnCommit_forANewPlayer_leavesNoPlayer() {
        BreakableStore store = new BreakableStore();
        store.breakCommit = true;
        RuleEngine engine = Fixtures.engine(GAME, store);
        assertFailed(engine.track(event("u", "e")), ErrorCode.STORE_ERROR);
        assertThat(store.delegate.load("u")).isEmpty();
    }

    /** Hands the engine's data back the way a JSON round trip does: whole numbers that fit as {@code Integer}s. */
    private static final class IntegerStore extends ForwardingStore {
        @Override
        public Optional<PlayerRecord> load(String externalUserId) {
            return super.load(externalUserId).map(r -> new PlayerRecord(r.state(), asIntegers(r.engineData())));
        }

        @SuppressWarnings("unchecked")
        private static <T> T asIntegers(T value) {
            if (value instanceof Long l && l == l.intValue()) {
                return (T) Integer.valueOf(l.intValue());
            }
            if (value instanceof List<?> list) {
                return (T) list.stream().map(IntegerStore::asIntegers).toList();
            }
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k, asIntegers(v)));
                return (T) copy;
            }
            return value;
        }
    }

    @Test
    void storeHandingEngineDataBackAsIntegers_limitsAndHistoryConditionsReadThemAsNumbers() {
        String game = Fixtures.rules(
                """
                {"id": "capped", "name": "capped", "trigger": {"eventType": "e"},
                 "limits": {"maxPerPlayer": 2, "maxPerPeriod": {"count": 5, "period": "day"}},
                 "actions": [{"type": "grant_xp", "amount": 1}]}""",
                Fixtures.rule("third", "e", "[{\"type\": \"event_count\", \"eventType\": \"e\", \"min\": 3}]",
                        "[{\"type\": \"award_badge\", \"badgeId\": \"third\"}]"),
                Fixtures.rule("sum", "e", "[{\"type\": \"property_sum\", \"property\": \"n\", \"min\": 6}]",
                        "[{\"type\": \"award_badge\", \"badgeId\": \"six\"}]"));
        RuleEngine engine = Fixtures.engine(game, new IntegerStore());

        EventResult first = processed(engine, event("u", "e", Map.of("n", 2)));
        EventResult second = processed(engine, event("u", "e", Map.of("n", 2)));
        EventResult third = processed(engine, event("u", "e", Map.of("n", 2)));

        assertThat(first.rulesTriggered()).containsExactly("capped");
        assertThat(second.rulesTriggered()).containsExactly("capped");
        assertThat(third.rulesTriggered()).containsExactly("third", "sum");
        assertThat(third.rulesSuppressed()).extracting(s -> s.ruleId() + ":" + s.reason())
                .containsExactly("capped:max_per_player");
    }

    @Test
    void engineDataTheEngineCannotRead_failsTheEventWithInternalError_andChangesNothing() {
        ForwardingStore store = new ForwardingStore() {
            @Override
            public Optional<PlayerRecord> load(String externalUserId) {
                return super.load(externalUserId).map(r -> new PlayerRecord(r.state(),
                        Map.of("limit|capped", List.of("not", "a", "number", "at", "all"))));
            }
        };
        RuleEngine engine = Fixtures.engine(Fixtures.rules("""
                {"id": "capped", "name": "capped", "trigger": {"eventType": "e"}, "limits": {"maxPerPlayer": 2},
                 "actions": [{"type": "grant_xp", "amount": 1}]}"""), store);
        processed(engine, event("u", "e"));
        PlayerState before = state(engine, "u");

        EventResult result = engine.track(event("u", "e"));

        assertFailed(result, ErrorCode.INTERNAL_ERROR);
        assertThat(result.error().message()).startsWith("evaluation failed: java.lang.ClassCastException");
        assertThat(state(engine, "u")).isEqualTo(before);
        assertThat(store.commits).hasValue(1);
    }

    @Test
    void playerLookup_onAThrowingStore_throwsStoreError() {
        BreakableStore store = new BreakableStore();
        store.breakLoad = true;
        RuleEngine engine = Fixtures.engine(GAME, store);
        assertThatThrownBy(() -> engine.player("u"))
                .isInstanceOfSatisfying(LudusException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR));
    }

    @Test
    void storeThatAlwaysLosesTheRace_failsWithConflict_afterTheConfiguredRetries() {
        ForwardingStore neverWrites = new ForwardingStore() {
            @Override
            public boolean commit(PlayerCommit commit) {
                commits.incrementAndGet();
                return false;
            }
        };
        RuleEngine engine = Ludus.builder().game(GAME).store(neverWrites).clock(Fixtures.CLOCK)
                .maxCommitRetries(3).build();

        EventResult result = engine.track(event("u", "e"));

        assertFailed(result, ErrorCode.CONFLICT);
        assertThat(result.error().message()).contains("u");
        assertThat(neverWrites.commits.get()).as("1 attempt + 3 retries").isEqualTo(4);
        assertThat(neverWrites.delegate.load("u")).isEmpty();
    }

    @Test
    void maxCommitRetriesZero_meansASingleAttempt() {
        ForwardingStore neverWrites = new ForwardingStore() {
            @Override
            public boolean commit(PlayerCommit commit) {
                commits.incrementAndGet();
                return false;
            }
        };
        RuleEngine engine = Ludus.builder().game(GAME).store(neverWrites).clock(Fixtures.CLOCK)
                .maxCommitRetries(0).build();
        assertFailed(engine.track(event("u", "e")), ErrorCode.CONFLICT);
        assertThat(neverWrites.commits.get()).isEqualTo(1);
    }

    @Test
    void lostRace_reEvaluatesOnTheNewState() {
        // On the first commit another writer gets in first (a player at 1000 XP, holding badge "b");
        // the engine must reload and apply the rule to that state: 1100 XP, version 2, no new badge.
        ForwardingStore racing = new ForwardingStore() {
            private boolean raced;

            @Override
            public boolean commit(PlayerCommit commit) {
                commits.incrementAndGet();
                if (!raced) {
                    raced = true;
                    Fixtures.seed("u").xp(1000, 4).badge("b").into(delegate);
                }
                return delegate.commit(commit);
            }
        };
        RuleEngine engine = Fixtures.engine(GAME, racing);

        EventResult result = processed(engine, event("u", "e"));

        assertThat(racing.commits.get()).isEqualTo(2);
        assertThat(result.updates()).containsExactly(new dev.ludus.api.Update.XpUpdated(1100, 100, 4));
        PlayerState player = state(engine, "u");
        assertThat(player.xp()).isEqualTo(1100);
        assertThat(player.version()).isEqualTo(2);
        assertThat(player.badges()).containsExactly("b");
    }

    @Test
    void failedEvent_isNotAPartialCommit_evenWithAKey() {
        BreakableStore store = new BreakableStore();
        RuleEngine engine = Fixtures.engine(GAME, store);
        store.breakCommit = true;
        Event keyed = Event.builder().externalUserId("u").eventType("e").timestamp(T0).idempotencyKey("k")
                .properties(Map.of()).build();
        assertFailed(engine.track(keyed), ErrorCode.STORE_ERROR);
        assertThat(store.delegate.findIdempotency("u", "k")).isEmpty();
    }
}
