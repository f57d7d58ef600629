package dev.ludus.core.internal.expression;

import dev.ludus.api.spi.EvaluationContext;

/**
 * A {@code SANDBOXED} expression: the checked tree, evaluated directly. MVEL never sees the source, so
 * nothing the tree does not spell out can happen; the only inputs are the read-only {@link Variables}.
 *
 * @param expr the checked tree
 */
record SandboxProgram(Expr expr) implements Program {
    @Override
    public Object evaluate(EvaluationContext context) {
        return expr.eval(new Variables(context));
    }
}
