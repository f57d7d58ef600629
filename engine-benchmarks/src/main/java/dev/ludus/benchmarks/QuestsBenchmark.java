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
 * One player's {@code track} once they have progressed {@code quests} quests: each op progresses one of them
 * (in turn), which changes one entry of the player's quest standings. {@link #check} verifies that each op fires
 * the quest's rule, as the CI smoke does.
 *
 * <p>Run: {@code java -jar engine-benchmarks/target/benchmarks.jar QuestsBenchmark -f 1 -wi 3 -i 5}
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QuestsBenchmark {
    private static final Instant AT = Instant.parse("2026-12-05T12:00:00Z");

    /** Quests the player has progressed. */
    @Param({"10", "1000"})
    public int quests;

    private RuleEngine engine;
    private Event[] progress;
    private int next;

    @Setup
    public void setUp() {
        StringBuilder catalog = new StringBuilder();
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < quests; i++) {
            String comma = i == 0 ? "" : ",";
            catalog.append(comma).append("""
                    { "id": "q%d", "name": "Quest %d", "target": 1000000000 }""".formatted(i, i));
            rules.append(comma).append("""
                    { "id": "p%d", "name": "Progress %d", "trigger": { "eventType": "progress" },
                      "conditions": [ { "type": "property_eq", "property": "n", "value": %d } ],
                      "actions": [ { "type": "progress_quest", "questId": "q%d" } ] }""".formatted(i, i, i, i));
        }
        engine = Ludus.builder().game("{ \"quests\": [" + catalog + "], \"rules\": [" + rules + "] }").build();
        progress = new Event[quests];
        for (int i = 0; i < quests; i++) {
            progress[i] = Event.builder().externalUserId("p").eventType("progress").timestamp(AT).property("n", i)
                    .build();
            check(engine.track(progress[i]), i);
        }
        check(progress(), 0);
    }

    /** @throws IllegalStateException unless the op fired the rule of quest {@code quest} alone */
    static EventResult check(EventResult result, int quest) {
        if (!result.rulesTriggered().equals(List.of("p" + quest))) {
            throw new IllegalStateException("expected p" + quest + " to fire, got " + result);
        }
        return result;
    }

    /** Progresses the next quest in turn. */
    @Benchmark
    public EventResult progress() {
        Event event = progress[next];
        next = next + 1 == quests ? 0 : next + 1;
        return engine.track(event);
    }

    /** @return the quest the next op progresses */
    int nextQuest() {
        return next;
    }
}
