package dev.ludus.core.internal.compile;

import dev.ludus.api.spi.Condition;
import dev.ludus.core.internal.condition.PropertyPath;

/**
 * The rules an event walks, in run order, the predicates each of them still has to check, and what lets it pass
 * over some without reading them.
 *
 * <p><b>Floors.</b> When several of the rules start with a whole-number lower bound on the same property
 * ({@code property_gte score 37}, or {@code property_gt}), each rule's bound ({@link Long#MIN_VALUE} for rules
 * without one) sits in an array beside the rules. A rule whose first condition is such a bound, on an event whose
 * value is a whole number below it, would stop at that condition, which reads nothing else and cannot fail:
 * passing over it is the same outcome, without touching the rule. On an event whose value is a whole number at or
 * above the bound, that first condition holds, and the rule's evaluation starts after it.
 *
 * <p><b>Tests.</b> A rule walked only for events whose property equals one of its literals
 * ({@link CandidateIndex}) has that {@code property_eq} condition left out of its predicates here: it holds for
 * every event that walks it.
 *
 * <p>Immutable and thread-safe; the arrays are shared, never modify them.
 */
public final class Candidates {
    private final CompiledRule[] rules;
    private final Condition[][] tests;
    private final PropertyPath floorPath;
    private final long[] floors;

    /**
     * @param tests     by index in {@code rules}: the predicates to check, in order
     * @param floorPath the property {@code floors} bound, or {@code null} when there are no floors
     * @param floors    by index in {@code rules}: the rule's floor, or {@link Long#MIN_VALUE}; or {@code null}
     */
    Candidates(CompiledRule[] rules, Condition[][] tests, PropertyPath floorPath, long[] floors) {
        this.rules = rules;
        this.tests = tests;
        this.floorPath = floorPath;
        this.floors = floors;
    }

    /** @return the rules in run order */
    public CompiledRule[] rules() {
        return rules;
    }

    /** @return by index in {@link #rules()}: the rule's predicates still to check when it is walked, in order */
    public Condition[][] tests() {
        return tests;
    }

    /**
     * @return by index in {@link #rules()}: the lowest whole-number {@link #floorValue} the rule can fire for,
     *         which its first condition checks, or {@link Long#MIN_VALUE} if it has none; or {@code null} if no
     *         rule has one
     */
    public long[] floors() {
        return floors;
    }

    /** @return the event's value of the property that {@link #floors()} bound; {@code null} when there are none */
    public Object floorValue(PropertyPath.Lookup lookup) {
        return floors == null ? null : lookup.lookup(floorPath);
    }
}
