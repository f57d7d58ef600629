package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.RuleEngine;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ludus on the reference workload's {@value ReferenceWorkload#EVENT_COUNT} events (about 3,400 players) at once:
 * {@code trackBatch} of all of them on the default executor (the common fork-join pool), against {@code loop}, the
 * same events tracked one by one on the calling thread. Times are per event ({@link OperationsPerInvocation}), wall
 * time, so a batch that uses both of this machine's processors can take less than the loop. The loop inside
 * {@code loop} is the point of the comparison (what an application does without {@code trackBatch}), not a way
 * to make a short operation measurable.
 *
 * <p>Run with (after {@code ./mvnw -B -q -pl engine-benchmarks -am package -DskipTests}):
 * <pre>{@code
 * java -jar engine-benchmarks/target/benchmarks.jar BatchTrackBenchmark -f 1
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Benchmark)
public class BatchTrackBenchmark {
    private RuleEngine engine;
    private List<Event> events;

    /** Checks that a batch fires what the baseline fires, and builds the engine under test. */
    @Setup(Level.Trial)
    public void setUp() {
        ReferenceWorkload workload = ReferenceWorkload.rw1000();
        events = workload.events();
        long fired = 0;
        for (EventResult result : workload.newEngine().trackBatch(events)) {
            fired += result.rulesTriggered().size();
        }
        WorkCheck.requireFired("Ludus trackBatch", fired, WorkCheck.expectedFired(workload));
        engine = workload.newEngine();
    }

    /** @return the results of tracking all the events in one batch */
    @Benchmark
    @OperationsPerInvocation(ReferenceWorkload.EVENT_COUNT)
    public List<EventResult> batch() {
        return engine.trackBatch(events);
    }

    /** @return the fired rules of tracking all the events one by one */
    @Benchmark
    @OperationsPerInvocation(ReferenceWorkload.EVENT_COUNT)
    public long loop() {
        long fired = 0;
        for (Event event : events) {
            fired += engine.track(event).rulesTriggered().size();
        }
        return fired;
    }
}
