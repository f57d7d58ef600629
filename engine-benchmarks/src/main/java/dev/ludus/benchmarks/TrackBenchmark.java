package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.RuleEngine;
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
 * <p>Run with (after {@code ./mvnw -B -q -pl engine-benchmarks -am package -DskipTests}):
 * <pre>{@code
 * java -jar engine-benchmarks/target/benchmarks.jar TrackBenchmark -f 1
 * java -jar engine-benchmarks/target/benchmarks.jar -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc   # with the baseline
 * }</pre>
 *
 * <p>Setup tracks all events on a separate new engine and on the baseline first and fails the trial if
 * they fire a different number of rules.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TrackBenchmark {

    /** Number of rules in the game; the RW-1000 of SPEC 14 is 1000. */
    @Param({"1000"})
    public int rules;

    private RuleEngine engine;
    private Event[] events;

    /** Builds the workload, checks it against the baseline and builds the engine under test. */
    @Setup(Level.Trial)
    public void setUp() {
        ReferenceWorkload workload = ReferenceWorkload.of(rules);
        HandWrittenBaseline.requireSameFiredRules(workload);
        engine = workload.newEngine();
        events = workload.events().toArray(new Event[0]);
    }

    /** Each benchmark thread walks the events from its own position; the engine itself is shared. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        Event next(Event[] events) {
            Event event = events[next];
            // A compare, not %: an integer division would cost as much as a fair part of the baseline.
            if (++next == events.length) {
                next = 0;
            }
            return event;
        }
    }

    /** @return the result of tracking the next event */
    @Benchmark
    public EventResult track(Cursor cursor) {
        return engine.track(cursor.next(events));
    }
}
