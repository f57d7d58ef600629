package dev.ludus.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A processed event as kept in history (SPEC section 9). Immutable.
 *
 * @param eventId         the event's id
 * @param externalUserId  the player
 * @param eventType       the event type
 * @param timestamp       the event's time
 * @param version         the player's version after this event's commit; orders a player's history
 * @param properties      the validated properties (deep-copied unless they are an event's own, which cannot change)
 * @param rulesTriggered  as in the event's result
 * @param actionsExecuted as in the event's result
 */
public record HistoryEntry(String eventId, String externalUserId, String eventType, Instant timestamp,
                           long version, Map<String, Object> properties, List<String> rulesTriggered,
                           List<String> actionsExecuted) {
    public HistoryEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(externalUserId, "externalUserId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(timestamp, "timestamp");
        properties = Frozen.map(properties);
        rulesTriggered = List.copyOf(rulesTriggered);
        actionsExecuted = List.copyOf(actionsExecuted);
    }
}
