package dev.ludus.api;

import java.util.Locale;

/** What happened to a tracked event (SPEC section 6). */
public enum EventStatus {
    /** Validated, evaluated and committed, whether or not a rule fired. */
    PROCESSED,
    /** Same idempotency key and payload as an earlier event; nothing changed. */
    DUPLICATE,
    /** Invalid event or idempotency conflict; nothing changed. */
    REJECTED,
    /** The store or an internal error; nothing changed. */
    FAILED;

    /** @return the lower-case JSON spelling, e.g. {@code processed} */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
