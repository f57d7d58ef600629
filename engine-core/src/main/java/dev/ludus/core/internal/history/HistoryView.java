package dev.ludus.core.internal.history;

/** What history conditions read at run time: the player's aggregates, this event included. */
public interface HistoryView {

    /** @return the stored value of an aggregate after this event, or {@code null} when there is none */
    Object aggregate(String key);
}
