package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.EventResult;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.Update;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 4.3 and 5: derived events ({@code emit_event}, {@code level_up}) and {@code notify}. */
class CascadesTest {

    @Test
    void emitEvent_runsTheDerivedEventAfterTheParentsRules_inTheSameCommit() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "emit", "name": "emit", "priority": 1, "trigger": {"eventType": "purchase"},
                   "actions": [{"type": "emit_event", "eventType": "bonus", "properties": {"multiplier": 2}},
                               {"type": "grant_xp", "amount": 10}]},
                  {"id": "coins", "name": "coins", "priority": 2, "trigger": {"eventType": "purchase"},
                   "actions": [{"type": "grant_currency", "currency": "coins", "amount": 5}]},
                  {"id": "on-bonus", "name": "on-bonus", "trigger": {"eventType": "bonus"},
                   "conditions": [{"type": "property_eq", "property": "multiplier", "value": 2}],
                   "actions": [{"type": "award_badge", "badgeId": "bonus"}]}]}""");
        EventResult result = processed(engine, event("u", "purchase"));
        assertThat(result.rulesTriggered()).containsExactly("emit", "coins", "on-bonus");
        assertThat(result.actionsExecuted()).containsExactly("emit_event", "grant_xp", "grant_currency", "award_badge");
        assertThat(result.updates()).containsExactly(new Update.XpUpdated(10, 10, 1),
                new Update.CurrencyUpdated("coins", 5, 5), new Update.BadgeEarned("bonus"));
        assertThat(state(engine, "u").version()).isEqualTo(1);
        assertThat(state(engine, "u").badges()).containsExactly("bonus");
    }

    @Test
    void derivedEvent_seesThePlayerAsTheParentLeftIt() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "grow", "name": "grow", "trigger": {"eventType": "e"},
                   "actions": [{"type": "grant_xp", "amount": 100}, {"type": "emit_event", "eventType": "check"}]},
                  {"id": "check", "name": "check", "trigger": {"eventType": "check"},
                   "conditions": [{"type": "player_level_gte", "value": 2}],
                   "actions": [{"type": "set_attribute", "attribute": "checked", "value": true}]}]}""");
        assertThat(processed(engine, event("u", "e")).rulesTriggered()).containsExactly("grow", "check");
    }

    @Test
    void emitEvent_inAFailedRule_derivesNothing() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "emit-then-fail", "name": "x", "trigger": {"eventType": "e"},
                   "actions": [{"type": "emit_event", "eventType": "bonus"},
                               {"type": "deduct_currency", "currency": "coins", "amount": 1}]},
                  {"id": "on-bonus", "name": "y", "trigger": {"eventType": "bonus"},
                   "actions": [{"type": "grant_xp", "amount": 1}]}]}""");
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.rulesTriggered()).isEmpty();
        assertThat(result.rulesFailed()).extracting(RuleFailure::code).containsExactly(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(state(engine, "u").xp()).isZero();
    }

    @Test
    void endlessCascade_stopsAtDepth8_withCascadeLimit() {
        // the root event and 7 derived ones fire; the 8th derived event's rule would nest a 9th and fails
        RuleEngine engine = Fixtures.engine("""
                {"rules": [{"id": "loop", "name": "loop", "trigger": {"eventType": "ping"},
                            "actions": [{"type": "grant_xp", "amount": 1}, {"type": "emit_event", "eventType": "ping"}]}]}""");
        EventResult result = processed(engine, event("u", "ping"));
        assertThat(result.rulesFailed()).extracting(RuleFailure::ruleId, RuleFailure::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("loop", ErrorCode.CASCADE_LIMIT));
        assertThat(result.rulesTriggered()).isEqualTo(Collections.nCopies(8, "loop"));
        assertThat(state(engine, "u").xp()).isEqualTo(8);
        assertThat(state(engine, "u").version()).isEqualTo(1);
    }

    @Test
    void levelUp_isADerivedEvent_perLevel_withFromAndTo() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "xp", "name": "xp", "trigger": {"eventType": "e"}, "actions": [{"type": "grant_xp", "amount": 300}]},
                  {"id": "every-level", "name": "every", "priority": 1, "trigger": {"eventType": "level_up"},
                   "actions": [{"type": "grant_currency", "currency": "coins", "amount": 1}]},
                  {"id": "level-3", "name": "three", "priority": 2, "trigger": {"eventType": "level_up"},
                   "conditions": [{"type": "property_eq", "property": "from", "value": 2},
                                  {"type": "property_eq", "property": "to", "value": 3}],
                   "actions": [{"type": "award_badge", "badgeId": "level-3"}]}]}""");
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.rulesTriggered()).containsExactly("xp", "every-level", "every-level", "level-3");
        assertThat(result.updates()).containsExactly(new Update.XpUpdated(300, 300, 3),
                new Update.LevelUp(1, 2), new Update.LevelUp(2, 3),
                new Update.CurrencyUpdated("coins", 1, 1), new Update.CurrencyUpdated("coins", 2, 1),
                new Update.BadgeEarned("level-3"));
        assertThat(state(engine, "u").version()).isEqualTo(1);
    }

    @Test
    void derivedEvents_feedHistoryConditions() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "emit", "name": "emit", "trigger": {"eventType": "purchase"},
                   "actions": [{"type": "emit_event", "eventType": "bonus"}]},
                  {"id": "second-bonus", "name": "second", "trigger": {"eventType": "bonus"},
                   "conditions": [{"type": "event_count", "min": 2}],
                   "actions": [{"type": "grant_xp", "amount": 1}]}]}""");
        assertThat(processed(engine, event("u", "purchase")).rulesTriggered()).containsExactly("emit");
        assertThat(processed(engine, event("u", "purchase")).rulesTriggered()).containsExactly("emit", "second-bonus");
    }

    @Test
    void notify_addsANotificationUpdate() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [{"id": "tell", "name": "tell", "trigger": {"eventType": "e"},
                            "actions": [{"type": "notify", "topic": "achievements", "payload": {"msg": "hi", "n": 1}}]}]}""");
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.actionsExecuted()).containsExactly("notify");
        assertThat(result.updates()).containsExactly(new Update.Notification("achievements", Map.of("msg", "hi", "n", 1L)));
    }

    @Test
    void notify_inAFailedRule_isUndone() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [{"id": "tell", "name": "tell", "trigger": {"eventType": "e"},
                            "actions": [{"type": "notify", "topic": "t"},
                                        {"type": "deduct_currency", "currency": "coins", "amount": 1}]}]}""");
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.updates()).isEmpty();
        assertThat(result.actionsExecuted()).isEmpty();
    }
}
