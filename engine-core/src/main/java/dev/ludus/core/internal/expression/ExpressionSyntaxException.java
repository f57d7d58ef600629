package dev.ludus.core.internal.expression;

import dev.ludus.api.ErrorCode;

/**
 * Why an expression was refused at load: a construct the sandbox does not allow
 * ({@link ErrorCode#EXPRESSION_NOT_ALLOWED}) or text that does not parse ({@link ErrorCode#INVALID_RULE}).
 * Becomes a compile error at the expression's JSON pointer; never escapes a compile.
 */
final class ExpressionSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    private ExpressionSyntaxException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A construct outside the allowlist; {@code construct} names it for the rule author. */
    static ExpressionSyntaxException notAllowed(String construct, int column) {
        return new ExpressionSyntaxException(ErrorCode.EXPRESSION_NOT_ALLOWED,
                construct + " is not allowed (column " + column + ")");
    }

    /** As {@link #notAllowed(String, int)}, with advice on what to write instead. */
    static ExpressionSyntaxException notAllowed(String construct, int column, String advice) {
        return new ExpressionSyntaxException(ErrorCode.EXPRESSION_NOT_ALLOWED,
                construct + " is not allowed (column " + column + "); " + advice);
    }

    /** Text that is not an expression of the grammar. */
    static ExpressionSyntaxException syntax(String problem, int column) {
        return new ExpressionSyntaxException(ErrorCode.INVALID_RULE,
                "expression syntax error at column " + column + ": " + problem);
    }

    /** An error that applies to the whole expression (too long, disabled). */
    static ExpressionSyntaxException of(ErrorCode code, String message) {
        return new ExpressionSyntaxException(code, message);
    }

    ErrorCode code() {
        return code;
    }
}
