package dev.ludus.api;

import java.util.Objects;

/**
 * Root of every exception Ludus throws; carries an {@link ErrorCode}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public class LudusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code    the error code, never {@code null}
     * @param message what went wrong, for a person to read
     */
    public LudusException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @param code    the error code, never {@code null}
     * @param message what went wrong, for a person to read
     * @param cause   the underlying failure, may be {@code null}
     */
    public LudusException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the error code, never {@code null} */
    public ErrorCode code() {
        return code;
    }
}
