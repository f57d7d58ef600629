package dev.ludus.core.internal.expression;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.LudusException;

/**
 * Where one use of an expression came from, so a run-time error can point back at it.
 *
 * @param source  the expression as written
 * @param ruleId  the enclosing rule's id, or {@code null} (level and quest rewards)
 * @param pointer the JSON pointer of the {@code expression} field
 */
record Origin(String source, String ruleId, String pointer) {

    /** @return an {@code EXPRESSION_ERROR} naming the expression, the rule and the pointer */
    LudusException error(String problem) {
        return new LudusException(ErrorCode.EXPRESSION_ERROR, "expression " + SourceText.quote(source)
                + (ruleId == null ? "" : " in rule '" + ruleId + "'") + " at " + pointer + ": " + problem);
    }
}
