package dev.ludus.api;

/**
 * What an engine does with rule expressions (the {@code expression} condition and
 * {@code { "expression": … }} amounts, SPEC section 10). Chosen once on the engine builder.
 */
public enum ExpressionPolicy {
    /**
     * The default. Every expression is parsed and checked against an allowlist when the game loads:
     * literals, variables, property paths and indexes, arithmetic, comparison, boolean and ternary
     * operators, and the documented helpers. Anything else (method calls, {@code new}, class references,
     * assignment, loops, blocks, function definitions, imports) is refused with
     * {@link ErrorCode#EXPRESSION_NOT_ALLOWED}. Safe for rules written by people who are not the
     * application's developers.
     */
    SANDBOXED,
    /**
     * Full MVEL, including method calls and class references: an expression can do anything the JVM
     * can. Only for rules written by the application's own developers.
     */
    TRUSTED,
    /** Any expression in a game is refused at load with {@link ErrorCode#EXPRESSION_NOT_ALLOWED}. */
    DISABLED
}
