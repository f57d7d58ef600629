package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
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
 * The {@link ContractFloor} on the reference workload: a lean hand-written implementation of the engine's
 * contract for these rules (event id, clock, validation, immutable snapshot and atomic commit, result, history),
 * so that {@link TrackBenchmark} at the same {@code historyPerPlayer} shows what the engine's generality costs
 * beyond the contract, and {@link BaselineBenchmark} what the contract costs beyond the bare rules.
 *
 * <p>Run with (after {@code ./mvnw -B -q -pl engine-benchmarks -am package -DskipTests}):
 * <pre>{@code
 * java -jar engine-benchmarks/target/benchmarks.jar ContractFloorBenchmark -f 1
 * }</pre>
 *
 * <p>Setup checks that the contract floor fires as many rules as the hand-written baseline ({@code
 * ContractFloorTest} compares its results with Ludus's event by event).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Benchmark)
public class ContractFloorBenchmark {

    /** Number of rules in the game; the RW-1000 of SPEC 14 is 1000. */
    @Param({"1000"})
    public int rules;

    /** History entries kept per player; 100 is the in-memory store's default. */
    @Param({"100", "0"})
    public int historyPerPlayer;

    private ContractFloor floor;
    private Event[] events;

    /** Builds the workload, checks the contract floor's work against the baseline and builds the floor under test. */
    @Setup(Level.Trial)
    public void setUp() {
        ReferenceWorkload workload = ReferenceWorkload.scaled(rules);
        events = workload.events().toArray(new Event[0]);
        long fired = HandWrittenBaseline.fired("the contract floor",
                new ContractFloor(workload.rules(), historyPerPlayer)::track, workload.events());
        WorkCheck.requireFired("the contract floor (" + rules + " rules)", fired, WorkCheck.expectedFired(workload));
        floor = new ContractFloor(workload.rules(), historyPerPlayer);
    }

    /** @return the result of tracking the next event */
    @Benchmark
    public EventResult track(Cursor cursor) {
        return floor.track(events[cursor.next(events.length)]);
    }
}
