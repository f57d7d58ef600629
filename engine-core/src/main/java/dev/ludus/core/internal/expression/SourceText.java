package dev.ludus.core.internal.expression;

import dev.ludus.core.internal.util.JsonValues;

/**
 * Expression source text as messages show it: on one line, whatever the expression holds. Line breaks, tabs and
 * other control characters are escaped ({@link JsonValues#printable}); everything else, backslashes included, is
 * kept as written, so a message about a one-line expression shows it verbatim.
 */
final class SourceText {
    private SourceText() {
    }

    /** @return {@code text} in single quotes, escaped */
    static String quote(String text) {
        return "'" + JsonValues.printable(text) + "'";
    }
}
