package dev.ludus.history;

import static dev.ludus.history.HistoryTestSupport.engine;
import static dev.ludus.history.HistoryTestSupport.event;
import static dev.ludus.history.HistoryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.RuleEngine;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 4.2 {@code time_window} and {@code day_of_week}: the event's local time in a zone. */
class TimeConditionsTest {

    private static RuleEngine oneCondition(String condition) {
        return engine("""
                [ { "id": "r", "name": "R", "trigger": { "eventType": "visit" },
                    "conditions": [ %s ], "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""".formatted(condition));
    }

    private static List<Boolean> holdsAt(RuleEngine engine, String... instants) {
        return Stream.of(instants).map(at -> !track(engine, event("visit", at)).rulesTriggered().isEmpty()).toList();
    }

    @Test
    void timeWindow_isStartInclusiveEndExclusive_inTheLocalTimeOfItsZone() {
        RuleEngine engine = oneCondition(
                "{ \"type\": \"time_window\", \"startHour\": 9, \"endHour\": 17, \"timezone\": \"Europe/Paris\" }");

        // Paris is UTC+1 in January and UTC+2 in July.
        assertThat(holdsAt(engine, "2026-01-15T07:59:59.999Z", "2026-01-15T08:00:00Z", "2026-01-15T15:59:59.999Z",
                "2026-01-15T16:00:00Z", "2026-07-15T06:59:59.999Z", "2026-07-15T07:00:00Z", "2026-07-15T14:59:59Z",
                "2026-07-15T15:00:00Z"))
                .containsExactly(false, true, true, false, false, true, true, false);
    }

    @Test
    void timeWindow_inNewYork_followsDaylightSavingTime() {
        RuleEngine engine = oneCondition(
                "{ \"type\": \"time_window\", \"startHour\": 9, \"endHour\": 17, \"timezone\": \"America/New_York\" }");

        // 9 March 2026 is the first weekday on EDT (UTC-4): 09:00 local is 13:00Z, not 14:00Z as in winter.
        assertThat(holdsAt(engine, "2026-03-06T13:30:00Z", "2026-03-06T14:00:00Z", "2026-03-09T13:00:00Z",
                "2026-03-09T12:59:59Z")).containsExactly(false, true, true, false);
    }

    @Test
    void timeWindow_startAfterEnd_wrapsPastMidnight_inUtcByDefault() {
        RuleEngine engine = oneCondition("{ \"type\": \"time_window\", \"startHour\": 22, \"endHour\": 6 }");

        assertThat(holdsAt(engine, "2026-03-10T21:59:59.999Z", "2026-03-10T22:00:00Z", "2026-03-10T23:59:59Z",
                "2026-03-11T00:00:00Z", "2026-03-11T05:59:59.999Z", "2026-03-11T06:00:00Z", "2026-03-11T12:00:00Z"))
                .containsExactly(false, true, true, true, true, false, false);
    }

    @Test
    void timeWindow_endHour24_runsToMidnight() {
        RuleEngine engine = oneCondition("{ \"type\": \"time_window\", \"startHour\": 20, \"endHour\": 24 }");

        assertThat(holdsAt(engine, "2026-03-10T19:59:59Z", "2026-03-10T20:00:00Z", "2026-03-10T23:59:59.999Z",
                "2026-03-11T00:00:00Z")).containsExactly(false, true, true, false);
    }

    @Test
    void dayOfWeek_usesTheLocalDayOfItsZone() {
        RuleEngine auckland = oneCondition(
                "{ \"type\": \"day_of_week\", \"days\": [ \"MON\" ], \"timezone\": \"Pacific/Auckland\" }");
        RuleEngine losAngeles = oneCondition(
                "{ \"type\": \"day_of_week\", \"days\": [ \"MON\" ], \"timezone\": \"America/Los_Angeles\" }");

        // Sunday 15 March 11:00Z is already Monday 00:00 in Auckland (UTC+13) ...
        assertThat(holdsAt(auckland, "2026-03-15T10:59:59.999Z", "2026-03-15T11:00:00Z"))
                .containsExactly(false, true);
        // ... and Monday 16 March 06:59Z is still Sunday 23:59 in Los Angeles (UTC-7).
        assertThat(holdsAt(losAngeles, "2026-03-16T06:59:59.999Z", "2026-03-16T07:00:00Z"))
                .containsExactly(false, true);
    }

