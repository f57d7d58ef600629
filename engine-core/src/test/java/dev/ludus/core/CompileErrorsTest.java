package dev.ludus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.GameCompileException;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * SPEC 12: every bad game is a {@link GameCompileException} holding all its errors, each with the JSON pointer,
 * the rule id when known, the code and a message saying what was expected and found.
 */
class CompileErrorsTest {

    static List<CompileError> errors(String game) {
        GameCompileException e = catchThrowableOfType(GameCompileException.class,
                () -> Ludus.builder().game(game).build());
        assertThat(e).as("compiling should fail:\n%s", game).isNotNull();
        assertThat(e.errors()).isNotEmpty();
        return e.errors();
    }

    /** Asserts the game has exactly one error, with this pointer, rule id and code, whose message has all parts. */
    static CompileError single(String game, String pointer, String ruleId, ErrorCode code, String... messageParts) {
        List<CompileError> errors = errors(game);
        assertThat(errors).as("errors of\n%s", game).hasSize(1);
        CompileError error = errors.get(0);
        assertThat(error.pointer()).as("pointer of %s", error).isEqualTo(pointer);
        assertThat(error.ruleId()).as("ruleId of %s", error).isEqualTo(ruleId);
        assertThat(error.code()).as("code of %s", error).isEqualTo(code);
        assertThat(error.message()).as("message of %s", error).isNotBlank();
        if (messageParts.length > 0) {
            assertThat(error.message()).as("message of %s", error).contains(messageParts);
        }
        return error;
    }

    /** Asserts the game has an error with this pointer, rule id and code whose message has all parts; returns it. */
    static CompileError at(String game, String pointer, String ruleId, ErrorCode code, String... messageParts) {
        List<CompileError> errors = errors(game);
        CompileError error = errors.stream().filter(e -> e.pointer().equals(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + pointer + " in " + errors));
        assertThat(error.ruleId()).as("ruleId of %s", error).isEqualTo(ruleId);
        assertThat(error.code()).as("code of %s", error).isEqualTo(code);
        assertThat(error.message()).as("message of %s", error).contains(messageParts);
        return error;
    }

    /** A document with one rule {@code r} on event {@code e} whose body fields are {@code fields}. */
    static String ruleWith(String fields) {
        return "{\"rules\": [{\"id\": \"r\", \"name\": \"R\", \"trigger\": {\"eventType\": \"e\"}, " + fields + "}]}";
    }

    static String withCondition(String condition) {
        return ruleWith("\"conditions\": [" + condition + "], \"actions\": []");
    }

    static String withAction(String action) {
        return ruleWith("\"actions\": [" + action + "]");
    }

    @Nested
    class Json {
        @Test
        void notJson_isInvalidJson_withLineAndColumn() {
            String game = "{\n  \"rules\": [\n    {\"id\": \"a\",, }\n  ]\n}";
            CompileError error = single(game, "/rules/0/id", null, ErrorCode.INVALID_JSON, "line 3", "column");
            assertThat(error.toString()).startsWith("ERROR /rules/0/id INVALID_JSON: ");
        }

        @Test
        void emptyDocument_isInvalidJson() {
            single("", "", null, ErrorCode.INVALID_JSON, "empty");
            single("   \n ", "", null, ErrorCode.INVALID_JSON, "empty");
        }

        @Test
        void truncatedDocument_isInvalidJson() {
            single("{\"rules\": [", "/rules", null, ErrorCode.INVALID_JSON, "line 1");
        }

        @Test
        void trailingContentAfterTheDocument_isInvalidJson() {
            single("{\"rules\": []} {\"rules\": []}", "", null, ErrorCode.INVALID_JSON, "line 1");
        }

        @Test
        void duplicateKeys_areErrors_namingTheKey() {
            single("{\"rules\": [], \"rules\": []}", "/rules", null, ErrorCode.INVALID_JSON, "rules");
            single("{\"rules\": [{\"id\": \"a\", \"name\": \"A\", \"id\": \"b\", \"trigger\": {\"eventType\": \"e\"}, "
                    + "\"actions\": []}]}", "/rules/0/id", null, ErrorCode.INVALID_JSON, "id");
        }

        @Test
        void aScalarDocument_isNotAGame() {
            single("42", "", null, ErrorCode.INVALID_RULE, "number 42");
        }
    }

    @Nested
    class UnknownFields {
        @Test
        void inTheDocument() {
            single("{\"rules\": [], \"rule\": []}", "/rule", null, ErrorCode.INVALID_RULE, "unknown field 'rule'");
        }

        @Test
        void inARule_namingTheFieldAndTheRule() {
            single(ruleWith("\"actions\": [], \"priorty\": 5"), "/rules/0/priorty", "r", ErrorCode.INVALID_RULE,
                    "unknown field 'priorty'", "priority");
        }

        @Test
        void inATrigger() {
            single("{\"rules\": [{\"id\": \"r\", \"name\": \"R\", \"trigger\": {\"eventType\": \"e\", \"when\": 1}, "
                    + "\"actions\": []}]}", "/rules/0/trigger/when", "r", ErrorCode.INVALID_RULE, "unknown field 'when'");
        }

