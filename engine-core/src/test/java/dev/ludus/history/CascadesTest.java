package dev.ludus.history;

import static dev.ludus.history.HistoryTestSupport.PLAYER;
import static dev.ludus.history.HistoryTestSupport.engine;
import static dev.ludus.history.HistoryTestSupport.event;
import static dev.ludus.history.HistoryTestSupport.resource;
import static dev.ludus.history.HistoryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.EventQuery;
import dev.ludus.api.EventResult;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.Subscription;
import dev.ludus.api.Update;
import dev.ludus.api.spi.Action;
import dev.ludus.api.spi.ActionType;
import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.ConfigNode;
import dev.ludus.core.Ludus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SPEC 4.3 / 5: {@code emit_event}, derived {@code level_up} events, the cascade limit and {@code notify}. */
class CascadesTest {
    private final RuleEngine engine = engine(resource("cascades.json"));

    private PlayerState player() {
        return engine.player(PLAYER).orElseThrow();
    }

    @Test
    void emitEvent_derivedRulesRunAfterAllOfTheParentsRules_inTheSameCommit() {
        EventResult result = track(engine, event("purchase", "2026-03-10T10:30:00Z"));

        assertThat(result.rulesTriggered())
                .containsExactly("on-purchase", "every-event", "purchase-xp", "on-order", "vip-order");
        assertThat(result.actionsExecuted()).containsExactly("grant_currency", "emit_event", "grant_xp", "grant_xp",
                "grant_currency", "set_attribute");
        assertThat(result.updates()).containsExactly(
                new Update.CurrencyUpdated("coins", 5, 5),
                new Update.XpUpdated(1, 1, 1),
                new Update.XpUpdated(11, 10, 1),
                new Update.CurrencyUpdated("gems", 2, 2),
                new Update.AttributeUpdated("vip", true));
        assertThat(player().version()).as("one commit for the event and its derived event").isEqualTo(1);
        assertThat(engine.events().list(EventQuery.of(PLAYER, 10)).entries())
                .extracting(e -> e.eventType(), e -> e.version())
                .containsExactly(tuple("purchase", 1L));
    }

    @Test
    void emitEvent_derivedEventsFeedTheirOwnAggregates() {
        track(engine, event("purchase", "2026-03-10T10:30:00Z"));

        EventResult second = track(engine, event("purchase", "2026-03-10T10:45:00Z"));

        assertThat(second.rulesTriggered()).containsExactly("on-purchase", "every-event", "purchase-xp", "on-order",
                "vip-order", "big-spender");
        assertThat(second.updates()).containsExactly(
                new Update.CurrencyUpdated("coins", 10, 5),
                new Update.XpUpdated(12, 1, 1),
                new Update.XpUpdated(22, 10, 1),
                new Update.CurrencyUpdated("gems", 4, 2),
                new Update.BadgeEarned("big-spender"));
        assertThat(player().version()).isEqualTo(2);
    }

    @Test
    void emitEvent_derivedEventCarriesTheParentsTimestamp_notTheClock() {
        // on-order needs hour 10 UTC; the engine clock says 12:00.
        assertThat(track(engine, event("purchase", "2026-03-10T11:30:00Z")).rulesTriggered())
                .doesNotContain("on-order");
        assertThat(track(engine, event("purchase", "2026-03-10T10:59:59Z")).rulesTriggered())
                .contains("on-order");
    }

    @Test
    void emitEvent_derivedEventReusesTheParentsEventIdAndTimestamp() {
        List<String> seen = new CopyOnWriteArrayList<>();
        ActionType record = new ActionType() {
            @Override
            public String name() {
                return "record_event";
            }

            @Override
            public Action compile(ConfigNode config, CompileContext context) {
                return ctx -> seen.add(ctx.eventId() + " " + ctx.eventType() + " " + ctx.timestamp());
            }
        };
        RuleEngine recording = Ludus.builder().actionType(record).game("""
                [ { "id": "parent", "name": "Parent", "trigger": { "eventType": "purchase" },
                    "actions": [ { "type": "record_event" },
                                 { "type": "emit_event", "eventType": "order_placed" } ] },
                  { "id": "child", "name": "Child", "trigger": { "eventType": "order_placed" },
                    "actions": [ { "type": "record_event" } ] } ]""").build();

        track(recording, event("purchase", "2026-03-10T10:30:00Z").toBuilder().eventId("evt-1").build());

        assertThat(seen).containsExactly("evt-1 purchase 2026-03-10T10:30:00Z",
                "evt-1 order_placed 2026-03-10T10:30:00Z");
    }

