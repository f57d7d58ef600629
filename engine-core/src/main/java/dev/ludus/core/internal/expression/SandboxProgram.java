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
        try {
            return expr.eval(new Variables(context));
        } catch (StackOverflowError e) {
            // The parser bounds the tree's depth (Parser.MAX_TREE_DEPTH) so this needs a thread that was
            // nearly out of stack before the expression began. Catching it is safe here: evaluation only
            // reads immutable inputs, holds no lock and changes no state, so unwinding leaves nothing half
            // done, and the rule fails as for any other run-time error instead of the whole event.
            throw new EvaluationException("the expression needs more stack than this thread has left");
        }
    }
}