        @Test
        void inACondition() {
            single(withCondition("{\"type\": \"property_exists\", \"property\": \"x\", \"value\": 3}"),
                    "/rules/0/conditions/0/value", "r", ErrorCode.INVALID_RULE, "unknown field 'value'");
        }

        @Test
        void inAnAction() {
            single(withAction("{\"type\": \"grant_xp\", \"amount\": 3, \"currency\": \"coins\"}"),
                    "/rules/0/actions/0/currency", "r", ErrorCode.INVALID_RULE, "unknown field 'currency'");
        }

        @Test
        void inCatalogsAndLevels() {
            single("{\"currencies\": [{\"id\": \"coins\", \"maximum\": 5}]}", "/currencies/0/maximum", null,
                    ErrorCode.INVALID_RULE, "unknown field 'maximum'");
            single("{\"badges\": [{\"id\": \"b\", \"icon\": \"x\"}]}", "/badges/0/icon", null,
                    ErrorCode.INVALID_RULE, "unknown field 'icon'");
            single("{\"quests\": [{\"id\": \"q\", \"target\": 1, \"goal\": 2}]}", "/quests/0/goal", null,
                    ErrorCode.INVALID_RULE, "unknown field 'goal'");
            single("{\"levels\": {\"curve\": \"linear\", \"base\": 10}}", "/levels/base", null,
                    ErrorCode.INVALID_RULE, "unknown field 'base'");
        }
    }

    @Nested
    class Types {
        @Test
        void unknownConditionType_listsTheKnownOnes() {
            at(withCondition("{\"type\": \"property_foo\", \"property\": \"x\"}"), "/rules/0/conditions/0/type", "r",
                    ErrorCode.INVALID_RULE, "property_foo", "property_eq", "property_gte", "player_level_gte",
                    "player_has_badge", "all", "any", "not");
        }

        @Test
        void unknownConditionType_nested_pointsIntoTheComposite() {
            at(withCondition("{\"type\": \"not\", \"condition\": {\"type\": \"any\", \"conditions\": "
                            + "[{\"type\": \"property_exists\", \"property\": \"x\"}, {\"type\": \"nope\"}]}}"),
                    "/rules/0/conditions/0/condition/conditions/1/type", "r", ErrorCode.INVALID_RULE, "nope");
        }

        @Test
        void unknownActionType_listsTheKnownOnes() {
            at(withAction("{\"type\": \"grant_gold\", \"amount\": 1}"), "/rules/0/actions/0/type", "r",
                    ErrorCode.INVALID_RULE, "grant_gold", "award_badge", "deduct_currency", "grant_currency",
                    "grant_xp", "progress_quest", "set_attribute");
        }

        @Test
        void missingType() {
            at(withAction("{\"amount\": 1}"), "/rules/0/actions/0/type", "r", ErrorCode.INVALID_RULE, "type");
            at(withCondition("{\"property\": \"x\"}"), "/rules/0/conditions/0/type", "r", ErrorCode.INVALID_RULE,
                    "type");
        }

        @Test
        void unknownOrMissingType_isTheOnlyErrorOfThatObject() {
            // with no known type nobody can say which fields belong there: calling them unknown misleads
            single(withAction("{\"type\": \"grant_gold\", \"amount\": 1}"), "/rules/0/actions/0/type", "r",
                    ErrorCode.INVALID_RULE, "grant_gold");
            single(withCondition("{\"type\": \"property_foo\", \"property\": \"x\", \"value\": 1}"),
                    "/rules/0/conditions/0/type", "r", ErrorCode.INVALID_RULE, "property_foo");
            single(withAction("{\"amount\": 1}"), "/rules/0/actions/0/type", "r", ErrorCode.INVALID_RULE, "type");
        }
    }

    @Nested
    class Rules {
        @Test
        void missingName() {
            single("{\"rules\": [{\"id\": \"r\", \"trigger\": {\"eventType\": \"e\"}, \"actions\": []}]}",
                    "/rules/0/name", "r", ErrorCode.INVALID_RULE, "name");
        }

        @Test
        void missingNameAndId_hasNoRuleId() {
            single("{\"rules\": [{\"trigger\": {\"eventType\": \"e\"}, \"actions\": []}]}",
                    "/rules/0/name", null, ErrorCode.INVALID_RULE, "name");
        }

        @Test
        void nameWithoutLettersOrDigits_cannotMakeAnId() {
            single("{\"rules\": [{\"name\": \"!!!\", \"trigger\": {\"eventType\": \"e\"}, \"actions\": []}]}",
                    "/rules/0/name", null, ErrorCode.INVALID_RULE, "!!!", "id");
        }

        @Test
        void missingActions() {
            single("{\"rules\": [{\"id\": \"r\", \"name\": \"R\", \"trigger\": {\"eventType\": \"e\"}}]}",
                    "/rules/0/actions", "r", ErrorCode.INVALID_RULE, "actions");
        }

        @Test
        void duplicateRuleIds() {
            String game = "{\"rules\": [" + Fixtures.rule("dup", "a", "[]") + ", " + Fixtures.rule("dup", "b", "[]") + "]}";
            single(game, "/rules/1/id", "dup", ErrorCode.INVALID_RULE, "duplicate rule id 'dup'", "/rules/0");
        }

