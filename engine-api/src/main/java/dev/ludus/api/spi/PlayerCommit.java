package dev.ludus.api.spi;

import dev.ludus.api.HistoryEntry;
import java.util.Objects;

/**
 * Everything one event changes for one player, to be written in one atomic step.
 *
 * @param externalUserId  the player
 * @param expectedVersion the version the engine loaded (0 when the player did not exist); the commit
 *                        must fail unless the stored version still equals it
 * @param record          the new record; its version is {@code expectedVersion + 1}
 * @param idempotency     the event's idempotency record, or {@code null} when it carried no key
 * @param history         the event's history entry (and its derived events'), never {@code null}
 */
public record PlayerCommit(String externalUserId, long expectedVersion, PlayerRecord record,
                           IdempotencyRecord idempotency, HistoryEntry history) {
    public PlayerCommit {
        Objects.requireNonNull(externalUserId, "externalUserId");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(history, "history");
        if (record.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("record version " + record.version()
                    + " must be expectedVersion + 1 = " + (expectedVersion + 1));
        }
    }
}
