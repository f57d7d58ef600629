package dev.ludus.benchmarks;

import dev.ludus.api.ExpressionPolicy;
import dev.ludus.api.PlayerState;
import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.ConditionType;
import dev.ludus.api.spi.ConfigNode;
import dev.ludus.api.spi.EvaluationContext;
import dev.ludus.core.Ludus;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One condition evaluation: a typed condition against the same condition written as an expression
 * (issue 4's target: an expression costs at most 2× the typed condition), with a hand-written Java
 * predicate as the floor and TRUSTED MVEL for reference.
 *
 * <p>The conditions are compiled by a real engine, through the public SPI: a custom condition type
 * {@code capture} compiles its nested {@code condition} with {@link CompileContext#compileCondition} and
 * hands the compiled {@link Condition} to the benchmark, which then calls {@link Condition#test} on
 * pre-built events (scores uniform 0…99, category one of two), so nothing but the condition is measured.
 *
 * <p>Run: {@code java -jar engine-benchmarks/target/benchmarks.jar ExpressionBenchmark -f 1 -wi 2 -i 3}
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExpressionBenchmark {
    private static final int EVENTS = 1024;

    /**
     * {@code java}: hand-written predicate; {@code typed_gte} / {@code expression_gte}: score at least 80;
     * {@code typed_and} / {@code expression_and}: and category is "science"; {@code trusted_and}: the
     * latter through full MVEL.
     */
    @Param({"java", "typed_gte", "expression_gte", "typed_and", "expression_and", "trusted_and"})
    public String variant;

    private Condition condition;
    private EvaluationContext[] events;
    private int next;

    @Setup
    public void setUp() {
        condition = switch (variant) {
            case "java" -> ctx -> ctx.properties().get("score") instanceof Long score && score >= 80;
            case "typed_gte" -> compile(ExpressionPolicy.SANDBOXED,
                    "{ \"type\": \"property_gte\", \"property\": \"score\", \"value\": 80 }");
            case "expression_gte" -> compile(ExpressionPolicy.SANDBOXED,
                    "{ \"type\": \"expression\", \"expression\": \"score >= 80\" }");
            case "typed_and" -> compile(ExpressionPolicy.SANDBOXED, "{ \"type\": \"all\", \"conditions\": ["
                    + " { \"type\": \"property_gte\", \"property\": \"score\", \"value\": 80 },"
                    + " { \"type\": \"property_eq\", \"property\": \"category\", \"value\": \"science\" } ] }");
            case "expression_and" -> compile(ExpressionPolicy.SANDBOXED,
                    "{ \"type\": \"expression\", \"expression\": \"score >= 80 && category == 'science'\" }");
            case "trusted_and" -> compile(ExpressionPolicy.TRUSTED,
                    "{ \"type\": \"expression\", \"expression\": \"score >= 80 && category == 'science'\" }");
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
        Random random = new Random(42);
        PlayerState player = PlayerState.initial("player-1", 100);
        events = new EvaluationContext[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            events[i] = new BenchEvent(Map.of("score", (long) random.nextInt(100),
                    "category", random.nextBoolean() ? "science" : "art"), player);
        }
    }

    @Benchmark
    public boolean evaluate() {
        EvaluationContext event = events[next++ & (EVENTS - 1)];
        return condition.test(event);
    }

    /** Loads a one-rule game whose only condition is {@code capture} around {@code conditionJson}. */
    private static Condition compile(ExpressionPolicy policy, String conditionJson) {
        Capture capture = new Capture();
        Ludus.builder().expressionPolicy(policy).conditionType(capture).game(
                "[ { \"id\": \"r\", \"name\": \"r\", \"trigger\": { \"eventType\": \"e\" },"
                        + " \"conditions\": [ { \"type\": \"capture\", \"condition\": " + conditionJson + " } ],"
                        + " \"actions\": [] } ]").build();
        if (capture.compiled == null) {
            throw new IllegalStateException("the game compiled without compiling the captured condition");
        }
        return capture.compiled;
    }

    /** A custom condition type that keeps the compiled form of its nested condition. */
    private static final class Capture implements ConditionType {
        private Condition compiled;

        @Override
        public String name() {
            return "capture";
        }

        @Override
        public Condition compile(ConfigNode config, CompileContext context) {
            ConfigNode inner = config.object("condition");
            compiled = inner == null ? null : context.compileCondition(inner);
            return compiled;
        }
    }

    /** A pre-built event as conditions see it. */
    private record BenchEvent(Map<String, Object> properties, PlayerState player) implements EvaluationContext {
        private static final Instant TIME = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public String eventId() {
            return "e";
        }

        @Override
        public String externalUserId() {
            return player.externalUserId();
        }

        @Override
        public String eventType() {
            return "e";
        }

        @Override
        public Instant timestamp() {
            return TIME;
        }

        @Override
        public Object property(String path) {
            return properties.get(path);
        }
    }
}
