package dev.ludus.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a game definition does not load: holds <em>every</em> error found, not just the first.
 */
public final class GameCompileException extends LudusException {
    private static final long serialVersionUID = 1L;

    private final transient List<CompileError> errors;

    /** @param errors the errors found, at least one */
    public GameCompileException(List<CompileError> errors) {
        super(errors.isEmpty() ? ErrorCode.INVALID_RULE : errors.get(0).code(), describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a compile exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** @return the errors in document order, never empty */
    public List<CompileError> errors() {
        return errors;
    }

    private static String describe(List<CompileError> errors) {
        return errors.size() + " error(s) in game definition:\n"
                + errors.stream().map(CompileError::toString).collect(Collectors.joining("\n"));
    }
}
