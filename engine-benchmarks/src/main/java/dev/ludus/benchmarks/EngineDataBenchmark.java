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
 * One player's {@code track} once the engine keeps much data for them: {@code achievements} one-time
 * achievements earned (rules limited to one fire per player, each leaving a limit counter), then an event that
 * fires a rule whose {@code event_count} condition updates one count ({@code counted}), or a rule with no
 * history or limit ({@code plain}). {@link #check} verifies that each op fires its rule, as the CI smoke does.
 *
 * <p>Run: {@code java -jar engine-benchmarks/target/benchmarks.jar EngineDataBenchmark -f 1 -wi 3 -i 5}
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineDataBenchmark {
    private static final Instant AT = Instant.parse("2026-12-05T12:00:00Z");

    /** One-time achievements the player has earned: limit counters kept for them. */
    @Param({"10", "1000"})
    public int achievements;

    private RuleEngine engine;
    private Event counted;
    private Event plain;

    @Setup
    public void setUp() {
        StringBuilder rules = new StringBuilder("""
                [ { "id": "counted", "name": "Counted", "trigger": { "eventType": "count" },
                    "conditions": [ { "type": "event_count", "min": 1 } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] },
                  { "id": "plain", "name": "Plain", "trigger": { "eventType": "play" },
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] }""");
        for (int i = 0; i < achievements; i++) {
            rules.append("""
                    ,
                      { "id": "a%d", "name": "Achievement %d", "trigger": { "eventType": "unlock" },
                        "conditions": [ { "type": "property_eq", "property": "n", "value": %d } ],
                        "limits": { "maxPerPlayer": 1 },
                        "actions": [ { "type": "grant_xp", "amount": 1 } ] }""".formatted(i, i, i));
        }
        engine = Ludus.builder().game(rules.append(" ]").toString()).build();
        for (int i = 0; i < achievements; i++) {
            check(engine.track(event("unlock").property("n", i).build()), "a" + i);
        }
        counted = event("count").build();
        plain = event("play").build();
        check(counted(), "counted");
        check(plain(), "plain");
    }

    private static Event.Builder event(String type) {
        return Event.builder().externalUserId("p").eventType(type).timestamp(AT);
    }

    /** @throws IllegalStateException unless the op fired {@code rule} alone */
    static EventResult check(EventResult result, String rule) {
        if (!result.rulesTriggered().equals(List.of(rule))) {
            throw new IllegalStateException("expected " + rule + " to fire, got " + result);
        }
        return result;
    }

    /** An event whose rule's {@code event_count} changes one entry of the player's engine data. */
    @Benchmark
    public EventResult counted() {
        return engine.track(counted);
    }

    /** An event whose rule keeps no data: the engine data is read and committed unchanged. */
    @Benchmark
    public EventResult plain() {
        return engine.track(plain);
    }
}
