package dev.ludus.core.internal.compile;

import dev.ludus.core.internal.condition.PropertyPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live rules of one event type in run order, split on the value of one property when many of them
 * require it to equal a literal ({@code property_eq category "cat3"}): an event then walks only the rules
 * for its value plus the rules that do not test that property, instead of all of them. The split only
 * skips rules whose {@code property_eq} would be false; every condition of the rules walked is still
 * evaluated. Immutable and thread-safe.
 */
final class CandidateIndex {
    private final CompiledRule[] all;
    private final PropertyPath path;
    private final Map<Object, CompiledRule[]> byValue;
    private final CompiledRule[] others;

    private CandidateIndex(CompiledRule[] all, PropertyPath path, Map<Object, CompiledRule[]> byValue,
                           CompiledRule[] others) {
        this.all = all;
        this.path = path;
        this.byValue = byValue;
        this.others = others;
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
        String best = uses.entrySet().stream().filter(e -> e.getValue() >= 2)
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
        if (best == null || paths.get(best) == null) {
            return new CandidateIndex(all, null, Map.of(), all);
        }
        Map<Object, List<CompiledRule>> split = new LinkedHashMap<>();
        List<CompiledRule> others = new ArrayList<>();
        for (CompiledRule rule : all) {
            Object key = equalities(rule).get(best);
            if (key == null) {
                others.add(rule);
            } else {
                split.computeIfAbsent(key, k -> new ArrayList<>()).add(rule);
            }
        }
        Map<Object, CompiledRule[]> byValue = new HashMap<>();
        split.forEach((key, matching) -> {
            List<CompiledRule> walk = new ArrayList<>(matching);
            walk.addAll(others);
            byValue.put(key, walk.stream().sorted(order).toArray(CompiledRule[]::new));
        });
        return new CandidateIndex(all, paths.get(best), byValue, others.toArray(CompiledRule[]::new));
    }

    /** @return the rules an event must walk, given how the game's paths resolve for it */
    CompiledRule[] select(PropertyPath.Lookup lookup) {
        if (path == null) {
            return all;
        }
        Object key = key(lookup.lookup(path));
        CompiledRule[] rules = key == null ? null : byValue.get(key);
        return rules == null ? others : rules;
    }

    /** @return every rule of the type in run order */
    CompiledRule[] all() {
        return all;
    }

    /** The first {@code property_eq} literal of each property path a rule tests at its top level. */
    private static Map<String, Object> equalities(CompiledRule rule) {
        Map<String, Object> found = new HashMap<>();
        for (CompiledCondition condition : rule.conditions()) {
            if (condition.type().equals("property_eq") && condition.config().get("property") instanceof String p) {
                Object key = key(condition.config().get("value"));
                if (key != null) {
                    found.putIfAbsent(p, key);
                }
            }
        }
        return found;
    }

    /**
     * @return a map key under which JSON-equal scalars meet (95 and 95.0 both as 95L; -0.0 as 0L), or
     *         {@code null} for values that are not scalars
     */
    private static Object key(Object value) {
        if (value instanceof Long || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 0x1p63 ? (Object) d.longValue() : d;
        }
        return null;
    }
}
