package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.EventResult;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code grant_xp} and the level curves of SPEC 3, with the numbers worked out by hand from the SPEC. */
class GrantXpAndLevelsTest {

    /** A game whose rule for event {@code e} grants {@code amount} XP, with an optional {@code levels} section. */
    private static RuleEngine grantingXp(String levels, long amount) {
        return Fixtures.engine("{" + (levels == null ? "" : "\"levels\": " + levels + ", ")
                + "\"rules\": [{\"id\": \"xp\", \"name\": \"xp\", \"trigger\": {\"eventType\": \"e\"}, "
                + "\"actions\": [{\"type\": \"grant_xp\", \"amount\": " + amount + "}]}]}");
    }

    /** @return the state of a new player after one event granting {@code xp} */
    private static PlayerState after(String levels, long xp) {
        RuleEngine engine = grantingXp(levels, xp);
        processed(engine, event("u", "e"));
        return state(engine, "u");
    }

    private static List<Update> levelUps(EventResult result) {
        return result.updates().stream().filter(u -> u instanceof Update.LevelUp).toList();
    }

    @Test
    void defaultCurve_isExponentialBase100Factor2() {
        // SPEC 3: L2 at 100, L3 at 300, L4 at 700, L5 at 1500, L6 at 3100
        long[][] xpToLevel = {{0, 1}, {99, 1}, {100, 2}, {299, 2}, {300, 3}, {699, 3}, {700, 4}, {1499, 4},
                {1500, 5}, {3099, 5}, {3100, 6}};
        for (long[] row : xpToLevel) {
            assertThat(after(null, row[0]).level()).as("level at %d XP", row[0]).isEqualTo((int) row[1]);
        }
    }

    @Test
    void defaultCurve_hasMaxLevel100() {
        assertThat(grantingXp(null, 1).game().maxLevel()).isEqualTo(100);
    }

    @Test
    void xpToNextLevel_isWhatIsLeftToTheNextThreshold() {
        assertThat(after(null, 1).xpToNextLevel()).isEqualTo(99);
        assertThat(after(null, 450).xpToNextLevel()).isEqualTo(250);
        assertThat(after(null, 1600).xpToNextLevel()).isEqualTo(1500); // the SPEC 7 example
        assertThat(after(null, 3100).xpToNextLevel()).isEqualTo(3200);
    }

    @Test
    void newPlayer_startsAtLevelOneWithZeroXp() {
        RuleEngine engine = grantingXp(null, 0);
        processed(engine, event("u", "nothing-fires"));
        PlayerState fresh = state(engine, "u");
        assertThat(fresh.xp()).isZero();
        assertThat(fresh.level()).isEqualTo(1);
        assertThat(fresh.xpToNextLevel()).isEqualTo(100);
    }

    @Test
    void linearCurve_stepIsBaseXpTimesLevel() {
        String linear = "{\"curve\": \"linear\", \"baseXp\": 100}";
        // SPEC 3: L2 at 100, L3 at 300, L4 at 600 (and L5 at 1000)
        long[][] xpToLevel = {{99, 1}, {100, 2}, {299, 2}, {300, 3}, {599, 3}, {600, 4}, {999, 4}, {1000, 5}};
        for (long[] row : xpToLevel) {
            assertThat(after(linear, row[0]).level()).as("level at %d XP", row[0]).isEqualTo((int) row[1]);
        }
        assertThat(after(linear, 350).xpToNextLevel()).isEqualTo(250);
    }

    @Test
    void exponentialCurve_withOtherSettings() {
        // baseXp 50, factor 3: steps 50, 150, 450 -> L2 at 50, L3 at 200, L4 at 650
        String curve = "{\"curve\": \"exponential\", \"baseXp\": 50, \"factor\": 3}";
        assertThat(after(curve, 49).level()).isEqualTo(1);
        assertThat(after(curve, 50).level()).isEqualTo(2);
        assertThat(after(curve, 199).level()).isEqualTo(2);
        assertThat(after(curve, 200).level()).isEqualTo(3);
        assertThat(after(curve, 649).level()).isEqualTo(3);
        assertThat(after(curve, 650).level()).isEqualTo(4);
    }

    @Test
    void exponentialCurve_roundsHalfUp() {
        // baseXp 50, factor 1.5: steps 50, 75, round(112.5) = 113 -> L4 at 50+75+113 = 238
        // (half-even rounding would give 112 and L4 at 237)
        String curve = "{\"curve\": \"exponential\", \"baseXp\": 50, \"factor\": 1.5}";
        assertThat(after(curve, 125).level()).isEqualTo(3);
        assertThat(after(curve, 237).level()).isEqualTo(3);
        assertThat(after(curve, 238).level()).isEqualTo(4);
    }

