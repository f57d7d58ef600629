package dev.ludus.api.spi;

/**
 * A compiled condition. Implementations must be immutable and thread-safe: one instance is evaluated by
 * many threads at once.
 */
@FunctionalInterface
public interface Condition {

    /**
     * @param context the event and the player's state before it
     * @return whether the condition holds
     */
    boolean test(EvaluationContext context);
}
