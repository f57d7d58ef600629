package dev.ludus.api;

import java.util.Optional;

/**
 * Read access to processed events (SPEC section 9), from {@link RuleEngine#events()}. Thread-safe.
 * What is kept, and for how long, is up to the {@link dev.ludus.api.spi.PlayerStore}: the in-memory
 * store keeps a bounded number of recent events per player.
 *
 * @throws LudusException {@code STORE_ERROR} from any method when the store fails
 */
public interface EventHistory {

    /**
     * @param query whose events, which type, how many, from where
     * @return a page of entries, newest first
     * @throws IllegalArgumentException for a cursor that this history did not issue
     */
    EventPage list(EventQuery query);

    /**
     * @param eventId an event's id
     * @return its status, or empty when no stored event has that id
     */
    Optional<EventStatusView> getStatus(String eventId);
}