        @Test
        void duplicateRuleIds_derivedFromNames() {
            String game = """
                    {"rules": [{"name": "Bonus", "trigger": {"eventType": "e"}, "actions": []},
                               {"name": "bonus!", "trigger": {"eventType": "e"}, "actions": []}]}""";
            single(game, "/rules/1", "bonus", ErrorCode.INVALID_RULE, "duplicate rule id 'bonus'");
        }

        @Test
        void badStatus_listsTheKnownStatuses() {
            single(ruleWith("\"status\": \"live\", \"actions\": []"), "/rules/0/status", "r", ErrorCode.INVALID_RULE,
                    "live", "published", "draft", "testing", "archived");
        }

        @Test
        void badEnabled_andConflictingIsActive() {
            single(ruleWith("\"enabled\": \"yes\", \"actions\": []"), "/rules/0/enabled", "r", ErrorCode.INVALID_RULE,
                    "string \"yes\"");
            single(ruleWith("\"enabled\": true, \"isActive\": false, \"actions\": []"), "/rules/0/isActive", "r",
                    ErrorCode.INVALID_RULE, "enabled", "isActive");
        }

        @Test
        void badPriority() {
            single(ruleWith("\"priority\": \"high\", \"actions\": []"), "/rules/0/priority", "r", ErrorCode.INVALID_RULE,
                    "whole number", "high");
            single(ruleWith("\"priority\": 1.5, \"actions\": []"), "/rules/0/priority", "r", ErrorCode.INVALID_RULE,
                    "whole number", "1.5");
        }

        @Test
        void badActiveWindow() {
            single(ruleWith("\"activeFrom\": \"yesterday\", \"actions\": []"), "/rules/0/activeFrom", "r",
                    ErrorCode.INVALID_RULE, "yesterday", "ISO-8601");
            single(ruleWith("\"activeFrom\": \"2026-02-01T00:00:00Z\", \"activeUntil\": \"2026-01-01T00:00:00Z\", "
                    + "\"actions\": []"), "/rules/0/activeUntil", "r", ErrorCode.INVALID_RULE, "activeFrom");
            single(ruleWith("\"activeFrom\": \"2026-01-01T00:00:00Z\", \"activeUntil\": \"2026-01-01T00:00:00Z\", "
                    + "\"actions\": []"), "/rules/0/activeUntil", "r", ErrorCode.INVALID_RULE, "activeFrom");
        }

        @Test
        void badLimits() {
            single(ruleWith("\"limits\": {\"cooldown\": \"1 hour\"}, \"actions\": []"), "/rules/0/limits/cooldown",
                    "r", ErrorCode.INVALID_RULE, "ISO-8601", "1 hour");
            single(ruleWith("\"limits\": {\"cooldown\": \"PT0S\"}, \"actions\": []"), "/rules/0/limits/cooldown",
                    "r", ErrorCode.INVALID_RULE, "PT0S");
            single(ruleWith("\"limits\": {\"maxPerPlayer\": 0}, \"actions\": []"), "/rules/0/limits/maxPerPlayer",
                    "r", ErrorCode.INVALID_RULE, "0");
            single(ruleWith("\"limits\": {\"maxPerPeriod\": {\"count\": 3, \"period\": \"fortnight\"}}, "
                    + "\"actions\": []"), "/rules/0/limits/maxPerPeriod/period", "r", ErrorCode.INVALID_RULE,
                    "fortnight", "day", "week");
            single(ruleWith("\"limits\": {\"maxPerPeriod\": {\"count\": 3, \"period\": \"day\", "
                    + "\"timezone\": \"Mars/Olympus\"}}, \"actions\": []"), "/rules/0/limits/maxPerPeriod/timezone",
                    "r", ErrorCode.INVALID_RULE, "Mars/Olympus");
            single(ruleWith("\"limits\": {\"maxPerDay\": 3}, \"actions\": []"), "/rules/0/limits/maxPerDay",
                    "r", ErrorCode.INVALID_RULE, "unknown field 'maxPerDay'");
        }

        @Test
        void rulesThatAreNotObjects() {
            single("{\"rules\": {}}", "/rules", null, ErrorCode.INVALID_RULE, "array");
            single("{\"rules\": [42]}", "/rules/0", null, ErrorCode.INVALID_RULE, "number 42");
        }
    }

    @Nested
    class Triggers {
        static String trigger(String trigger) {
            return "{\"rules\": [{\"id\": \"r\", \"name\": \"R\", \"trigger\": " + trigger + ", \"actions\": []}]}";
        }

        @Test
        void missingTrigger() {
            single("{\"rules\": [{\"id\": \"r\", \"name\": \"R\", \"actions\": []}]}", "/rules/0/trigger", "r",
                    ErrorCode.INVALID_RULE, "trigger");
        }

        @Test
        void emptyTrigger_saysWhatIsExpected() {
            single(trigger("{}"), "/rules/0/trigger", "r", ErrorCode.INVALID_RULE, "eventType", "eventTypes");
        }

