package dev.ludus.core.internal.compile;

import dev.ludus.api.spi.Condition;
import dev.ludus.core.internal.condition.PropertyPath;
import java.util.List;

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
 * <p><b>Fired rules.</b> An event that fires some of these rules and no others finds its result's shared lists
 * ({@link CompiledGame#fired}) here by the positions of those rules ({@link #fired}), in a small table of the
 * combinations seen last, which the walk has just brought into the CPU cache, rather than by hashing the rules in
 * the game's table of all combinations.
 *
 * <p>Thread-safe; the arrays are shared, never modify them. The rules, tests and floors are immutable; the table
 * of fired rules is a cache of immutable entries that threads overwrite without locking (an entry is found or not,
 * and a miss asks the game), made on the first call, so that walks no tracked event takes (those of derived events)
 * keep none.
 */
public final class Candidates {
    /** Slots of the table of fired rules: a walk's rules fire in few combinations (one per score band, say). */
    private static final int FIRED_SLOTS = 16;
    private final CompiledRule[] rules;
    private final Condition[][] tests;
    private final PropertyPath floorPath;
    private final long[] floors;
    /**
     * The combinations of rules that fired seen last, each in the slot its positions hash to; {@code null} until the
     * first {@link #fired} call, and always for a walk of more than 64 rules, whose positions a {@code long} cannot
     * hold. Written without a lock: two first calls may each make a table, and the entries of the one that loses
     * are lost, as an overwritten entry is.
     */
    private Fired[] fired;

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

    /** The lists of the rules at the positions {@code mask}; immutable, so safe to publish through a race. */
    private record Fired(long mask, FiredRules rules) {
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

    /**
     * @param mask   the positions in {@link #rules()} of the rules that fired, bit i for rule i (not read when there
     *               are more than 64 rules)
     * @param firing those rules in the order they fired, which is theirs in {@link #rules()}; only read
     * @param game   the game these rules are of
     * @return what {@code game.fired(firing)} returns, the instance that earlier calls with these positions returned
     *         while it stays in this walk's table
     */
    public FiredRules fired(long mask, List<CompiledRule> firing, CompiledGame game) {
        if (rules.length > Long.SIZE) {
            return game.fired(firing);
        }
        Fired[] table = fired;
        if (table == null) {
            table = new Fired[FIRED_SLOTS];
            fired = table;
        }
        int slot = (int) ((mask * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - Integer.numberOfTrailingZeros(FIRED_SLOTS)));
        Fired seen = table[slot];
        if (seen != null && seen.mask == mask) {
            return seen.rules;
        }
        FiredRules found = game.fired(firing);
        table[slot] = new Fired(mask, found);
        return found;
    }
}
