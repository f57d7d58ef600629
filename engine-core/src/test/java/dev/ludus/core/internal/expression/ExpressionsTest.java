package dev.ludus.core.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.ExpressionPolicy;
import dev.ludus.api.spi.Condition;
import dev.ludus.core.internal.compile.CompiledGame;
import dev.ludus.core.internal.compile.GameCompiler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expression service: policies, the compiled-program cache, TRUSTED evaluation through MVEL. */
class ExpressionsTest {
    private final Cache<Expressions.Key, Program> cache = Expressions.newCache(Caffeine.newBuilder().recordStats());

    private Object trusted(String source, Map<String, Object> properties) {
        return new Expressions(ExpressionPolicy.TRUSTED, cache).program(source)
                .evaluate(new TestContext(properties, TestContext.richPlayer()));
    }

    @Test
    void program_sameSourceAndPolicy_compilesOnce() {
        Expressions expressions = new Expressions(ExpressionPolicy.SANDBOXED, cache);
        Program first = expressions.program("score >= 80");
        Program second = new Expressions(ExpressionPolicy.SANDBOXED, cache).program("score >= 80");
        assertThat(second).isSameAs(first);
        assertThat(cache.stats().loadCount()).isEqualTo(1);
    }

    @Test
    void program_sameSourceUnderAnotherPolicy_isAnotherProgram() {
        Program sandboxed = new Expressions(ExpressionPolicy.SANDBOXED, cache).program("score >= 80");
        Program trusted = new Expressions(ExpressionPolicy.TRUSTED, cache).program("score >= 80");
        assertThat(sandboxed).isInstanceOf(SandboxProgram.class);
        assertThat(trusted).isInstanceOf(MvelProgram.class);
        assertThat(cache.stats().loadCount()).isEqualTo(2);
    }