        @Test
        void triggerThatIsNeitherAnObjectNorAnEventType() {
            single(trigger("[\"lesson_completed\"]"), "/rules/0/trigger", "r", ErrorCode.INVALID_RULE,
                    "expected an object such as {\"eventType\": \"lesson_completed\"}, or an event type,",
                    "found an array");
        }

        @Test
        void moreThanOneTriggerForm() {
            single(trigger("{\"eventType\": \"a\", \"eventTypes\": [\"b\"]}"), "/rules/0/trigger", "r",
                    ErrorCode.INVALID_RULE, "only one");
            single(trigger("{\"eventType\": \"a\", \"event\": \"b\"}"), "/rules/0/trigger", "r",
                    ErrorCode.INVALID_RULE, "only one");
        }

        @Test
        void badEventTypes() {
            single(trigger("{\"eventTypes\": []}"), "/rules/0/trigger/eventTypes", "r", ErrorCode.INVALID_RULE,
                    "at least one");
            single(trigger("{\"eventTypes\": [\"a\", 7]}"), "/rules/0/trigger/eventTypes/1", "r",
                    ErrorCode.INVALID_RULE, "number 7");
            single(trigger("{\"eventType\": \"\"}"), "/rules/0/trigger/eventType", "r", ErrorCode.INVALID_RULE,
                    "non-blank");
        }
    }

    @Nested
    class Conditions {
        @Test
        void comparisonWithANonNumber() {
            single(withCondition("{\"type\": \"property_gte\", \"property\": \"score\", \"value\": \"80\"}"),
                    "/rules/0/conditions/0/value", "r", ErrorCode.INVALID_RULE, "number", "string \"80\"");
        }

        @Test
        void missingField() {
            single(withCondition("{\"type\": \"property_eq\", \"value\": 1}"), "/rules/0/conditions/0/property", "r",
                    ErrorCode.INVALID_RULE, "property");
            single(withCondition("{\"type\": \"property_eq\", \"property\": \"x\"}"), "/rules/0/conditions/0/value", "r",
                    ErrorCode.INVALID_RULE, "value");
        }

        @Test
        void badPropertyPath() {
            single(withCondition("{\"type\": \"property_exists\", \"property\": \"order..total\"}"),
                    "/rules/0/conditions/0/property", "r", ErrorCode.INVALID_RULE, "order..total");
        }

        @Test
        void betweenWithMinAboveMax() {
            single(withCondition("{\"type\": \"property_between\", \"property\": \"x\", \"min\": 5, \"max\": 1}"),
                    "/rules/0/conditions/0/min", "r", ErrorCode.INVALID_RULE, "5", "1");
        }

        @Test
        void badRegex() {
            single(withCondition("{\"type\": \"property_matches\", \"property\": \"sku\", \"pattern\": \"[a-\"}"),
                    "/rules/0/conditions/0/pattern", "r", ErrorCode.INVALID_RULE, "regular expression");
        }

        @Test
        void patternLongerThan512Characters() {
            String ok = "a".repeat(512);
            assertThat(Ludus.builder().game(withCondition(
                    "{\"type\": \"property_matches\", \"property\": \"s\", \"pattern\": \"" + ok + "\"}")).build())
                    .isNotNull();
            single(withCondition("{\"type\": \"property_matches\", \"property\": \"s\", \"pattern\": \"" + ok + "a\"}"),
                    "/rules/0/conditions/0/pattern", "r", ErrorCode.INVALID_RULE, "513", "512");
        }

        @Test
        void anyWithNoConditions() {
            single(withCondition("{\"type\": \"any\", \"conditions\": []}"), "/rules/0/conditions/0/conditions", "r",
                    ErrorCode.INVALID_RULE, "at least one");
        }

        @Test
        void notWithoutACondition() {
            single(withCondition("{\"type\": \"not\"}"), "/rules/0/conditions/0/condition", "r",
                    ErrorCode.INVALID_RULE, "condition");
        }
    }

    @Nested
    class Amounts {
        @Test
        void negativeAmounts() {
            for (String type : List.of("grant_xp", "grant_currency", "deduct_currency", "progress_quest")) {
                String extra = type.contains("currency") ? ", \"currency\": \"coins\""
                        : type.equals("progress_quest") ? ", \"questId\": \"q\"" : "";
                single(withAction("{\"type\": \"" + type + "\", \"amount\": -5" + extra + "}"),
                        "/rules/0/actions/0/amount", "r", ErrorCode.INVALID_RULE, "-5");
            }
        }

        @Test
        void fractionalOrTextAmounts() {
            single(withAction("{\"type\": \"grant_xp\", \"amount\": 1.5}"), "/rules/0/actions/0/amount", "r",
                    ErrorCode.INVALID_RULE, "whole number", "1.5");
            single(withAction("{\"type\": \"grant_xp\", \"amount\": \"10\"}"), "/rules/0/actions/0/amount", "r",
                    ErrorCode.INVALID_RULE, "whole number", "string \"10\"");
            single(withAction("{\"type\": \"grant_xp\"}"), "/rules/0/actions/0/amount", "r",
                    ErrorCode.INVALID_RULE, "amount");
        }

