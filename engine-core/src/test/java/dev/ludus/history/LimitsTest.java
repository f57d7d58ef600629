package dev.ludus.history;

import static dev.ludus.history.HistoryTestSupport.PLAYER;
import static dev.ludus.history.HistoryTestSupport.engine;
import static dev.ludus.history.HistoryTestSupport.event;
import static dev.ludus.history.HistoryTestSupport.resource;
import static dev.ludus.history.HistoryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.EventResult;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.Update;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC 4.4: cooldown, maxPerPlayer, maxPerPeriod and the cooldown condition alias, at their edges. */
class LimitsTest {
    private final RuleEngine limits = engine(resource("limits.json"));

    private static boolean fired(EventResult result, String ruleId) {
        return result.rulesTriggered().contains(ruleId);
    }

    private PlayerState player(RuleEngine engine) {
        return engine.player(PLAYER).orElseThrow();
    }

    // ---- cooldown

    @Test
    void cooldown_firesAgainExactlyAtLastFirePlusCooldown_andNotOneMillisecondBefore() {
        assertThat(fired(track(limits, event("login", "2026-03-10T10:00:00Z")), "hourly-bonus")).isTrue();

        EventResult early = track(limits, event("login", "2026-03-10T10:59:59.999Z"));
        assertThat(early.rulesTriggered()).isEmpty();
        assertThat(early.rulesSuppressed()).containsExactly(new RuleSuppression("hourly-bonus", "cooldown"));

        EventResult onTime = track(limits, event("login", "2026-03-10T11:00:00Z"));
        assertThat(onTime.rulesTriggered()).containsExactly("hourly-bonus");
        assertThat(onTime.rulesSuppressed()).isEmpty();
        assertThat(player(limits).xp()).isEqualTo(20);
    }

    @Test
    void cooldown_suppressedEventDoesNotRestartTheCooldown() {
        track(limits, event("login", "2026-03-10T10:00:00Z"));
        track(limits, event("login", "2026-03-10T10:45:00Z")); // suppressed, must not move the last fire

        assertThat(fired(track(limits, event("login", "2026-03-10T11:00:00Z")), "hourly-bonus")).isTrue();
    }

    @Test
    void cooldown_countsFromTheLastFireNotTheFirst() {
        track(limits, event("login", "2026-03-10T10:00:00Z"));
        track(limits, event("login", "2026-03-10T11:30:00Z")); // fires: the cooldown now runs to 12:30

        EventResult r = track(limits, event("login", "2026-03-10T12:29:59.999Z"));
        assertThat(r.rulesSuppressed()).containsExactly(new RuleSuppression("hourly-bonus", "cooldown"));
        assertThat(fired(track(limits, event("login", "2026-03-10T12:30:00Z")), "hourly-bonus")).isTrue();
    }

    @Test
    void cooldown_eventOlderThanTheLastFire_isSuppressed() {
        track(limits, event("login", "2026-03-10T10:00:00Z"));

        EventResult late = track(limits, event("login", "2026-03-10T08:00:00Z"));
        assertThat(late.rulesSuppressed()).containsExactly(new RuleSuppression("hourly-bonus", "cooldown"));
    }

    @Test
    void cooldown_comparesSubMillisecondTimestampsExactly() {
        // Last fire at .000900; "at least last fire + cooldown" is 11:00:00.000900, so .000500 is too early.
        track(limits, event("login", "2026-03-10T10:00:00.000900Z"));

        EventResult early = track(limits, event("login", "2026-03-10T11:00:00.000500Z"));
        assertThat(early.rulesSuppressed()).containsExactly(new RuleSuppression("hourly-bonus", "cooldown"));
        assertThat(fired(track(limits, event("login", "2026-03-10T11:00:00.000900Z")), "hourly-bonus")).isTrue();
    }

    @Test
    void cooldownCondition_minutesAlias_behavesAsLimitsCooldown() {
        assertThat(fired(track(limits, event("like", "2026-03-10T10:00:00Z")), "half-hour-like")).isTrue();

        EventResult early = track(limits, event("like", "2026-03-10T10:29:59.999Z"));
        assertThat(early.rulesTriggered()).isEmpty();
        assertThat(early.rulesSuppressed()).containsExactly(new RuleSuppression("half-hour-like", "cooldown"));

        assertThat(fired(track(limits, event("like", "2026-03-10T10:30:00Z")), "half-hour-like")).isTrue();
    }

