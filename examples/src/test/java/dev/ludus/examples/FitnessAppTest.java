package dev.ludus.examples;

import static dev.ludus.examples.Updates.attribute;
import static dev.ludus.examples.Updates.badge;
import static dev.ludus.examples.Updates.currency;
import static dev.ludus.examples.Updates.levelUp;
import static dev.ludus.examples.Updates.questCompleted;
import static dev.ludus.examples.Updates.questProgress;
import static dev.ludus.examples.Updates.xp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fitness example against numbers worked out by hand from the SPEC. Table curve 0, 150, 400, 800, 1500:
 * level 5 is the top level.
 */
class FitnessAppTest {
    private static final String JADE = "jade.lin";
    private static final String OMAR = "omar.haddad";
    private static final String QUEST = "weekly-five";
    private static final String COACH_TIP = "Workouts of 10 minutes or more count towards your goals";

    private static ExampleRun run;

    @BeforeAll
    static void play() {
        run = FitnessApp.play();
    }

    @Test
    void play_leavesJadeWithExactFinalState() {
        assertThat(run.player(JADE)).isEqualTo(new PlayerState(JADE, 650, 3, 800 - 650,
                Map.of("energy", 255L),
                new TreeSet<>(List.of("consistent-mover", "fast-starter", "half-marathon")),
                Map.of(QUEST, new QuestState(0, 5L, true, 2)),
                Map.of("coachTip", COACH_TIP, "lastDailyGoal", "rest", "plan", "endurance-12-week"),
                Map.of("displayName", "Jade Lin"),
                14));
    }

    @Test
    void play_leavesOmarAtTheTopLevelWithNothingToNextLevel() {
        assertThat(run.player(OMAR)).isEqualTo(new PlayerState(OMAR, 1610, 5, 0,
                Map.of("energy", 135L),
                new TreeSet<>(List.of("elite-athlete")),
                Map.of(QUEST, new QuestState(2, 5L, false, 0)),
                Map.of("lastDailyGoal", "met", "plan", "strength-8-week"),
                Map.of("displayName", "Omar Haddad", "email", "omar.haddad@example.com"),
                6));
    }

    @Test
    void play_processesEveryEvent() {
        assertThat(run.results()).hasSize(20).extracting(EventResult::status).containsOnly(EventStatus.PROCESSED);
    }

    @Test
    void goalSet_storesThePlanAsAttribute() {
        assertThat(run.result("fit-001").updates()).containsExactly(attribute("plan", "endurance-12-week"));
        assertThat(run.result("fit-002").updates()).containsExactly(attribute("plan", "strength-8-week"));
    }

    @Test
    void runInCardioZoneOnEndurancePlan_firesNestedAnyAllAndAttributeRules() {
        EventResult r = run.result("fit-003");

        assertThat(r.rulesTriggered()).containsExactly(
                "workout-logged", "cardio-boost", "fast-first-km", "plan-aligned-workout");
        assertThat(r.updates()).containsExactly(
                xp(40, 40, 1),
                currency("energy", 10, 10),
                questProgress(QUEST, 1, 5),
                xp(60, 20, 1),
                badge("fast-starter"),
                currency("energy", 15, 5));
    }

    @Test
    void strengthWorkoutOnStrengthPlan_earnsOnlyTheBase() {
        assertThat(run.result("fit-004").rulesTriggered()).containsExactly("workout-logged");
    }

    @Test
    void tooShortWorkout_setsCoachTipAndStopsLaterRules() {
        EventResult r = run.result("fit-007");

        assertThat(r.rulesTriggered()).containsExactly("too-short-workout");
        assertThat(r.updates()).containsExactly(attribute("coachTip", COACH_TIP));
    }

