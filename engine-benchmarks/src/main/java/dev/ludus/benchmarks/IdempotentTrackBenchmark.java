package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleEngine;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ludus on the reference workload with idempotency keys: one op of {@code keys=on} tracks an event that carries
 * a key never used before, so the engine looks the key up, misses, fingerprints the event and stores the key
 * with its result in the same commit. It measures the cost of keys on first delivery, not of answering a
 * duplicate.
 *
 * <p><b>Keys never repeat.</b> The 4,096 events of the workload would repeat their keys every cycle and turn
 * into duplicates, so each iteration starts on a new engine (an empty in-memory store) and tracks events
 * pre-built for that iteration by {@code @Setup(Level.Iteration)}: the workload's events cycled, each given the
 * key {@code i<iteration>-<n>}, nothing allocated in the measured method. The array holds at least 2^22 events
 * and twice the previous iteration's operations, so it does not run out; if an iteration still reaches its end,
 * the benchmark throws rather than replay keys. {@code keys=off} runs exactly the same scheme (new engine per
 * iteration, the same number of pre-built copies) without keys, so the ratio of the two is the cost of keys.
 * Because every iteration starts on an empty store, {@code keys=off} is not the same number as
 * {@link TrackBenchmark}, whose players keep their history across iterations. The store keeps every key of the
 * iteration (7 days' retention in event time), so memory grows with the iteration, as it would in production.
 *
 * <p>Run with (after {@code ./mvnw -B -q -pl engine-benchmarks -am package -DskipTests}):
 * <pre>{@code
 * java -jar engine-benchmarks/target/benchmarks.jar IdempotentTrackBenchmark -f 1
 * }</pre>
 *
 * <p>Setup tracks the keyed events once on a separate engine (they must fire what the baseline fires) and
 * then again (every one must come back {@code duplicate} with the rules of its first delivery), so a key that
 * did nothing would fail the trial. Single-threaded: the state is per thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Thread)
public class IdempotentTrackBenchmark {
    private static final int MIN_EVENTS = 1 << 22;

    /** Number of rules; the event types scale with it as in {@link ReferenceWorkload#scaled(int)}. */
    @Param({"1000"})
    public int rules;

    /** {@code on}: every event carries a new idempotency key; {@code off}: the same scheme without keys. */
    @Param({"on", "off"})
    public String keys;

    private ReferenceWorkload workload;
    private RuleEngine engine;
    private Event[] events;
    private int next;
    private int iteration;
    private int lastOps;

    /** Checks that keyed events fire what the baseline fires, and that their keys turn a resend into a duplicate. */
    @Setup(Level.Trial)
    public void setUp() {
        if (!keys.equals("on") && !keys.equals("off")) {
            throw new IllegalArgumentException("keys must be on or off, was " + keys);
        }
        workload = ReferenceWorkload.scaled(rules);
        List<Event> base = workload.events();
        Event[] check = build(base, base.size(), keys.equals("on") ? "check-" : null);
        RuleEngine first = workload.newEngine();
        long fired = HandWrittenBaseline.firedByLudus(first, List.of(check));
        WorkCheck.requireFired("Ludus with idempotency keys " + keys + " (" + rules + " rules)", fired,
                WorkCheck.expectedFired(workload));
        if (keys.equals("on")) {
            long replayed = 0;
            for (Event event : check) {
                EventResult result = first.track(event);
                if (result.status() != EventStatus.DUPLICATE) {
                    throw new IllegalStateException("a resend of " + event + " with key " + event.idempotencyKey()
                            + " was not a duplicate: " + result);
                }
                replayed += result.rulesTriggered().size();
            }
            WorkCheck.requireFired("Ludus answering duplicates", replayed, fired);
        }
        iteration = 0;
        lastOps = 0;
    }

    /** A new engine, and events enough for the iteration with keys no earlier iteration used. */
    @Setup(Level.Iteration)
    public void newIteration() {
        iteration++;
        engine = workload.newEngine();
        int count = Math.max(MIN_EVENTS, 2 * lastOps);
        count = (count + ReferenceWorkload.EVENT_COUNT - 1) / ReferenceWorkload.EVENT_COUNT * ReferenceWorkload.EVENT_COUNT;
        events = null; // let the previous iteration's events go before building the next ones
        events = build(workload.events(), count, keys.equals("on") ? "i" + iteration + "-" : null);
        next = 0;
    }

    /** Remembers how far the iteration got, to size the next one's events. */
    @TearDown(Level.Iteration)
    public void endIteration() {
        lastOps = next;
        engine = null;
    }

    /** @return the result of tracking the next pre-built event */
    @Benchmark
    public EventResult track() {
        if (next == events.length) {
            throw new IllegalStateException("iteration " + iteration + " used all " + events.length
                    + " pre-built events; tracking more would resend keys. Shorten the iteration (-r)");
        }
        return engine.track(events[next++]);
    }

    /** @return {@code count} events cycling through {@code base}, keyed {@code prefix + n} unless the prefix is null */
    private static Event[] build(List<Event> base, int count, String prefix) {
        Event[] out = new Event[count];
        for (int n = 0; n < count; n++) {
            Event.Builder builder = base.get(n % base.size()).toBuilder();
            if (prefix != null) {
                builder.idempotencyKey(prefix + n);
            }
            out[n] = builder.build();
        }
        return out;
    }
}
