package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.Ludus;
import java.time.Instant;
import java.util.List;
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
 * One player's {@code distinct_count} once it holds many values: the whole {@code track} of an event whose
 * value is new (the least recently seen value is forgotten to make room) or already held (the least recently
 * seen one, which then moves to the newest). The rule {@code r} asks for {@code values} distinct values, the
 * engine's {@code maxDistinctValues} is {@code values}, and setup first tracks that many, so every op fires
 * {@code r}; {@link #check} verifies it, as the CI smoke does.
 *
 * <p>Run: {@code java -jar engine-benchmarks/target/benchmarks.jar DistinctCountBenchmark -f 1 -wi 3 -i 5}
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DistinctCountBenchmark {
    private static final Instant AT = Instant.parse("2026-12-05T12:00:00Z");

    /** Values held, and the cap. */
    @Param({"100", "10000"})
    public int values;

    /** {@code life}: a lifetime count; {@code day}: a 7-day window (all events on one day). */
    @Param({"life", "day"})
    public String window;

    private RuleEngine engine;
    private int nextNew;
    private int nextSeen;

    @Setup
    public void setUp() {
        String windowField = window.equals("life") ? "" : ", \"window\": {\"unit\": \"day\", \"count\": 7}";
        engine = Ludus.builder().maxDistinctValues(values).game("""
                [ { "id": "r", "name": "Many", "trigger": { "eventType": "visit" },
                    "conditions": [ { "type": "distinct_count", "property": "v", "min": %d%s } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""".formatted(values, windowField))
                .build();
        for (int i = 0; i < values; i++) {
            engine.track(visit(i));
        }
        nextNew = values;
        check(newValue());
        check(seenValue());
    }

    private static Event visit(int value) {
        return Event.builder().externalUserId("p").eventType("visit").timestamp(AT).property("v", "v" + value)
                .build();
    }

    /** @throws IllegalStateException unless the op fired {@code r} alone, as it must with the values held */
    static EventResult check(EventResult result) {
        if (!result.rulesTriggered().equals(List.of("r"))) {
            throw new IllegalStateException("expected r to fire, got " + result);
        }
        return result;
    }

    /** A value never seen: one held value is forgotten. */
    @Benchmark
    public EventResult newValue() {
        return engine.track(visit(nextNew++));
    }

    /** The least recently seen value held (the values held are the {@code values} newest of 0, 1, 2, …). */
    @Benchmark
    public EventResult seenValue() {
        int oldestHeld = nextNew - values;
        EventResult result = engine.track(visit(oldestHeld + nextSeen % values));
        nextSeen++;
        return result;
    }
}
