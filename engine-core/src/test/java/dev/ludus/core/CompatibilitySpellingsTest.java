package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.props;
import static dev.ludus.core.Fixtures.rule;
import static dev.ludus.core.Fixtures.rules;
import static dev.ludus.core.Fixtures.seed;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.EventResult;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.Update;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 4.5: the EngageFabric spellings mean exactly the canonical form. */
class CompatibilitySpellingsTest {

    private static boolean fires(String condition, Map<String, ?> properties) {
        return PropertyConditionsTest.fires(condition, properties);
    }

    @Test
    void propertyEquals_isPropertyEq() {
        String alias = "{\"type\": \"property_equals\", \"property\": \"score\", \"value\": 95}";
        assertThat(fires(alias, props("score", 95.0))).isTrue();
        assertThat(fires(alias, props("score", "95"))).isFalse();
    }

    @Test
    void propertyGreaterThan_isPropertyGt() {
        String alias = "{\"type\": \"property_greater_than\", \"property\": \"score\", \"value\": 80}";
        assertThat(fires(alias, props("score", 81))).isTrue();
        assertThat(fires(alias, props("score", 80))).isFalse();
    }

    @Test
    void propertyLessThan_isPropertyLt() {
        String alias = "{\"type\": \"property_less_than\", \"property\": \"score\", \"value\": 80}";
        assertThat(fires(alias, props("score", 79))).isTrue();
        assertThat(fires(alias, props("score", 80))).isFalse();
    }

    @Test
    void playerLevelEqualsAndGreaterThan_arePlayerLevelEqAndGt() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        seed("u").xp(300, 3).into(store);
        RuleEngine engine = Fixtures.engine(rules(
                rule("eq3", "e", "[{\"type\": \"player_level_equals\", \"value\": 3}]", "[]"),
                rule("eq2", "e", "[{\"type\": \"player_level_equals\", \"value\": 2}]", "[]"),
                rule("gt2", "e", "[{\"type\": \"player_level_greater_than\", \"value\": 2}]", "[]"),
                rule("gt3", "e", "[{\"type\": \"player_level_greater_than\", \"value\": 3}]", "[]")), store);
        assertThat(processed(engine, event("u", "e")).rulesTriggered()).containsExactly("eq3", "gt2");
    }

    @Test
    void actionTypes_areCaseInsensitive_andReportedInCanonicalForm() {
        RuleEngine engine = Fixtures.engine(rules(rule("r", "e", """
                [{"type": "GRANT_XP", "amount": 10},
                 {"type": "Grant_Currency", "currency": "coins", "amount": 5},
                 {"type": "AWARD_BADGE", "badgeId": "b"}]""")));
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.actionsExecuted()).containsExactly("grant_xp", "grant_currency", "award_badge");
        assertThat(result.updates()).containsExactly(new Update.XpUpdated(10, 10, 1),
                new Update.CurrencyUpdated("coins", 5, 5), new Update.BadgeEarned("b"));
    }

    @Test
    void currencyId_isCurrency() {
        RuleEngine engine = Fixtures.engine("""
                {"currencies": [{"id": "coins", "name": "Coins"}],
                 "rules": [{"id": "r", "name": "R", "trigger": {"eventType": "e"},
                            "actions": [{"type": "grant_currency", "currencyId": "coins", "amount": 7},
                                        {"type": "deduct_currency", "currencyId": "coins", "amount": 2}]}]}""");
        processed(engine, event("u", "e"));
        assertThat(state(engine, "u").currencies()).containsExactly(Map.entry("coins", 5L));
    }

    @Test
    void grantBadge_isAwardBadge() {
        RuleEngine engine = Fixtures.engine(rules(rule("r", "e", "[{\"type\": \"grant_badge\", \"badgeId\": \"b\"}]")));
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.actionsExecuted()).containsExactly("award_badge");
        assertThat(result.updates()).containsExactly(new Update.BadgeEarned("b"));
        assertThat(state(engine, "u").badges()).containsExactly("b");
    }

    @Test
    void isActive_isEnabled() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "on", "name": "On", "isActive": true, "trigger": {"eventType": "e"}, "actions": []},
                  {"id": "off", "name": "Off", "isActive": false, "trigger": {"eventType": "e"}, "actions": []}]}""");
        assertThat(processed(engine, event("u", "e")).rulesTriggered()).containsExactly("on");
    }

    @Test
    void triggerEvent_isTriggerEventType() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [{"id": "r", "name": "R", "trigger": {"event": "lesson_completed"}, "actions": []}]}""");
        assertThat(processed(engine, event("u", "lesson_completed")).rulesTriggered()).containsExactly("r");
        assertThat(processed(engine, event("u", "other")).rulesTriggered()).isEmpty();
    }
}
