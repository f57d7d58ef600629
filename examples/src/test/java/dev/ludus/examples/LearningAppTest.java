package dev.ludus.examples;

import static dev.ludus.examples.Updates.attribute;
import static dev.ludus.examples.Updates.badge;
import static dev.ludus.examples.Updates.currency;
import static dev.ludus.examples.Updates.levelUp;
import static dev.ludus.examples.Updates.questCompleted;
import static dev.ludus.examples.Updates.questProgress;
import static dev.ludus.examples.Updates.xp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learning example against numbers worked out by hand from the SPEC. Exponential curve, base 100, factor
 * 1.5: level 2 at 100 XP, 3 at 250, 4 at 475 (+round(337.5) = 338 makes level 5 at 813), 6 at 1319.
 */
class LearningAppTest {
    private static final String QUEST = "complete-5-lessons";

    private static ExampleRun run;

    @BeforeAll
    static void play() {
        run = LearningApp.play();
    }

    @Test
    void play_leavesAnaWithExactFinalState() {
        assertThat(run.player("ana-souza")).isEqualTo(new PlayerState("ana-souza", 970, 5, 1319 - 970,
                Map.of("coins", 645L),
                new TreeSet<>(List.of("dedicated-learner", "first-lesson", "graduate", "perfect-score",
                        "quiz-whiz", "rising-star")),
                Map.of(QUEST, new QuestState(5, 5L, true, 1)),
                Map.of(),
                Map.of("email", "ana.souza@example.com", "displayName", "Ana Souza"),
                10));
    }

    @Test
    void play_leavesBenWithExactFinalState() {
        assertThat(run.player("ben-okafor")).isEqualTo(new PlayerState("ben-okafor", 120, 2, 250 - 120,
                Map.of("coins", 60L),
                new TreeSet<>(List.of("first-lesson")),
                Map.of(QUEST, new QuestState(1, 5L, false, 0)),
                Map.of("needsReview", true),
                Map.of("displayName", "Ben Okafor"),
                5));
    }

    @Test
    void play_processesEveryEventExceptTheOneWithoutUser() {
        assertThat(run.results()).hasSize(16);
        assertThat(run.results()).filteredOn(r -> r.status() != EventStatus.PROCESSED)
                .extracting(EventResult::eventId).containsExactly("lrn-010");
        assertThat(run.results()).filteredOn(r -> r.status() == EventStatus.PROCESSED)
                .extracting(EventResult::ruleSetVersion).containsOnly("2026-03-01.1");
    }

    @Test
    void firstPassedLesson_awardsBadgeXpCoinsQuestProgressAndLevelUpBonus() {
        EventResult r = run.result("lrn-001");

        assertThat(r.rulesTriggered()).containsExactly(
                "first-lesson-badge", "lesson-completion-reward", "launch-week-bonus", "level-up-coins");
        assertThat(r.actionsExecuted()).containsExactly(
                "award_badge", "grant_xp", "grant_currency", "progress_quest", "grant_currency", "grant_currency");
        assertThat(r.updates()).containsExactly(
                badge("first-lesson"),
                xp(100, 100, 2),
                levelUp(1, 2),
                currency("coins", 25, 25),
                questProgress(QUEST, 1, 5),
                currency("coins", 40, 15),
                currency("coins", 60, 20));
    }

    @Test
    void quizReachingLevel3_runsLevelRewardRightAfterLevelUpAndBonusAfterTheEventsRules() {
        EventResult r = run.result("lrn-004");

        assertThat(r.rulesTriggered()).containsExactly("quiz-passed", "perfect-score", "level-up-coins");
        assertThat(r.actionsExecuted()).containsExactly(
                "grant_xp", "grant_currency", "grant_currency", "award_badge", "grant_currency", "grant_currency");
        assertThat(r.updates()).containsExactly(
                xp(250, 50, 3),
                levelUp(2, 3),
                currency("coins", 150, 50),
                currency("coins", 160, 10),
                badge("perfect-score"),
                currency("coins", 210, 50),
                currency("coins", 230, 20));
    }

    @Test
    void flaggedAttempt_setsAttributeAndStopsLaterRules() {
        EventResult r = run.result("lrn-003");

        assertThat(r.rulesTriggered()).containsExactly("flagged-attempt");
        assertThat(r.actionsExecuted()).containsExactly("set_attribute");
        assertThat(r.updates()).containsExactly(attribute("needsReview", true));
    }

