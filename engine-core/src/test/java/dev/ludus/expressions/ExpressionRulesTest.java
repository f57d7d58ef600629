package dev.ludus.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.Update;
import dev.ludus.core.Ludus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expression conditions and amounts through the public API, on {@code expressions/game.json}. */
class ExpressionRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private final RuleEngine engine = Ludus.builder().game(game()).build();
    private int sequence;

    static String game() {
        try (InputStream in = ExpressionRulesTest.class.getResourceAsStream("/expressions/game.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EventResult track(String type, Map<String, ?> properties) {
        return engine.track(Event.builder().externalUserId("ada").eventType(type)
                .timestamp(T0.plusSeconds(sequence++)).properties(properties).build());
    }

    private PlayerState ada() {
        return engine.player("ada").orElseThrow();
    }

    @Test
    void condition_whenTheExpressionHolds_firesTheRule() {
        EventResult result = track("lesson_completed", Map.of("score", 95, "category", "science"));
        assertThat(result.rulesTriggered()).containsExactly("science-high", "fast-score");
        assertThat(result.rulesFailed()).isEmpty();
    }

    @Test
    void condition_whenTheExpressionIsFalse_doesNotFire() {
        assertThat(track("lesson_completed", Map.of("score", 79, "category", "science")).rulesTriggered())
                .containsExactly("fast-score");
        assertThat(track("lesson_completed", Map.of("score", 95, "category", "math")).rulesTriggered())
                .containsExactly("fast-score");
        assertThat(track("lesson_completed", Map.of("score", 10, "category", "math")).rulesTriggered()).isEmpty();
    }

    @Test
    void condition_whenAVariableIsMissing_isFalseAndNotAFailure() {
        EventResult result = track("lesson_completed", Map.of("category", "science"));
        assertThat(result.rulesTriggered()).isEmpty();
        assertThat(result.rulesFailed()).isEmpty();
        assertThat(track("purchase", Map.of("coupon", "x")).rulesFailed()).isEmpty();
    }

    @Test
    void condition_comparingAStringWithANumber_failsTheRuleWithExpressionError() {
        EventResult result = track("lesson_completed", Map.of("score", "95", "category", "science"));
        assertThat(result.rulesTriggered()).isEmpty();
        assertThat(result.rulesFailed()).containsExactly(
                new RuleFailure("science-high", ErrorCode.EXPRESSION_ERROR,
                        "expression 'score >= 80 && category == 'science'' in rule 'science-high' at "
                                + "/rules/0/conditions/0/expression: '>=' compares two numbers or two strings, "
                                + "found string \"95\" and number 80"),
                new RuleFailure("fast-score", ErrorCode.EXPRESSION_ERROR,
                        "expression 'score >= 50' in rule 'fast-score' at /rules/1/conditions/0/expression: "
                                + "'>=' compares two numbers or two strings, found string \"95\" and number 50"));
    }

    @Test
    void condition_divisionByZero_failsTheRuleWithExpressionError() {
        EventResult result = track("divide", Map.of("score", 10, "divisor", 0));
        assertThat(result.rulesTriggered()).isEmpty();
        assertThat(result.rulesFailed()).containsExactly(new RuleFailure("divide", ErrorCode.EXPRESSION_ERROR,
                "expression 'score / divisor > 1' in rule 'divide' at /rules/7/conditions/0/expression: "
                        + "division by zero: 10 / 0"));
        assertThat(ada().xp()).isZero();
    }

    @Test
    void condition_thatIsNotBoolean_failsTheRuleWithExpressionError() {
        EventResult result = track("not_boolean", Map.of("score", 10));
        assertThat(result.rulesFailed()).containsExactly(new RuleFailure("not-boolean", ErrorCode.EXPRESSION_ERROR,
                "expression 'score + 1' in rule 'not-boolean' at /rules/8/conditions/0/expression: "
                        + "a condition must be true or false, found number 11"));
    }

    @Test
    void condition_readsThePlayerBeforeTheEventAndTheEvent() {
        assertThat(track("check_in", Map.of()).rulesTriggered()).isEmpty();
        track("quiz", Map.of("score", 50));
        track("purchase", Map.of("order", Map.of("total", 200)));
        assertThat(ada().level()).isEqualTo(2);
        assertThat(ada().balance("coins")).isEqualTo(10);
        EventResult result = track("check_in", Map.of());
        assertThat(result.rulesTriggered()).containsExactly("veteran");
        assertThat(ada().badges()).containsExactly("veteran");
    }

    @Test
    void amount_computed_isRoundedDown() {
        EventResult result = track("purchase", Map.of("order", Map.of("total", 149.99)));
        assertThat(result.updates()).containsExactly(new Update.CurrencyUpdated("coins", 7, 7));
        assertThat(track("walk", Map.of("km", 1.25)).updates())
                .containsExactly(new Update.QuestProgress("steps", 12, 100L));
        assertThat(track("quiz", Map.of("score", 30)).updates().get(0)).isEqualTo(new Update.XpUpdated(60, 60, 1));
    }

    @Test
    void amount_onDeductCurrency_deductsTheComputedAmount() {
        track("purchase", Map.of("order", Map.of("total", 140)));
        EventResult result = track("spend", Map.of("cost", 3));
        assertThat(result.rulesTriggered()).containsExactly("spend");
        assertThat(ada().balance("coins")).isEqualTo(4);
        assertThat(ada().xp()).isEqualTo(5);
    }

    @Test
    void amount_negative_failsTheRuleWithInvalidAmount_andUndoesIt() {
        track("purchase", Map.of("order", Map.of("total", 140)));
        EventResult result = track("spend", Map.of("cost", -1));
        assertThat(result.rulesTriggered()).isEmpty();
        assertThat(result.rulesFailed()).containsExactly(new RuleFailure("spend", ErrorCode.INVALID_AMOUNT,
                "amount expression 'cost' in rule 'spend' gave -1; an amount must be >= 0"));
        assertThat(result.updates()).isEmpty();
        assertThat(ada().xp()).isZero();
        assertThat(ada().balance("coins")).isEqualTo(7);
        assertThat(track("quiz", Map.of("score", -0.5)).rulesFailed().get(0).code()).isEqualTo(ErrorCode.INVALID_AMOUNT);
    }

    @Test
    void amount_notANumber_failsTheRuleWithExpressionError() {
        EventResult result = track("quiz", Map.of("score", "x"));
        assertThat(result.rulesFailed()).containsExactly(new RuleFailure("xp-by-score", ErrorCode.EXPRESSION_ERROR,
                "expression 'score * 2' in rule 'xp-by-score' at /rules/4/actions/0/amount/expression: "
                        + "'*' expects numbers, found string \"x\""));
        EventResult text = track("spend", Map.of("cost", "three"));
        assertThat(text.rulesFailed()).containsExactly(new RuleFailure("spend", ErrorCode.EXPRESSION_ERROR,
                "expression 'cost' in rule 'spend' at /rules/5/actions/1/amount/expression: "
                        + "an amount must be a number, found string \"three\""));
    }

    @Test
    void amount_withAMissingVariable_failsTheRuleWithExpressionError() {
        EventResult result = track("quiz", Map.of());
        assertThat(result.rulesFailed()).containsExactly(new RuleFailure("xp-by-score", ErrorCode.EXPRESSION_ERROR,
                "expression 'score * 2' in rule 'xp-by-score' at /rules/4/actions/0/amount/expression: "
                        + "cannot compute the amount: 'score' is missing"));
    }
}
