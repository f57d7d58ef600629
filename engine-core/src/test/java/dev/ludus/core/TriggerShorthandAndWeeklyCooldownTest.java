package dev.ludus.core;

import static dev.ludus.core.CompileErrorsTest.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleSuppression;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.1 names {@code "*"} beside the trigger object's fields: {@code "trigger": "*"} and
 * {@code "trigger": "<event type>"} are read as {@code {"eventType": …}}. SPEC 4.4's cooldown is an ISO-8601
 * duration, and ISO-8601 has weeks: {@code P1W} is 7 days.
 */
class TriggerShorthandAndWeeklyCooldownTest {
    private static List<String> fired(RuleEngine engine, String type, String at) {
        return engine.track(Event.builder().externalUserId("u").eventType(type).timestamp(Instant.parse(at)).build())
                .rulesTriggered();
    }

    @Test
    void aTriggerWrittenAsAString_isThatEventType_orEveryEventForAStar() {
        RuleEngine engine = Ludus.builder().game("""
                [ { "id": "any", "name": "Any", "trigger": "*", "actions": [ { "type": "grant_xp", "amount": 1 } ] },
                  { "id": "lesson", "name": "Lesson", "trigger": "lesson_completed",
                    "actions": [ { "type": "grant_xp", "amount": 10 } ] } ]""").build();

        assertThat(fired(engine, "lesson_completed", "2026-03-10T10:00:00Z")).containsExactly("any", "lesson");
        assertThat(fired(engine, "login", "2026-03-10T10:00:00Z")).containsExactly("any");
        assertThat(engine.player("u").orElseThrow().xp()).isEqualTo(12);
    }

    @Test
    void aTriggerThatIsBlankOrNeitherAStringNorAnObject_isACompileError() {
        single("{\"rules\": [{\"id\": \"r\", \"name\": \"R\", \"trigger\": \" \", \"actions\": []}]}",
                "/rules/0/trigger", "r", ErrorCode.INVALID_RULE,
                "expected an event type or \"*\", found a blank string");
        single("{\"rules\": [{\"id\": \"r\", \"name\": \"R\", \"trigger\": 5, \"actions\": []}]}",
                "/rules/0/trigger", "r", ErrorCode.INVALID_RULE,
                "expected an object such as {\"eventType\": \"lesson_completed\"}, or an event type, found number 5");
        single("{\"rules\": [{\"id\": \"r\", \"name\": \"R\", \"trigger\": null, \"actions\": []}]}",
                "/rules/0/trigger", "r", ErrorCode.INVALID_RULE,
                "expected an object such as {\"eventType\": \"lesson_completed\"}, or an event type, found null");
    }

    @Test
    void aCooldownOfOneWeek_blocksTheRuleForSevenDaysExactly() {
        RuleEngine engine = Ludus.builder().game("""
                [ { "id": "weekly", "name": "Weekly", "trigger": "login", "limits": { "cooldown": "P1W" },
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""").build();

        assertThat(fired(engine, "login", "2026-03-10T10:00:00Z")).containsExactly("weekly");
        assertThat(engine.track(Event.builder().externalUserId("u").eventType("login")
                .timestamp(Instant.parse("2026-03-17T09:59:59.999Z")).build()).rulesSuppressed())
                .containsExactly(new RuleSuppression("weekly", "cooldown"));
        assertThat(fired(engine, "login", "2026-03-17T10:00:00Z")).containsExactly("weekly");
    }

    @Test
    void cooldownsInMonthsOrYears_orMixingWeeksWithDays_areRefused() {
        // 15,250,284,452,472 weeks are the first past Long.MAX_VALUE seconds; 306,783,379 the first past an int's days
        assertThat(Ludus.builder().game(CompileErrorsTest.ruleWith(
                "\"actions\": [], \"limits\": {\"cooldown\": \"P306783379W\"}")).build()).isNotNull();
        for (String cooldown : List.of("P1M", "P1Y", "P1W1D", "P0W", "P15250284452472W", "P99999999999999999999W")) {
            single(CompileErrorsTest.ruleWith("\"actions\": [], \"limits\": {\"cooldown\": \"" + cooldown + "\"}"),
                    "/rules/0/limits/cooldown", "r", ErrorCode.INVALID_RULE,
                    cooldown.equals("P0W") ? "expected a positive duration, found P0W"
                            : "expected an ISO-8601 duration such as PT1H, P1D or P1W, found \"" + cooldown + "\"");
        }
    }
}
