package dev.ludus.core.internal.compile;

import dev.ludus.api.spi.Condition;
import dev.ludus.core.internal.condition.PropertyPath;
import dev.ludus.core.internal.history.Aggregate;
import dev.ludus.core.internal.util.JsonValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an event of one type walks and feeds, found by one look-up of its type: the aggregates its events update
 * ({@link #aggregates()}) and the live rules in run order, split on the value of one property when many of them
 * require it to equal a literal ({@code property_eq category "cat3"}), before any condition that could fail:
 * an event then walks only the rules for its value plus the rules that do not test that property, instead of
 * all of them. The split only skips rules whose {@code property_eq} would be false, where evaluating them would
 * have stopped without a failure; the rules walked for a value check every other condition, but not that
 * {@code property_eq}, which holds for the events that walk them. Each array of rules comes with the bounds that
 * let an event pass over some without reading them ({@link Candidates}). Thread-safe, and immutable but for the
 * cache of fired rules that each {@link Candidates} keeps.
 */
public final class CandidateIndex {
    /** Built-in conditions that only read the event's properties and are true or false, never throw. */
    private static final Set<String> NEVER_FAIL = Set.of("property_eq", "property_neq", "property_gt", "property_gte",
            "property_lt", "property_lte", "property_between", "property_in", "property_not_in", "property_contains",
            "property_exists", "property_not_exists");
    private static final Aggregate[] NO_AGGREGATES = {};
    private final PropertyPath path;
    private final Map<Object, Candidates> byValue;
    private final Candidates others;
    private final Aggregate[] aggregates;

    /**
     * @param path       the property the rules are split on, or {@code null} when they are not
     * @param others     the rules that do not test {@code path}'s value (all of them when not split)
     * @param aggregates the aggregates the type's events update
     */
    private CandidateIndex(PropertyPath path, Map<Object, Candidates> byValue, Candidates others,
                           Aggregate[] aggregates) {
        this.path = path;
        this.byValue = byValue;
        this.others = others;
        this.aggregates = aggregates;
    }

    /** @return this index with {@code aggregates} as the ones the type's events update */
    CandidateIndex feeding(Aggregate[] aggregates) {
        return new CandidateIndex(path, byValue, others, aggregates);
    }

    /**
     * @param rules the type's live rules
     * @param order run order
     * @param paths the game's interned property paths by text
     */
    static CandidateIndex of(List<CompiledRule> rules, Comparator<CompiledRule> order, Map<String, PropertyPath> paths) {
        CompiledRule[] all = rules.stream().sorted(order).toArray(CompiledRule[]::new);
        Map<String, Integer> uses = new HashMap<>();
        for (CompiledRule rule : all) {
            equalities(rule).keySet().forEach(p -> uses.merge(p, 1, Integer::sum));
        }
        String best = mostUsed(uses);
        String floor = floorPath(all);
        PropertyPath floorPath = floor == null ? null : paths.get(floor);
        if (best == null || paths.get(best) == null) {
            return new CandidateIndex(null, Map.of(), candidates(all, Map.of(), floor, floorPath), NO_AGGREGATES);
        }
        Map<Object, List<CompiledRule>> split = new LinkedHashMap<>();
        // Where each split rule's property_eq on the best path is, to leave it out of the rule's tests.
        Map<CompiledRule, Integer> implied = new IdentityHashMap<>();
        List<CompiledRule> others = new ArrayList<>();
        for (CompiledRule rule : all) {
            Integer at = equalities(rule).get(best);
            if (at == null) {
                others.add(rule);
            } else {
                implied.put(rule, at);
                split.computeIfAbsent(literal(rule, at), k -> new ArrayList<>()).add(rule);
            }
        }
        Map<Object, Candidates> byValue = new HashMap<>();
        split.forEach((key, matching) -> {
            List<CompiledRule> walk = new ArrayList<>(matching);
            walk.addAll(others);
            byValue.put(key, candidates(walk.stream().sorted(order).toArray(CompiledRule[]::new), implied, floor,
                    floorPath));
        });
        return new CandidateIndex(paths.get(best), byValue,
                candidates(others.toArray(CompiledRule[]::new), Map.of(), floor, floorPath), NO_AGGREGATES);
    }

    /** @return an index of {@code rules}, walked unsplit, for a type whose events update no aggregates */
    static CandidateIndex unsplit(Candidates rules) {
        return new CandidateIndex(null, Map.of(), rules, NO_AGGREGATES);
    }

    /** @return {@code rules} as they are walked unsplit: every condition of each rule tested, no floors */
    static Candidates all(CompiledRule[] rules) {
        return candidates(rules, Map.of(), null, null);
    }

    /** @return the aggregates the type's events update; shared, never modify */
    public Aggregate[] aggregates() {
        return aggregates;
    }

    /**
     * @param lookup the event's property values, to skip rules whose {@code property_eq} cannot hold
     * @return the rules an event must walk, with their floors; shared, never modify
     */
    public Candidates select(PropertyPath.Lookup lookup) {
        if (path == null) {
            return others;
        }
        Object key = key(lookup.lookup(path));
        Candidates rules = key == null ? null : byValue.get(key);
        return rules == null ? others : rules;
    }

    /** @return the property that most rules' first condition bounds from below (two rules or more), or {@code null} */
    private static String floorPath(CompiledRule[] rules) {
        Map<String, Integer> uses = new HashMap<>();
        for (CompiledRule rule : rules) {
            String path = floorPathOf(rule);
            if (path != null) {
                uses.merge(path, 1, Integer::sum);
            }
        }
        return mostUsed(uses);
    }

    /** @return the key counted most often, at least twice (ties: the greatest key), or {@code null} */
    private static String mostUsed(Map<String, Integer> uses) {
        return uses.entrySet().stream().filter(e -> e.getValue() >= 2)
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** @return the property a rule's first condition bounds from below by a whole number, or {@code null} */
    private static String floorPathOf(CompiledRule rule) {
        if (rule.conditions().isEmpty()) {
            return null;
        }
        CompiledCondition first = rule.conditions().get(0);
        boolean lowerBound = first.type().equals("property_gte") || first.type().equals("property_gt");
        return lowerBound && first.config().get("value") instanceof Long
                && first.config().get("property") instanceof String path ? path : null;
    }

    /**
     * @param implied where the {@code property_eq} that holds for every event walking {@code rules} is, for the
     *                rules that have one
     * @return {@code rules} with their tests, less the implied ones, and with the lowest value of the property
     *         {@code floor} each one can fire for, when there is such a property ({@code floorPath} its compiled
     *         path)
     */
    private static Candidates candidates(CompiledRule[] rules, Map<CompiledRule, Integer> implied, String floor,
                                         PropertyPath floorPath) {
        Condition[][] tests = new Condition[rules.length][];
        for (int i = 0; i < rules.length; i++) {
            Integer at = implied.get(rules[i]);
            Condition[] all = rules[i].tests();
            tests[i] = at == null ? all : without(all, at);
        }
        if (floorPath == null) {
            return new Candidates(rules, tests, null, null);
        }
        long[] floors = new long[rules.length];
        for (int i = 0; i < rules.length; i++) {
            floors[i] = Long.MIN_VALUE;
            if (floor.equals(floorPathOf(rules[i]))) {
                CompiledCondition first = rules[i].conditions().get(0);
                long bound = (Long) first.config().get("value");
                boolean strict = first.type().equals("property_gt");
                // A whole number at or above the floor must satisfy the first condition: no floor for "> MAX_VALUE".
                floors[i] = !strict ? bound : bound < Long.MAX_VALUE ? bound + 1 : Long.MIN_VALUE;
            }
        }
        return new Candidates(rules, tests, floorPath, floors);
    }

    private static Condition[] without(Condition[] tests, int at) {
        Condition[] fewer = new Condition[tests.length - 1];
        System.arraycopy(tests, 0, fewer, 0, at);
        System.arraycopy(tests, at + 1, fewer, at, fewer.length - at);
        return fewer;
    }

    /**
     * Where the first {@code property_eq} with a {@link #key} literal is, for each property path a rule tests at its
     * top level, up to its first condition that could fail rather than be false: skipping the rule for another
     * literal is then what evaluating its conditions in order would do (stop at a false one), failures included.
     *
     * @return the index in the rule's conditions by property path
     */
    private static Map<String, Integer> equalities(CompiledRule rule) {
        Map<String, Integer> found = new HashMap<>();
        List<CompiledCondition> conditions = rule.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            CompiledCondition condition = conditions.get(i);
            if (!NEVER_FAIL.contains(condition.type())) {
                break;
            }
            if (condition.type().equals("property_eq") && condition.config().get("property") instanceof String p
                    && literal(rule, i) != null) {
                found.putIfAbsent(p, i);
            }
        }
        return found;
    }

    /** @return the {@link #key} of the literal of the rule's condition at {@code index} */
    private static Object literal(CompiledRule rule, int index) {
        return key(rule.conditions().get(index).config().get("value"));
    }

    /**
     * @return a map key under which JSON-equal scalars meet, and only they: a whole number as its {@code Long}, a
     *         double with a whole value in the range of {@code long} as that {@code Long} (95.0 as 95L, -0.0 as 0L,
     *         2^53 as 9007199254740992L, which 9007199254740993 does not meet: numbers compare exactly), any other
     *         double as itself; {@code null} for values that are not scalars
     */
    private static Object key(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Double d) {
            // (long) d is exact for a whole d in [-2^63, 2^63); 2^63 itself would clamp to Long.MAX_VALUE
            return JsonValues.isWholeLong(d) ? (Object) d.longValue() : d;
        }
        return null;
    }
}
