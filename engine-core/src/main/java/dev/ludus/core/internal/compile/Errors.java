package dev.ludus.core.internal.compile;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/** Collects compile errors in the order they are found. */
final class Errors {
    private final List<CompileError> errors = new ArrayList<>();

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
