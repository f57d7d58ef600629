package dev.ludus.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleEngine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.4 and 8 under contention: limit counters and history aggregates live in the player's engine data, which
 * racing commits rebuild from what each loaded. Eight threads on three players, one event an hour over 250 days:
 * every one-time rule fires once per player, the count reaches exactly the number of events (a lost write would
 * leave it short), the streak covers every day, and a reload midway changes none of that.
 */
class EngineDataConcurrencyTest {
    private static final int THREADS = 8;
    private static final int EVENTS = 6_000;
    private static final int PLAYERS = 3;
    private static final Instant START = Instant.parse("2026-03-10T00:00:00Z");
    private static final int DAYS = EVENTS / 24;

    private static String game(String version) {
        StringBuilder rules = new StringBuilder("{\"version\": \"" + version + "\", \"rules\": [");
        for (int n = 0; n < 20; n++) { // one-time achievements for the first 20 visits of any player
            rules.append("""
                    {"id": "a%d", "name": "a%d", "trigger": "visit",
                     "conditions": [{"type": "event_count", "min": %d, "max": %d}],
                     "limits": {"maxPerPlayer": 1}, "actions": [{"type": "grant_xp", "amount": 1}]},
                    """.formatted(n, n, n + 1, n + 1));
        }
        return rules.append("""
                {"id": "last", "name": "last", "trigger": "visit",
                 "conditions": [{"type": "event_count", "min": %d, "max": %d}],
                 "actions": [{"type": "grant_currency", "currency": "finished", "amount": 1}]},
                {"id": "every-day", "name": "every-day", "trigger": "check",
                 "conditions": [{"type": "streak", "eventType": "visit", "unit": "day", "min": %d}],
                 "actions": [{"type": "grant_xp", "amount": 1000}]},
                {"id": "once", "name": "once", "trigger": "visit", "limits": {"maxPerPlayer": 1},
                 "actions": [{"type": "grant_currency", "currency": "badges", "amount": 1}]}]}"""
                .formatted(EVENTS / PLAYERS, EVENTS / PLAYERS, DAYS)).toString();
    }

    @Test
    void eightThreadsOnThreePlayers_countEveryEventOnce_andFireEachLimitedRuleOnce() throws Exception {
        RuleEngine engine = Ludus.builder().game(game("1")).maxCommitRetries(1_000_000).build();
        List<EventResult> all = Fixtures.trackConcurrently(THREADS, EVENTS, i -> {
            if (i == EVENTS / 2) {
                engine.reload(game("2")); // the same rules: their data is kept
            }
            return engine.track(Event.builder().externalUserId("p" + i % PLAYERS).eventType("visit")
                    .timestamp(START.plusSeconds(3_600L * i)).build());
        });

        assertThat(all).allMatch(r -> r.status() == EventStatus.PROCESSED);
        for (int p = 0; p < PLAYERS; p++) {
            String player = "p" + p;
            var state = engine.player(player).orElseThrow();
            assertThat(state.version()).as(player).isEqualTo(EVENTS / PLAYERS);
            assertThat(state.balance("finished")).as(player + ": the count reached every event").isEqualTo(1);
            assertThat(state.balance("badges")).as(player).isEqualTo(1);
            Event check = Event.builder().externalUserId(player).eventType("check")
                    .timestamp(START.plusSeconds(3_600L * (EVENTS - 1))).build();
            assertThat(engine.explain(check).result().rulesTriggered()).as(player + ": a day of every %d", DAYS)
                    .containsExactly("every-day");
            assertThat(state.xp()).as(player + ": a0..a19, each once").isEqualTo(20);
            for (int n = 0; n < 20; n++) {
                String rule = "a" + n;
                assertThat(all.stream().filter(r -> r.externalUserId().equals(player)
                        && r.rulesTriggered().contains(rule))).as(player + " " + rule).hasSize(1);
            }
        }
    }
}