    @Test
    void program_refusedSource_isNotCached() {
        Expressions expressions = new Expressions(ExpressionPolicy.SANDBOXED, cache);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> expressions.program("name.getClass()"))
                    .isInstanceOf(ExpressionSyntaxException.class);
        }
        assertThat(cache.estimatedSize()).isZero();
    }

    @Test
    void compile_aChangedGame_recompilesOnlyTheExpressionsThatChanged() {
        GameCompiler compiler = new GameCompiler(List.of(), List.of(),
                new Expressions(ExpressionPolicy.SANDBOXED, cache));
        compiler.compile(game("score >= 80", "order.total * 0.05"));
        assertThat(cache.stats().loadCount()).isEqualTo(2);
        CompiledGame reloaded = compiler.compile(game("score >= 90", "order.total * 0.05"));
        assertThat(cache.stats().loadCount()).isEqualTo(3);
        assertThat(cache.stats().hitCount()).isEqualTo(1);
        assertThat(reloaded.rules()).hasSize(1);
    }

    private static String game(String condition, String amount) {
        return """
                [ { "id": "r", "name": "r", "trigger": { "eventType": "order" },
                    "conditions": [ { "type": "expression", "expression": "%s" } ],
                    "actions": [ { "type": "grant_xp", "amount": { "expression": "%s" } } ] } ]"""
                .formatted(condition, amount);
    }

    @Test
    void program_disabled_refusesEveryExpression() {
        Expressions disabled = new Expressions(ExpressionPolicy.DISABLED, cache);
        assertThatThrownBy(() -> disabled.program("true"))
                .isInstanceOfSatisfying(ExpressionSyntaxException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.EXPRESSION_NOT_ALLOWED))
                .hasMessage("expressions are disabled on this engine (ExpressionPolicy.DISABLED)");
    }

    @Test
    void trusted_runsFullMvel_methodCallsIncluded() {
        assertThat(trusted("name.toUpperCase() == 'ADA'", Map.of("name", "Ada"))).isEqualTo(true);
        assertThat(trusted("x = score * 2; x + 1", Map.of("score", 5L))).isEqualTo(11L);
    }

    @Test
    void trusted_offersTheSameHelpers() {
        Map<String, Object> properties = Map.of("name", "Ada Lovelace", "tags", List.of("a", "b"), "total", 149.99);
        assertThat(trusted("lower(name)", properties)).isEqualTo("ada lovelace");
        assertThat(trusted("upper('x')", properties)).isEqualTo("X");
        assertThat(trusted("startsWith(name, 'Ada') && endsWith(name, 'lace')", properties)).isEqualTo(true);
        assertThat(trusted("size(tags)", properties)).isEqualTo(2L);
        assertThat(trusted("size(tags)", Map.of("tags", List.of()))).isEqualTo(0L);
        assertThat(trusted("size(tags)", Map.of("tags", List.of("one")))).isEqualTo(1L);
        assertThat(trusted("floor(total * 0.05)", properties)).isEqualTo(7L);
        assertThat(trusted("ceil(2.1) + round(2.5) + abs(-1)", properties)).isEqualTo(7L);
        assertThat(trusted("min(3, 1, 2) + max(1, 5)", properties)).isEqualTo(6L);
    }

    @Test
    void trusted_readsTheSameVariables() {
        assertThat(trusted("player.xp + player.level", Map.of())).isEqualTo(1555L);
        assertThat(trusted("player.currencies.coins", Map.of())).isEqualTo(125L);
        assertThat(trusted("player.currencies.gems", Map.of())).isEqualTo(0L);
        assertThat(trusted("player.currencies.size()", Map.of())).isEqualTo(1);
        assertThat(trusted("player.quests.lessons.progress", Map.of())).isEqualTo(3L);
        assertThat(trusted("player.quests.size() == 1 && player.quests.containsKey('lessons')", Map.of()))
                .isEqualTo(true);
        assertThat(trusted("player.quests['never'] == null", Map.of())).isEqualTo(true);
        assertThat(trusted("player.badges contains 'first-lesson'", Map.of())).isEqualTo(true);
        assertThat(trusted("player.badges.size() == 2 && player.badges[1] == 'streak-7'", Map.of()))
                .isEqualTo(true);
        assertThat(trusted("player.badges", Map.of())).isEqualTo(List.of("first-lesson", "streak-7"));
        assertThat(trusted("x = 0; foreach (q : player.quests.values()) { x += q.target }; x", Map.of()))
                .isEqualTo(10L);
        assertThat(trusted("player.quests", Map.of()))
                .isEqualTo(Map.of("lessons", Map.of("progress", 3L, "target", 10L, "completed", false,
                        "completions", 0L)));
        assertThat(trusted("event.timestamp", Map.of())).isEqualTo(TestContext.TIME.toEpochMilli());
        assertThat(trusted("properties.score", Map.of("score", 4L))).isEqualTo(4L);
    }

    @Test
    void trusted_missingInput_isMissing() {
        for (String source : List.of("score > 1", "score == null", "def f() { score > 1 }; f()",
                "x = 0; foreach (t : score) { x += t }; x > 1")) {
            assertThatThrownBy(() -> trusted(source, Map.of())).as(source)
                    .isInstanceOfSatisfying(MissingVariableException.class,
                            e -> assertThat(e.path()).isEqualTo("score"));
        }
    }

    @Test
    void trusted_loops_runWithTheirOwnVariables() {
        Map<String, Object> properties = Map.of("tags", List.of(1L, 2L));
        assertThat(trusted("x = 0; foreach (t : tags) { x += t }; x > 1", properties)).isEqualTo(true);
        assertThat(trusted("x = 0; for (int i = 0; i < 3; i++) { x += i }; x", properties)).isEqualTo(3);
    }

    @Test
    void trusted_resultAtALimitOfLong_isAnError() {
        // MVEL's answers to a whole-number division by zero and to some overflows: an amount must never be one.
        for (String source : List.of("score / 0", "9223372036854775807 + 1", "-9223372036854775807 - 2")) {
            assertThatThrownBy(() -> trusted(source, Map.of("score", 95L))).as(source)
                    .isInstanceOf(EvaluationException.class)
                    .hasMessageStartingWith("MVEL's arithmetic gave ")
                    .hasMessageEndingWith(", its result for a division by zero or an overflow");
        }
    }

    @Test
    void trusted_cannotChangeItsInputs() {
        assertThatThrownBy(() -> trusted("score = 1", Map.of("score", 5L)))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("UnsupportedOperationException");
        assertThatThrownBy(() -> trusted("player.currencies.coins = 1", Map.of()))
                .isInstanceOf(EvaluationException.class);
    }

    @Test
    void trusted_helperError_keepsTheHelpersMessage() {
        assertThatThrownBy(() -> trusted("lower(1)", Map.of()))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("lower() expects strings, found number 1");
        assertThatThrownBy(() -> trusted("min(1)", Map.of()))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("min() takes at least 2 arguments, found 1");
    }

    @Test
    void trusted_syntaxError_isACompileError() {
        assertThatThrownBy(() -> new Expressions(ExpressionPolicy.TRUSTED, cache).program("a +* ("))
                .isInstanceOfSatisfying(ExpressionSyntaxException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULE))
                .hasMessageStartingWith("MVEL cannot compile the expression: ");
    }

    @Test
    void condition_propertyComparedWithANumber_compilesToTheTypedPredicate() {
        assertThat(conditionFor("score >= 80")).isInstanceOf(PropertyComparison.class);
        assertThat(conditionFor("80 <= score")).isInstanceOf(PropertyComparison.class);
        assertThat(conditionFor("score >= 80 && flag")).isInstanceOf(ExpressionCondition.class);
        assertThat(conditionFor("order.total >= 80")).isInstanceOf(ExpressionCondition.class);
    }

    private Condition conditionFor(String source) {
        CompiledGame game = new GameCompiler(List.of(), List.of(), new Expressions(ExpressionPolicy.SANDBOXED, cache))
                .compile(game(source, "1"));
        return game.rules().get(0).conditions().get(0).condition();
    }

    @Test
    void condition_underTrusted_isNeverTheTypedPredicate() {
        CompiledGame game = new GameCompiler(List.of(), List.of(), new Expressions(ExpressionPolicy.TRUSTED, cache))
                .compile(game("score >= 80", "1"));
        assertThat(game.rules().get(0).conditions().get(0).condition()).isInstanceOf(ExpressionCondition.class);
    }
}
