package dev.ludus.core.internal.expression;

import dev.ludus.api.spi.EvaluationContext;

/**
 * One compiled expression, independent of where it is used: the unit the expression cache holds.
 * Immutable and thread-safe; one program serves every rule, game and thread that uses the same source
 * under the same policy.
 */
sealed interface Program permits SandboxProgram, MvelProgram {

    /**
     * @return the expression's value for this event
     * @throws MissingVariableException when the expression reads a variable that is not there
     * @throws EvaluationException      on any other run-time error
     */
    Object evaluate(EvaluationContext context);
}