    @Test
    void wildcardRules_doNotFireForDerivedEvents() {
        EventResult result = track(engine, event("purchase", "2026-03-10T10:30:00Z"));

        assertThat(result.rulesTriggered()).containsOnlyOnce("every-event");
        assertThat(player().xp()).isEqualTo(11);
    }

    @Test
    void emitEvent_ruleFailingAfterItEmitted_isUndone_andItsDerivedEventNeverRuns() {
        EventResult result = track(engine, event("checkout", "2026-03-10T10:30:00Z"));

        assertThat(result.rulesTriggered()).containsExactly("every-event");
        assertThat(result.actionsExecuted()).containsExactly("grant_xp");
        assertThat(result.rulesFailed()).extracting(RuleFailure::ruleId, RuleFailure::code)
                .containsExactly(tuple("emit-then-fail", ErrorCode.INSUFFICIENT_FUNDS));
        assertThat(player().balance("gems")).isZero();
        // The undone order_placed did not reach the property_sum either: 50 + 50 would make a big spender.
        track(engine, event("purchase", "2026-03-10T10:31:00Z"));
        assertThat(player().badges()).doesNotContain("big-spender");
    }

    @Test
    void levelUp_derivedEventPerLevelCrossed_withFromAndTo_runsLevelUpRulesInOrder() {
        EventResult result = track(engine, event("boost", "2026-03-10T12:00:00Z"));

        // Linear curve, base 100: level 2 at 100, 3 at 300, 4 at 600.
        assertThat(result.updates()).containsExactly(
                new Update.XpUpdated(1, 1, 1),
                new Update.XpUpdated(601, 600, 4),
                new Update.LevelUp(1, 2),
                new Update.LevelUp(2, 3),
                new Update.LevelUp(3, 4),
                new Update.CurrencyUpdated("gems", 1, 1),
                new Update.CurrencyUpdated("gems", 2, 1),
                new Update.BadgeEarned("level-3"),
                new Update.CurrencyUpdated("gems", 3, 1));
        assertThat(result.rulesTriggered()).containsExactly("every-event", "boost", "level-gems", "level-gems",
                "level-3-badge", "level-gems");
        assertThat(player().version()).isEqualTo(1);
        assertThat(player().level()).isEqualTo(4);
    }

    // ---- cascade depth

    /** Rule {@code hop-k} on {@code e<k>} grants 1 XP and emits {@code e<k+1>}, for k below {@code hops}. */
    private static String chain(int hops) {
        StringBuilder rules = new StringBuilder("[");
        for (int k = 0; k < hops; k++) {
            rules.append("""
                    { "id": "hop-%d", "name": "Hop %d", "trigger": { "eventType": "e%d" },
                      "actions": [ { "type": "grant_xp", "amount": 1 },
                                   { "type": "emit_event", "eventType": "e%d" } ] },
                    """.formatted(k, k, k, k + 1));
        }
        rules.append("""
                { "id": "bottom", "name": "Bottom", "trigger": { "eventType": "e%d" },
                  "actions": [ { "type": "award_badge", "badgeId": "deep" } ] } ]""".formatted(hops));
        return rules.toString();
    }

    @Test
    void levelUp_withoutRulesOnIt_isStillDerivedForAHistoryConditionCountingIt_inTrackingAndExplainAlike() {
        RuleEngine engine = engine("""
                [ { "id": "xp", "name": "xp", "trigger": { "eventType": "lesson" },
                    "actions": [ { "type": "grant_xp", "amount": 150 } ] },
                  { "id": "climber", "name": "climber", "trigger": { "eventType": "check" },
                    "conditions": [ { "type": "event_count", "eventType": "level_up", "min": 1 } ],
                    "actions": [ { "type": "award_badge", "badgeId": "climber" } ] },
                  { "id": "archived-on-level-up", "name": "archived", "status": "archived",
                    "trigger": { "eventType": "level_up" }, "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""");
        dev.ludus.api.Event lesson = event("lesson", "2026-03-10T10:00:00Z");

        EventResult explained = engine.explain(lesson, false).result();
        EventResult tracked = track(engine, lesson);
        EventResult check = track(engine, event("check", "2026-03-10T10:05:00Z"));

        assertThat(explained.rulesTriggered()).isEqualTo(tracked.rulesTriggered()).containsExactly("xp");
        assertThat(explained.updates()).isEqualTo(tracked.updates());
        assertThat(check.rulesTriggered()).containsExactly("climber");
    }

