package dev.ludus.api;

import java.util.List;
import java.util.Optional;

/**
 * A loaded game, ready to track events. Obtain one from {@code dev.ludus.core.Ludus.builder()}.
 *
 * <p><b>Thread-safety:</b> implementations are thread-safe. Events of different players may be tracked
 * in parallel; events of one player are serialised through the store's optimistic concurrency, so the
 * final state after any interleaving equals some sequential order of the same events.
 *
 * <p><b>Errors:</b> tracking never throws for bad input or store failures: those are reported in the
 * {@link EventResult} ({@code rejected} / {@code failed}). Only a {@code null} argument throws
 * ({@link NullPointerException}).
 */
public interface RuleEngine {

    /**
     * Validates, evaluates and commits one event.
     *
     * @param event the event, never {@code null}
     * @return the outcome, never {@code null}
     */
    EventResult track(Event event);

    /**
     * Tracks events one after the other; a bad event never stops the others.
     *
     * @param events the events, never {@code null}
     * @return one result per event, in input order
     */
    List<EventResult> trackBatch(List<Event> events);

    /**
     * @param externalUserId the player's id, never {@code null}
     * @return the player's committed state, or empty when no event of theirs was ever committed
     */
    Optional<PlayerState> player(String externalUserId);

    /** @return a summary of the loaded game, never {@code null} */
    GameInfo game();
}