        @Test
        void wholeNumbersOutsideTheLongRange_areShownAsWritten() {
            String range = "expected a whole number from -9223372036854775808 to 9223372036854775807, found ";
            assertThat(single(withAction("{\"type\": \"grant_xp\", \"amount\": 9223372036854775808}"),
                    "/rules/0/actions/0/amount", "r", ErrorCode.INVALID_RULE).message())
                    .isEqualTo(range + "9223372036854775808");
            assertThat(single(ruleWith("\"priority\": 9223372036854775809, \"actions\": []"), "/rules/0/priority", "r",
                    ErrorCode.INVALID_RULE).message()).isEqualTo(range + "9223372036854775809");
            assertThat(single(ruleWith("\"priority\": -9223372036854775809, \"actions\": []"), "/rules/0/priority",
                    "r", ErrorCode.INVALID_RULE).message()).isEqualTo(range + "-9223372036854775809");
            assertThat(single("{\"levels\": {\"curve\": \"table\", \"thresholds\": [0, 100000000000000000000000]}}",
                    "/levels/thresholds/1", null, ErrorCode.INVALID_RULE).message())
                    .isEqualTo(range + "100000000000000000000000");
            // Written as a fraction, the number is read as a double and shown as one.
            assertThat(single(withAction("{\"type\": \"grant_xp\", \"amount\": 1e19}"),
                    "/rules/0/actions/0/amount", "r", ErrorCode.INVALID_RULE).message()).isEqualTo(range + "1.0E19");
        }

        @Test
        void aWholeNumberOutsideTheLongRange_whereAStringIsExpected_isShownAsWritten() {
            assertThat(single("{\"badges\": [{\"id\": 18446744073709551616}]}", "/badges/0/id", null,
                    ErrorCode.INVALID_RULE).message())
                    .isEqualTo("expected a non-blank string, found number 18446744073709551616");
        }

        @Test
        void currencyAndItsAliasTogether() {
            single(withAction("{\"type\": \"grant_currency\", \"currency\": \"a\", \"currencyId\": \"b\", \"amount\": 1}"),
                    "/rules/0/actions/0/currencyId", "r", ErrorCode.INVALID_RULE, "currency", "currencyId");
        }

        @Test
        void badCatalogNumbers() {
            single("{\"quests\": [{\"id\": \"q\", \"target\": 0}]}", "/quests/0/target", null, ErrorCode.INVALID_RULE, "0");
            single("{\"quests\": [{\"id\": \"q\"}]}", "/quests/0/target", null, ErrorCode.INVALID_RULE, "target");
            single("{\"currencies\": [{\"id\": \"c\", \"max\": -1}]}", "/currencies/0/max", null,
                    ErrorCode.INVALID_RULE, "-1");
        }

        @Test
        void duplicateCatalogIds() {
            single("{\"currencies\": [{\"id\": \"c\"}, {\"id\": \"c\"}]}", "/currencies/1/id", null,
                    ErrorCode.INVALID_RULE, "duplicate", "'c'");
        }
    }

    @Nested
    class References {
        private static final String CATALOGS = """
                "currencies": [{"id": "coins", "name": "Coins"}, {"id": "gems", "name": "Gems"}],
                "badges": [{"id": "gold", "name": "Gold"}],
                "quests": [{"id": "q1", "name": "Q1", "target": 3}]""";

        static String game(String rulesAndMore) {
            return "{" + CATALOGS + ", " + rulesAndMore + "}";
        }

        static String rule(String conditions, String actions) {
            return "\"rules\": [{\"id\": \"r\", \"name\": \"R\", \"trigger\": {\"eventType\": \"e\"}, \"conditions\": "
                    + conditions + ", \"actions\": " + actions + "}]";
        }

        @Test
        void unknownCurrency_listsTheKnownIds() {
            single(game(rule("[]", "[{\"type\": \"grant_currency\", \"currency\": \"diamonds\", \"amount\": 1}]")),
                    "/rules/0/actions/0/currency", "r", ErrorCode.INVALID_RULE, "diamonds", "coins, gems");
            single(game(rule("[]", "[{\"type\": \"deduct_currency\", \"currencyId\": \"diamonds\", \"amount\": 1}]")),
                    "/rules/0/actions/0/currencyId", "r", ErrorCode.INVALID_RULE, "diamonds", "coins, gems");
            single(game(rule("[{\"type\": \"player_currency_gte\", \"currency\": \"diamonds\", \"value\": 1}]", "[]")),
                    "/rules/0/conditions/0/currency", "r", ErrorCode.INVALID_RULE, "diamonds", "coins, gems");
        }

        @Test
        void unknownBadge_listsTheKnownIds() {
            single(game(rule("[]", "[{\"type\": \"award_badge\", \"badgeId\": \"silver\"}]")),
                    "/rules/0/actions/0/badgeId", "r", ErrorCode.INVALID_RULE, "silver", "gold");
            single(game(rule("[{\"type\": \"player_has_badge\", \"badgeId\": \"silver\"}]", "[]")),
                    "/rules/0/conditions/0/badgeId", "r", ErrorCode.INVALID_RULE, "silver", "gold");
            single(game(rule("[{\"type\": \"player_lacks_badge\", \"badgeId\": \"silver\"}]", "[]")),
                    "/rules/0/conditions/0/badgeId", "r", ErrorCode.INVALID_RULE, "silver", "gold");
        }

