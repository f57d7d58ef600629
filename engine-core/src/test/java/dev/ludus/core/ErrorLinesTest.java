package dev.ludus.core;

import static dev.ludus.core.CompileErrorsTest.single;
import static dev.ludus.core.CompileErrorsTest.withCondition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.RuleEngine;
import org.junit.jupiter.api.Test;

/**
 * SPEC 13: each compile error is one line. Names and values from the game are shown with their control characters
 * escaped, and rule ids and trigger event types that could break a line or never match an event are refused.
 */
class ErrorLinesTest {

    private static String rule(String id, String trigger) {
        return "{\"rules\": [{\"id\": \"" + id + "\", \"name\": \"R\", \"trigger\": " + trigger + ", \"actions\": []}]}";
    }

    @Test
    void ruleId_withAControlCharacter_isRefused() {
        CompileError error = single(rule("a\\nb", "{\"eventType\": \"e\"}"), "/rules/0/id", "a\nb",
                ErrorCode.INVALID_RULE, "rule id 'a\\nb' contains a control character at index 1; "
                        + "give an id without control characters");

        assertThat(error.toString()).isEqualTo("ERROR /rules/0/id rule a\\nb INVALID_RULE: rule id 'a\\nb' contains a "
                + "control character at index 1; give an id without control characters");
    }

    @Test
    void ruleId_cannotForgeAnotherErrorLine() {
        CompileError error = single(rule("a b\\nERROR / FAKE: x", "{\"eventType\": \"e\"}"), "/rules/0/id",
                "a b\nERROR / FAKE: x", ErrorCode.INVALID_RULE, "contains a control character at index 3");

        assertThat(error.toString()).doesNotContain("\n").startsWith("ERROR /rules/0/id rule a b\\nERROR / FAKE: x ");
    }

    @Test
    void unknownFieldWithAControlCharacter_isShownEscaped_onOneLine() {
        CompileError error = single(CompileErrorsTest.ruleWith("\"actions\": [], \"bad\\nfield\": 1"),
                "/rules/0/bad\nfield", "r", ErrorCode.INVALID_RULE, "unknown field 'bad\\nfield' in a rule; known: ");

        assertThat(error.toString()).doesNotContain("\n")
                .startsWith("ERROR /rules/0/bad\\nfield rule r INVALID_RULE: unknown field 'bad\\nfield' in a rule");
    }

    @Test
    void pointer_keepsItsRfc6901Escapes() {
        single(CompileErrorsTest.ruleWith("\"actions\": [], \"a/b~c\": 1"), "/rules/0/a~1b~0c", "r",
                ErrorCode.INVALID_RULE, "unknown field 'a/b~c'");
    }

    @Test
    void valueWithControlCharacters_isShownEscaped() {
        CompileError error = single(withCondition("{\"type\": \"property_gte\", \"property\": \"score\", "
                        + "\"value\": \"x\\ny\\u001b\\u2028\"}"), "/rules/0/conditions/0/value", "r",
                ErrorCode.INVALID_RULE, "expected a number, found string \"x\\ny\\u001b\\u2028\"");

        assertThat(error.toString()).doesNotContain("\n", "\u001b", "\u2028");
    }

    @Test
    void longValue_isCut_andStillEscaped() {
        String value = "\\t".repeat(70);

        single(withCondition("{\"type\": \"property_gte\", \"property\": \"score\", \"value\": \"" + value + "\"}"),
                "/rules/0/conditions/0/value", "r", ErrorCode.INVALID_RULE,
                "found string \"" + "\\t".repeat(57) + "...\"");
    }

    @Test
    void unknownTypeAndReferenceWithControlCharacters_areShownEscaped() {
        single(withCondition("{\"type\": \"x\\ry\"}"), "/rules/0/conditions/0/type", "r", ErrorCode.INVALID_RULE,
                "unknown condition type 'x\\ry'");
        single("{\"badges\": [{\"id\": \"b\\u0007\"}], \"rules\": [{\"id\": \"r\", \"name\": \"R\", \"trigger\": "
                        + "{\"eventType\": \"e\"}, \"actions\": [{\"type\": \"award_badge\", \"badgeId\": \"c\\n\"}]}]}",
                "/rules/0/actions/0/badgeId", "r", ErrorCode.INVALID_RULE, "unknown badge 'c\\n'; known: b\\u0007");
    }

    @Test
    void triggerEventTypes_thatTrackedEventsCannotHave_compile_becauseDerivedEventsCanHaveThem() {
        String longType = "e".repeat(200);
        RuleEngine engine = Ludus.builder().game("""
                {"rules": [
                  {"id": "emit", "name": "emit", "trigger": {"eventType": "go"}, "actions": [
                    {"type": "emit_event", "eventType": "%s"},
                    {"type": "emit_event", "eventType": "lesson\\tdone\\u2029"}]},
                  {"id": "long", "name": "long", "trigger": {"eventType": "%s"},
                   "actions": [{"type": "grant_xp", "amount": 1}]},
                  {"id": "control", "name": "control", "trigger": {"eventTypes": ["lesson\\tdone\\u2029"]},
                   "actions": [{"type": "grant_xp", "amount": 2}]}]}""".formatted(longType, longType)).build();

        EventResult result = engine.track(Event.builder().externalUserId("u").eventType("go").build());

        assertThat(result.rulesTriggered()).containsExactly("emit", "long", "control");
        assertThat(engine.track(Event.builder().externalUserId("u").eventType(longType).build()).error().code())
                .isEqualTo(ErrorCode.INVALID_EVENT);
    }
}
