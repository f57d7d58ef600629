package dev.ludus.benchmarks;

import dev.ludus.api.Event;
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
 * The {@link HandWrittenBaseline} on the reference workload: one op is one pre-built event matched and
 * applied to the baseline's player map, the floor that {@link TrackBenchmark} and the peers are compared
 * with. The rule counts and event types are those of {@link TrackBenchmark}
 * ({@link ReferenceWorkload#scaled(int)}: 20 candidates per event type).
 *
 * <p>Run with (after {@code ./mvnw -B -q -pl engine-benchmarks -am package -DskipTests}):
 * <pre>{@code
 * java -jar engine-benchmarks/target/benchmarks.jar BaselineBenchmark -f 1
 * }</pre>
 *
 * <p>The state is per thread because the baseline is not thread-safe: with {@code -t 2} each thread has
 * its own baseline. Setup checks that Ludus and the baseline fire the same number of rules.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Thread)
public class BaselineBenchmark {

    /** Number of rules in the game; the RW-1000 of SPEC 14 is 1000. */
    @Param({"10", "100", "1000", "10000"})
    public int rules;

    private HandWrittenBaseline baseline;
    private Event[] events;
    private int next;

    /** Builds the workload, checks it against Ludus and builds the baseline under test. */
    @Setup(Level.Trial)
    public void setUp() {
        ReferenceWorkload workload = ReferenceWorkload.scaled(rules);
        HandWrittenBaseline.requireSameFiredRules(workload);
        baseline = workload.newBaseline();
        events = workload.events().toArray(new Event[0]);
        next = 0;
    }

    /** @return the number of rules the next event fired */
    @Benchmark
    public int track() {
        Event event = events[next];
        // A compare, not %: an integer division would cost as much as a fair part of the baseline.
        if (++next == events.length) {
            next = 0;
        }
        return baseline.track(event);
    }
}
