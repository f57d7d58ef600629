package dev.ludus.core.internal.engine;

import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.ActionType;
import dev.ludus.api.spi.ConditionType;
import dev.ludus.api.spi.PlayerStore;
import java.time.Clock;
import java.util.List;

/** Wires a compiled game, a store and the settings into an engine. */
public final class EngineFactory {
    private EngineFactory() {
    }

    public static RuleEngine create(String gameJson, PlayerStore store, Clock clock, int maxCommitRetries,
                                    EventLimits limits, List<ConditionType> conditionTypes,
                                    List<ActionType> actionTypes) {
        throw new UnsupportedOperationException("in progress");
    }
}
