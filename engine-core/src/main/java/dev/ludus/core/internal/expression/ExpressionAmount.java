package dev.ludus.core.internal.expression;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.LudusException;
import dev.ludus.api.spi.EvaluationContext;
import java.util.function.ToLongFunction;

/**
 * An amount computed by an expression: a number, rounded down to a whole number. Negative fails the rule
 * with {@code INVALID_AMOUNT}; not a number, a missing variable or a run-time error fail it with
 * {@code EXPRESSION_ERROR}. Immutable and thread-safe.
 */
final class ExpressionAmount implements ToLongFunction<EvaluationContext> {
    private final Program program;
    private final Origin origin;

    ExpressionAmount(Program program, Origin origin) {
        this.program = program;
        this.origin = origin;
    }

    @Override
    public long applyAsLong(EvaluationContext context) {
        Object result;
        try {
            result = program.evaluate(context);
        } catch (MissingVariableException e) {
            throw origin.error("cannot compute the amount: " + e.getMessage());
        } catch (EvaluationException e) {
            throw origin.error(e.getMessage());
        }
        long amount = wholeAmount(result);
        if (amount < 0) {
            throw new LudusException(ErrorCode.INVALID_AMOUNT, "amount expression " + SourceText.quote(origin.source())
                    + (origin.ruleId() == null ? "" : " in rule '" + origin.ruleId() + "'")
                    + " gave " + result + "; an amount must be >= 0");
        }
        return amount;
    }

    private long wholeAmount(Object result) {
        if (Values.isWhole(result)) {
            return ((Number) result).longValue();
        }
        if (result instanceof Number n) {
            double d = Math.floor(n.doubleValue());
            if (Double.isNaN(d) || d < -0x1p63 || d >= 0x1p63) {
                throw origin.error("an amount must be a finite whole number after rounding down, found " + n);
            }
            return (long) d;
        }
        throw origin.error("an amount must be a number, found " + Values.describe(result));
    }
}