    @Test
    void levelUp_withOnlyADraftRuleOnIt_isDerivedInExplainWithDrafts_only() {
        RuleEngine engine = engine("""
                [ { "id": "xp", "name": "xp", "trigger": { "eventType": "lesson" },
                    "actions": [ { "type": "grant_xp", "amount": 150 } ] },
                  { "id": "draft-on-level-up", "name": "draft", "status": "draft",
                    "trigger": { "eventType": "level_up" }, "actions": [ { "type": "award_badge", "badgeId": "up" } ] },
                  { "id": "disabled-on-level-up", "name": "disabled", "enabled": false,
                    "trigger": { "eventType": "level_up" }, "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""");
        dev.ludus.api.Event lesson = event("lesson", "2026-03-10T10:00:00Z");

        dev.ludus.api.Explanation withDrafts = engine.explain(lesson, true);
        dev.ludus.api.Explanation withoutDrafts = engine.explain(lesson, false);

        assertThat(withDrafts.result().rulesTriggered()).containsExactly("xp", "draft-on-level-up");
        assertThat(withDrafts.rules()).extracting(dev.ludus.api.RuleTrace::ruleId)
                .containsExactly("xp", "draft-on-level-up", "disabled-on-level-up");
        assertThat(withoutDrafts.result().rulesTriggered()).containsExactly("xp");
        assertThat(withoutDrafts.rules()).extracting(dev.ludus.api.RuleTrace::ruleId).containsExactly("xp");
        assertThat(track(engine, lesson).rulesTriggered()).containsExactly("xp");
    }

    @Test
    void cascade_eightDerivedEventsDeep_isAllowed() {
        RuleEngine deep = engine(chain(8));

        EventResult result = track(deep, event("e0", "2026-03-10T10:00:00Z"));

        assertThat(result.rulesFailed()).isEmpty();
        assertThat(result.rulesTriggered()).hasSize(9).endsWith("hop-7", "bottom");
        assertThat(deep.player(PLAYER).orElseThrow().badges()).containsExactly("deep");
    }

    @Test
    void cascade_nineDeep_failsTheEmittingRuleWithCascadeLimit_andUndoesIt() {
        RuleEngine tooDeep = engine(chain(9));

        EventResult result = track(tooDeep, event("e0", "2026-03-10T10:00:00Z"));

        assertThat(result.rulesTriggered()).containsExactly("hop-0", "hop-1", "hop-2", "hop-3", "hop-4", "hop-5",
                "hop-6", "hop-7");
        assertThat(result.rulesFailed()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("hop-8");
            assertThat(f.code()).isEqualTo(ErrorCode.CASCADE_LIMIT);
            assertThat(f.message()).contains("8");
        });
        PlayerState state = tooDeep.player(PLAYER).orElseThrow();
        assertThat(state.xp()).as("hop-8's XP is undone").isEqualTo(8);
        assertThat(state.badges()).isEmpty();
        assertThat(state.version()).isEqualTo(1);
    }

    @Test
    void cascade_ruleEmittingItsOwnTrigger_stopsAtTheLimit() {
        RuleEngine loop = engine("""
                [ { "id": "loop", "name": "Loop", "trigger": { "eventType": "ping" },
                    "actions": [ { "type": "grant_xp", "amount": 1 },
                                 { "type": "emit_event", "eventType": "ping", "properties": { "again": true } } ] } ]""");

        EventResult result = track(loop, event("ping", "2026-03-10T10:00:00Z"));

        assertThat(result.rulesTriggered()).hasSize(8).containsOnly("loop");
        assertThat(result.rulesFailed()).extracting(RuleFailure::ruleId, RuleFailure::code)
                .containsExactly(tuple("loop", ErrorCode.CASCADE_LIMIT));
        assertThat(loop.player(PLAYER).orElseThrow().xp()).isEqualTo(8);
    }

    // ---- notify

    @Test
    void notify_producesANotificationUpdate_deliveredToSubscribersAfterTheCommit() throws InterruptedException {
        BlockingQueue<EventResult> heard = new LinkedBlockingQueue<>();
        BlockingQueue<Long> versionSeenByListener = new LinkedBlockingQueue<>();
        try (Subscription subscription = engine.subscribe("player:" + PLAYER, r -> {
            versionSeenByListener.add(engine.player(PLAYER).map(PlayerState::version).orElse(0L));
            heard.add(r);
        })) {
            EventResult result = track(engine, event("shout", "2026-03-10T10:00:00Z"));

            Update.Notification expected = new Update.Notification("shop", Map.of("message", "thanks", "n", 1L));
            assertThat(result.updates()).containsExactly(new Update.XpUpdated(1, 1, 1), expected);
            EventResult delivered = heard.poll(10, TimeUnit.SECONDS);
            assertThat(delivered).isNotNull();
            assertThat(delivered.eventId()).isEqualTo(result.eventId());
            assertThat(delivered.updates()).contains(expected);
            assertThat(versionSeenByListener.poll()).as("the commit happened before delivery").isEqualTo(1L);
            assertThat(subscription.dropped()).isZero();
        }
    }
}
