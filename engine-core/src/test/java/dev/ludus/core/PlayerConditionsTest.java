package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.props;
import static dev.ludus.core.Fixtures.rule;
import static dev.ludus.core.Fixtures.rules;
import static dev.ludus.core.Fixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.EventResult;
import dev.ludus.api.QuestState;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code player_*} and composite conditions of SPEC 4.2, against a player seeded straight into the store. */
class PlayerConditionsTest {

    /** Level 3 (300..699 XP on the default curve), 50 coins, one badge, one completed and one open quest. */
    private static Fixtures.Seed veteran() {
        return seed("u").xp(450, 3)
                .currency("coins", 50)
                .badge("first-lesson")
                .quest("done-quest", new QuestState(5, 5L, true, 1))
                .quest("open-quest", new QuestState(2, 5L, false, 0))
                .attribute("tier", "gold")
                .attribute("streak", 5L)
                .attribute("note", null);
    }

    /** Whether a one-rule game with {@code condition} fires for the seeded veteran. */
    private static boolean firesFor(Fixtures.Seed player, String condition) {
        return firesFor(player, condition, Map.of());
    }

    private static boolean firesFor(Fixtures.Seed player, String condition, Map<String, ?> properties) {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        player.into(store);
        RuleEngine engine = Fixtures.engine(rules(rule("r", "e", "[" + condition + "]",
                "[{\"type\": \"set_attribute\", \"attribute\": \"fired\", \"value\": true}]")), store);
        EventResult result = processed(engine, event("u", "e", properties));
        assertThat(result.rulesFailed()).isEmpty();
        return result.rulesTriggered().contains("r");
    }

    private static String cond(String type, String fields) {
        return "{\"type\": \"" + type + "\", " + fields + "}";
    }

    @Test
    void playerLevelEq_comparesWithTheLevel() {
        assertThat(firesFor(veteran(), cond("player_level_eq", "\"value\": 3"))).isTrue();
        assertThat(firesFor(veteran(), cond("player_level_eq", "\"value\": 2"))).isFalse();
    }

    @Test
    void playerLevelGt_isStrict() {
        assertThat(firesFor(veteran(), cond("player_level_gt", "\"value\": 2"))).isTrue();
        assertThat(firesFor(veteran(), cond("player_level_gt", "\"value\": 3"))).isFalse();
    }

    @Test
    void playerLevelGte_includesTheValue() {
        assertThat(firesFor(veteran(), cond("player_level_gte", "\"value\": 3"))).isTrue();
        assertThat(firesFor(veteran(), cond("player_level_gte", "\"value\": 4"))).isFalse();
    }

    @Test
    void playerLevelLt_isStrict() {
        assertThat(firesFor(veteran(), cond("player_level_lt", "\"value\": 4"))).isTrue();
        assertThat(firesFor(veteran(), cond("player_level_lt", "\"value\": 3"))).isFalse();
    }

    @Test
    void playerLevel_ofANewPlayer_isOne() {
        RuleEngine engine = Fixtures.engine(rules(rule("r", "e", "[" + cond("player_level_eq", "\"value\": 1") + "]",
                "[{\"type\": \"grant_xp\", \"amount\": 1}]")));
        assertThat(processed(engine, event("new", "e")).rulesTriggered()).containsExactly("r");
    }

    @Test
    void playerXpGte_includesTheValue() {
        assertThat(firesFor(veteran(), cond("player_xp_gte", "\"value\": 450"))).isTrue();
        assertThat(firesFor(veteran(), cond("player_xp_gte", "\"value\": 451"))).isFalse();
    }

    @Test
    void playerCurrencyGte_readsTheBalance() {
        assertThat(firesFor(veteran(), cond("player_currency_gte", "\"currency\": \"coins\", \"value\": 50"))).isTrue();
        assertThat(firesFor(veteran(), cond("player_currency_gte", "\"currency\": \"coins\", \"value\": 51"))).isFalse();
    }

    @Test
    void playerCurrencyGte_onACurrencyNeverHeld_seesZero() {
        assertThat(firesFor(veteran(), cond("player_currency_gte", "\"currency\": \"gems\", \"value\": 0"))).isTrue();
        assertThat(firesFor(veteran(), cond("player_currency_gte", "\"currency\": \"gems\", \"value\": 1"))).isFalse();
    }

    @Test
    void playerHasBadge_andLacksBadge_areOpposites() {
        assertThat(firesFor(veteran(), cond("player_has_badge", "\"badgeId\": \"first-lesson\""))).isTrue();
        assertThat(firesFor(veteran(), cond("player_has_badge", "\"badgeId\": \"level-5\""))).isFalse();
        assertThat(firesFor(veteran(), cond("player_lacks_badge", "\"badgeId\": \"level-5\""))).isTrue();
        assertThat(firesFor(veteran(), cond("player_lacks_badge", "\"badgeId\": \"first-lesson\""))).isFalse();
    }

    @Test
    void playerQuestCompleted_holdsOnlyAfterACompletion() {
        assertThat(firesFor(veteran(), cond("player_quest_completed", "\"questId\": \"done-quest\""))).isTrue();
        assertThat(firesFor(veteran(), cond("player_quest_completed", "\"questId\": \"open-quest\""))).isFalse();
        assertThat(firesFor(veteran(), cond("player_quest_completed", "\"questId\": \"never-started\""))).isFalse();
    }

