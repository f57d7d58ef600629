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

    /** @return the CLI form: {@code ERROR <pointer> [rule <id>] <CODE>: <message>} */
    @Override
    public String toString() {
        return "ERROR " + (pointer.isEmpty() ? "/" : pointer)
                + (ruleId == null ? "" : " rule " + ruleId)
                + " " + code + ": " + message;
    }
}
