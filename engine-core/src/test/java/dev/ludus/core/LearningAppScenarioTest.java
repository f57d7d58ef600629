package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.props;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.Update;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The game of SPEC 3 and 4 (without {@code limits}) in {@code games/learning-app.json}, played end to end:
 * 15 passed lessons and one failed one. Every number is worked out by hand from the SPEC.
 */
class LearningAppScenarioTest {
    private static final String QUEST = "complete-10-lessons";

    private final RuleEngine engine = Ludus.builder()
            .game(resourceGame())
            .clock(Fixtures.CLOCK)
            .build();

    private static java.nio.file.Path resourceGame() {
        try {
            return LudusBuilderTest.resource("games/learning-app.json");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private EventResult lesson(int score) {
        return processed(engine, event("user-123", "lesson_completed", props("lessonId", "l-1", "score", score)));
    }

    @Test
    void game_summary() {
        assertThat(engine.game().id()).isEqualTo("learning-app");
        assertThat(engine.game().ruleSetVersion()).isEqualTo("2026-11-21.1");
        assertThat(engine.game().ruleIds()).containsExactly("lesson-completion-reward", "first-lesson");
        assertThat(engine.game().currencies()).containsExactly("coins");
        assertThat(engine.game().badges()).containsExactly("first-lesson", "level-5");
        assertThat(engine.game().quests()).containsExactly(QUEST);
        assertThat(engine.game().maxLevel()).isEqualTo(100);
    }

    @Test
    void fifteenLessons_levelUpToFive_completeTheQuestOnce_andEarnBothBadges() {
        // lesson 1: the "first-lesson" rule (priority 10) runs before the reward (priority 100)
        EventResult first = lesson(95);
        assertThat(first.ruleSetVersion()).isEqualTo("2026-11-21.1");
        assertThat(first.rulesTriggered()).containsExactly("first-lesson", "lesson-completion-reward");
        assertThat(first.actionsExecuted()).containsExactly("award_badge", "grant_xp", "grant_currency", "progress_quest");
        assertThat(first.updates()).containsExactly(
                new Update.BadgeEarned("first-lesson"),
                new Update.XpUpdated(100, 100, 2),
                new Update.LevelUp(1, 2),
                new Update.CurrencyUpdated("coins", 25, 25),
                new Update.QuestProgress(QUEST, 1, 10L));

        // a failed lesson: processed, nothing fires, but the version moves
        EventResult failed = lesson(79);
        assertThat(failed.rulesTriggered()).isEmpty();
        assertThat(failed.updates()).isEmpty();

        for (int i = 2; i <= 9; i++) {
            EventResult result = lesson(80 + i);
            assertThat(result.rulesTriggered()).as("lesson %d", i).containsExactly("lesson-completion-reward");
        }
        assertThat(state(engine, "user-123").xp()).isEqualTo(900);

        // lesson 10: 1000 XP (level 4), coins 250, the quest completes and pays 100 more
        EventResult tenth = lesson(100);
        assertThat(tenth.actionsExecuted()).containsExactly("grant_xp", "grant_currency", "progress_quest", "grant_currency");
        assertThat(tenth.updates()).containsExactly(
                new Update.XpUpdated(1000, 100, 4),
                new Update.CurrencyUpdated("coins", 250, 25),
                new Update.QuestProgress(QUEST, 10, 10L),
                new Update.QuestCompleted(QUEST, 1),
                new Update.CurrencyUpdated("coins", 350, 100));

        for (int i = 11; i <= 14; i++) {
            lesson(90);
        }

        // lesson 15: 1500 XP reaches level 5, whose reward is the level-5 badge; the quest is done: no update
        EventResult fifteenth = lesson(90);
        assertThat(fifteenth.actionsExecuted()).containsExactly("grant_xp", "award_badge", "grant_currency", "progress_quest");
        assertThat(fifteenth.updates()).containsExactly(
                new Update.XpUpdated(1500, 100, 5),
                new Update.LevelUp(4, 5),
                new Update.BadgeEarned("level-5"),
                new Update.CurrencyUpdated("coins", 475, 25));

        PlayerState player = state(engine, "user-123");
        assertThat(player.xp()).isEqualTo(1500);
        assertThat(player.level()).isEqualTo(5);
        assertThat(player.xpToNextLevel()).isEqualTo(1600);
        assertThat(player.currencies()).containsExactly(Map.entry("coins", 475L));
        assertThat(player.badges()).containsExactly("first-lesson", "level-5");
        assertThat(player.quests()).containsExactly(Map.entry(QUEST, new QuestState(10, 10L, true, 1)));
        assertThat(player.attributes()).isEmpty();
        assertThat(player.version()).isEqualTo(16);
    }

    @Test
    void lessonOutsideTheRulesActiveWindow_onlyRunsTheUnboundedRule() {
        Event nextYear = Event.builder().externalUserId("user-123").eventType("lesson_completed")
                .timestamp(Instant.parse("2027-01-01T00:00:00Z")).property("score", 95).build();
        EventResult result = processed(engine, nextYear);
        assertThat(result.rulesTriggered()).containsExactly("first-lesson");
        assertThat(state(engine, "user-123").xp()).isZero();
    }
}
