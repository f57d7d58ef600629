package dev.ludus.core.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ludus.api.ErrorCode;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The allowlist: every refused construct is named, and text that does not parse is a syntax error. */
class SandboxCheckTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("java.lang.Runtime.getRuntime().exec('touch /tmp/x')", "class reference 'java.lang.Runtime'"),
                arguments("Runtime.getRuntime()", "class reference 'Runtime'"),
                arguments("Runtime", "class reference 'Runtime'"),
                arguments("System.exit(0)", "class reference 'System'"),
                arguments("java.lang.System.getenv()", "class reference 'java.lang.System'"),
                arguments("Thread.sleep(1000)", "class reference 'Thread'"),
                arguments("java.lang.Thread.currentThread()", "class reference 'java.lang.Thread'"),
                arguments("Class.forName('java.lang.Runtime')", "class reference 'Class'"),
                arguments("java.lang.Class", "class reference 'java.lang.Class'"),
                arguments("org.mvel2.MVEL.eval('1')", "class reference 'org.mvel2.MVEL'"),
                arguments("name.class", "class reference 'name.class'"),
                arguments("class", "class reference 'class'"),
                arguments("getClass()", "function call 'getClass()'"),
                arguments("forName('java.lang.Runtime')", "function call 'forName()'"),
                arguments("name.getClass()", "method call 'getClass()'"),
                arguments("name.getClass().forName('java.lang.Runtime')", "method call 'getClass()'"),
                arguments("name.toUpperCase()", "method call 'toUpperCase()'"),
                arguments("tags.size()", "method call 'size()'"),
                arguments("tags[0](1)", "calling the value of 'tags[0]'"),
                arguments("new java.io.File('/tmp/x').createNewFile()", "'new' (object creation)"),
                arguments("x = 1", "assignment '='"),
                arguments("x += 1", "assignment '+='"),
                arguments("x -= 1", "assignment '-='"),
                arguments("x *= 2", "assignment '*='"),
                arguments("x++", "increment '++'"),
                arguments("--x", "decrement '--'"),
                arguments("while (true) { }", "'while' loop"),
                arguments("for (i = 0; i < 3; i++) { }", "'for' loop"),
                arguments("foreach (t : tags) { }", "'foreach' loop"),
                arguments("do { } while (true)", "'do' loop"),
                arguments("until (false) { }", "'until' loop"),
                arguments("def f() { 1 }", "function definition 'def'"),
                arguments("function f() { 1 }", "function definition 'function'"),
                arguments("import java.io.File", "'import'"),
                arguments("import_static java.lang.Math.max", "'import_static'"),
                arguments("score; score", "statement separator ';'"),
                arguments("score > 1;", "statement separator ';'"),
                arguments("{ score }", "block or inline collection '{'"),
                arguments("if (score > 1) true", "'if' statement"),
                arguments("return score", "'return'"),
                arguments("var x", "variable declaration 'var'"),
                arguments("with (order) { total }", "'with' block"),
                arguments("tags contains 'new'", "MVEL operator 'contains'"),
                arguments("true and false", "MVEL word operator 'and' (write &&)"),
                arguments("true or false", "MVEL word operator 'or' (write ||)"),
                arguments("10L == 10", "number with a suffix '10L' (write digits with an optional fraction and exponent)"),
                arguments("0x10 == 16", "number with a suffix '0x10' (write digits with an optional fraction and exponent)"),
                arguments("2.5d", "number with a suffix '2.5d' (write digits with an optional fraction and exponent)"),
                arguments("name instanceof String", "MVEL operator 'instanceof'"),
                arguments("(sku in order.items)", "MVEL projection 'in'"),
                arguments("[1, 2]", "inline list '['"),
                arguments("score & 1", "bitwise operator '&'"),
                arguments("score | 1", "bitwise operator '|'"),
                arguments("score ^ 1", "bitwise operator '^'"),
                arguments("score << 1", "bitwise operator '<<'"),
                arguments("name ~= 'a.*'", "regular expression operator '~='"),
                arguments("@{score}", "MVEL interceptor or template '@'"),
                arguments("score // comment", "comment '//'"),
                arguments("$", "character '$'"),
                arguments("score\u00a0> 1", "character '\\u00a0'"),
                arguments("order.Total", "class reference 'order.Total'"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refused")
    void parse_refusedConstruct_isNotAllowedAndNamed(String source, String construct) {
        assertNotAllowed(source).hasMessageContaining(construct + " is not allowed");
    }

    /** MVEL constructs that used to be reported as syntax errors or under another name. */
    static Stream<Arguments> refusedMvelConstructs() {
        return Stream.of(
                arguments("(int) score", "type cast '(int)' is not allowed (column 1)"),
                arguments("score > 1 && ( double ) ratio > 0.5",
                        "type cast '(double)' is not allowed (column 14)"),
                arguments("(long)(score * 1.5)", "type cast '(long)' is not allowed (column 1)"),
                arguments("(boolean) !flag", "type cast '(boolean)' is not allowed (column 1)"),
                arguments("(int) 'a'", "type cast '(int)' is not allowed (column 1)"),
                arguments("(int[]) tags", "type cast '(int[])' is not allowed (column 1)"),
                arguments("(String) name", "type cast '(String)' is not allowed (column 1)"),
                arguments("(java.lang.String) name", "type cast '(java.lang.String)' is not allowed (column 1)"),
                arguments("order.?total", "null-safe navigation '.?' is not allowed (column 6)"),
                arguments("order.?items[0]", "null-safe navigation '.?' is not allowed (column 6)"),
                arguments("x -> x + 1", "lambda '->' is not allowed (column 3)"),
                arguments("x->x", "lambda '->' is not allowed (column 2)"),
                arguments("name::length", "method reference '::' is not allowed (column 5)"),
                arguments("tags :: size", "method reference '::' is not allowed (column 6)"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusedMvelConstructs")
    void parse_mvelConstructOutsideTheSandbox_isNotAllowedAndNamed(String source, String message) {
        assertNotAllowed(source).hasMessage(message);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertNotAllowed(String source) {
        return assertThatThrownBy(() -> Parser.parse(source)).isInstanceOfSatisfying(ExpressionSyntaxException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EXPRESSION_NOT_ALLOWED));
    }

    /** What looks a little like those constructs but is plain text that does not parse. */
    static Stream<Arguments> notACast() {
        return Stream.of(
                arguments("(score) ratio",
                        "column 9: expected an operator or the end of the expression, found 'ratio'"),
                arguments("(order.total) 1", "column 15: expected an operator or the end of the expression, found '1'"),
                arguments("(int", "column 5: expected ')', found the end of the expression"),
                arguments("(int) +", "column 8: expected a value, found the end of the expression"),
                arguments("score +", "column 8: expected a value, found the end of the expression"),
                arguments("score ratio", "column 7: expected an operator or the end of the expression, found 'ratio'"),
                arguments("order. ?total", "column 8: expected a property name after '.', found '?'"),
                arguments("x - > 1", "column 5: expected a value, found '>'"),
                arguments("flag ? 1 : : 2", "column 12: expected a value, found ':'"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("notACast")
    void parse_textThatOnlyLooksLikeAnMvelConstruct_staysASyntaxError(String source, String problem) {
        assertThatThrownBy(() -> Parser.parse(source))
                .isInstanceOfSatisfying(ExpressionSyntaxException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULE))
                .hasMessage("expression syntax error at " + problem);
    }

    @Test
    void parse_primitiveTypeNameInParentheses_withoutAValueAfterIt_isAProperty() {
        // 'int' is a legal property name; only a value right after '(int)' makes it a cast.
        org.assertj.core.api.Assertions.assertThat(Parser.parse("(int) - 1"))
                .isEqualTo(new Expr.Arithmetic(Expr.Operator.SUBTRACT, new Expr.Property("int"), new Expr.Literal(1L)));
        org.assertj.core.api.Assertions.assertThat(Parser.parse("(int)")).isEqualTo(new Expr.Property("int"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("", "expected a value, found the end of the expression"),
                arguments("score >=", "expected a value, found the end of the expression"),
                arguments("(1 + 2", "expected ')', found the end of the expression"),
                arguments("1 + 2)", "expected an operator or the end of the expression, found ')'"),
                arguments("'abc", "string is not closed"),
                arguments("'\\q'", "unknown escape '\\q'"),
                arguments("'\\u12'", "\\u must be followed by four hex digits"),
                arguments("1 < 2 < 3", "comparisons do not chain"),
                arguments("lower()", "lower() takes 1 argument, found 0"),
                arguments("lower('a', 'b')", "lower() takes 1 argument, found 2"),
                arguments("startsWith('a')", "startsWith() takes 2 arguments, found 1"),
                arguments("min(1)", "min() takes at least 2 arguments, found 1"),
                arguments("1e", "malformed number '1e'"),
                arguments("99999999999999999999", "number 99999999999999999999 is too large"),
                arguments("order.", "expected a property name after '.'"),
                arguments("score score", "expected an operator or the end of the expression, found 'score'"),
                arguments("true ? 1", "expected ':' of the ternary operator"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformed")
    void parse_malformedText_isASyntaxErrorWithTheColumn(String source, String problem) {
        assertThatThrownBy(() -> Parser.parse(source))
                .isInstanceOfSatisfying(ExpressionSyntaxException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULE))
                .hasMessageStartingWith("expression syntax error at column ")
                .hasMessageContaining(problem);
    }

    @Test
    void parse_reportsTheColumnOfTheRefusedConstruct() {
        assertThatThrownBy(() -> Parser.parse("score > 1 && name.getClass() == null"))
                .hasMessage("method call 'getClass()' is not allowed (column 19); only the helpers abs, ceil, "
                        + "endsWith, floor, lower, max, min, round, size, startsWith, upper may be called, as "
                        + "functions: lower(name)");
    }

    @Test
    void parse_capitalisedName_isRefusedWithAdviceToUseBrackets() {
        assertThatThrownBy(() -> Parser.parse("Score > 1"))
                .hasMessageContaining("write properties['Score'] for a property of that name");
    }

    @Test
    void parse_tooDeeplyNested_isRefused() {
        String source = "(".repeat(Parser.MAX_DEPTH + 1) + "1" + ")".repeat(Parser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Parser.parse(source))
                .hasMessageContaining("nests deeper than " + Parser.MAX_DEPTH + " levels");
        String unary = "!".repeat(Parser.MAX_DEPTH + 1) + "true";
        assertThatThrownBy(() -> Parser.parse(unary))
                .hasMessageContaining("nests deeper than " + Parser.MAX_DEPTH + " levels");
    }

    /** Chains built in loops, where nothing nests: only the tree depth limit bounds them. */
    static Stream<Arguments> longChains() {
        return Stream.of(
                arguments("a" + "+a".repeat(2047), 2 * Parser.MAX_TREE_DEPTH),
                arguments("a" + ".a".repeat(2040), 2 * Parser.MAX_TREE_DEPTH),
                arguments("a" + "[0]".repeat(1300), 3 * Parser.MAX_TREE_DEPTH - 1),
                arguments("a" + "*a".repeat(2000), 2 * Parser.MAX_TREE_DEPTH),
                arguments("a" + "-a".repeat(2000), 2 * Parser.MAX_TREE_DEPTH),
                arguments("a" + "&&a".repeat(1300), 3 * Parser.MAX_TREE_DEPTH - 1),
                arguments("a" + "||a".repeat(1300), 3 * Parser.MAX_TREE_DEPTH - 1),
                arguments("a" + "==a".repeat(1300), 3 * Parser.MAX_TREE_DEPTH - 1),
                arguments("a" + "!=a".repeat(1300), 3 * Parser.MAX_TREE_DEPTH - 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longChains")
    void parse_chainDeeperThanTheTreeDepthLimit_isRefusedAtTheOperatorThatPassesIt(String source, int column) {
        assertThat(source.length()).isLessThanOrEqualTo(Parser.MAX_LENGTH);
        assertThatThrownBy(() -> Parser.parse(source))
                .isInstanceOfSatisfying(ExpressionSyntaxException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULE))
                .hasMessage("expression syntax error at column " + column + ": expression is more than "
                        + Parser.MAX_TREE_DEPTH + " operations deep; each operator, '.name' and '[index]' of a "
                        + "chain such as 'a + b + c' adds a level");
    }

    @Test
    void parse_treeDepthCountsEveryLevel_notOnlyTheLongestChain() {
        // 60 helper calls around a sum of 69 terms are 129 levels deep, one too many, though neither the
        // nesting (60) nor the chain (69) alone is at the limit; 68 terms fit.
        int calls = 60;
        String sum = "a" + "+a".repeat(Parser.MAX_TREE_DEPTH - calls);
        String fits = "abs(".repeat(calls) + sum.substring(2) + ")".repeat(calls);
        assertThat(Parser.parse(fits)).isNotNull();
        String tooDeep = "abs(".repeat(calls) + sum + ")".repeat(calls);
        assertThatThrownBy(() -> Parser.parse(tooDeep))
                .hasMessageContaining("expression is more than " + Parser.MAX_TREE_DEPTH + " operations deep");
    }

    @Test
    void parse_chainAsDeepAsTheLimit_loads() {
        Parser.parse("a" + "+a".repeat(Parser.MAX_TREE_DEPTH - 1));
        Parser.parse("a" + ".a".repeat(Parser.MAX_TREE_DEPTH - 1));
        Parser.parse("a" + "[0]".repeat(Parser.MAX_TREE_DEPTH - 1));
        Parser.parse("a" + "&&a".repeat(Parser.MAX_TREE_DEPTH - 1));
        // Grouping makes a tree shallower: two chains of 100 terms side by side are 101 levels deep.
        String hundred = "a" + "+a".repeat(99);
        Parser.parse("(" + hundred + ") * (" + hundred + ")");
    }

    static Stream<Arguments> sourceInMessages() {
        return Stream.of(
                arguments("score 'two\nlines'", "expression syntax error at column 7: expected an operator or the "
                        + "end of the expression, found ''two\\nlines''"),
                arguments("score 'a\tb\u0001c\u2028'", "expression syntax error at column 7: expected an operator "
                        + "or the end of the expression, found ''a\\tb\\u0001c\\u2028''"),
                arguments("order\n.Total", "class reference 'order\\n.Total' is not allowed (column 1); a name "
                        + "starting with a capital letter reads as a Java class; write order\\n['Total'] for a key "
                        + "of that name"),
                arguments("order\r\n.class", "class reference 'order\\r\\n.class' is not allowed (column 9)"),
                arguments("tags[\n0](1)", "calling the value of 'tags[\\n0]' is not allowed (column 9)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("sourceInMessages")
    void parse_sourceQuotedInAMessage_hasItsControlCharactersEscaped(String source, String message) {
        assertThatThrownBy(() -> Parser.parse(source)).hasMessage(message);
    }

    @Test
    void parse_tooLong_isRefused() {
        String source = "1" + " + 1".repeat(Parser.MAX_LENGTH / 4);
        assertThatThrownBy(() -> Parser.parse(source))
                .isInstanceOfSatisfying(ExpressionSyntaxException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULE))
                .hasMessage("expression is " + source.length() + " characters long; at most " + Parser.MAX_LENGTH
                        + " are allowed");
    }
}
