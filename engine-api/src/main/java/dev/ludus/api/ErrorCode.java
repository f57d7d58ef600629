package dev.ludus.api;

/**
 * The error codes of Ludus (SPEC section 12). Every {@link LudusException}, rejected or failed
 * {@link EventResult} and {@link CompileError} carries one.
 */
public enum ErrorCode {
    /** An event failed validation; the message names the field. */
    INVALID_EVENT,
    /** Input that is not well-formed JSON (a game file or an events line). */
    INVALID_JSON,
    /** An idempotency key was reused for a different payload. */
    IDEMPOTENCY_CONFLICT,
    /** Optimistic concurrency gave up after the configured number of retries. */
    CONFLICT,
    /** The {@link dev.ludus.api.spi.PlayerStore} failed; nothing was committed. */
    STORE_ERROR,
    /** A {@code deduct_currency} action found too small a balance; the rule was undone. */
    INSUFFICIENT_FUNDS,
    /** A computed amount was negative or not a number; the rule was undone. */
    INVALID_AMOUNT,
    /**
     * Derived events or rewards nested deeper than allowed, or one tracked event's cascade emitted more events
     * than allowed; the rule was undone.
     */
    CASCADE_LIMIT,
    /** An expression failed at run time. */
    EXPRESSION_ERROR,
    /** An expression uses a construct the sandbox refuses. */
    EXPRESSION_NOT_ALLOWED,
    /** A game definition does not compile. */
    INVALID_RULE,
    /** An unexpected error inside the engine or an extension; nothing was committed. */
    INTERNAL_ERROR
}
