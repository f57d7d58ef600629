package dev.ludus.core.internal.expression;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.ExpressionPolicy;
import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.ConfigNode;
import dev.ludus.api.spi.EvaluationContext;
import java.io.Serializable;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;

/**
 * Compiles rule expressions (SPEC section 10) under one engine's {@link ExpressionPolicy}: the
 * {@code expression} condition type and {@code { "expression": … }} amounts are built through it.
 *
 * <p>Compiled programs are kept in one bounded Caffeine cache shared by every engine in the JVM, keyed by
 * source and policy. A program depends on nothing else (not the game, the rule or the engine), so
 * sharing is safe, and a game that is reloaded, or a second engine built on the same game, compiles only
 * the expressions it has not seen. The policy is part of the key, so a sandboxed engine can never be
 * handed a program compiled for a trusted one.
 *
 * <p>Thread-safe.
 */
public final class Expressions {
    /** The field that holds the source, in an {@code expression} condition and in an amount object. */
    private static final String FIELD = "expression";
    /** Bound on the shared cache, in characters of expression source (a few MB of programs). */
    static final long CACHE_WEIGHT = 4_000_000;
    /** What one cached program weighs on top of its source, in the same unit. */
    static final int ENTRY_OVERHEAD = 100;

    private static final Cache<Key, Program> SHARED_CACHE = newCache(Caffeine.newBuilder());

    private final ExpressionPolicy policy;
    private final Cache<Key, Program> cache;

    Expressions(ExpressionPolicy policy, Cache<Key, Program> cache) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** @return the expression service for an engine with this policy, on the JVM-wide cache */
    public static Expressions of(ExpressionPolicy policy) {
        return new Expressions(policy, SHARED_CACHE);
    }

    /** @return a cache bounded as the shared one, for tests that count compiles */
    static Cache<Key, Program> newCache(Caffeine<Object, Object> builder) {
        return builder.maximumWeight(CACHE_WEIGHT)
                .weigher((Key key, Program program) -> key.source().length() + ENTRY_OVERHEAD)
                .build();
    }

    /**
     * Compiles the {@code expression} condition type: its {@code expression} field.
     *
     * @return the condition, or {@code null} after reporting a compile error on {@code config}
     */
    public Condition condition(ConfigNode config, CompileContext context) {
        String source = config.string(FIELD);
        if (source == null) {
            return null;
        }
        Program program = program(config, source);
        if (program == null) {
            return null;
        }
        Origin origin = origin(config, source);
        if (program instanceof SandboxProgram sandbox) {
            Condition fast = PropertyComparison.of(sandbox.expr(), origin);
            if (fast != null) {
                return fast;
            }
        }
        return new ExpressionCondition(program, origin);
    }

    /**
     * Compiles an amount given as {@code { "expression": "…" }}: {@code config} is that object (the
     * compiler reports any other field in it as unknown).
     *
     * @return the amount, or {@code null} after reporting a compile error on {@code config}
     */
    public ToLongFunction<EvaluationContext> amount(ConfigNode config) {
        String source = config.string(FIELD);
        if (source == null) {
            return null;
        }
        Program program = program(config, source);
        return program == null ? null : new ExpressionAmount(program, origin(config, source));
    }

    private Program program(ConfigNode config, String source) {
        try {
            return program(source);
        } catch (ExpressionSyntaxException e) {
            config.error(FIELD, e.code(), e.getMessage());
            return null;
        }
    }

    /**
     * @return the compiled program for {@code source} under this engine's policy, from the cache when
     *         it was compiled before
     * @throws ExpressionSyntaxException when the policy or the grammar refuses it
     */
    Program program(String source) {
        if (policy == ExpressionPolicy.DISABLED) {
            throw ExpressionSyntaxException.of(ErrorCode.EXPRESSION_NOT_ALLOWED,
                    "expressions are disabled on this engine (ExpressionPolicy.DISABLED)");
        }
        return cache.get(new Key(source, policy), Expressions::compile);
    }

    private static Program compile(Key key) {
        return switch (key.policy()) {
            case SANDBOXED -> new SandboxProgram(Parser.parse(key.source()));
            case TRUSTED -> mvel(key.source());
            case DISABLED -> throw new IllegalArgumentException("DISABLED compiles nothing");
        };
    }

    /**
     * Full MVEL, plus the helpers. A fresh ParserContext per compile, so no import, variable or setting
     * leaks from one expression to another, and MVEL's JVM-wide settings stay as MVEL ships them.
     */
    private static Program mvel(String source) {
        ParserContext parserContext = new ParserContext();
        MvelHelpers.importInto(parserContext);
        Serializable compiled;
        try {
            compiled = MVEL.compileExpression(source, parserContext);
        } catch (RuntimeException e) {
            // CompileException for syntax; MVEL reports some resolution failures with other exceptions.
            throw ExpressionSyntaxException.of(ErrorCode.INVALID_RULE,
                    "MVEL cannot compile the expression: " + MvelProgram.firstLine(e));
        }
        return new MvelProgram(compiled);
    }

    private static Origin origin(ConfigNode config, String source) {
        return new Origin(source, config.ruleId(), config.pointer() + "/" + FIELD);
    }

    /** The cache key: the same source means a different program under a different policy. */
    record Key(String source, ExpressionPolicy policy) {
    }
}
