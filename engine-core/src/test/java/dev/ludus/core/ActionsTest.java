package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.EventResult;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.Update;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The actions of SPEC 4.3 other than {@code grant_xp}: currencies, quests, badges, attributes. */
class ActionsTest {

    /** A rule {@code id} on event type {@code type} with the given actions (a JSON array). */
    private static String rule(String id, String type, String actions) {
        return Fixtures.rule(id, type, actions);
    }

    @Nested
    class Currencies {
        private final RuleEngine engine = Fixtures.engine("""
                {"currencies": [{"id": "coins", "name": "Coins", "max": 100}, {"id": "gems", "name": "Gems"}],
                 "rules": [%s, %s, %s, %s, %s]}""".formatted(
                rule("earn-25", "earn", "[{\"type\": \"grant_currency\", \"currency\": \"coins\", \"amount\": 25}]"),
                rule("earn-90", "earn90", "[{\"type\": \"grant_currency\", \"currency\": \"coins\", \"amount\": 90}]"),
                rule("earn-0", "earn0", "[{\"type\": \"grant_currency\", \"currency\": \"coins\", \"amount\": 0}]"),
                rule("spend-30", "spend", "[{\"type\": \"deduct_currency\", \"currency\": \"coins\", \"amount\": 30}]"),
                rule("gems", "gems", "[{\"type\": \"grant_currency\", \"currency\": \"gems\", \"amount\": 1000000}]")));

        @Test
        void grantCurrency_addsToTheBalance_startingFromZero() {
            assertThat(processed(engine, event("u", "earn")).updates())
                    .containsExactly(new Update.CurrencyUpdated("coins", 25, 25));
            assertThat(processed(engine, event("u", "earn")).updates())
                    .containsExactly(new Update.CurrencyUpdated("coins", 50, 25));
            assertThat(state(engine, "u").currencies()).containsExactly(Map.entry("coins", 50L));
        }

        @Test
        void grantCurrency_beyondMax_clampsAndReportsTheRealDelta() {
            processed(engine, event("u", "earn90"));
            EventResult clamped = processed(engine, event("u", "earn"));
            assertThat(clamped.updates()).containsExactly(new Update.CurrencyUpdated("coins", 100, 10));
            assertThat(state(engine, "u").balance("coins")).isEqualTo(100);
        }

        @Test
        void grantCurrency_atMax_changesNothing_butCountsAsExecuted() {
            processed(engine, event("u", "earn90"));
            processed(engine, event("u", "earn90"));
            EventResult atMax = processed(engine, event("u", "earn"));
            assertThat(atMax.rulesTriggered()).containsExactly("earn-25");
            assertThat(atMax.actionsExecuted()).containsExactly("grant_currency");
            assertThat(atMax.updates()).isEmpty();
            assertThat(state(engine, "u").balance("coins")).isEqualTo(100);
        }

        @Test
        void grantCurrency_ofZero_changesNothing() {
            EventResult result = processed(engine, event("u", "earn0"));
            assertThat(result.actionsExecuted()).containsExactly("grant_currency");
            assertThat(result.updates()).isEmpty();
        }

        @Test
        void grantCurrency_withoutMax_isUncapped() {
            processed(engine, event("u", "gems"));
            processed(engine, event("u", "gems"));
            assertThat(state(engine, "u").balance("gems")).isEqualTo(2_000_000);
        }

        @Test
        void deductCurrency_subtracts_andReportsANegativeDelta() {
            processed(engine, event("u", "earn90"));
            assertThat(processed(engine, event("u", "spend")).updates())
                    .containsExactly(new Update.CurrencyUpdated("coins", 60, -30));
            processed(engine, event("u", "spend"));
            assertThat(processed(engine, event("u", "spend")).updates())
                    .containsExactly(new Update.CurrencyUpdated("coins", 0, -30));
            assertThat(state(engine, "u").balance("coins")).isZero();
        }

