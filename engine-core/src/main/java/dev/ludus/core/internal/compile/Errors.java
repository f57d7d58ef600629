package dev.ludus.core.internal.compile;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import dev.ludus.core.internal.util.JsonValues;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/** Collects compile errors in the order they are found, and describes the values they found. */
final class Errors {
    private final List<CompileError> errors = new ArrayList<>();
    /** What {@link GameJson#parse} filled in: whole numbers outside the long range as written, by identity. */
    private final IdentityHashMap<Object, String> rounded;

    Errors(IdentityHashMap<Object, String> rounded) {
        this.rounded = rounded;
    }

    /** @return {@link JsonValues#describe}, but a number the document holds rounded as it was written */
    String describe(Object value) {
        String written = rounded.get(value);
        return written == null ? JsonValues.describe(value) : "number " + written;
    }

    /**
     * @return the message for a value that is not a whole number in the long range; a whole number outside it
     *         gets the range and the number as written (the double the document holds is only near it)
     */
    String notWhole(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            String written = rounded.get(value);
            return "expected a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", found "
                    + (written == null ? String.valueOf(d) : written);
        }
        return "expected a whole number, found " + describe(value);
    }

    void add(String pointer, String ruleId, ErrorCode code, String message) {
        errors.add(new CompileError(pointer, ruleId, code, message));
    }

    int count() {
        return errors.size();
    }

    List<CompileError> list() {
        return errors;
    }
}
