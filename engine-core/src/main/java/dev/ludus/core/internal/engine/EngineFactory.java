package dev.ludus.core.internal.engine;

import dev.ludus.api.ExpressionPolicy;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.ActionType;
import dev.ludus.api.spi.ConditionType;
import dev.ludus.api.spi.PlayerStore;
import dev.ludus.core.internal.compile.CompiledGame;
import dev.ludus.core.internal.compile.GameCompiler;
import dev.ludus.core.internal.expression.Expressions;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

/** Wires a compiled game, a store and the settings into an engine. */
public final class EngineFactory {
    private EngineFactory() {
    }

    /**
     * @param store the store, or {@code null} for a new in-memory one
     * @throws dev.ludus.api.GameCompileException when the game does not compile
     */
    public static RuleEngine create(String gameJson, PlayerStore store, Clock clock, int maxCommitRetries,
                                    EventLimits limits, List<ConditionType> conditionTypes,
                                    List<ActionType> actionTypes, Executor executor,
                                    ExpressionPolicy expressionPolicy, int maxDistinctValues,
                                    int maxEmittedEvents) {
        GameCompiler compiler = new GameCompiler(conditionTypes, actionTypes, Expressions.of(expressionPolicy),
                maxDistinctValues);
        CompiledGame game = compiler.compile(gameJson);
        return new DefaultRuleEngine(compiler, game, store == null ? InMemoryPlayerStore.create() : store,
                new EventValidator(limits, clock), maxCommitRetries, maxEmittedEvents, executor);
    }
}
