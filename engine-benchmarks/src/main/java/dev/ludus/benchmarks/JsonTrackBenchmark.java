package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.LudusJson;
import java.util.List;
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
 * Ludus on the reference workload with JSON parsing included, the path of {@code ludus run}: one op of
 * {@code parseAndTrack} is one pre-rendered JSON line ({@link ReferenceWorkload#jsonLines()}) read with
 * {@link LudusJson#readEvent(String)} and tracked end to end, as in {@link TrackBenchmark}; {@code parse} reads
 * the line only, so the two split the cost. Events per second on one thread are {@code 1e9 / (ns/op)}.
 * Writing the result back as JSON is not included.
 *
 * <p>Run with (after {@code ./mvnw -B -q -pl engine-benchmarks -am package -DskipTests}):
 * <pre>{@code
 * java -jar engine-benchmarks/target/benchmarks.jar JsonTrackBenchmark -f 1
 * java -jar engine-benchmarks/target/benchmarks.jar JsonTrackBenchmark -f 1 -p historyPerPlayer=1
 * }</pre>
 *
 * <p>Setup parses and tracks every line on a separate new engine and fails the trial unless every event was
 * processed and as many rules fired as by the {@link HandWrittenBaseline} on the pre-built events.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Benchmark)
public class JsonTrackBenchmark {

    /** Number of rules; the event types scale with it as in {@link ReferenceWorkload#scaled(int)}. */
    @Param({"1000"})
    public int rules;

    /** History entries the in-memory store keeps per player; 100 is the store's default. */
    @Param({"100"})
    public int historyPerPlayer;

    private RuleEngine engine;
    private String[] lines;

    /** Renders the events as JSON lines and checks that parsing them fires what the baseline fires. */
    @Setup(Level.Trial)
    public void setUp() {
        ReferenceWorkload workload = ReferenceWorkload.scaled(rules);
        List<String> json = workload.jsonLines();
        lines = json.toArray(new String[0]);
        RuleEngine check = TrackBenchmark.newEngine(workload, "typed", historyPerPlayer);
        long fired = 0;
        for (String line : lines) {
            EventResult result = check.track(LudusJson.readEvent(line));
            if (result.status() != EventStatus.PROCESSED) {
                throw new IllegalStateException("Ludus did not process " + line + ": " + result);
            }
            fired += result.rulesTriggered().size();
        }
        WorkCheck.requireFired("Ludus with JSON parsing (" + rules + " rules)", fired, WorkCheck.expectedFired(workload));
        engine = TrackBenchmark.newEngine(workload, "typed", historyPerPlayer);
    }

    /** @return the next line, parsed */
    @Benchmark
    public Event parse(Cursor cursor) {
        return LudusJson.readEvent(lines[cursor.next(lines.length)]);
    }

    /** @return the result of tracking the next line, parsed */
    @Benchmark
    public EventResult parseAndTrack(Cursor cursor) {
        return engine.track(LudusJson.readEvent(lines[cursor.next(lines.length)]));
    }
}