        @Test
        void unknownQuest_listsTheKnownIds() {
            single(game(rule("[]", "[{\"type\": \"progress_quest\", \"questId\": \"q2\"}]")),
                    "/rules/0/actions/0/questId", "r", ErrorCode.INVALID_RULE, "q2", "q1");
            single(game(rule("[{\"type\": \"player_quest_completed\", \"questId\": \"q2\"}]", "[]")),
                    "/rules/0/conditions/0/questId", "r", ErrorCode.INVALID_RULE, "q2", "q1");
        }

        @Test
        void referencesInRewards_areCheckedToo() {
            single(game("\"levels\": {\"rewards\": {\"5\": [{\"type\": \"award_badge\", \"badgeId\": \"level-5\"}]}}"),
                    "/levels/rewards/5/0/badgeId", null, ErrorCode.INVALID_RULE, "level-5", "gold");
            single("{\"currencies\": [{\"id\": \"coins\"}], \"quests\": [{\"id\": \"q\", \"target\": 1, "
                            + "\"rewards\": [{\"type\": \"grant_currency\", \"currency\": \"gems\", \"amount\": 1}]}]}",
                    "/quests/0/rewards/0/currency", null, ErrorCode.INVALID_RULE, "gems", "coins");
        }

        @Test
        void anEmptyCatalog_stillMakesReferencesStrict() {
            single("{\"badges\": [], " + rule("[]", "[{\"type\": \"award_badge\", \"badgeId\": \"b\"}]") + "}",
                    "/rules/0/actions/0/badgeId", "r", ErrorCode.INVALID_RULE, "'b'");
        }

        @Test
        void withoutACatalog_referencesOfThatKindAreImplicit() {
            assertThat(Ludus.builder().game("{\"badges\": [{\"id\": \"gold\"}], " + rule(
                    "[{\"type\": \"player_currency_gte\", \"currency\": \"anything\", \"value\": 1}]",
                    "[{\"type\": \"progress_quest\", \"questId\": \"free\"}, "
                            + "{\"type\": \"grant_currency\", \"currency\": \"x\", \"amount\": 1}]") + "}").build())
                    .isNotNull();
        }
    }

    @Nested
    class CatalogIds {
        private List<String> printed(String game) {
            return errors(game).stream().map(CompileError::toString).toList();
        }

        @Test
        void aMissingId_isReportedOnce() {
            assertThat(printed("{\"badges\": [{\"name\": \"nob\"}]}")).containsExactly(
                    "ERROR /badges/0/id INVALID_RULE: missing required field 'id': expected a string");
            assertThat(printed("{\"currencies\": [{\"name\": \"noc\"}], \"quests\": [{\"target\": 1}]}"))
                    .containsExactly(
                            "ERROR /currencies/0/id INVALID_RULE: missing required field 'id': expected a string",
                            "ERROR /quests/0/id INVALID_RULE: missing required field 'id': expected a string");
        }

        @Test
        void aBlankOrNonStringId_isReportedOnce() {
            assertThat(printed("""
                    {"currencies": [{"id": ""}], "badges": [{"id": 5}, {"id": "ok"}],
                     "quests": [{"id": " ", "target": 1}, {"id": ["q"], "target": 1}]}""")).containsExactly(
                    "ERROR /currencies/0/id INVALID_RULE: expected a non-blank string, found string \"\"",
                    "ERROR /badges/0/id INVALID_RULE: expected a non-blank string, found number 5",
                    "ERROR /quests/0/id INVALID_RULE: expected a non-blank string, found string \" \"",
                    "ERROR /quests/1/id INVALID_RULE: expected a non-blank string, found an array");
        }

        @Test
        void aDuplicateId_isReportedOnce_andTheEntriesStillChecked() {
            assertThat(printed("{\"badges\": [{\"id\": \"b\"}, {\"id\": \"b\", \"name\": 3}]}")).containsExactly(
                    "ERROR /badges/1/id INVALID_RULE: duplicate badge id 'b' (first declared at /badges/0)",
                    "ERROR /badges/1/name INVALID_RULE: expected a non-blank string, found number 3");
        }
    }

    @Nested
    class Levels {
        @Test
        void unknownCurve_listsTheKnownOnes() {
            single("{\"levels\": {\"curve\": \"quadratic\"}}", "/levels/curve", null, ErrorCode.INVALID_RULE,
                    "quadratic", "exponential", "linear", "table");
        }

        @Test
        void badCurveSettings() {
            single("{\"levels\": {\"curve\": \"linear\", \"baseXp\": 0}}", "/levels/baseXp", null,
                    ErrorCode.INVALID_RULE, "0");
            single("{\"levels\": {\"baseXp\": -100}}", "/levels/baseXp", null, ErrorCode.INVALID_RULE, "-100");
            single("{\"levels\": {\"factor\": 0}}", "/levels/factor", null, ErrorCode.INVALID_RULE, "0");
            single("{\"levels\": {\"factor\": \"2\"}}", "/levels/factor", null, ErrorCode.INVALID_RULE, "number");
            single("{\"levels\": {\"maxLevel\": 0}}", "/levels/maxLevel", null, ErrorCode.INVALID_RULE, "0");
        }