    @Test
    void tableCurve_usesTheThresholds_andTheLastIsTheMaxLevel() {
        String table = "{\"curve\": \"table\", \"thresholds\": [0, 50, 200, 1000]}";
        assertThat(after(table, 49).level()).isEqualTo(1);
        assertThat(after(table, 50).level()).isEqualTo(2);
        assertThat(after(table, 200).level()).isEqualTo(3);
        assertThat(after(table, 999).level()).isEqualTo(3);
        assertThat(after(table, 999).xpToNextLevel()).isEqualTo(1);
        assertThat(after(table, 1000).level()).isEqualTo(4);
        assertThat(grantingXp(table, 1).game().maxLevel()).isEqualTo(4);
    }

    @Test
    void grantXp_crossingSeveralLevels_reportsOneLevelUpPerLevel() {
        RuleEngine engine = grantingXp(null, 1500);
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.updates()).containsExactly(
                new Update.XpUpdated(1500, 1500, 5),
                new Update.LevelUp(1, 2), new Update.LevelUp(2, 3), new Update.LevelUp(3, 4), new Update.LevelUp(4, 5));
        assertThat(result.actionsExecuted()).containsExactly("grant_xp");
        PlayerState player = state(engine, "u");
        assertThat(player.level()).isEqualTo(5);
        assertThat(player.xpToNextLevel()).isEqualTo(1600);
    }

    @Test
    void grantXp_withinALevel_reportsOnlyTheXp() {
        RuleEngine engine = grantingXp(null, 40);
        processed(engine, event("u", "e"));
        assertThat(processed(engine, event("u", "e")).updates()).containsExactly(new Update.XpUpdated(80, 40, 1));
        assertThat(processed(engine, event("u", "e")).updates())
                .containsExactly(new Update.XpUpdated(120, 40, 2), new Update.LevelUp(1, 2));
    }

    @Test
    void grantXp_ofZero_changesNothing_butCountsAsExecuted() {
        RuleEngine engine = grantingXp(null, 0);
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.actionsExecuted()).containsExactly("grant_xp");
        assertThat(result.rulesTriggered()).containsExactly("xp");
        assertThat(result.updates()).isEmpty();
    }

    @Test
    void maxLevel_stopsLevelling_butXpStillAccrues() {
        RuleEngine engine = grantingXp("{\"curve\": \"exponential\", \"maxLevel\": 3}", 10_000);
        EventResult first = processed(engine, event("u", "e"));
        assertThat(first.updates()).containsExactly(new Update.XpUpdated(10_000, 10_000, 3),
                new Update.LevelUp(1, 2), new Update.LevelUp(2, 3));
        EventResult second = processed(engine, event("u", "e"));
        assertThat(second.updates()).containsExactly(new Update.XpUpdated(20_000, 10_000, 3));
        PlayerState player = state(engine, "u");
        assertThat(player.level()).isEqualTo(3);
        assertThat(player.xpToNextLevel()).isZero();
    }

    @Test
    void tableMaxLevel_reportsZeroXpToNextLevel() {
        PlayerState player = after("{\"curve\": \"table\", \"thresholds\": [0, 50, 200]}", 200);
        assertThat(player.level()).isEqualTo(3);
        assertThat(player.xpToNextLevel()).isZero();
    }

    @Test
    void xp_saturatesAtLongMaxValue() {
        RuleEngine engine = Fixtures.engine("""
                {"levels": {"curve": "table", "thresholds": [0, 100, 1000]},
                 "rules": [{"id": "small", "name": "small", "trigger": {"eventType": "small"},
                            "actions": [{"type": "grant_xp", "amount": 10}]},
                           {"id": "huge", "name": "huge", "trigger": {"eventType": "huge"},
                            "actions": [{"type": "grant_xp", "amount": 9223372036854775807}]}]}""");
        processed(engine, event("u", "small"));
        EventResult toTheTop = processed(engine, event("u", "huge"));
        assertThat(toTheTop.updates()).containsExactly(
                new Update.XpUpdated(Long.MAX_VALUE, Long.MAX_VALUE - 10, 3),
                new Update.LevelUp(1, 2), new Update.LevelUp(2, 3));
        EventResult beyond = processed(engine, event("u", "huge"));
        assertThat(beyond.actionsExecuted()).containsExactly("grant_xp");
        assertThat(beyond.updates()).isEmpty();
        PlayerState player = state(engine, "u");
        assertThat(player.xp()).isEqualTo(Long.MAX_VALUE);
        assertThat(player.level()).isEqualTo(3);
        assertThat(player.xpToNextLevel()).isZero();
    }

    @Test
    void levelRewards_runForEachLevelReached_inLevelOrder_eachRightAfterItsLevelUp() {
        RuleEngine engine = Fixtures.engine("""
                {"levels": {"rewards": {
                    "4": [{"type": "award_badge", "badgeId": "level-4"}],
                    "2": [{"type": "grant_currency", "currency": "coins", "amount": 2}],
                    "3": [{"type": "grant_currency", "currency": "coins", "amount": 3},
                          {"type": "set_attribute", "attribute": "reached", "value": 3}]}},
                 "rules": [{"id": "xp", "name": "xp", "trigger": {"eventType": "e"},
                            "actions": [{"type": "grant_xp", "amount": 700}]}]}""");
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.actionsExecuted())
                .containsExactly("grant_xp", "grant_currency", "grant_currency", "set_attribute", "award_badge");
        // each level's rewards right after its level_up (docs/decisions.md, "Levels")
        assertThat(result.updates()).containsExactly(
                new Update.XpUpdated(700, 700, 4),
                new Update.LevelUp(1, 2), new Update.CurrencyUpdated("coins", 2, 2),
                new Update.LevelUp(2, 3), new Update.CurrencyUpdated("coins", 5, 3),
                new Update.AttributeUpdated("reached", 3L),
                new Update.LevelUp(3, 4), new Update.BadgeEarned("level-4"));
        PlayerState player = state(engine, "u");
        assertThat(player.balance("coins")).isEqualTo(5);
        assertThat(player.badges()).containsExactly("level-4");
    }

    @Test
    void levelRewards_runOncePerLevel_acrossEvents() {
        RuleEngine engine = Fixtures.engine("""
                {"levels": {"rewards": {"2": [{"type": "grant_currency", "currency": "coins", "amount": 10}]}},
                 "rules": [{"id": "xp", "name": "xp", "trigger": {"eventType": "e"},
                            "actions": [{"type": "grant_xp", "amount": 60}]}]}""");
        assertThat(processed(engine, event("u", "e")).actionsExecuted()).containsExactly("grant_xp");
        assertThat(processed(engine, event("u", "e")).actionsExecuted()).containsExactly("grant_xp", "grant_currency");
        assertThat(processed(engine, event("u", "e")).actionsExecuted()).containsExactly("grant_xp");
        assertThat(state(engine, "u").balance("coins")).isEqualTo(10);
    }

    @Test
    void levelRewards_thatGrantXp_stillRunEachLevelOnce() {
        // 300 XP reaches L3; L2's reward adds 400 (-> 700, L4). Each of L2, L3, L4 is reached once:
        // one level_up each and each reward once: coins 1 (L3) + 10 (L4) = 11.
        RuleEngine engine = Fixtures.engine("""
                {"levels": {"rewards": {
                    "2": [{"type": "grant_xp", "amount": 400}],
                    "3": [{"type": "grant_currency", "currency": "coins", "amount": 1}],
                    "4": [{"type": "grant_currency", "currency": "coins", "amount": 10}]}},
                 "rules": [{"id": "xp", "name": "xp", "trigger": {"eventType": "e"},
                            "actions": [{"type": "grant_xp", "amount": 300}]}]}""");
        EventResult result = processed(engine, event("u", "e"));
        assertThat(levelUps(result)).containsExactlyInAnyOrder(
                new Update.LevelUp(1, 2), new Update.LevelUp(2, 3), new Update.LevelUp(3, 4));
        assertThat(result.actionsExecuted()).filteredOn("grant_currency"::equals).hasSize(2);
        PlayerState player = state(engine, "u");
        assertThat(player.xp()).isEqualTo(700);
        assertThat(player.level()).isEqualTo(4);
        assertThat(player.balance("coins")).isEqualTo(11);
    }

    @Test
    void levelRewards_arePartOfTheRule_andUndoneWhenItFails() {
        RuleEngine engine = Fixtures.engine("""
                {"levels": {"rewards": {"2": [{"type": "award_badge", "badgeId": "level-2"}]}},
                 "rules": [{"id": "xp-then-pay", "name": "x", "trigger": {"eventType": "e"},
                            "actions": [{"type": "grant_xp", "amount": 100},
                                        {"type": "deduct_currency", "currency": "coins", "amount": 5}]}]}""");
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.rulesTriggered()).isEmpty();
        assertThat(result.actionsExecuted()).isEmpty();
        assertThat(result.updates()).isEmpty();
        PlayerState player = state(engine, "u");
        assertThat(player.xp()).isZero();
        assertThat(player.level()).isEqualTo(1);
        assertThat(player.badges()).isEmpty();
    }
}
