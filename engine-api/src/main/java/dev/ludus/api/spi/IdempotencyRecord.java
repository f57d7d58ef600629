package dev.ludus.api.spi;

import dev.ludus.api.EventResult;
import java.time.Instant;
import java.util.Objects;

/**
 * The remembered outcome of an event that carried an idempotency key. Immutable.
 *
 * @param key         the idempotency key, scoped to the player
 * @param fingerprint a digest of the event's payload (event type and properties), to tell a retry
 *                    from a conflicting reuse of the key
 * @param eventTime   the event's timestamp; stores may forget the record once it is older than their
 *                    retention, measured in event time
 * @param result      the original {@code processed} result, replayed for duplicates
 */
public record IdempotencyRecord(String key, String fingerprint, Instant eventTime, EventResult result) {
    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(result, "result");
    }
}
