package dev.ludus.core.internal.expression;

/**
 * One token of an expression.
 *
 * @param kind   what it is
 * @param text   the operator or identifier text, or the literal's source text
 * @param value  a literal's value ({@code Long}, {@code Double} or {@code String}), else {@code null}
 * @param column where it starts, 1-based
 */
record Token(Kind kind, String text, Object value, int column) {
    enum Kind { NUMBER, STRING, IDENTIFIER, OPERATOR, END }

    boolean is(String operator) {
        return kind == Kind.OPERATOR && text.equals(operator);
    }

    /** @return how to show the token in an error message */
    String describe() {
        return kind == Kind.END ? "the end of the expression" : SourceText.quote(text);
    }
}