    @Test
    void cooldownCondition_isNotReportedAsAConditionInExplain() {
        var explanation = limits.explain(event("like", "2026-03-10T10:00:00Z"), false);

        assertThat(explanation.rules()).singleElement().satisfies(trace -> {
            assertThat(trace.ruleId()).isEqualTo("half-hour-like");
            assertThat(trace.conditions()).isEmpty();
        });
    }

    // ---- maxPerPlayer

    @Test
    void maxPerPlayer_allowsExactlyThatManyLifetimeFires_thenSuppressesForever() {
        for (String day : List.of("2026-01-01", "2026-01-02", "2026-06-01")) {
            assertThat(fired(track(limits, event("share", day + "T12:00:00Z")), "three-shares")).isTrue();
        }
        for (String at : List.of("2026-06-01T12:00:01Z", "2030-01-01T00:00:00Z")) {
            EventResult r = track(limits, event("share", at));
            assertThat(r.rulesTriggered()).isEmpty();
            assertThat(r.rulesSuppressed()).containsExactly(new RuleSuppression("three-shares", "max_per_player"));
        }
        assertThat(player(limits).balance("coins")).isEqualTo(15);
    }

    /**
     * One counter per achievement earned: with 2,000 of them, each still fires once only, and a reload keeps the
     * counters of the rules it keeps (SPEC 4.4; docs/decisions.md) while forgetting the rest.
     */
    @Test
    void maxPerPlayer_manyOneTimeAchievements_eachFiresOnce_andAReloadKeepsTheCountersOfTheRulesItKeeps() {
        RuleEngine engine = engine(achievements(0, 2_000));
        for (int round = 0; round < 2; round++) {
            for (int n = 0; n < 2_000; n += 7) {
                EventResult r = track(engine, event("unlock", "2026-03-10T10:00:00Z", "n", n));
                assertThat(r.rulesTriggered()).as("round %d, achievement %d", round, n)
                        .isEqualTo(round == 0 ? List.of("a" + n) : List.of());
            }
        }
        assertThat(player(engine).xp()).isEqualTo(286);

        engine.reload(achievements(1_000, 3_000));
        for (int n : List.of(1_001, 1_995, 1_002, 2_002)) { // earned and kept (twice), then never earned (twice)
            assertThat(track(engine, event("unlock", "2026-03-10T11:00:00Z", "n", n)).rulesTriggered())
                    .as("achievement %d", n).isEqualTo(n % 7 == 0 && n < 2_000 ? List.of() : List.of("a" + n));
        }
        engine.reload(achievements(0, 1_000));
        assertThat(track(engine, event("unlock", "2026-03-10T12:00:00Z", "n", 994)).rulesTriggered())
                .as("a counter the reload in between dropped").containsExactly("a994");
    }

    /** @return a game with one-time achievements {@code a<from>}…, each firing on "unlock" with its number */
    private static String achievements(int from, int to) {
        StringBuilder rules = new StringBuilder("{\"rules\": [");
        for (int n = from; n < to; n++) {
            rules.append(n == from ? "" : ",").append("""
                    {"id": "a%d", "name": "a%d", "trigger": {"eventType": "unlock"},
                     "conditions": [{"type": "property_eq", "property": "n", "value": %d}],
                     "limits": {"maxPerPlayer": 1}, "actions": [{"type": "grant_xp", "amount": 1}]}"""
                    .formatted(n, n, n));
        }
        return rules.append("]}").toString();
    }

    // ---- maxPerPeriod