    @Test
    void playerQuestCompleted_forARepeatableQuestResetToZero_stillHolds() {
        Fixtures.Seed player = seed("u").quest("daily", new QuestState(0, 3L, true, 2));
        assertThat(firesFor(player, cond("player_quest_completed", "\"questId\": \"daily\""))).isTrue();
    }

    @Test
    void playerAttributeEq_comparesWithoutCoercion() {
        assertThat(firesFor(veteran(), cond("player_attribute_eq", "\"attribute\": \"tier\", \"value\": \"gold\""))).isTrue();
        assertThat(firesFor(veteran(), cond("player_attribute_eq", "\"attribute\": \"tier\", \"value\": \"silver\""))).isFalse();
        assertThat(firesFor(veteran(), cond("player_attribute_eq", "\"attribute\": \"streak\", \"value\": 5.0"))).isTrue();
        assertThat(firesFor(veteran(), cond("player_attribute_eq", "\"attribute\": \"streak\", \"value\": \"5\""))).isFalse();
    }

    @Test
    void playerAttributeEq_onMissingAttribute_doesNotHold() {
        assertThat(firesFor(veteran(), cond("player_attribute_eq", "\"attribute\": \"nope\", \"value\": null"))).isFalse();
        assertThat(firesFor(veteran(), cond("player_attribute_eq", "\"attribute\": \"nope\", \"value\": \"gold\""))).isFalse();
    }

    @Test
    void playerAttributeEq_withNullValue_holdsForAnAttributeSetToNull() {
        assertThat(firesFor(veteran(), cond("player_attribute_eq", "\"attribute\": \"note\", \"value\": null"))).isTrue();
    }

    @Test
    void playerConditions_seeTheStateBeforeThisEvent() {
        // rule "xp" runs first and lifts the player to level 4; "vip" must still see level 1
        RuleEngine engine = Fixtures.engine(rules(
                rule("xp", "e", "[{\"type\": \"grant_xp\", \"amount\": 700}]"),
                rule("vip", "e", "[" + cond("player_level_gte", "\"value\": 2") + "]",
                        "[{\"type\": \"award_badge\", \"badgeId\": \"vip\"}]")));
        EventResult first = processed(engine, event("u", "e"));
        assertThat(first.rulesTriggered()).containsExactly("xp");
        EventResult second = processed(engine, event("u", "e"));
        assertThat(second.rulesTriggered()).containsExactly("xp", "vip");
    }

    @Test
    void all_holdsWhenEveryPartHolds() {
        String all = cond("all", "\"conditions\": ["
                + cond("player_level_gte", "\"value\": 3") + ", "
                + cond("property_eq", "\"property\": \"kind\", \"value\": \"quiz\"") + "]");
        assertThat(firesFor(veteran(), all, Fixtures.props("kind", "quiz"))).isTrue();
        assertThat(firesFor(veteran(), all, Fixtures.props("kind", "video"))).isFalse();
    }

    @Test
    void all_withNoParts_holds() {
        assertThat(firesFor(veteran(), cond("all", "\"conditions\": []"))).isTrue();
    }

    @Test
    void any_holdsWhenOnePartHolds() {
        String any = cond("any", "\"conditions\": ["
                + cond("player_has_badge", "\"badgeId\": \"nope\"") + ", "
                + cond("property_gt", "\"property\": \"score\", \"value\": 90") + "]");
        assertThat(firesFor(veteran(), any, props("score", 91))).isTrue();
        assertThat(firesFor(veteran(), any, props("score", 90))).isFalse();
    }

    @Test
    void not_negatesItsCondition() {
        String not = cond("not", "\"condition\": " + cond("property_exists", "\"property\": \"coupon\""));
        assertThat(firesFor(veteran(), not)).isTrue();
        assertThat(firesFor(veteran(), not, props("coupon", "X"))).isFalse();
    }

    @Test
    void composites_nest() {
        // level >= 3 AND NOT (tier in [bronze] OR score < 50)
        String nested = cond("all", "\"conditions\": ["
                + cond("player_level_gte", "\"value\": 3") + ", "
                + cond("not", "\"condition\": " + cond("any", "\"conditions\": ["
                        + cond("player_attribute_eq", "\"attribute\": \"tier\", \"value\": \"bronze\"") + ", "
                        + cond("property_lt", "\"property\": \"score\", \"value\": 50") + "]")) + "]");
        assertThat(firesFor(veteran(), nested, props("score", 50))).isTrue();
        assertThat(firesFor(veteran(), nested, props("score", 49))).isFalse();
    }

    @Test
    void conditionList_requiresAllToHold() {
        String two = cond("property_gte", "\"property\": \"score\", \"value\": 80") + ", "
                + cond("player_has_badge", "\"badgeId\": \"first-lesson\"");
        assertThat(firesFor(veteran(), two, props("score", 80))).isTrue();
        assertThat(firesFor(seed("u"), two, props("score", 80))).isFalse();
    }
}
