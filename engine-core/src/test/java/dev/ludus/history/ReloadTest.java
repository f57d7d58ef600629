package dev.ludus.history;

import static dev.ludus.history.HistoryTestSupport.PLAYER;
import static dev.ludus.history.HistoryTestSupport.engine;
import static dev.ludus.history.HistoryTestSupport.event;
import static dev.ludus.history.HistoryTestSupport.resource;
import static dev.ludus.history.HistoryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.GameInfo;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.Update;
import dev.ludus.api.spi.PlayerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SPEC 11 reload: an atomic swap of the compiled game while events are tracked. */
class ReloadTest {
    private static final String V1 = "reload-1";
    private static final String V2 = "reload-2";
    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    private final RuleEngine engine = engine(resource("reload-v1.json"));

    @Test
    void reload_laterEventsUseTheNewRules_andResultsCarryTheNewRuleSetVersion() {
        EventResult before = track(engine, event("ping", "2026-03-10T10:00:00Z"));
        assertThat(before.ruleSetVersion()).isEqualTo(V1);

        GameInfo info = engine.reload(resource("reload-v2.json"));

        assertThat(info.ruleSetVersion()).isEqualTo(V2);
        assertThat(info.ruleIds()).containsExactly("ping-xp", "pong");
        assertThat(engine.game()).isEqualTo(info);
        EventResult after = track(engine, event("ping", "2026-03-10T10:01:00Z"));
        assertThat(after.ruleSetVersion()).isEqualTo(V2);
        assertThat(after.updates()).containsExactly(new Update.XpUpdated(3, 2, 1));
        assertThat(track(engine, event("pong", "2026-03-10T10:02:00Z")).rulesTriggered()).containsExactly("pong");
        PlayerState state = engine.player(PLAYER).orElseThrow();
        assertThat(state.xp()).as("state is kept across the reload").isEqualTo(3);
        assertThat(state.badges()).containsExactly("pong");
        assertThat(state.version()).isEqualTo(3);
    }

    @Test
    void reload_ofAnotherLevelCurve_levelsPlayersByTheNewCurve_fromTheNextReadOrEventOn() {
        String rules = """
                "rules": [ { "id": "xp", "name": "xp", "trigger": { "eventType": "e" },
                             "actions": [ { "type": "grant_xp", "amount": { "expression": "n" } } ] },
                           { "id": "four", "name": "four", "trigger": { "eventType": "check" },
                             "conditions": [ { "type": "player_level_gte", "value": 4 } ],
                             "actions": [ { "type": "award_badge", "badgeId": "four" } ] } ]""";
        RuleEngine engine = engine("{ \"levels\": { \"curve\": \"linear\", \"baseXp\": 100, \"maxLevel\": 10 }, "
                + rules + " }");
        track(engine, event("e", "2026-03-10T10:00:00Z", "n", 650));
        assertThat(engine.player(PLAYER).orElseThrow().level()).isEqualTo(4);

        engine.reload("{ \"levels\": { \"curve\": \"table\", \"thresholds\": [0, 1000, 3000] }, " + rules + " }");

        PlayerState read = engine.player(PLAYER).orElseThrow();
        assertThat(read.level()).isEqualTo(1);
        assertThat(read.xpToNextLevel()).isEqualTo(350);
        EventResult check = track(engine, event("check", "2026-03-10T10:01:00Z"));
        assertThat(check.rulesTriggered()).as("conditions see the new curve's level").isEmpty();
        EventResult grant = track(engine, event("e", "2026-03-10T10:02:00Z", "n", 400));
        assertThat(grant.updates()).containsExactly(new Update.XpUpdated(1050, 400, 2), new Update.LevelUp(1, 2));
        assertThat(engine.player(PLAYER).orElseThrow().xpToNextLevel()).isEqualTo(1950);
    }

    @Test
    void reload_ofADocumentWithoutVersion_usesAContentHashAsRuleSetVersion() {
        String a = "[ { \"id\": \"a\", \"name\": \"A\", \"trigger\": { \"eventType\": \"ping\" }, "
                + "\"actions\": [ { \"type\": \"grant_xp\", \"amount\": 1 } ] } ]";
        String b = a.replace("\"amount\": 1", "\"amount\": 2");

        String hashAAgain = engine.reload(a).ruleSetVersion();
        String hashB = engine.reload(b).ruleSetVersion();
        String hashARelaidOut = engine.reload("""
                [{"trigger": {"eventType": "ping"}, "name": "A", "id": "a",
                  "actions": [{"amount": 1, "type": "grant_xp"}]}]
                """).ruleSetVersion();
        String hashA = engine.reload(a).ruleSetVersion();

        assertThat(hashA).matches("sha256-[0-9a-f]{16}").isEqualTo(hashAAgain).isNotEqualTo(hashB);
        assertThat(hashARelaidOut).as("layout and key order are not content").isEqualTo(hashA);
        assertThat(track(engine, event("ping", "2026-03-10T10:00:00Z")).ruleSetVersion()).isEqualTo(hashA);
    }

