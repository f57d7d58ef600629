package dev.ludus.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.ExpressionPolicy;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleFailure;
import dev.ludus.core.Ludus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three expression policies of the engine builder, and compile errors in expressions. */
class ExpressionPoliciesTest {
    private static final String METHOD_CALL = """
            [ { "id": "shout", "name": "Shout", "trigger": { "eventType": "say" },
                "conditions": [ { "type": "expression", "expression": "text.toUpperCase() == 'HI'" } ],
                "actions": [ { "type": "grant_xp", "amount": { "expression": "text.length() * 10" } } ] } ]""";
    private static final String PLAIN = """
            [ { "id": "plain", "name": "Plain", "trigger": { "eventType": "say" },
                "conditions": [ { "type": "expression", "expression": "lower(text) == 'hi'" } ],
                "actions": [ { "type": "grant_xp", "amount": { "expression": "size(text) * 10" } } ] } ]""";

    private static EventResult say(RuleEngine engine, Map<String, ?> properties) {
        return engine.track(Event.of("ada", "say", properties));
    }

    @Test
    void sandboxed_isTheDefault_andRefusesMethodCallsInEveryExpression() {
        assertThatThrownBy(() -> Ludus.builder().game(METHOD_CALL).build())
                .isInstanceOfSatisfying(GameCompileException.class, e -> assertThat(e.errors()).extracting(
                        CompileError::pointer, CompileError::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/rules/0/conditions/0/expression",
                                ErrorCode.EXPRESSION_NOT_ALLOWED),
                        org.assertj.core.groups.Tuple.tuple("/rules/0/actions/0/amount/expression",
                                ErrorCode.EXPRESSION_NOT_ALLOWED)));
        RuleEngine explicit = Ludus.builder().expressionPolicy(ExpressionPolicy.SANDBOXED).game(PLAIN).build();
        assertThat(say(explicit, Map.of("text", "Hi")).updates()).isNotEmpty();
    }

    @Test
    void trusted_runsFullMvel() {
        RuleEngine engine = Ludus.builder().expressionPolicy(ExpressionPolicy.TRUSTED).game(METHOD_CALL).build();
        EventResult result = say(engine, Map.of("text", "hi"));
        assertThat(result.rulesTriggered()).containsExactly("shout");
        assertThat(engine.player("ada").orElseThrow().xp()).isEqualTo(20);
    }

    @Test
    void trusted_runsSandboxGamesAlike() {
        RuleEngine sandboxed = Ludus.builder().game(PLAIN).build();
        RuleEngine trusted = Ludus.builder().expressionPolicy(ExpressionPolicy.TRUSTED).game(PLAIN).build();
        for (Map<String, ?> properties : java.util.List.<Map<String, ?>>of(Map.of("text", "HI"), Map.of("text", "ho"), Map.of())) {
            EventResult a = say(sandboxed, properties);
            EventResult b = say(trusted, properties);
            assertThat(b.rulesTriggered()).as("%s", properties).isEqualTo(a.rulesTriggered());
            assertThat(b.updates()).as("%s", properties).isEqualTo(a.updates());
        }
    }

    @Test
    void trusted_missingVariable_isFalse_andARunTimeError_failsTheRule() {
        RuleEngine engine = Ludus.builder().expressionPolicy(ExpressionPolicy.TRUSTED).game(METHOD_CALL).build();
        EventResult missing = say(engine, Map.of());
        assertThat(missing.rulesTriggered()).isEmpty();
        assertThat(missing.rulesFailed()).isEmpty();
        EventResult error = say(engine, Map.of("text", 5));
        assertThat(error.rulesFailed()).extracting(RuleFailure::ruleId, RuleFailure::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shout", ErrorCode.EXPRESSION_ERROR));
        assertThat(error.rulesFailed().get(0).message())
                .startsWith("expression 'text.toUpperCase() == 'HI'' in rule 'shout' at /rules/0/conditions/0/expression: ");
    }

    @Test
    void disabled_refusesEveryExpressionAtLoad() {
        assertThatThrownBy(() -> Ludus.builder().expressionPolicy(ExpressionPolicy.DISABLED).game(PLAIN).build())
                .isInstanceOfSatisfying(GameCompileException.class, e -> assertThat(e.errors()).containsExactly(
                        new CompileError("/rules/0/conditions/0/expression", "plain", ErrorCode.EXPRESSION_NOT_ALLOWED,
                                "expressions are disabled on this engine (ExpressionPolicy.DISABLED)"),
                        new CompileError("/rules/0/actions/0/amount/expression", "plain",
                                ErrorCode.EXPRESSION_NOT_ALLOWED,
                                "expressions are disabled on this engine (ExpressionPolicy.DISABLED)")));
    }

    @Test
    void disabled_stillLoadsGamesWithoutExpressions() {
        RuleEngine engine = Ludus.builder().expressionPolicy(ExpressionPolicy.DISABLED).game("""
                [ { "id": "r", "name": "R", "trigger": { "eventType": "say" },
                    "actions": [ { "type": "grant_xp", "amount": 3 } ] } ]""").build();
        assertThat(say(engine, Map.of()).rulesTriggered()).containsExactly("r");
    }

    @Test
    void builder_policySetTwice_isRefused() {
        Ludus.Builder builder = Ludus.builder().expressionPolicy(ExpressionPolicy.TRUSTED);
        assertThatThrownBy(() -> builder.expressionPolicy(ExpressionPolicy.SANDBOXED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("expressionPolicy was already set to TRUSTED");
    }

    @Test
    void compile_syntaxErrors_areCollectedWithPointerAndRule() {
        String game = """
                [ { "id": "a", "name": "A", "trigger": { "eventType": "x" },
                    "conditions": [ { "type": "expression", "expression": "score >= " },
                                    { "type": "expression", "expression": "   " },
                                    { "type": "not", "condition": { "type": "expression", "expression": "x = 1" } } ],
                    "actions": [ { "type": "grant_xp", "amount": { "expression": "(1 + 2" } },
                                 { "type": "grant_xp", "amount": { "expression": "1", "round": "up" } },
                                 { "type": "grant_xp", "amount": { } },
                                 { "type": "grant_xp", "amount": "ten" },
                                 { "type": "grant_xp", "amount": -3 } ] } ]""";
        assertThatThrownBy(() -> Ludus.builder().game(game).build())
                .isInstanceOfSatisfying(GameCompileException.class, e -> assertThat(e.errors()).containsExactly(
                        new CompileError("/rules/0/conditions/0/expression", "a", ErrorCode.INVALID_RULE,
                                "expression syntax error at column 10: expected a value, found the end of the expression"),
                        new CompileError("/rules/0/conditions/1/expression", "a", ErrorCode.INVALID_RULE,
                                "expected a non-blank string, found string \"   \""),
                        new CompileError("/rules/0/conditions/2/condition/expression", "a",
                                ErrorCode.EXPRESSION_NOT_ALLOWED, "assignment '=' is not allowed (column 3)"),
                        new CompileError("/rules/0/actions/0/amount/expression", "a", ErrorCode.INVALID_RULE,
                                "expression syntax error at column 7: expected ')', found the end of the expression"),
                        new CompileError("/rules/0/actions/1/amount/round", "a", ErrorCode.INVALID_RULE,
                                "unknown field 'round' in 'amount'; known: expression"),
                        new CompileError("/rules/0/actions/2/amount/expression", "a", ErrorCode.INVALID_RULE,
                                "missing required field 'expression': expected a string"),
                        new CompileError("/rules/0/actions/3/amount", "a", ErrorCode.INVALID_RULE,
                                "expected a whole number >= 0 or { \"expression\": \"...\" }, found string \"ten\""),
                        new CompileError("/rules/0/actions/4/amount", "a", ErrorCode.INVALID_RULE,
                                "expected a whole number >= 0 or { \"expression\": \"...\" }, found -3")));
    }

    @Test
    void compile_trustedSyntaxError_isACompileError() {
        assertThatThrownBy(() -> Ludus.builder().expressionPolicy(ExpressionPolicy.TRUSTED).game("""
                [ { "id": "a", "name": "A", "trigger": { "eventType": "x" },
                    "conditions": [ { "type": "expression", "expression": "a +* (" } ],
                    "actions": [ ] } ]""").build())
                .isInstanceOfSatisfying(GameCompileException.class, e -> {
                    CompileError error = e.errors().get(0);
                    assertThat(error.pointer()).isEqualTo("/rules/0/conditions/0/expression");
                    assertThat(error.ruleId()).isEqualTo("a");
                    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_RULE);
                    assertThat(error.message()).startsWith("MVEL cannot compile the expression: ");
                });
    }

    private static String oneRule(String condition, String amount) {
        return """
                [ { "id": "r", "name": "R", "trigger": { "eventType": "say" },
                    "conditions": [ { "type": "expression", "expression": "%s" } ],
                    "actions": [ { "type": "grant_xp", "amount": { "expression": "%s" } } ] } ]"""
                .formatted(condition, amount);
    }

    @Test
    void compile_chainTooDeepToEvaluateSafely_isACompileErrorWithPointerAndRule() {
        // 4,095 and 4,081 characters, under the length limit, but 2,048 and 2,041 levels deep.
        String sum = "a" + "+a".repeat(2047);
        String path = "a" + ".a".repeat(2040);
        String message = "expression syntax error at column 256: expression is more than 128 operations deep; "
                + "each operator, '.name' and '[index]' of a chain such as 'a + b + c' adds a level";
        assertThatThrownBy(() -> Ludus.builder().game(oneRule(sum, path)).build())
                .isInstanceOfSatisfying(GameCompileException.class, e -> assertThat(e.errors()).containsExactly(
                        new CompileError("/rules/0/conditions/0/expression", "r", ErrorCode.INVALID_RULE, message),
                        new CompileError("/rules/0/actions/0/amount/expression", "r", ErrorCode.INVALID_RULE,
                                message)));
    }

    @Test
    void compile_longButReasonableChain_loadsAndRuns() {
        String sum = "n" + " + n".repeat(49);
        RuleEngine engine = Ludus.builder().game(oneRule(sum + " >= 50", sum)).build();
        assertThat(engine.track(Event.of("ada", "say", Map.of("n", 2))).rulesTriggered()).containsExactly("r");
        assertThat(engine.player("ada").orElseThrow().xp()).isEqualTo(100);
    }

    @Test
    void compile_mvelConstructsOutsideTheSandbox_areNotAllowedAndNamed() {
        String game = """
                [ { "id": "r", "name": "R", "trigger": { "eventType": "say" },
                    "conditions": [ { "type": "expression", "expression": "(int) score > 1" },
                                    { "type": "expression", "expression": "(String) text == 'hi'" },
                                    { "type": "expression", "expression": "order.?total > 1" },
                                    { "type": "expression", "expression": "x -> x" } ],
                    "actions": [ { "type": "grant_xp", "amount": { "expression": "text::length" } } ] } ]""";
        assertThatThrownBy(() -> Ludus.builder().game(game).build())
                .isInstanceOfSatisfying(GameCompileException.class, e -> assertThat(e.errors()).containsExactly(
                        new CompileError("/rules/0/conditions/0/expression", "r", ErrorCode.EXPRESSION_NOT_ALLOWED,
                                "type cast '(int)' is not allowed (column 1)"),
                        new CompileError("/rules/0/conditions/1/expression", "r", ErrorCode.EXPRESSION_NOT_ALLOWED,
                                "type cast '(String)' is not allowed (column 1)"),
                        new CompileError("/rules/0/conditions/2/expression", "r", ErrorCode.EXPRESSION_NOT_ALLOWED,
                                "null-safe navigation '.?' is not allowed (column 6)"),
                        new CompileError("/rules/0/conditions/3/expression", "r", ErrorCode.EXPRESSION_NOT_ALLOWED,
                                "lambda '->' is not allowed (column 3)"),
                        new CompileError("/rules/0/actions/0/amount/expression", "r", ErrorCode.EXPRESSION_NOT_ALLOWED,
                                "method reference '::' is not allowed (column 5)")));
    }

    @Test
    void compile_expressionOverSeveralLines_isQuotedOnOneLine() {
        String game = oneRule("text\\n  == 'a\\tb'\\n  'c\\nd'", "order\\r\\n.Total");
        assertThatThrownBy(() -> Ludus.builder().game(game).build())
                .isInstanceOfSatisfying(GameCompileException.class, e -> assertThat(e.errors()).containsExactly(
                        new CompileError("/rules/0/conditions/0/expression", "r", ErrorCode.INVALID_RULE,
                                "expression syntax error at column 19: expected an operator or the end of the "
                                        + "expression, found ''c\\nd''"),
                        new CompileError("/rules/0/actions/0/amount/expression", "r", ErrorCode.EXPRESSION_NOT_ALLOWED,
                                "class reference 'order\\r\\n.Total' is not allowed (column 1); a name starting "
                                        + "with a capital letter reads as a Java class; write order\\r\\n['Total'] "
                                        + "for a key of that name")));
    }

    @Test
    void track_runTimeErrorInAnExpressionOverSeveralLines_isReportedOnOneLine() {
        RuleEngine engine = Ludus.builder().game(oneRule("true", "order\\n  .total")).build();
        assertThat(say(engine, Map.of("order", Map.of())).rulesFailed()).containsExactly(new RuleFailure("r",
                ErrorCode.EXPRESSION_ERROR, "expression 'order\\n  .total' in rule 'r' at /rules/0/actions/0/amount/"
                        + "expression: cannot compute the amount: 'order\\n  .total' is missing"));
    }
}
