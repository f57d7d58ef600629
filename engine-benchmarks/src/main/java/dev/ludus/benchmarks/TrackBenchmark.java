package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.ExpressionPolicy;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.Ludus;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ludus on the reference workload (SPEC section 14): one op is one pre-built event tracked end to end —
 * validation, event id, evaluation of the candidate rules, actions, commit to the in-memory store, result.
 * The events are tracked in a cycle, so player state keeps growing as it would in production; no JSON is
 * parsed. {@link BaselineBenchmark} does the same work by hand, so the two numbers make a ratio.
 *
 * <ul>
 *   <li>{@code rules}: 10, 100, 1,000 (RW-1000) or 10,000 rules, with the event types scaled so that each has
 *       20 candidate rules ({@link ReferenceWorkload#scaled(int)}; 10 rules share one type), so the number shows
 *       what the rule count costs beyond the candidates: indexing, not scanning;</li>
 *   <li>{@code conditions}: {@code typed} ({@code property_gte} and {@code property_eq}), {@code expression}
 *       (one {@code {"type": "expression", "expression": "score >= 37 && category == 'cat0'"}} per rule,
 *       {@link ReferenceWorkload#expressionGameJson()}, under the default sandboxed policy), or {@code mvel}
 *       (the same expressions run by full MVEL, {@link ExpressionPolicy#TRUSTED});</li>
 *   <li>{@code historyPerPlayer}: the history entries the in-memory store keeps per player, 100 by default as
 *       in the store; {@code -p historyPerPlayer=1} or {@code 0} (no history) shows what keeping history
 *       costs, garbage collection included.</li>
 * </ul>
 *
 * <p>Run with (after {@code ./mvnw -B -q -pl engine-benchmarks -am package -DskipTests}):
 * <pre>{@code
 * java -jar engine-benchmarks/target/benchmarks.jar TrackBenchmark -f 1
 * java -jar engine-benchmarks/target/benchmarks.jar TrackBenchmark -f 1 -p rules=1000 -p conditions=typed
 * java -jar engine-benchmarks/target/benchmarks.jar TrackBenchmark -f 1 -p conditions=typed -p historyPerPlayer=1
 * }</pre>
 *
 * <p>Setup tracks all events on a separate new engine and on the baseline first and fails the trial if
 * they fire a different number of rules. The engine is shared: run with {@code -t 2} for two threads on
 * the same players, or see {@link ContendedTrackBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Benchmark)
public class TrackBenchmark {

    /** Number of rules in the game; the RW-1000 of SPEC 14 is 1000. */
    @Param({"10", "100", "1000", "10000"})
    public int rules;

    /** How each rule's conditions are written: {@code typed}, {@code expression} (sandboxed) or {@code mvel}. */
    @Param({"typed", "expression", "mvel"})
    public String conditions;

    /** History entries the in-memory store keeps per player; 100 is the store's default. */
    @Param({"100"})
    public int historyPerPlayer;

    private RuleEngine engine;
    private Event[] events;

    /** Builds the workload, checks the engine against the baseline and builds the engine under test. */
    @Setup(Level.Trial)
    public void setUp() {
        ReferenceWorkload workload = ReferenceWorkload.scaled(rules);
        events = workload.events().toArray(new Event[0]);
        long fired = HandWrittenBaseline.firedByLudus(newEngine(workload, conditions, historyPerPlayer),
                workload.events());
        WorkCheck.requireFired("Ludus (" + rules + " rules, " + conditions + " conditions)", fired,
                WorkCheck.expectedFired(workload));
        engine = newEngine(workload, conditions, historyPerPlayer);
    }

    /**
     * @param conditions       {@code typed}, {@code expression} or {@code mvel}
     * @param historyPerPlayer history entries the in-memory store keeps per player
     * @return a new engine for the workload's game with its conditions written that way
     * @throws IllegalStateException when the game does not compile, with the engine's first error
     */
    static RuleEngine newEngine(ReferenceWorkload workload, String conditions, int historyPerPlayer) {
        Ludus.Builder builder = Ludus.builder()
                .store(InMemoryPlayerStore.builder().historyPerPlayer(historyPerPlayer).build());
        switch (conditions) {
            case "typed" -> builder.game(workload.gameJson());
            case "expression" -> builder.expressionPolicy(ExpressionPolicy.SANDBOXED).game(workload.expressionGameJson());
            case "mvel" -> builder.expressionPolicy(ExpressionPolicy.TRUSTED).game(workload.expressionGameJson());
            default -> throw new IllegalArgumentException("conditions must be typed, expression or mvel, was "
                    + conditions);
        }
        try {
            return builder.build();
        } catch (GameCompileException e) {
            String first = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).toString();
            throw new IllegalStateException("the " + conditions + " game of " + workload.ruleCount()
                    + " rules does not compile: " + e.errors().size() + " errors; first: " + first, e);
        }
    }

    /** @return the result of tracking the next event */
    @Benchmark
    public EventResult track(Cursor cursor) {
        return engine.track(events[cursor.next(events.length)]);
    }
}
