package dev.ludus.core.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.LudusException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed fast path gives exactly what the tree walk gives, for every kind of value. */
class PropertyComparisonTest {
    private static final Object ABSENT = new Object();
    private static final List<Object> VALUES = Arrays.asList(ABSENT, null, true, "95", "", 79L, 80L, 81L, 80.0,
            79.5, 80.5, -0.0, 0L, Long.MAX_VALUE, Long.MIN_VALUE, 1e300, -1e300, 9.007199254740993E15,
            9007199254740993L, List.of(80L), Map.of("score", 80L));
    private static final List<String> BOUNDS = List.of("80", "80.0", "79.5", "-1", "0", "9007199254740992");
    private static final List<String> OPERATORS = List.of("<", "<=", ">", ">=");

    @Test
    void fastPath_agreesWithTheTreeWalk_forEveryValueOperatorBoundAndOrientation() {
        int checked = 0;
        for (String operator : OPERATORS) {
            for (String bound : BOUNDS) {
                for (String source : List.of("score " + operator + " " + bound, bound + " " + operator + " score")) {
                    Expr expr = Parser.parse(source);
                    Origin origin = new Origin(source, "rule-1", "/rules/0/conditions/0/expression");
                    ExpressionCondition slow = new ExpressionCondition(new SandboxProgram(expr), origin);
                    PropertyComparison fast = (PropertyComparison) PropertyComparison.of(expr, origin);
                    assertThat(fast).as(source).isNotNull();
                    for (Object value : VALUES) {
                        TestContext context = TestContext.of(properties(value));
                        assertThat(outcome(fast, context)).as("%s with score %s", source, value)
                                .isEqualTo(outcome(slow, context));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(OPERATORS.size() * BOUNDS.size() * 2 * VALUES.size());
    }

    private static Map<String, Object> properties(Object value) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("other", 1L);
        if (value != ABSENT) {
            properties.put("score", value);
        }
        return properties;
    }

    /** The result, or the error's message, so that both are compared. */
    private static Object outcome(dev.ludus.api.spi.Condition condition, TestContext context) {
        try {
            return condition.test(context);
        } catch (LudusException e) {
            return e.code() + ": " + e.getMessage();
        }
    }

    @Test
    void fastPath_appliesOnlyToOnePropertyAgainstANumberLiteral() {
        List<String> notFast = new ArrayList<>(List.of("score >= other", "score >= '80'", "order.total >= 80",
                "player.xp >= 80", "score + 1 >= 80", "score == 80", "score >= 80 && true", "1 < 2"));
        for (String source : notFast) {
            assertThat(PropertyComparison.of(Parser.parse(source), new Origin(source, null, "/x"))).as(source).isNull();
        }
    }
}
