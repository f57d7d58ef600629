package dev.ludus.api;

import java.util.Objects;

/**
 * One problem found while loading a game definition.
 *
 * @param pointer the JSON pointer of the offending value ({@code /rules/3/conditions/0/value}),
 *                {@code ""} for the whole document; never {@code null}
 * @param ruleId  the id of the rule it belongs to, or {@code null} outside rules or when unknown
 * @param code    {@link ErrorCode#INVALID_RULE}, {@link ErrorCode#INVALID_JSON} or
 *                {@link ErrorCode#EXPRESSION_NOT_ALLOWED}
 * @param message what was expected and what was found
 */
public record CompileError(String pointer, String ruleId, ErrorCode code, String message) {
    public CompileError {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * @return the CLI form, always one line: {@code ERROR <pointer> [rule <id>] <CODE>: <message>}, with control
     *         characters (and the Unicode line and paragraph separators) in the pointer, the rule id and the
     *         message shown as JSON-style escapes, so a name or value from the game can neither split the line
     *         nor forge another one
     */
    @Override
    public String toString() {
        return "ERROR " + (pointer.isEmpty() ? "/" : printable(pointer))
                + (ruleId == null ? "" : " rule " + printable(ruleId))
                + " " + code + ": " + printable(message);
    }

    /** The same escaping as engine-core's {@code JsonValues.printable} (this module depends on nothing); keep both in step. */
    private static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || Character.isSurrogate(c) && !paired(text, i);
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (!control) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** @return whether the surrogate at {@code i} is half of a pair, high then low: one character */
    private static boolean paired(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) ? i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
