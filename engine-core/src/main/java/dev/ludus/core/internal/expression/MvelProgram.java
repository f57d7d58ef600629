package dev.ludus.core.internal.expression;

import dev.ludus.api.spi.EvaluationContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import org.mvel2.MVEL;
import org.mvel2.integration.impl.MapVariableResolverFactory;

/**
 * A {@code TRUSTED} expression: compiled by MVEL with a fresh {@code ParserContext}, run with the same
 * read-only variables as the sandbox. Assignments go to a per-evaluation scope of locals; assigning to
 * an input fails because the inputs are unmodifiable.
 *
 * <p>A variable the event does not have is found missing when MVEL cannot resolve it while running, not from
 * the names MVEL lists as inputs when compiling: those include the variables of loops ({@code foreach (t :
 * tags)}), which the expression defines itself.
 *
 * @param compiled MVEL's compiled form; MVEL's compiled expressions may be executed by many threads
 */
record MvelProgram(Serializable compiled) implements Program {
    /**
     * How MVEL 2 names a name it cannot resolve: the first while it interprets an expression, the second once it
     * has optimised it (after some runs), each followed by the name.
     */
    private static final List<String> UNRESOLVED = List.of("unresolvable property or identifier: ",
            "unable to resolve variable '");

    @Override
    public Object evaluate(EvaluationContext context) {
        Variables variables = new Variables(context);
        MapVariableResolverFactory inputsFactory = new MapVariableResolverFactory(variables.asMap());
        Object result;
        try {
            result = MVEL.executeExpression(compiled, new MapVariableResolverFactory(new HashMap<>(), inputsFactory));
        } catch (Exception e) { // a checked one too, which a method MVEL calls may throw undeclared
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof EvaluationException helperError) {
                    throw helperError;
                }
            }
            String missing = unresolved(e);
            if (missing != null && !variables.has(missing)) {
                throw new MissingVariableException(missing);
            }
            throw new EvaluationException(firstLine(e));
        }
        if (result instanceof Long l && (l == Long.MAX_VALUE || l == Long.MIN_VALUE)) {
            // MVEL gives these for a whole-number division by zero and for some overflows: never a real result.
            throw new EvaluationException("MVEL's arithmetic gave " + l
                    + ", its result for a division by zero or an overflow");
        }
        return result;
    }

    /** @return the name MVEL says it could not resolve, or {@code null} when {@code e} is another failure */
    private static String unresolved(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            for (String words : UNRESOLVED) {
                int at = message == null ? -1 : message.indexOf(words);
                if (at >= 0) {
                    int from = at + words.length();
                    int to = from;
                    while (to < message.length() && Character.isJavaIdentifierPart(message.charAt(to))) {
                        to++;
                    }
                    return to > from ? message.substring(from, to) : null;
                }
            }
        }
        return null;
    }

    /** MVEL's messages carry a multi-line source excerpt; the first line says what went wrong. */
    static String firstLine(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
