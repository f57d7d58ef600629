package dev.ludus.core.internal.compile;

import dev.ludus.api.GameInfo;
import dev.ludus.core.internal.state.Catalog;
import java.util.List;
import java.util.Map;

/**
 * The immutable, thread-safe plan compiled from a game document: catalogs, rules, and the live rules
 * indexed by event type in run order.
 */
public final class CompiledGame {
    private final GameInfo info;
    private final Catalog catalog;
    private final List<CompiledRule> rules;
    private final Map<String, CompiledRule[]> byEventType;
    private final CompiledRule[] wildcard;

    CompiledGame(GameInfo info, Catalog catalog, List<CompiledRule> rules, Map<String, CompiledRule[]> byEventType,
                 CompiledRule[] wildcard) {
        this.info = info;
        this.catalog = catalog;
        this.rules = List.copyOf(rules);
        this.byEventType = Map.copyOf(byEventType);
        this.wildcard = wildcard;
    }

    public GameInfo info() {
        return info;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** @return every rule in document order, whatever its status */
    public List<CompiledRule> rules() {
        return rules;
    }

    /**
     * @return the live rules triggered by {@code eventType} (its own and {@code "*"}), in run order:
     *         ascending priority, ties in document order. The array is shared: never modify it.
     */
    public CompiledRule[] candidates(String eventType) {
        CompiledRule[] rules = byEventType.get(eventType);
        return rules == null ? wildcard : rules;
    }
}
