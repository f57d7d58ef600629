package dev.ludus.api;

import java.util.List;

/**
 * One page of history, newest first.
 *
 * @param entries    the entries, newest first
 * @param nextCursor pass it in the next {@link EventQuery} for older entries; {@code null} when there are none
 */
public record EventPage(List<HistoryEntry> entries, String nextCursor) {
    public EventPage {
        entries = List.copyOf(entries);
    }
}
