package dev.ludus.api;

/**
 * A player's standing in one quest.
 *
 * @param progress    progress towards the target (reset to 0 when a repeatable quest completes)
 * @param target      the quest's target, {@code null} for an undeclared quest (it never completes)
 * @param completed   whether it completed at least once
 * @param completions how many times it completed
 */
public record QuestState(long progress, Long target, boolean completed, long completions) {
}