    @Test
    void dayOfWeek_severalDays_inUtcByDefault() {
        RuleEngine engine = oneCondition("{ \"type\": \"day_of_week\", \"days\": [ \"SAT\", \"SUN\" ] }");

        // Friday 13 March, Saturday 14, Sunday 15, Monday 16.
        assertThat(holdsAt(engine, "2026-03-13T23:59:59.999Z", "2026-03-14T00:00:00Z", "2026-03-15T23:59:59.999Z",
                "2026-03-16T00:00:00Z")).containsExactly(false, true, true, false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{ \"type\": \"time_window\", \"startHour\": 8, \"endHour\": 8 }|/rules/0/conditions/0/endHour|empty",
            "{ \"type\": \"time_window\", \"startHour\": 24, \"endHour\": 2 }|/rules/0/conditions/0/startHour|24",
            "{ \"type\": \"time_window\", \"startHour\": 8, \"endHour\": 25 }|/rules/0/conditions/0/endHour|25",
            "{ \"type\": \"time_window\", \"startHour\": 8, \"endHour\": 9, \"timezone\": \"Nowhere/City\" }|/rules/0/conditions/0/timezone|Nowhere/City",
            "{ \"type\": \"day_of_week\", \"days\": [ \"FUNDAY\" ] }|/rules/0/conditions/0/days|FUNDAY",
            "{ \"type\": \"day_of_week\", \"days\": [] }|/rules/0/conditions/0/days|at least one"})
    void badTimeCondition_isACompileErrorWithPointerAndMessage(String condition, String pointer, String found) {
        assertThatThrownBy(() -> oneCondition(condition)).isInstanceOfSatisfying(GameCompileException.class, e ->
                assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_RULE);
                    assertThat(error.pointer()).isEqualTo(pointer);
                    assertThat(error.ruleId()).isEqualTo("r");
                    assertThat(error.message()).contains(found);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{ \"type\": \"event_count\", \"min\": 1, \"window\": { \"unit\": \"year\", \"count\": 1 } }|/rules/0/conditions/0/window/unit|hour, day, week, month",
            "{ \"type\": \"event_count\", \"min\": 1, \"window\": { \"unit\": \"day\", \"count\": 0 } }|/rules/0/conditions/0/window/count|0",
            "{ \"type\": \"event_count\", \"min\": 1, \"window\": { \"unit\": \"day\", \"count\": 1, \"timezone\": \"EST5\" } }|/rules/0/conditions/0/window/timezone|EST5",
            "{ \"type\": \"event_count\", \"max\": \"5\" }|/rules/0/conditions/0/max|expected a number, found string",
            "{ \"type\": \"streak\", \"unit\": \"month\", \"min\": 2 }|/rules/0/conditions/0/unit|month",
            "{ \"type\": \"streak\", \"unit\": \"day\", \"min\": 0 }|/rules/0/conditions/0/min|0",
            "{ \"type\": \"streak\", \"unit\": \"day\", \"min\": 2, \"graceUnits\": -1 }|/rules/0/conditions/0/graceUnits|-1"})
    void badHistoryCondition_isACompileErrorWithPointerAndMessage(String condition, String pointer, String found) {
        assertThatThrownBy(() -> oneCondition(condition)).isInstanceOfSatisfying(GameCompileException.class, e ->
                assertThat(e.errors()).extracting(CompileError::pointer, CompileError::message)
                        .anySatisfy(t -> {
                            assertThat(t.toList().get(0)).isEqualTo(pointer);
                            assertThat((String) t.toList().get(1)).contains(found);
                        }));
    }
}
