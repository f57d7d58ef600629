package dev.ludus.api;

import java.util.Objects;

/**
 * The error of a {@code rejected} or {@code failed} event.
 *
 * @param code    never {@code null}
 * @param message names the offending field where there is one; never {@code null}
 */
public record ErrorInfo(ErrorCode code, String message) {
    public ErrorInfo {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