    @Test
    void secondPerfectScore_runsTheRuleButReportsNoBadgeUpdate() {
        EventResult r = run.result("lrn-006");

        assertThat(r.rulesTriggered()).containsExactly(
                "lesson-completion-reward", "launch-week-bonus", "perfect-score");
        assertThat(r.actionsExecuted()).containsExactly(
                "grant_xp", "grant_currency", "progress_quest", "grant_currency", "award_badge", "grant_currency");
        assertThat(r.updates()).containsExactly(
                xp(350, 100, 3),
                currency("coins", 255, 25),
                questProgress(QUEST, 3, 5),
                currency("coins", 270, 15),
                currency("coins", 320, 50));
    }

    @Test
    void scoreSentAsString_isNotCoercedSoNoQuizRuleFires() {
        EventResult r = run.result("lrn-007");

        assertThat(r.status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(r.rulesTriggered()).isEmpty();
        assertThat(r.updates()).isEmpty();
    }

    @Test
    void lessonAtTheEndOfLaunchWeek_isOutsideTheHalfOpenWindow() {
        EventResult r = run.result("lrn-012");

        assertThat(r.rulesTriggered()).containsExactly("lesson-completion-reward");
        assertThat(r.updates()).containsExactly(
                xp(470, 100, 3),
                currency("coins", 345, 25),
                questProgress(QUEST, 4, 5));
    }

    @Test
    void ruleWithoutId_isKnownBySlugOfItsName() {
        assertThat(run.engine().game().ruleIds()).contains("hard-quiz-ace");
        assertThat(run.result("lrn-013").rulesTriggered())
                .containsExactly("quiz-passed", "hard-quiz-ace", "level-up-coins");
    }

    @Test
    void fifthPassedLesson_completesQuestAndRunsItsRewardsInTheSameRule() {
        EventResult r = run.result("lrn-014");

        assertThat(r.rulesTriggered()).containsExactly("lesson-completion-reward");
        assertThat(r.actionsExecuted()).containsExactly(
                "grant_xp", "grant_currency", "progress_quest", "grant_currency", "award_badge");
        assertThat(r.updates()).containsExactly(
                xp(620, 100, 4),
                currency("coins", 400, 25),
                questProgress(QUEST, 5, 5),
                questCompleted(QUEST, 1),
                currency("coins", 500, 100),
                badge("dedicated-learner"));
    }

    @Test
    void completedQuest_ignoresFurtherProgressWithoutUpdate() {
        EventResult r = run.result("lrn-015");

        assertThat(r.actionsExecuted()).containsExactly("grant_xp", "grant_currency", "progress_quest");
        assertThat(r.updates()).containsExactly(xp(720, 100, 4), currency("coins", 525, 25));
    }

    @Test
    void courseReachingLevel5_runsBothLevelRewardsBeforeTheRulesNextAction() {
        EventResult r = run.result("lrn-016");

        assertThat(r.rulesTriggered()).containsExactly("course-graduation", "level-up-coins");
        assertThat(r.actionsExecuted()).containsExactly(
                "grant_xp", "award_badge", "grant_currency", "award_badge", "grant_currency");
        assertThat(r.updates()).containsExactly(
                xp(970, 250, 5),
                levelUp(4, 5),
                badge("rising-star"),
                currency("coins", 625, 100),
                badge("graduate"),
                currency("coins", 645, 20));
    }

    @Test
    void eventWithoutUser_isRejectedNamingTheField() {
        EventResult r = run.result("lrn-010");

        assertThat(r.status()).isEqualTo(EventStatus.REJECTED);
        assertThat(r.error().code()).isEqualTo(ErrorCode.INVALID_EVENT);
        assertThat(r.error().message()).contains("externalUserId");
        assertThat(r.rulesTriggered()).isEmpty();
        assertThat(r.updates()).isEmpty();
    }

    @Test
    void draftAndDisabledRules_neverRun() {
        assertThat(run.results()).flatExtracting(EventResult::rulesTriggered)
                .doesNotContain("double-xp-weekend", "referral-bonus");
        EventResult invite = run.result("lrn-009");
        assertThat(invite.status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(invite.rulesTriggered()).isEmpty();
    }

    @Test
    void print_showsEveryEventAndEachLearnersFinalState() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        run.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), LearningApp.PLAYERS);
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("lrn-001", "lrn-016", "lrn-010  (no user)  lesson_completed -> rejected INVALID_EVENT");
        assertThat(out).contains("ana-souza  level 5, 970 XP (349 to the next level), version 10");
        assertThat(out).contains("ben-okafor  level 2, 120 XP (130 to the next level), version 5");
    }
}
