package dev.ludus.core.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.LudusException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every allowed construct and helper of the sandbox grammar, evaluated on one event and player. */
class SandboxEvaluationTest {
    private static final Map<String, Object> PROPERTIES = properties();

    private static Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("score", 95L);
        p.put("ratio", 0.5);
        p.put("category", "science");
        p.put("name", "Ada Lovelace");
        p.put("tags", List.of("featured", "new"));
        p.put("order", Map.of("total", 149.99, "items", List.of(Map.of("sku", "a-1", "qty", 2L))));
        p.put("flag", true);
        p.put("nothing", null);
        p.put("Score", 7L);
        p.put("player", "a property named player");
        p.put("wallet", Map.of("gems", 0L)); // one entry, as the player's balances ({coins: 125}), but another
        return java.util.Collections.unmodifiableMap(p);
    }

    static Object eval(String source) {
        return Parser.parse(source).eval(new Variables(new TestContext(PROPERTIES, TestContext.richPlayer())));
    }

    static Stream<Arguments> allowed() {
        return Stream.of(
                // literals
                arguments("42", 42L),
                arguments("4.5", 4.5),
                arguments("1e3", 1000.0),
                arguments("2.5E-1", 0.25),
                arguments("'hi'", "hi"),
                arguments("\"hi\"", "hi"),
                arguments("'it\\'s'", "it's"),
                arguments("'a\\u0041\\n'", "aA\n"),
                arguments("true", true),
                arguments("false", false),
                arguments("null", null),
                arguments("-5", -5L),
                // variables, paths and indexes
                arguments("score", 95L),
                arguments("category", "science"),
                arguments("nothing", null),
                arguments("properties.score", 95L),
                arguments("properties['Score']", 7L),
                arguments("properties.player", "a property named player"),
                arguments("order.total", 149.99),
                arguments("order['total']", 149.99),
                arguments("order.items[0].sku", "a-1"),
                arguments("order.items[0]['qty']", 2L),
                arguments("tags[1]", "new"),
                arguments("tags[0 + 1]", "new"),
                arguments("event.eventType", "lesson_completed"),
                arguments("event.externalUserId", "user-1"),
                arguments("event.timestamp", TestContext.TIME.toEpochMilli()),
                arguments("player.xp", 1550L),
                arguments("player.level", 5L),
                arguments("player.currencies.coins", 125L),
                arguments("player.currencies.gems", 0L), // a currency never held: a balance starts at 0
                arguments("player.currencies['gems'] < 10", true),
                arguments("size(player.currencies)", 1L),
                // equal maps either way round, whatever a never-held currency reads as
                arguments("player.currencies == wallet", false),
                arguments("wallet == player.currencies", false),
                arguments("player.badges[0]", "first-lesson"),
                arguments("size(player.badges)", 2L),
                arguments("player.quests.lessons.progress", 3L),
                arguments("player.quests['lessons'].target", 10L),
                arguments("player.quests.lessons.completed", false),
                arguments("player.quests.lessons.completions", 0L),
                arguments("size(player.quests)", 1L),
                arguments("player.attributes.tier", "gold"),
                // arithmetic: long when both whole, double otherwise
                arguments("score + 5", 100L),
                arguments("score - 100", -5L),
                arguments("score * 2", 190L),
                arguments("score / 2", 47L),
                arguments("score % 10", 5L),
                arguments("-7 % 3", -1L),
                arguments("score / 2.0", 47.5),
                arguments("ratio + 1", 1.5),
                arguments("7.5 % 2", 1.5),
                arguments("order.total * 0.05", 149.99 * 0.05),
                arguments("2 + 3 * 4", 14L),
                arguments("(2 + 3) * 4", 20L),
                arguments("10 - 2 - 3", 5L),
                arguments("-score", -95L),
                arguments("- -score", 95L),
                // comparison
                arguments("score >= 95", true),
                arguments("score > 95", false),
                arguments("score < 100", true),
                arguments("score <= 94", false),
                arguments("80 <= score", true),
                arguments("95 == 95.0", true),
                arguments("score == 95.0", true),
                arguments("'95' == 95", false),
                arguments("true == 1", false),
                arguments("category == 'science'", true),
                arguments("category != 'math'", true),
                arguments("'abc' < 'abd'", true),
                arguments("nothing == null", true),
                arguments("tags == tags", true),
                arguments("score == 95 == true", true),
                // boolean
                arguments("score >= 80 && category == 'science'", true),
                arguments("score < 80 || flag", true),
                arguments("score < 80 && flag", false),
                arguments("!flag", false),
                arguments("!(score > 100)", true),
                arguments("!!flag", true),
                // short-circuit: the right side is not read
                arguments("false && missing > 1", false),
                arguments("true || missing", true),
                // ternary
                arguments("score >= 90 ? 'A' : 'B'", "A"),
                arguments("flag ? 1 : 2", 1L),
                arguments("score > 100 ? 1 : score > 90 ? 2 : 3", 2L),
                arguments("flag ? score : missing", 95L),
                // helpers
                arguments("min(3, 1, 2)", 1L),
                arguments("min(1, 0.5)", 0.5),
                arguments("max(score, 100)", 100L),
                arguments("max(1.5, 2)", 2.0),
                arguments("abs(-3)", 3L),
                arguments("abs(-2.5)", 2.5),
                arguments("floor(2.7)", 2L),
                arguments("floor(-2.5)", -3L),
                arguments("floor(7)", 7L),
                arguments("ceil(2.1)", 3L),
                arguments("ceil(-2.1)", -2L),
                arguments("round(2.5)", 3L),
                arguments("round(2.4)", 2L),
                arguments("round(-2.5)", -2L),
                arguments("size('abc')", 3L),
                arguments("size(tags)", 2L),
                arguments("size(order)", 2L),
                arguments("size(player.badges)", 2L),
                arguments("lower('AbC')", "abc"),
                arguments("upper(category)", "SCIENCE"),
                arguments("startsWith(name, 'Ada')", true),
                arguments("endsWith(name, 'Ada')", false),
                arguments("endsWith(lower(name), 'lovelace')", true),
                // whitespace and layout
                arguments("  score\n  >=\t80 ", true));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("allowed")
    void eval_allowedConstruct_givesItsValue(String source, Object expected) {
        assertThat(eval(source)).isEqualTo(expected);
    }

    static Stream<Arguments> missing() {
        return Stream.of(
                arguments("missing", "missing"),
                arguments("missing > 1", "missing"),
                arguments("order.missing", "order.missing"),
                arguments("order.items[3].sku", "order.items[3]"),
                arguments("order.items[0].nope", "order.items[0].nope"),
                arguments("tags[-1]", "tags[-1]"),
                arguments("tags['a']", "tags['a']"),
                arguments("order[0]", "order[0]"),
                arguments("nothing.x", "nothing.x"),
                arguments("score.x", "score.x"),
                arguments("missing > 1 || true", "missing"),
                arguments("!(missing > 1)", "missing"),
                arguments("lower(missing)", "missing"),
                arguments("player.quests.never.progress", "player.quests.never"));
    }

    @ParameterizedTest(name = "{0} misses {1}")
    @MethodSource("missing")
    void eval_whenAVariableOrPathIsMissing_stopsWithTheMissingPath(String source, String path) {
        assertThatThrownBy(() -> eval(source))
                .isInstanceOfSatisfying(MissingVariableException.class, e -> assertThat(e.path()).isEqualTo(path));
    }

    static Stream<Arguments> runTimeErrors() {
        return Stream.of(
                arguments("score / 0", "division by zero: 95 / 0"),
                arguments("score % 0", "division by zero: 95 % 0"),
                arguments("ratio / 0.0", "division by zero: 0.5 / 0.0"),
                arguments("category + 1", "'+' expects numbers, found string \"science\""),
                arguments("'a' + 'b'", "'+' expects numbers, found string \"a\""),
                arguments("score * flag", "'*' expects numbers, found boolean true"),
                arguments("score - nothing", "'-' expects numbers, found null"),
                arguments("-category", "'-' expects numbers, found string \"science\""),
                arguments("score && true", "'&&' expects true or false, found number 95"),
                arguments("!flag || score", "'||' expects true or false, found number 95"),
                arguments("!score", "'!' expects true or false, found number 95"),
                arguments("score ? 1 : 2", "'?:' expects true or false, found number 95"),
                arguments("category > 1", "'>' compares two numbers or two strings, found string \"science\" and number 1"),
                arguments("nothing >= 1", "'>=' compares two numbers or two strings, found null and number 1"),
                arguments("9223372036854775807 + 1", "overflow: 9223372036854775807 + 1"),
                arguments("-9223372036854775807 - 2", "overflow"),
                arguments("4611686018427387904 * 2", "overflow"),
                arguments("1e308 * 10", "is not a finite number"),
                arguments("abs(category)", "abs() expects numbers, found string \"science\""),
                arguments("min(1, 'a')", "min() expects numbers"),
                arguments("floor(1e300)", "floor() of 1.0E300 is outside the range of whole numbers"),
                arguments("round(-1e19)", "outside the range"),
                arguments("lower(score)", "lower() expects strings, found number 95"),
                arguments("startsWith(name, 1)", "startsWith() expects strings, found number 1"),
                arguments("size(score)", "size() expects a string, an array or an object, found number 95"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("runTimeErrors")
    void eval_onATypeOrArithmeticError_throwsWithAMessage(String source, String message) {
        assertThatThrownBy(() -> eval(source))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining(message);
    }

    @Test
    void eval_reservedNamesWinOverPropertiesOfTheSameName() {
        assertThat(eval("player.xp")).isEqualTo(1550L);
        assertThat(eval("properties.player")).isEqualTo("a property named player");
    }

    @Test
    void eval_inputsAreReadOnly_evenThroughTheValuesAnExpressionHandsBack() {
        @SuppressWarnings("unchecked")
        Map<String, Object> player = (Map<String, Object>) eval("player");
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) eval("properties");
        @SuppressWarnings("unchecked")
        List<Object> badges = (List<Object>) eval("player.badges");
        assertThatThrownBy(() -> player.put("xp", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> properties.put("score", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> badges.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eval_missingPathWrittenOverSeveralLines_isNamedOnOneLine() {
        assertThatThrownBy(() -> eval("order\n  .missing"))
                .isInstanceOf(MissingVariableException.class)
                .hasMessage("'order\\n  .missing' is missing");
    }

    @Test
    void eval_propertyNames_matchKeysThatAreNotTheInternedInstances() {
        // Names are interned at parse time for look-ups by identity; keys built at run time must still be found.
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(new String("score"), 95L);
        properties.put(new String("order"), Map.of(new String("total"), 10L));
        Variables variables = new Variables(new TestContext(properties, TestContext.richPlayer()));

        assertThat(Parser.parse("score + order.total").eval(variables)).isEqualTo(105L);
    }

    @Test
    void eval_sumOfFiftyTerms_givesItsValue() {
        assertThat(eval("score" + " + score".repeat(49))).isEqualTo(95L * 50);
        assertThat(eval("flag" + " && score > 1".repeat(49))).isEqualTo(true);
    }

    /** The smallest thread stack the audit ran the CLI with, where a 2,000-level tree overflowed. */
    private static final int SMALL_STACK = 256 * 1024;

    /** Runs {@code task} on a new thread with a {@link #SMALL_STACK}; its exception is the cause. */
    private static Object onSmallStack(Callable<Object> task) throws Exception {
        FutureTask<Object> future = new FutureTask<>(task);
        Thread thread = new Thread(null, future, "small-stack", SMALL_STACK);
        thread.start();
        thread.join();
        return future.get();
    }

    @Test
    void eval_deepestTreesTheParserAllows_runOnASmallThreadStack() throws Exception {
        Map<String, Object> loop = new HashMap<>(); // m.m and m['m'] are m again, however deep
        loop.put("m", loop);
        loop.put("a", 1L);
        Variables variables = new Variables(TestContext.of(loop));
        int levels = Parser.MAX_TREE_DEPTH;
        Expr sum = Parser.parse("a" + "+a".repeat(levels - 1));
        Expr members = Parser.parse("m" + ".m".repeat(levels - 1));
        Expr indexes = Parser.parse("m" + "['m']".repeat(levels - 1));
        int calls = Parser.MAX_DEPTH - 1;
        Expr mixed = Parser.parse("abs(".repeat(calls) + "m" + "['m']".repeat(levels - calls - 2) + ".a"
                + ")".repeat(calls));
        assertThat(onSmallStack(() -> sum.eval(variables))).isEqualTo((long) levels);
        assertThat(onSmallStack(() -> members.eval(variables))).isSameAs(loop);
        assertThat(onSmallStack(() -> indexes.eval(variables))).isSameAs(loop);
        assertThat(onSmallStack(() -> mixed.eval(variables))).isEqualTo(1L);
    }

    @Test
    void evaluate_whenTheThreadRunsOutOfStack_failsWithAnEvaluationError() {
        // Deeper than the parser allows, as if the thread had been nearly out of stack to begin with.
        Expr deep = new Expr.Literal(true);
        for (int i = 0; i < 200_000; i++) {
            deep = new Expr.Not(deep);
        }
        SandboxProgram program = new SandboxProgram(deep);
        TestContext context = TestContext.of(PROPERTIES);
        assertThatThrownBy(() -> onSmallStack(() -> program.evaluate(context)))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(EvaluationException.class)
                .hasMessage("the expression needs more stack than this thread has left");
        ExpressionCondition condition = new ExpressionCondition(program, new Origin("!!true", "deep", "/rules/0/x"));
        assertThatThrownBy(() -> onSmallStack(() -> condition.test(context)))
                .cause()
                .isInstanceOfSatisfying(LudusException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.EXPRESSION_ERROR))
                .hasMessage("expression '!!true' in rule 'deep' at /rules/0/x: the expression needs more stack "
                        + "than this thread has left");
    }
}
