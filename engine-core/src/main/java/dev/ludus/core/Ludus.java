package dev.ludus.core;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.ExpressionPolicy;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.LudusException;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.ActionType;
import dev.ludus.api.spi.ConditionType;
import dev.ludus.api.spi.PlayerStore;
import dev.ludus.core.internal.engine.EngineFactory;
import dev.ludus.core.internal.engine.EventLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The one way in: builds a {@link RuleEngine} from a JSON game definition.
 *
 * <pre>{@code
 * RuleEngine engine = Ludus.builder().game(Path.of("game.json")).build();
 * EventResult result = engine.track(Event.of("user-123", "lesson_completed", Map.of("score", 95)));
 * }</pre>
 */
public final class Ludus {
    private Ludus() {
    }

    /** @return a new builder with the defaults of SPEC section 2 and an in-memory store */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Configures and builds an engine. Each setting may be set once; a second call throws
     * {@link IllegalStateException}. Not thread-safe; {@link #build()} does not change the builder and may
     * be called again.
     */
    public static final class Builder {
        private String gameJson;
        private PlayerStore store;
        private Clock clock;
        private Integer maxCommitRetries;
        private Integer maxDistinctValues;
        private Integer maxEmittedEvents;
        private Executor executor;
        private ExpressionPolicy expressionPolicy;
        private final EventLimits.Builder limits = EventLimits.builder();
        private final List<ConditionType> conditionTypes = new ArrayList<>();
        private final List<ActionType> actionTypes = new ArrayList<>();

        private Builder() {
        }

        /** @param json the game definition (a document, or a bare array of rules) */
        public Builder game(String json) {
            requireUnset(gameJson, "game");
            this.gameJson = Objects.requireNonNull(json, "json");
            return this;
        }

        /**
         * @param file a UTF-8 JSON game file
         * @throws LudusException {@code INVALID_JSON} when the file cannot be read
         */
        public Builder game(Path file) {
            Objects.requireNonNull(file, "file");
            try {
                return game(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new LudusException(ErrorCode.INVALID_JSON, "cannot read game file " + file + ": " + e, e);
            }
        }

        /** @param store where player state lives; default: a new in-memory store */
        public Builder store(PlayerStore store) {
            requireUnset(this.store, "store");
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** @param clock the time of events that carry no timestamp; default: the system UTC clock */
        public Builder clock(Clock clock) {
            requireUnset(this.clock, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param executor runs {@code trackAsync} and the players of a {@code trackBatch} in parallel (the calling
         *                 thread of a batch takes part, and tracks every player no task took): a batch gives a
         *                 {@link ForkJoinPool} as many tasks as its parallelism, a
         *                 {@link java.util.concurrent.ThreadPoolExecutor} as many as its maximum pool size, any
         *                 other executor one per player; default: {@link ForkJoinPool#commonPool()}, or a new
         *                 thread per task where the common pool is configured to run nothing
         *                 ({@code java.util.concurrent.ForkJoinPool.common.parallelism=0}), as the JDK's
         *                 {@code CompletableFuture} does
         */
        public Builder executor(Executor executor) {
            requireUnset(this.executor, "executor");
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param policy what the engine does with rule expressions: {@link ExpressionPolicy#SANDBOXED}
         *               (the default) checks each one against an allowlist at load,
         *               {@link ExpressionPolicy#TRUSTED} runs full MVEL (only for rules written by the
         *               application's developers), {@link ExpressionPolicy#DISABLED} refuses them
         */
        public Builder expressionPolicy(ExpressionPolicy policy) {
            requireUnset(expressionPolicy, "expressionPolicy");
            this.expressionPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @param retries how often one event is re-evaluated after a concurrent commit (default 16) */
        public Builder maxCommitRetries(int retries) {
            requireUnset(maxCommitRetries, "maxCommitRetries");
            if (retries < 0) {
                throw new IllegalArgumentException("maxCommitRetries must be >= 0, was " + retries);
            }
            this.maxCommitRetries = retries;
            return this;
        }

        /**
         * @param max how many distinct values a {@code distinct_count} condition tracks per player (default
         *            10,000); past that the least recently seen are forgotten
         */
        public Builder maxDistinctValues(int max) {
            requireUnset(maxDistinctValues, "maxDistinctValues");
            if (max < 1) {
                throw new IllegalArgumentException("maxDistinctValues must be at least 1, was " + max);
            }
            this.maxDistinctValues = max;
            return this;
        }

        /**
         * @param max how many events {@code emit_event} (or a custom action's {@code ActionContext.emitEvent}) may
         *            derive from one tracked event, its whole cascade counted (default 1,000; events derived by
         *            derived events count, {@code level_up} events do not); an emit beyond it fails its rule with
         *            {@code CASCADE_LIMIT}
         * @throws IllegalArgumentException if {@code max} is below 1
         */
        public Builder maxEmittedEvents(int max) {
            requireUnset(maxEmittedEvents, "maxEmittedEvents");
            if (max < 1) {
                throw new IllegalArgumentException("maxEmittedEvents must be at least 1, was " + max);
            }
            this.maxEmittedEvents = max;
            return this;
        }

        /** @param max the longest {@code externalUserId} accepted, in characters (default 256) */
        public Builder maxExternalUserIdLength(int max) {
            limits.maxExternalUserIdLength(max);
            return this;
        }

        /** @param max the longest {@code eventType} accepted, in characters (default 128) */
        public Builder maxEventTypeLength(int max) {
            limits.maxEventTypeLength(max);
            return this;
        }

        /**
         * @param max the longest {@code eventId} accepted, in characters (default 256)
         * @throws IllegalArgumentException if {@code max} is below 1
         */
        public Builder maxEventIdLength(int max) {
            limits.maxEventIdLength(max);
            return this;
        }

        /**
         * @param max the longest {@code idempotencyKey} accepted, in characters (default 256)
         * @throws IllegalArgumentException if {@code max} is below 1
         */
        public Builder maxIdempotencyKeyLength(int max) {
            limits.maxIdempotencyKeyLength(max);
            return this;
        }

        /** @param max the deepest nesting of property values accepted (default 8, at most 1,000) */
        public Builder maxPropertyDepth(int max) {
            limits.maxPropertyDepth(max);
            return this;
        }

        /** @param max the most keys accepted in an event's properties, nested objects included (default 256) */
        public Builder maxPropertyKeys(int max) {
            limits.maxPropertyKeys(max);
            return this;
        }

        /** @param max the longest string property value accepted, in characters (default 65,536) */
        public Builder maxPropertyStringLength(int max) {
            limits.maxStringLength(max);
            return this;
        }

        /** Registers an application's own condition type; its name must not clash with another's. */
        public Builder conditionType(ConditionType type) {
            conditionTypes.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /** Registers an application's own action type; its name must not clash with another's. */
        public Builder actionType(ActionType type) {
            actionTypes.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * @return a new engine for the game
         * @throws GameCompileException  with every error found when the game does not compile
         * @throws IllegalStateException when no game was set, or custom type names clash
         */
        public RuleEngine build() {
            if (gameJson == null) {
                throw new IllegalStateException("no game was set: call game(...) before build()");
            }
            return EngineFactory.create(gameJson, store, clock == null ? Clock.systemUTC() : clock,
                    maxCommitRetries == null ? 16 : maxCommitRetries, limits.build(), conditionTypes, actionTypes,
                    executor == null ? defaultExecutor(
                            Integer.getInteger("java.util.concurrent.ForkJoinPool.common.parallelism")) : executor,
                    expressionPolicy == null ? ExpressionPolicy.SANDBOXED : expressionPolicy,
                    maxDistinctValues == null ? 10_000 : maxDistinctValues,
                    maxEmittedEvents == null ? 1_000 : maxEmittedEvents);
        }

        /**
         * @param commonParallelism the common pool's configured parallelism, or {@code null} when not configured
         * @return the common pool, or a thread per task when it is configured to run no task at all
         */
        static Executor defaultExecutor(Integer commonParallelism) {
            if (commonParallelism != null && commonParallelism == 0) {
                return task -> new Thread(task, "ludus-async").start();
            }
            return ForkJoinPool.commonPool();
        }

        private static void requireUnset(Object current, String setting) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set to " + current);
            }
        }
    }
}