    /**
     * Two fires per period in Asia/Kolkata (UTC+05:30, so local period boundaries fall on UTC half hours):
     * two events inside one period fire, a third one millisecond before the local boundary is suppressed, an
     * event exactly at the boundary starts a new period, and the new period allows two again.
     */
    static Stream<Arguments> periodsInKolkata() {
        return Stream.of(
                // period, two instants inside the first period, the local boundary (as UTC)
                Arguments.of("hour", "2026-03-10T04:30:00Z", "2026-03-10T05:00:00Z", "2026-03-10T05:30:00Z"),
                Arguments.of("day", "2026-03-09T18:30:00Z", "2026-03-10T10:00:00Z", "2026-03-10T18:30:00Z"),
                // 2026-03-16 is a Monday; the Sunday before is still in the week that began on Monday 9 March
                Arguments.of("week", "2026-03-08T18:30:00Z", "2026-03-15T12:00:00Z", "2026-03-15T18:30:00Z"),
                Arguments.of("month", "2026-02-28T18:30:00Z", "2026-03-15T00:00:00Z", "2026-03-31T18:30:00Z"),
                Arguments.of("year", "2025-12-31T18:30:00Z", "2026-06-01T00:00:00Z", "2026-12-31T18:30:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periodsInKolkata")
    void maxPerPeriod_countsFiresPerLocalCalendarPeriod_andResetsExactlyAtTheLocalBoundary(
            String period, String first, String second, String boundary) {
        RuleEngine engine = engine("""
                [ { "id": "capped", "name": "Capped", "trigger": { "eventType": "quiz" },
                    "limits": { "maxPerPeriod": { "count": 2, "period": "%s", "timezone": "Asia/Kolkata" } },
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""".formatted(period));
        Instant edge = Instant.parse(boundary);

        assertThat(fired(track(engine, event("quiz", first)), "capped")).as("first in period").isTrue();
        assertThat(fired(track(engine, event("quiz", second)), "capped")).as("second in period").isTrue();
        EventResult third = track(engine, event(PLAYER, "quiz", edge.minusMillis(1)));
        assertThat(third.rulesSuppressed()).as("third, 1 ms before the boundary")
                .containsExactly(new RuleSuppression("capped", "max_per_period"));
        assertThat(fired(track(engine, event(PLAYER, "quiz", edge)), "capped")).as("at the boundary").isTrue();
        assertThat(fired(track(engine, event(PLAYER, "quiz", edge.plusMillis(1))), "capped"))
                .as("second in the new period").isTrue();
        assertThat(track(engine, event(PLAYER, "quiz", edge.plusMillis(2))).rulesSuppressed())
                .as("third in the new period").containsExactly(new RuleSuppression("capped", "max_per_period"));
        assertThat(engine.player(PLAYER).orElseThrow().xp()).isEqualTo(4);
    }

    /** docs/decisions.md: hours are elapsed hours, so the repeated 01:00 at fall-back is two periods. */
    @Test
    void maxPerPeriod_hourInNewYork_theRepeatedWallClockHourAtFallBackIsTwoPeriods() {
        RuleEngine engine = engine("""
                [ { "id": "hourly", "name": "Once an hour", "trigger": { "eventType": "quiz" },
                    "limits": { "maxPerPeriod": { "count": 1, "period": "hour", "timezone": "America/New_York" } },
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""");

        // 1 November 2026: 05:30Z is 01:30 EDT, 05:45Z is 01:45 EDT, 06:15Z is 01:15 EST (the next real hour).
        assertThat(fired(track(engine, event("quiz", "2026-11-01T05:30:00Z")), "hourly")).isTrue();
        assertThat(track(engine, event("quiz", "2026-11-01T05:45:00Z")).rulesSuppressed())
                .containsExactly(new RuleSuppression("hourly", "max_per_period"));
        assertThat(fired(track(engine, event("quiz", "2026-11-01T06:15:00Z")), "hourly")).isTrue();
    }

    @Test
    void maxPerPeriod_timezoneDefaultsToUtc() {
        RuleEngine engine = engine("""
                [ { "id": "capped", "name": "Capped", "trigger": { "eventType": "quiz" },
                    "limits": { "maxPerPeriod": { "count": 1, "period": "day" } },
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""");

        assertThat(fired(track(engine, event("quiz", "2026-03-10T23:59:59.999Z")), "capped")).isTrue();
        assertThat(fired(track(engine, event("quiz", "2026-03-11T00:00:00Z")), "capped")).isTrue();
    }

    @Test
    void maxPerPeriod_fireInAnOlderPeriod_doesNotCountAgainstTheNewestPeriod() {
        assertThat(fired(track(limits, event("quiz", "2026-03-11T09:00:00Z")), "two-a-day")).isTrue();
        assertThat(fired(track(limits, event("quiz", "2026-03-10T09:00:00Z")), "two-a-day"))
                .as("late event of the day before").isTrue();

        assertThat(fired(track(limits, event("quiz", "2026-03-11T10:00:00Z")), "two-a-day"))
                .as("second fire on 11 March").isTrue();
        assertThat(track(limits, event("quiz", "2026-03-11T11:00:00Z")).rulesSuppressed())
                .containsExactly(new RuleSuppression("two-a-day", "max_per_period"));
    }

    // ---- suppression: reasons, order, no effect

    @Test
    void suppressedRules_areReportedInRunOrderWithTheirReasons_andOtherRulesStillFire() {
        RuleEngine engine = engine(resource("limits-order.json"));
        EventResult first = track(engine, event("purchase", "2026-03-10T10:00:00Z"));
        assertThat(first.rulesTriggered()).containsExactly("hourly", "once-ever", "once-a-day", "unlimited");

        EventResult second = track(engine, event("purchase", "2026-03-10T10:10:00Z"));

        assertThat(second.rulesTriggered()).containsExactly("unlimited");
        assertThat(second.rulesSuppressed()).containsExactly(
                new RuleSuppression("hourly", "cooldown"),
                new RuleSuppression("once-ever", "max_per_player"),
                new RuleSuppression("once-a-day", "max_per_period"));
        assertThat(second.actionsExecuted()).containsExactly("grant_xp");
        assertThat(second.updates()).containsExactly(new Update.XpUpdated(2, 1, 1));
    }

    @Test
    void suppressedRule_changesNothing_butTheEventStillCommits() {
        RuleEngine engine = engine(resource("limits-order.json"));
        track(engine, event("purchase", "2026-03-10T10:00:00Z"));
        PlayerState before = engine.player(PLAYER).orElseThrow();

        track(engine, event("purchase", "2026-03-10T10:10:00Z"));

        PlayerState after = engine.player(PLAYER).orElseThrow();
        assertThat(after.currencies()).isEqualTo(before.currencies());
        assertThat(after.badges()).isEqualTo(before.badges());
        assertThat(after.xp()).isEqualTo(before.xp() + 1); // only "unlimited"
        assertThat(after.version()).isEqualTo(before.version() + 1);
    }

    /**
     * Not fixed by the SPEC: when several limits block a rule at once, the reason reported is the first of
     * cooldown, max_per_player, max_per_period.
     */
    @Test
    void suppressedRule_blockedBySeveralLimits_reportsCooldownThenMaxPerPlayerThenMaxPerPeriod() {
        RuleEngine engine = engine(resource("limits-order.json"));
        List<String> reasons = Stream.of(
                        "2026-03-10T10:00:00Z",  // fires (1 of 2, 1 of 1 today)
                        "2026-03-10T10:30:00Z",  // cooldown and max_per_period both block
                        "2026-03-10T12:00:00Z",  // only max_per_period
                        "2026-03-11T12:00:00Z",  // fires (2 of 2)
                        "2026-03-11T12:30:00Z",  // all three block
                        "2026-03-11T14:00:00Z",  // max_per_player and max_per_period
                        "2026-03-12T14:00:00Z")  // only max_per_player
                .map(at -> track(engine, event("checkin", at)))
                .map(r -> r.rulesSuppressed().isEmpty() ? "fired" : r.rulesSuppressed().get(0).reason())
                .toList();

        assertThat(reasons).containsExactly("fired", "cooldown", "max_per_period", "fired", "cooldown",
                "max_per_player", "max_per_player");
    }

    @Test
    void failedRule_doesNotCountAsAFire_forCooldownOrMaxPerPlayer() {
        RuleEngine engine = engine(resource("limits-failed.json"));

        EventResult failed = track(engine, event("buy", "2026-03-10T10:00:00Z"));
        assertThat(failed.rulesFailed()).extracting(f -> f.ruleId(), f -> f.code())
                .containsExactly(tuple("buy-once", ErrorCode.INSUFFICIENT_FUNDS));
        assertThat(failed.rulesSuppressed()).isEmpty();
        assertThat(engine.player(PLAYER).orElseThrow().badges()).isEmpty();

        track(engine, event("earn", "2026-03-10T10:01:00Z"));
        EventResult bought = track(engine, event("buy", "2026-03-10T10:02:00Z"));
        assertThat(bought.rulesTriggered()).containsExactly("buy-once");
        assertThat(bought.rulesSuppressed()).isEmpty();

        track(engine, event("earn", "2026-03-10T12:00:00Z"));
        assertThat(track(engine, event("buy", "2026-03-10T13:00:00Z")).rulesSuppressed())
                .containsExactly(new RuleSuppression("buy-once", "max_per_player"));
        assertThat(engine.player(PLAYER).orElseThrow().balance("coins")).isEqualTo(10);
    }

    // ---- compile errors

    private static List<CompileError> compileErrors(String limitsJson, String conditionsJson) {
        String game = """
                [ { "id": "r", "name": "R", "trigger": { "eventType": "e" }, "conditions": %s,
                    "limits": %s, "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]"""
                .formatted(conditionsJson, limitsJson);
        try {
            engine(game);
        } catch (GameCompileException e) {
            return e.errors();
        }
        throw new AssertionError("expected a compile error for limits " + limitsJson);
    }

    static Stream<Arguments> badLimits() {
        return Stream.of(
                Arguments.of("{ \"cooldown\": \"1h\" }", "[]", "/rules/0/limits/cooldown",
                        List.of("ISO-8601 duration", "1h")),
                Arguments.of("{ \"cooldown\": \"PT0S\" }", "[]", "/rules/0/limits/cooldown",
                        List.of("positive duration", "PT0S")),
                Arguments.of("{ \"cooldown\": \"-PT1H\" }", "[]", "/rules/0/limits/cooldown",
                        List.of("positive duration", "-PT1H")),
                Arguments.of("{ \"maxPerPlayer\": 0 }", "[]", "/rules/0/limits/maxPerPlayer",
                        List.of(">= 1", "0")),
                Arguments.of("{ \"maxPerPeriod\": { \"count\": 0, \"period\": \"day\" } }", "[]",
                        "/rules/0/limits/maxPerPeriod/count", List.of(">= 1", "0")),
                Arguments.of("{ \"maxPerPeriod\": { \"count\": 1, \"period\": \"fortnight\" } }", "[]",
                        "/rules/0/limits/maxPerPeriod/period",
                        List.of("fortnight", "day", "hour", "month", "week", "year")),
                Arguments.of("{ \"maxPerPeriod\": { \"count\": 1, \"period\": \"day\", \"timezone\": \"Mars/Olympus\" } }",
                        "[]", "/rules/0/limits/maxPerPeriod/timezone", List.of("Mars/Olympus")),
                Arguments.of("{ \"cooldown\": \"PT1H\" }", "[ { \"type\": \"cooldown\", \"minutes\": 5 } ]",
                        "/rules/0/limits/cooldown", List.of("cooldown", "once")),
                Arguments.of("{}", "[ { \"type\": \"cooldown\", \"minutes\": 0 } ]", "/rules/0/conditions/0/minutes",
                        List.of(">= 1", "0")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badLimits")
    void badLimit_isACompileErrorNamingThePointerRuleAndWhatWasFound(String limitsJson, String conditions,
                                                                       String pointer, List<String> messageParts) {
        List<CompileError> errors = compileErrors(limitsJson, conditions);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_RULE);
            assertThat(error.pointer()).isEqualTo(pointer);
            assertThat(error.ruleId()).isEqualTo("r");
            assertThat(error.message()).contains(messageParts);
        });
    }

    @Test
    void badLimits_inSeveralRules_areAllReportedTogether() {
        String game = """
                [ { "id": "a", "name": "A", "trigger": { "eventType": "e" }, "limits": { "cooldown": "soon" },
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] },
                  { "id": "b", "name": "B", "trigger": { "eventType": "e" },
                    "limits": { "maxPerPlayer": 0, "maxPerPeriod": { "count": 1, "period": "decade" } },
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""";

        assertThatThrownBy(() -> engine(game)).isInstanceOfSatisfying(GameCompileException.class, e ->
                assertThat(e.errors()).extracting(CompileError::pointer, CompileError::ruleId).containsExactly(
                        tuple("/rules/0/limits/cooldown", "a"),
                        tuple("/rules/1/limits/maxPerPlayer", "b"),
                        tuple("/rules/1/limits/maxPerPeriod/period", "b")));
    }
}
