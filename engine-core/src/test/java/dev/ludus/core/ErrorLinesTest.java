package dev.ludus.core;

import static dev.ludus.core.CompileErrorsTest.errors;
import static dev.ludus.core.CompileErrorsTest.single;
import static dev.ludus.core.CompileErrorsTest.withCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
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
    void triggerEventType_withAControlCharacter_isRefused() {
        single(rule("r", "{\"eventType\": \"lesson\\tdone\"}"), "/rules/0/trigger/eventType", "r",
                ErrorCode.INVALID_RULE, "event type 'lesson\\tdone' contains a control character at index 6: "
                        + "events with one are rejected, so the rule could never fire");
        single(rule("r", "{\"event\": \"\\u0000\"}"), "/rules/0/trigger/event", "r", ErrorCode.INVALID_RULE,
                "event type '\\u0000' contains a control character at index 0");
        assertThat(errors(rule("r", "{\"eventTypes\": [\"ok\", \"a\\u2029\", \"b\\u0085\"]}")))
                .extracting(CompileError::pointer, CompileError::message).containsExactly(
                        tuple("/rules/0/trigger/eventTypes/1", "event type 'a\\u2029' contains a control character "
                                + "at index 1: events with one are rejected, so the rule could never fire"),
                        tuple("/rules/0/trigger/eventTypes/2", "event type 'b\\u0085' contains a control character "
                                + "at index 1: events with one are rejected, so the rule could never fire"));
    }

    @Test
    void triggerEventType_longerThanEventsAllow_isRefused_namingTheSetting() {
        single(rule("r", "{\"eventType\": \"" + "e".repeat(129) + "\"}"), "/rules/0/trigger/eventType", "r",
                ErrorCode.INVALID_RULE, "event type is 129 characters long: events allow at most 128 "
                        + "(raise maxEventTypeLength), so the rule could never fire");
        single(rule("r", "{\"eventTypes\": [\"" + "e".repeat(129) + "\"]}"), "/rules/0/trigger/eventTypes/0", "r",
                ErrorCode.INVALID_RULE, "event type is 129 characters long");
    }

    @Test
    void triggerEventType_asLongAsEventsAllow_compiles_andTheSettingRaisesTheLimit() {
        assertThat(Ludus.builder().game(rule("r", "{\"eventType\": \"" + "e".repeat(128) + "\"}")).build()).isNotNull();
        assertThat(Ludus.builder().maxEventTypeLength(200)
                .game(rule("r", "{\"eventType\": \"" + "e".repeat(200) + "\"}")).build()).isNotNull();
    }
}
