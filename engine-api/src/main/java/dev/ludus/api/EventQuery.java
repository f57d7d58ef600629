package dev.ludus.api;

import java.util.Objects;

/**
 * Which history entries to list: one player's, newest first, optionally of one event type.
 *
 * @param externalUserId the player, never {@code null}
 * @param eventType      only this event type, or {@code null} for all
 * @param limit          at most this many entries, 1 to 1,000
 * @param cursor         {@link EventPage#nextCursor()} of the previous page, or {@code null} for the first
 */
public record EventQuery(String externalUserId, String eventType, int limit, String cursor) {
    public EventQuery {
        Objects.requireNonNull(externalUserId, "externalUserId");
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be from 1 to 1000, was " + limit);
        }
    }

    /** @return the newest {@code limit} entries of a player */
    public static EventQuery of(String externalUserId, int limit) {
        return new EventQuery(externalUserId, null, limit, null);
    }
}
