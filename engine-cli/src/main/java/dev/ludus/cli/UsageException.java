package dev.ludus.cli;

/** The command line does not say what to do (exit code 2); the message says what is wrong with it. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
