package dev.ludus.core.internal.compile;

import dev.ludus.core.internal.condition.PropertyPath;

/**
 * The rules an event walks, in run order, and what lets it pass over some without reading them: when several
 * of them start with a whole-number lower bound on the same property ({@code property_gte score 37}, or
 * {@code property_gt}), each rule's bound ({@link Long#MIN_VALUE} for rules without one) in an array beside
 * the rules. A rule whose first condition is such a bound, on an event whose value is a whole number below it,
 * would stop at that condition, which reads nothing else and cannot fail: passing over it is the same outcome,
 * without touching the rule. Immutable and thread-safe; the arrays are shared, never modify them.
 */
public final class Candidates {
    private final CompiledRule[] rules;
    private final PropertyPath floorPath;
    private final long[] floors;

    Candidates(CompiledRule[] rules, PropertyPath floorPath, long[] floors) {
        this.rules = rules;
        this.floorPath = floorPath;
        this.floors = floors;
    }

    /** @return the rules in run order */
    public CompiledRule[] rules() {
        return rules;
    }

    /** @return each rule's lower bound on {@link #value}, by index in {@link #rules()}, or {@code null} if none */
    public long[] floors() {
        return floors;
    }

    /**
     * @return the event's whole-number value that {@link #floors()} bound, or {@link Long#MAX_VALUE} (below no
     *         bound) when there are no floors or the value is missing or not a whole number
     */
    public long value(PropertyPath.Lookup lookup) {
        return floors != null && lookup.lookup(floorPath) instanceof Long value ? value : Long.MAX_VALUE;
    }
}