    @Test
    void reload_ofABadGame_throwsEveryErrorAndKeepsTheOldGame() {
        track(engine, event("ping", "2026-03-10T10:00:00Z"));

        assertThatThrownBy(() -> engine.reload(resource("reload-bad.json")))
                .isInstanceOfSatisfying(GameCompileException.class, e -> assertThat(e.errors())
                        .extracting(CompileError::pointer, CompileError::ruleId, CompileError::code)
                        .containsExactly(
                                tuple("/rules/0/actions/0/type", "ping-xp", ErrorCode.INVALID_RULE),
                                tuple("/rules/1/limits/cooldown", "capped", ErrorCode.INVALID_RULE)));

        assertThat(engine.game().ruleSetVersion()).isEqualTo(V1);
        EventResult after = track(engine, event("ping", "2026-03-10T10:01:00Z"));
        assertThat(after.ruleSetVersion()).isEqualTo(V1);
        assertThat(after.updates()).containsExactly(new Update.XpUpdated(2, 1, 1));
    }

    @Test
    void reload_ofInvalidJson_throwsInvalidJsonAndKeepsTheOldGame() {
        assertThatThrownBy(() -> engine.reload("{ \"rules\": [ "))
                .isInstanceOfSatisfying(GameCompileException.class,
                        e -> assertThat(e.errors()).extracting(CompileError::code).containsOnly(ErrorCode.INVALID_JSON));

        assertThat(engine.game().ruleSetVersion()).isEqualTo(V1);
    }

    @Test
    void reload_eventAlreadyBeingEvaluated_finishesOnTheOldRules() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch reloaded = new CountDownLatch(1);
        HistoryTestSupport.RecordingStore blockingStore = new HistoryTestSupport.RecordingStore() {
            @Override
            public Optional<PlayerRecord> load(String externalUserId) {
                loading.countDown();
                try {
                    if (!reloaded.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("reload did not happen");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return super.load(externalUserId);
            }
        };
        RuleEngine blocking = engine(resource("reload-v1.json"), blockingStore);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<EventResult> inFlight = pool.submit(() -> blocking.track(event("ping", "2026-03-10T10:00:00Z")));
            assertThat(loading.await(60, TimeUnit.SECONDS)).isTrue();
            blocking.reload(resource("reload-v2.json"));
            reloaded.countDown();

            EventResult result = inFlight.get(60, TimeUnit.SECONDS);
            assertThat(result.ruleSetVersion()).isEqualTo(V1);
            assertThat(result.updates()).containsExactly(new Update.XpUpdated(1, 1, 1));
            assertThat(blocking.track(event("ping", "2026-03-10T10:01:00Z")).ruleSetVersion()).isEqualTo(V2);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Four threads track pings for eight shared players while the main thread reloads from the game granting
     * 1 XP (reload-1) to the one granting 2 (reload-2). Every result must come from exactly one of the two
     * games and say which, so each player's final XP is the sum the reported versions imply.
     */
    @Test
    void reload_racingWithFourTrackingThreads_eachResultIsConsistentWithTheVersionItReports() throws Exception {
        int threads = 4;
        int players = 8;
        int perPhase = 250;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch halfway = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<EventResult>>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    List<EventResult> results = new ArrayList<>();
                    start.await();
                    int i = 0;
                    for (; i < perPhase; i++) {
                        results.add(engine.track(ping(thread, i, players)));
                    }
                    halfway.countDown();
                    // Keep tracking, concurrently with the reload, until this thread has seen the new game.
                    while (results.stream().noneMatch(r -> V2.equals(r.ruleSetVersion()))) {
                        results.add(engine.track(ping(thread, i++, players)));
                    }
                    for (int k = 0; k < perPhase; k++) {
                        results.add(engine.track(ping(thread, i++, players)));
                    }
                    return results;
                }));
            }
            start.countDown();
            assertThat(halfway.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(engine.reload(resource("reload-v2.json")).ruleSetVersion()).isEqualTo(V2);

            Map<String, Long> impliedXp = new HashMap<>();
            Map<String, Long> committed = new HashMap<>();
            for (Future<List<EventResult>> worker : workers) {
                List<EventResult> results = worker.get(120, TimeUnit.SECONDS);
                boolean seenNew = false;
                for (EventResult r : results) {
                    assertThat(r.status()).as("%s", r).isEqualTo(EventStatus.PROCESSED);
                    assertThat(r.ruleSetVersion()).isIn(V1, V2);
                    long delta = V1.equals(r.ruleSetVersion()) ? 1 : 2;
                    assertThat(r.updates()).as("%s", r).filteredOn(Update.XpUpdated.class::isInstance)
                            .singleElement()
                            .satisfies(u -> assertThat(((Update.XpUpdated) u).delta()).isEqualTo(delta));
                    assertThat(seenNew && V1.equals(r.ruleSetVersion()))
                            .as("a thread never goes back to the old game after seeing the new one").isFalse();
                    seenNew |= V2.equals(r.ruleSetVersion());
                    impliedXp.merge(r.externalUserId(), delta, Long::sum);
                    committed.merge(r.externalUserId(), 1L, Long::sum);
                }
            }
            assertThat(impliedXp).hasSize(players);
            for (String player : impliedXp.keySet()) {
                PlayerState state = engine.player(player).orElseThrow();
                assertThat(state.xp()).as("XP of %s", player).isEqualTo(impliedXp.get(player));
                assertThat(state.version()).as("version of %s", player).isEqualTo(committed.get(player));
            }
            assertThat(Set.copyOf(workers.get(0).get().stream().map(EventResult::ruleSetVersion).toList()))
                    .containsExactlyInAnyOrder(V1, V2);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Event ping(int thread, int i, int players) {
        return Event.builder().eventId("t" + thread + "-" + i)
                .externalUserId("racer-" + ((thread + i) % players)).eventType("ping")
                .timestamp(T0.plusMillis(i)).build();
    }
}
