package dev.ludus.core.internal.expression;

/**
 * A run-time error inside an expression (division by zero, arithmetic on a string…). The compiled
 * expression turns it into {@code EXPRESSION_ERROR} with the expression, rule and pointer added.
 */
final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EvaluationException(String message) {
        super(message, null, false, false);
    }
}