        @Test
        void tableWithoutThresholds() {
            single("{\"levels\": {\"curve\": \"table\"}}", "/levels/thresholds", null, ErrorCode.INVALID_RULE,
                    "thresholds");
            single("{\"levels\": {\"curve\": \"table\", \"thresholds\": []}}", "/levels/thresholds", null,
                    ErrorCode.INVALID_RULE, "at least one");
        }

        @Test
        void thresholdsMustStartAtZero() {
            single("{\"levels\": {\"curve\": \"table\", \"thresholds\": [10, 20]}}", "/levels/thresholds/0", null,
                    ErrorCode.INVALID_RULE, "0", "10");
        }

        @Test
        void thresholdsMustStrictlyIncrease() {
            single("{\"levels\": {\"curve\": \"table\", \"thresholds\": [0, 100, 100]}}", "/levels/thresholds/2", null,
                    ErrorCode.INVALID_RULE, "strictly increasing", "100");
            single("{\"levels\": {\"curve\": \"table\", \"thresholds\": [0, 200, 150, 300]}}", "/levels/thresholds/2",
                    null, ErrorCode.INVALID_RULE, "strictly increasing", "150", "200");
        }

        @Test
        void thresholdsMustBeWholeNumbers() {
            single("{\"levels\": {\"curve\": \"table\", \"thresholds\": [0, 1.5]}}", "/levels/thresholds/1", null,
                    ErrorCode.INVALID_RULE, "whole number", "1.5");
        }

        @Test
        void rewardKeysMustBeReachableLevels() {
            single("{\"levels\": {\"rewards\": {\"1\": []}}}", "/levels/rewards/1", null, ErrorCode.INVALID_RULE, "'1'");
            single("{\"levels\": {\"rewards\": {\"five\": []}}}", "/levels/rewards/five", null, ErrorCode.INVALID_RULE,
                    "'five'");
            single("{\"levels\": {\"maxLevel\": 10, \"rewards\": {\"11\": []}}}", "/levels/rewards/11", null,
                    ErrorCode.INVALID_RULE, "'11'", "10");
        }
    }

    @Nested
    class HistoryTimeAndCascades {
        @Test
        void historyConditionOnAWildcardRule_needsAnEventType() {
            single("{\"rules\": [{\"id\": \"r\", \"name\": \"R\", \"trigger\": {\"eventType\": \"*\"}, "
                            + "\"conditions\": [{\"type\": \"event_count\", \"min\": 2}], \"actions\": []}]}",
                    "/rules/0/conditions/0", "r", ErrorCode.INVALID_RULE, "eventType");
        }

        @Test
        void badWindow() {
            single(withCondition("{\"type\": \"event_count\", \"min\": 2, \"window\": {\"unit\": \"year\", \"count\": 1}}"),
                    "/rules/0/conditions/0/window/unit", "r", ErrorCode.INVALID_RULE, "year", "hour", "month");
            single(withCondition("{\"type\": \"event_count\", \"min\": 2, \"window\": {\"unit\": \"day\", \"count\": 0}}"),
                    "/rules/0/conditions/0/window/count", "r", ErrorCode.INVALID_RULE, "0");
            single(withCondition("{\"type\": \"event_count\", \"min\": 2, "
                            + "\"window\": {\"unit\": \"day\", \"count\": 1, \"timezone\": \"Nowhere/City\"}}"),
                    "/rules/0/conditions/0/window/timezone", "r", ErrorCode.INVALID_RULE, "Nowhere/City");
        }

        @Test
        void countWithABadBound() {
            // without bounds a count compiles (min 1, HistoryBoundsDefaultsTest); a bound of the wrong type does not
            single(withCondition("{\"type\": \"event_count\", \"min\": \"3\"}"), "/rules/0/conditions/0/min", "r",
                    ErrorCode.INVALID_RULE, "expected a number, found string \"3\"");
        }

        @Test
        void badStreak() {
            single(withCondition("{\"type\": \"streak\", \"unit\": \"month\", \"min\": 2}"),
                    "/rules/0/conditions/0/unit", "r", ErrorCode.INVALID_RULE, "month", "day", "week");
            single(withCondition("{\"type\": \"streak\", \"unit\": \"day\", \"min\": 0}"),
                    "/rules/0/conditions/0/min", "r", ErrorCode.INVALID_RULE, "0");
            single(withCondition("{\"type\": \"streak\", \"unit\": \"day\", \"min\": 2, \"graceUnits\": -1}"),
                    "/rules/0/conditions/0/graceUnits", "r", ErrorCode.INVALID_RULE, "-1");
        }

