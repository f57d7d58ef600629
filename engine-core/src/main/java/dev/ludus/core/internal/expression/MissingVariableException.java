package dev.ludus.core.internal.expression;

/**
 * Thrown when an expression reads a variable, key or index that is not there. It stops the evaluation:
 * a condition is then false, an amount fails the rule. No stack trace: this is control flow on the hot
 * path, not a bug.
 */
final class MissingVariableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    MissingVariableException(String path) {
        super(SourceText.quote(path) + " is missing", null, false, false);
        this.path = path;
    }

    /** @return the path as written in the expression, e.g. {@code order.total} */
    String path() {
        return path;
    }
}