        @Test
        void deductCurrency_withInsufficientBalance_failsTheRule() {
            processed(engine, event("u", "earn"));
            EventResult result = processed(engine, event("u", "spend"));
            assertThat(result.rulesTriggered()).isEmpty();
            assertThat(result.actionsExecuted()).isEmpty();
            assertThat(result.updates()).isEmpty();
            assertThat(result.rulesFailed()).hasSize(1);
            RuleFailure failure = result.rulesFailed().get(0);
            assertThat(failure.ruleId()).isEqualTo("spend-30");
            assertThat(failure.code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
            assertThat(failure.message()).contains("coins");
            assertThat(state(engine, "u").balance("coins")).isEqualTo(25);
        }
    }

    @Test
    void deductCurrency_failure_undoesEarlierActionsOfThatRule_whileOtherRulesGoOn() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                rule("before", "buy", "[{\"type\": \"grant_currency\", \"currency\": \"coins\", \"amount\": 20}]"),
                rule("purchase", "buy", """
                        [{"type": "grant_xp", "amount": 10},
                         {"type": "award_badge", "badgeId": "buyer"},
                         {"type": "set_attribute", "attribute": "bought", "value": true},
                         {"type": "grant_currency", "currency": "coins", "amount": 5},
                         {"type": "deduct_currency", "currency": "coins", "amount": 100}]"""),
                rule("after", "buy", "[{\"type\": \"grant_xp\", \"amount\": 5}]")));
        EventResult result = processed(engine, event("u", "buy"));
        assertThat(result.rulesTriggered()).containsExactly("before", "after");
        assertThat(result.actionsExecuted()).containsExactly("grant_currency", "grant_xp");
        assertThat(result.updates()).containsExactly(new Update.CurrencyUpdated("coins", 20, 20),
                new Update.XpUpdated(5, 5, 1));
        assertThat(result.rulesFailed()).extracting(RuleFailure::ruleId, RuleFailure::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("purchase", ErrorCode.INSUFFICIENT_FUNDS));
        PlayerState player = state(engine, "u");
        assertThat(player.xp()).isEqualTo(5);
        assertThat(player.balance("coins")).isEqualTo(20);
        assertThat(player.badges()).isEmpty();
        assertThat(player.attributes()).doesNotContainKey("bought");
    }

    @Test
    void deductCurrency_ofWhatTheSameRuleJustGranted_succeeds() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(rule("swap", "e", """
                [{"type": "grant_currency", "currency": "coins", "amount": 10},
                 {"type": "deduct_currency", "currency": "coins", "amount": 10}]""")));
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.updates()).containsExactly(new Update.CurrencyUpdated("coins", 10, 10),
                new Update.CurrencyUpdated("coins", 0, -10));
        assertThat(state(engine, "u").balance("coins")).isZero();
    }

    @Nested
    class Quests {
        private static final String QUESTS = """
                "quests": [
                  {"id": "three-lessons", "name": "Three lessons", "target": 3,
                   "rewards": [{"type": "grant_currency", "currency": "coins", "amount": 100},
                               {"type": "award_badge", "badgeId": "quester"}]},
                  {"id": "daily", "name": "Daily", "target": 2, "repeatable": true,
                   "rewards": [{"type": "grant_currency", "currency": "coins", "amount": 10}]}]""";

        private final RuleEngine engine = Fixtures.engine("{" + QUESTS + ", \"rules\": ["
                + rule("lesson", "lesson", "[{\"type\": \"progress_quest\", \"questId\": \"three-lessons\"}]") + ", "
                + rule("big-lesson", "big", "[{\"type\": \"progress_quest\", \"questId\": \"three-lessons\", \"amount\": 5}]")
                + ", " + rule("daily", "daily", "[{\"type\": \"progress_quest\", \"questId\": \"daily\"}]") + "]}");

        @Test
        void progressQuest_countsTowardsTheDeclaredTarget() {
            assertThat(processed(engine, event("u", "lesson")).updates())
                    .containsExactly(new Update.QuestProgress("three-lessons", 1, 3L));
            assertThat(processed(engine, event("u", "lesson")).updates())
                    .containsExactly(new Update.QuestProgress("three-lessons", 2, 3L));
            assertThat(state(engine, "u").quests().get("three-lessons")).isEqualTo(new QuestState(2, 3L, false, 0));
        }

        @Test
        void progressQuest_atTheTarget_completesAndRunsTheRewardsRightAfter() {
            processed(engine, event("u", "lesson"));
            processed(engine, event("u", "lesson"));
            EventResult third = processed(engine, event("u", "lesson"));
            assertThat(third.updates()).containsExactly(
                    new Update.QuestProgress("three-lessons", 3, 3L),
                    new Update.QuestCompleted("three-lessons", 1),
                    new Update.CurrencyUpdated("coins", 100, 100),
                    new Update.BadgeEarned("quester"));
            assertThat(third.actionsExecuted()).containsExactly("progress_quest", "grant_currency", "award_badge");
            PlayerState player = state(engine, "u");
            assertThat(player.quests().get("three-lessons")).isEqualTo(new QuestState(3, 3L, true, 1));
            assertThat(player.balance("coins")).isEqualTo(100);
            assertThat(player.badges()).containsExactly("quester");
        }

        @Test
        void progressQuest_withAmount_canCompleteAtOnce() {
            EventResult result = processed(engine, event("u", "big"));
            assertThat(result.updates()).contains(new Update.QuestCompleted("three-lessons", 1));
            QuestState quest = state(engine, "u").quests().get("three-lessons");
            assertThat(quest.completed()).isTrue();
            assertThat(quest.completions()).isEqualTo(1);
        }

        @Test
        void completedNonRepeatableQuest_ignoresFurtherProgress_withNoUpdate_butTheActionCounts() {
            for (int i = 0; i < 3; i++) {
                processed(engine, event("u", "lesson"));
            }
            EventResult fourth = processed(engine, event("u", "lesson"));
            assertThat(fourth.rulesTriggered()).containsExactly("lesson");
            assertThat(fourth.actionsExecuted()).containsExactly("progress_quest");
            assertThat(fourth.updates()).isEmpty();
            PlayerState player = state(engine, "u");
            assertThat(player.quests().get("three-lessons")).isEqualTo(new QuestState(3, 3L, true, 1));
            assertThat(player.balance("coins")).isEqualTo(100); // rewards once
        }

        @Test
        void repeatableQuest_resetsToZero_andCountsCompletions() {
            assertThat(processed(engine, event("u", "daily")).updates())
                    .containsExactly(new Update.QuestProgress("daily", 1, 2L));
            EventResult first = processed(engine, event("u", "daily"));
            assertThat(first.updates()).contains(new Update.QuestCompleted("daily", 1),
                    new Update.CurrencyUpdated("coins", 10, 10));
            assertThat(state(engine, "u").quests().get("daily")).isEqualTo(new QuestState(0, 2L, true, 1));
            assertThat(processed(engine, event("u", "daily")).updates())
                    .containsExactly(new Update.QuestProgress("daily", 1, 2L));
            EventResult second = processed(engine, event("u", "daily"));
            assertThat(second.updates()).contains(new Update.QuestCompleted("daily", 2),
                    new Update.CurrencyUpdated("coins", 20, 10));
            PlayerState player = state(engine, "u");
            assertThat(player.quests().get("daily")).isEqualTo(new QuestState(0, 2L, true, 2));
            assertThat(player.balance("coins")).isEqualTo(20);
        }

        @Test
        void questCompletion_isUndoneWhenALaterActionOfTheRuleFails() {
            RuleEngine failing = Fixtures.engine("{" + QUESTS + ", \"rules\": [" + rule("r", "e", """
                    [{"type": "progress_quest", "questId": "three-lessons", "amount": 3},
                     {"type": "deduct_currency", "currency": "coins", "amount": 1000}]""") + "]}");
            EventResult result = processed(failing, event("u", "e"));
            assertThat(result.rulesFailed()).extracting(RuleFailure::code).containsExactly(ErrorCode.INSUFFICIENT_FUNDS);
            assertThat(result.updates()).isEmpty();
            PlayerState player = state(failing, "u");
            assertThat(player.quests()).isEmpty();
            assertThat(player.balance("coins")).isZero();
            assertThat(player.badges()).isEmpty();
        }
    }

    @Test
    void undeclaredQuest_countsProgressWithNoTarget_andNeverCompletes() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                rule("r", "e", "[{\"type\": \"progress_quest\", \"questId\": \"free-form\", \"amount\": 1000}]")));
        assertThat(processed(engine, event("u", "e")).updates())
                .containsExactly(new Update.QuestProgress("free-form", 1000, null));
        assertThat(processed(engine, event("u", "e")).updates())
                .containsExactly(new Update.QuestProgress("free-form", 2000, null));
        assertThat(state(engine, "u").quests().get("free-form")).isEqualTo(new QuestState(2000, null, false, 0));
    }

    @Test
    void awardBadge_addsOnce_andAgainChangesNothing() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                rule("zeta", "z", "[{\"type\": \"award_badge\", \"badgeId\": \"zeta\"}]"),
                rule("alpha", "a", "[{\"type\": \"award_badge\", \"badgeId\": \"alpha\"}]")));
        assertThat(processed(engine, event("u", "z")).updates()).containsExactly(new Update.BadgeEarned("zeta"));
        EventResult again = processed(engine, event("u", "z"));
        assertThat(again.rulesTriggered()).containsExactly("zeta");
        assertThat(again.actionsExecuted()).containsExactly("award_badge");
        assertThat(again.updates()).isEmpty();
        processed(engine, event("u", "a"));
        assertThat(state(engine, "u").badges()).containsExactly("alpha", "zeta"); // sorted by id
    }

    @Test
    void setAttribute_setsJsonValues() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(rule("r", "e", """
                [{"type": "set_attribute", "attribute": "tier", "value": "gold"},
                 {"type": "set_attribute", "attribute": "score", "value": 5},
                 {"type": "set_attribute", "attribute": "meta", "value": {"k": [1, "x"]}},
                 {"type": "set_attribute", "attribute": "nothing", "value": null}]""")));
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.actionsExecuted()).containsExactly("set_attribute", "set_attribute", "set_attribute", "set_attribute");
        assertThat(result.updates()).containsExactly(
                new Update.AttributeUpdated("tier", "gold"),
                new Update.AttributeUpdated("score", 5L),
                new Update.AttributeUpdated("meta", Map.of("k", java.util.List.of(1L, "x"))),
                new Update.AttributeUpdated("nothing", null));
        Map<String, Object> attributes = state(engine, "u").attributes();
        assertThat(attributes).containsEntry("tier", "gold").containsEntry("score", 5L).containsKey("nothing");
        assertThat(attributes.get("nothing")).isNull();
    }

    @Test
    void setAttribute_overwrites_andTheSameValueAgainChangesNothing() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                rule("gold", "gold", "[{\"type\": \"set_attribute\", \"attribute\": \"tier\", \"value\": \"gold\"}]"),
                rule("silver", "silver", "[{\"type\": \"set_attribute\", \"attribute\": \"tier\", \"value\": \"silver\"}]")));
        processed(engine, event("u", "gold"));
        assertThat(processed(engine, event("u", "silver")).updates())
                .containsExactly(new Update.AttributeUpdated("tier", "silver"));
        EventResult same = processed(engine, event("u", "silver"));
        assertThat(same.actionsExecuted()).containsExactly("set_attribute");
        assertThat(same.updates()).isEmpty();
        assertThat(state(engine, "u").attributes()).containsExactly(Map.entry("tier", "silver"));
    }
}