        @Test
        void badTimeConditions() {
            single(withCondition("{\"type\": \"time_window\", \"startHour\": 25, \"endHour\": 3}"),
                    "/rules/0/conditions/0/startHour", "r", ErrorCode.INVALID_RULE, "25");
            single(withCondition("{\"type\": \"time_window\", \"startHour\": 9, \"endHour\": 9}"),
                    "/rules/0/conditions/0/endHour", "r", ErrorCode.INVALID_RULE, "9");
            single(withCondition("{\"type\": \"day_of_week\", \"days\": [\"MON\", \"FUNDAY\"]}"),
                    "/rules/0/conditions/0/days", "r", ErrorCode.INVALID_RULE, "FUNDAY");
            single(withCondition("{\"type\": \"day_of_week\", \"days\": [\"MON\"], \"timezone\": \"Mars/Base\"}"),
                    "/rules/0/conditions/0/timezone", "r", ErrorCode.INVALID_RULE, "Mars/Base");
        }

        @Test
        void badCooldownCondition() {
            assertThat(single(withCondition("{\"type\": \"cooldown\", \"minutes\": 0}"),
                    "/rules/0/conditions/0/minutes", "r", ErrorCode.INVALID_RULE).message())
                    .isEqualTo("expected a whole number >= 1, found 0");
            // One minute more than a Duration holds (Long.MAX_VALUE seconds).
            assertThat(single(withCondition("{\"type\": \"cooldown\", \"minutes\": 153722867280912931}"),
                    "/rules/0/conditions/0/minutes", "r", ErrorCode.INVALID_RULE).message())
                    .isEqualTo("expected at most 153722867280912930 minutes, found 153722867280912931");
            assertThat(Fixtures.engine(withCondition("{\"type\": \"cooldown\", \"minutes\": 153722867280912930}"))
                    .game().ruleIds()).containsExactly("r");
            at(ruleWith("\"conditions\": [{\"type\": \"cooldown\", \"minutes\": 5}], "
                            + "\"limits\": {\"cooldown\": \"PT1H\"}, \"actions\": []"),
                    "/rules/0/limits/cooldown", "r", ErrorCode.INVALID_RULE, "cooldown");
        }

        @Test
        void cascadeActionsNeedTheirFields() {
            single(withAction("{\"type\": \"emit_event\"}"), "/rules/0/actions/0/eventType", "r",
                    ErrorCode.INVALID_RULE, "eventType");
            single(withAction("{\"type\": \"emit_event\", \"eventType\": \"x\", \"properties\": 5}"),
                    "/rules/0/actions/0/properties", "r", ErrorCode.INVALID_RULE, "number 5");
            single(withAction("{\"type\": \"notify\"}"), "/rules/0/actions/0/topic", "r",
                    ErrorCode.INVALID_RULE, "topic");
        }
    }

    @Test
    void allErrorsOfADocument_areCollected_inDocumentOrder() {
        String game = """
                {"currencies": [{"id": "coins", "max": -1}],
                 "levels": {"curve": "quadratic"},
                 "rules": [
                   {"id": "a", "name": "A", "trigger": {"eventType": "e"},
                    "conditions": [{"type": "property_foo"}], "actions": []},
                   {"id": "b", "name": "B", "actions": []},
                   {"id": "c", "name": "C", "trigger": {"eventType": "e"},
                    "actions": [{"type": "grant_xp", "amount": -1}, {"type": "grant_currency", "currency": "gems", "amount": 1}]},
                   {"id": "a", "name": "A again", "trigger": {"eventType": "e"}, "actions": [],
                    "limits": {"cooldown": "soon"}}],
                 "extra": true}""";
        GameCompileException e = catchThrowableOfType(GameCompileException.class, () -> Ludus.builder().game(game).build());
        assertThat(e.errors()).extracting(CompileError::pointer, CompileError::ruleId, CompileError::code).containsExactly(
                Tuple.tuple("/currencies/0/max", null, ErrorCode.INVALID_RULE),
                Tuple.tuple("/levels/curve", null, ErrorCode.INVALID_RULE),
                Tuple.tuple("/rules/0/conditions/0/type", "a", ErrorCode.INVALID_RULE),
                Tuple.tuple("/rules/1/trigger", "b", ErrorCode.INVALID_RULE),
                Tuple.tuple("/rules/2/actions/0/amount", "c", ErrorCode.INVALID_RULE),
                Tuple.tuple("/rules/2/actions/1/currency", "c", ErrorCode.INVALID_RULE),
                Tuple.tuple("/rules/3/id", "a", ErrorCode.INVALID_RULE),
                Tuple.tuple("/rules/3/limits/cooldown", "a", ErrorCode.INVALID_RULE),
                Tuple.tuple("/extra", null, ErrorCode.INVALID_RULE));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULE);
        assertThat(e.getMessage()).contains("9 error(s)", "/rules/2/actions/1/currency", "gems");
    }

    @Test
    void compileError_printsInTheCliFormat() {
        CompileError error = single(withAction("{\"type\": \"grant_gold\"}"), "/rules/0/actions/0/type", "r",
                ErrorCode.INVALID_RULE, "grant_gold");
        assertThat(error.toString()).startsWith("ERROR /rules/0/actions/0/type rule r INVALID_RULE: ");
    }
}
