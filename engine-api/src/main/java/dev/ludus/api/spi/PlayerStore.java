package dev.ludus.api.spi;

import java.util.Optional;

/**
 * Where player state lives. The engine is only as consistent as its store, so an implementation must:
 * <ul>
 *   <li>make {@link #commit} atomic: the record and the idempotency record are written together or
 *       not at all, and only if the stored version still equals {@link PlayerCommit#expectedVersion()};</li>
 *   <li>return from {@link #findIdempotency} every record committed for the player that is younger than
 *       the store's retention;</li>
 *   <li>be thread-safe.</li>
 * </ul>
 * Any {@link RuntimeException} thrown by a method makes the event {@code failed} / {@code STORE_ERROR},
 * with nothing committed by the engine.
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
}
