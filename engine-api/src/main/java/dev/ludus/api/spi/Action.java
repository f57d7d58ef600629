package dev.ludus.api.spi;

/**
 * A compiled action. Implementations must be immutable and thread-safe.
 */
@FunctionalInterface
public interface Action {

    /**
     * Applies the action to the player's working state through {@code context}. Throwing a
     * {@link dev.ludus.api.LudusException} fails the rule with its code, and any other exception with
     * {@code INTERNAL_ERROR}; either way the rule's changes are undone and other rules go on.
     *
     * @param context the event and the operations on the player's working state
     */
    void execute(ActionContext context);
}
