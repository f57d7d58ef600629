package dev.ludus.core.internal.history;

import java.time.Instant;
import java.util.Map;

/**
 * Something the engine remembers per player about past events of one type, because a loaded rule asks
 * for it (SPEC 4.2: only referenced aggregates are kept, bounded by the longest window in use). Stored in
 * the player's engine data under {@link #key()} as JSON-like values, so durable stores can persist it.
 * Immutable and thread-safe except {@link #widen}, which is only called while the game compiles.
 */
public abstract class Aggregate {
    private final String key;
    private final String eventType;

    protected Aggregate(String key, String eventType) {
        this.key = key;
        this.eventType = eventType;
    }

    /** @return the engine-data key, unique per kind, event type, property and calendar */
    public final String key() {
        return key;
    }

    /** @return the event type whose events feed this aggregate */
    public final String eventType() {
        return eventType;
    }

    /** Makes the aggregate keep enough history for a window of {@code units} units. */
    public abstract void widen(int units);

    /**
     * @param stored     the stored value, or {@code null} when the player has none yet
     * @param time       the event's time
     * @param properties the event's properties
     * @return the new stored value, including this event
     */
    public abstract Object update(Object stored, Instant time, Map<String, Object> properties);
}
