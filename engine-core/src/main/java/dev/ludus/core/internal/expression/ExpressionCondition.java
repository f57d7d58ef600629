package dev.ludus.core.internal.expression;

import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.EvaluationContext;

/**
 * The {@code expression} condition: holds when the program returns {@code true}. A missing variable makes
 * it false; a result that is not a boolean, or a run-time error, fails the rule with
 * {@code EXPRESSION_ERROR}. Immutable and thread-safe.
 */
final class ExpressionCondition implements Condition {
    private final Program program;
    private final Origin origin;

    ExpressionCondition(Program program, Origin origin) {
        this.program = program;
        this.origin = origin;
    }

    @Override
    public boolean test(EvaluationContext context) {
        Object result;
        try {
            result = program.evaluate(context);
        } catch (MissingVariableException e) {
            return false;
        } catch (EvaluationException e) {
            throw origin.error(e.getMessage());
        }
        if (result instanceof Boolean b) {
            return b;
        }
        throw origin.error("a condition must be true or false, found " + Values.describe(result));
    }

    @Override
    public String toString() {
        return "expression " + SourceText.quote(origin.source());
    }
}
