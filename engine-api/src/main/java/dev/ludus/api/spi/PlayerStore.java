package dev.ludus.api.spi;

import dev.ludus.api.HistoryEntry;
import java.util.List;
import java.util.Optional;

/**
 * Where player state lives. The engine is only as consistent as its store, so an implementation must:
 * <ul>
 *   <li>make {@link #commit} atomic: the record, the idempotency record and the history entry are written
 *       together or not at all, and only if the stored version still equals
 *       {@link PlayerCommit#expectedVersion()};</li>
 *   <li>return from {@link #findIdempotency} every record committed for the player that is younger than
 *       the store's retention — in particular, once {@link #load} has returned version {@code v}, every key
 *       committed with a version up to {@code v} must be found (the engine loads first, then looks keys up);</li>
 *   <li>be thread-safe.</li>
 * </ul>
 * Any exception thrown by a method (a {@link RuntimeException}, or a checked exception thrown without being
 * declared) makes the event {@code failed} / {@code STORE_ERROR}, with nothing committed by the engine; an
 * {@link Error} propagates to the caller.
 */
public interface PlayerStore {

    /**
     * @param externalUserId the player
     * @return the player's record, or empty when the player was never committed
     */
    Optional<PlayerRecord> load(String externalUserId);

    /**
     * @param externalUserId the player
     * @param key            the idempotency key
     * @return the record committed with that key for that player, or empty
     */
    Optional<IdempotencyRecord> findIdempotency(String externalUserId, String key);

    /**
     * Writes the commit if the stored version still equals its expected version.
     *
     * @param commit what to write
     * @return {@code true} when written, {@code false} when the version had moved on (nothing written)
     */
    boolean commit(PlayerCommit commit);

    /**
     * @param externalUserId the player
     * @param eventType      only entries of this type, or {@code null} for all
     * @param beforeVersion  only entries with a version below this ({@code Long.MAX_VALUE}: from the newest)
     * @param limit          at most this many entries
     * @return the player's kept history entries, newest (highest version) first
     */
    List<HistoryEntry> history(String externalUserId, String eventType, long beforeVersion, int limit);

    /**
     * @param eventId an event's id
     * @return the kept history entry with that id, or empty
     */
    Optional<HistoryEntry> findEvent(String eventId);
}
