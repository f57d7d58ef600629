package dev.ludus.core.internal.expression;

import dev.ludus.api.spi.EvaluationContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Set;
import org.mvel2.MVEL;
import org.mvel2.integration.impl.MapVariableResolverFactory;

/**
 * A {@code TRUSTED} expression: compiled by MVEL with a fresh {@code ParserContext}, run with the same
 * read-only variables as the sandbox. Assignments go to a per-evaluation scope of locals; assigning to
 * an input fails because the inputs are unmodifiable.
 *
 * @param compiled MVEL's compiled form; MVEL's compiled expressions may be executed by many threads
 * @param inputs   the root variables MVEL found the expression reads, checked before each run so that
 *                 a missing one behaves as in the sandbox
 */
record MvelProgram(Serializable compiled, Set<String> inputs) implements Program {
    MvelProgram {
        inputs = Set.copyOf(inputs);
    }

    @Override
    public Object evaluate(EvaluationContext context) {
        Variables variables = new Variables(context);
        for (String input : inputs) {
            if (!variables.has(input)) {
                throw new MissingVariableException(input);
            }
        }
        MapVariableResolverFactory inputsFactory = new MapVariableResolverFactory(variables.asMap());
        try {
            return MVEL.executeExpression(compiled, new MapVariableResolverFactory(new HashMap<>(), inputsFactory));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof EvaluationException helperError) {
                    throw helperError;
                }
            }
            throw new EvaluationException(firstLine(e));
        }
    }

    /** MVEL's messages carry a multi-line source excerpt; the first line says what went wrong. */
    static String firstLine(RuntimeException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
