package dev.ludus.core.internal.history;

import java.util.List;

/** What the compiler offers history conditions: the rule's trigger and shared aggregates. */
public interface HistorySupport {

    /** @return the event types of the rule being compiled; {@code ["*"]} for every event */
    List<String> triggerTypes();

    /** @return how many values each {@code distinct_count} aggregate tracks per player */
    int maxDistinctValues();

    /** @return the aggregate already registered under {@code candidate.key()}, or {@code candidate} itself */
    <A extends Aggregate> A aggregate(A candidate);
}