    @Test
    void challengeCrossingFourLevels_reportsEachLevelWithItsRewardInLevelOrder() {
        EventResult r = run.result("fit-008");

        assertThat(r.rulesTriggered()).containsExactly("monthly-challenge");
        assertThat(r.actionsExecuted()).containsExactly("grant_xp", "grant_currency", "award_badge");
        assertThat(r.updates()).containsExactly(
                xp(1540, 1500, 5),
                levelUp(1, 2),
                levelUp(2, 3),
                levelUp(3, 4),
                currency("energy", 110, 100),
                levelUp(4, 5),
                badge("elite-athlete"));
    }

    @Test
    void halfMarathon_reachesLevel2AndEarnsTheBadge() {
        EventResult r = run.result("fit-009");

        assertThat(r.rulesTriggered()).containsExactly(
                "workout-logged", "cardio-boost", "half-marathon", "plan-aligned-workout");
        assertThat(r.updates()).containsExactly(
                xp(170, 40, 2),
                levelUp(1, 2),
                currency("energy", 50, 10),
                questProgress(QUEST, 3, 5),
                xp(190, 20, 2),
                badge("half-marathon"),
                xp(290, 100, 2),
                currency("energy", 55, 5));
    }

    @Test
    void swimBelowTheCardioZone_getsNoBoost() {
        assertThat(run.result("fit-010").rulesTriggered()).containsExactly("workout-logged", "plan-aligned-workout");
    }

    @Test
    void plannedRestDay_isRespectedNotCountedAsGoal() {
        EventResult r = run.result("fit-012");

        assertThat(r.rulesTriggered()).containsExactly("rest-day-respected");
        assertThat(r.updates()).containsExactly(currency("energy", 75, 5), attribute("lastDailyGoal", "rest"));
    }

    @Test
    void dailySummaryWithoutRestDayProperty_meetsTheGoalThroughNot() {
        EventResult r = run.result("fit-013");

        assertThat(r.rulesTriggered()).containsExactly("daily-goal-met");
        assertThat(r.updates()).containsExactly(
                xp(1610, 30, 5),
                currency("energy", 135, 15),
                attribute("lastDailyGoal", "met"));
    }

    @Test
    void fifthWorkout_completesRepeatableQuestForTheFirstTime() {
        EventResult r = run.result("fit-014");

        assertThat(r.rulesTriggered()).containsExactly(
                "workout-logged", "cardio-boost", "fast-first-km", "plan-aligned-workout");
        assertThat(r.updates()).containsExactly(
                xp(370, 40, 2),
                currency("energy", 85, 10),
                questProgress(QUEST, 5, 5),
                questCompleted(QUEST, 1),
                currency("energy", 135, 50),
                badge("consistent-mover"),
                xp(390, 20, 2),
                currency("energy", 140, 5));
    }

    @Test
    void workoutAfterCompletion_startsTheRepeatableQuestAgain() {
        EventResult r = run.result("fit-015");

        assertThat(r.updates()).containsExactly(
                xp(430, 40, 3),
                levelUp(2, 3),
                currency("energy", 150, 10),
                questProgress(QUEST, 1, 5));
    }

    @Test
    void abandonedChallenge_earnsNothing() {
        EventResult r = run.result("fit-016");

        assertThat(r.status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(r.rulesTriggered()).isEmpty();
    }

    @Test
    void manuallyEnteredSplits_doNotCountForFastFirstKilometre() {
        assertThat(run.result("fit-017").rulesTriggered())
                .containsExactly("workout-logged", "cardio-boost", "plan-aligned-workout");
    }

    @Test
    void secondQuestCompletion_countsTwiceAndSkipsTheOwnedBadge() {
        EventResult r = run.result("fit-020");

        assertThat(r.actionsExecuted()).containsExactly(
                "grant_xp", "grant_currency", "progress_quest", "grant_currency", "award_badge",
                "grant_xp", "grant_currency");
        assertThat(r.updates()).containsExactly(
                xp(630, 40, 3),
                currency("energy", 200, 10),
                questProgress(QUEST, 5, 5),
                questCompleted(QUEST, 2),
                currency("energy", 250, 50),
                xp(650, 20, 3),
                currency("energy", 255, 5));
    }
}
