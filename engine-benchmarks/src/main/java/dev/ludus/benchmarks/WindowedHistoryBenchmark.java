package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.Ludus;
import java.time.Duration;
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
 * One player's windowed {@code event_count} or {@code property_sum} once it keeps {@code units} day buckets:
 * the whole {@code track} of a {@code visit}, which adds to the newest bucket ({@code add}; its rule {@code v}
 * has no condition, so nothing reads the window), and of a {@code check}, whose rule {@code w} reads the sum of
 * all {@code units} buckets ({@code read}). Setup tracks one {@code visit} a day for {@code units} days, so every
 * bucket holds something and {@code w}'s {@code min} (what the buckets held then) holds on every op;
 * {@link #check} verifies that each op fires its rule, as the CI smoke does. {@code sum} adds 0.25 per visit, a
 * decimal, which is the dearer cell to add up exactly. {@code late} is a visit {@value #LATE_DAYS} days before
 * the newest, inside every window: it adds to an older bucket, and nothing reads the window either. {@code nextUnit}
 * is a visit in a new unit on the same rules over hour buckets ({@link Hourly}): it adds a bucket and forgets the
 * oldest.
 *
 * <p>Run: {@code java -jar engine-benchmarks/target/benchmarks.jar WindowedHistoryBenchmark -f 1 -wi 3 -i 5}
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WindowedHistoryBenchmark {
    private static final Instant AT = Instant.parse("2026-12-05T12:00:00Z");
    /** How many days before the newest bucket {@link #late} visits: inside the smallest window, 10 days. */
    private static final int LATE_DAYS = 5;

    /** Day buckets kept, and the window read. */
    @Param({"10", "100", "1000"})
    public int units;

    /** {@code count}: an {@code event_count}; {@code sum}: a {@code property_sum} of 0.25 per visit. */
    @Param({"count", "sum"})
    public String aggregate;

    private RuleEngine engine;
    private Event visit;
    private Event lateVisit;
    private Event check;

    @Setup
    public void setUp() {
        if (LATE_DAYS >= units) {
            throw new IllegalStateException("late visits " + LATE_DAYS + " days back, outside a window of " + units);
        }
        engine = newEngine(units, aggregate, "day");
        for (int day = units - 1; day >= 0; day--) {
            check(engine.track(visitAt(AT.minus(Duration.ofDays(day)))), "v");
        }
        visit = visitAt(AT);
        lateVisit = visitAt(AT.minus(Duration.ofDays(LATE_DAYS)));
        check = Event.builder().externalUserId("p").eventType("check").timestamp(AT).build();
        check(add(), "v");
        check(late(), "v");
        check(read(), "w");
    }

    /** @return an engine whose rule {@code w} reads a window of {@code units} of {@code unit} */
    private static RuleEngine newEngine(int units, String aggregate, String unit) {
        String condition = aggregate.equals("count")
                ? "\"type\": \"event_count\", \"min\": %d".formatted(units)
                : "\"type\": \"property_sum\", \"property\": \"amount\", \"min\": %s".formatted(0.25 * units);
        return Ludus.builder().game("""
                [ { "id": "v", "name": "Visit", "trigger": { "eventType": "visit" },
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] },
                  { "id": "w", "name": "Window", "trigger": { "eventType": "check" },
                    "conditions": [ { %s, "eventType": "visit",
                                      "window": { "unit": "%s", "count": %d } } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""".formatted(condition, unit, units))
                .build();
    }

    /**
     * The state of {@link #nextUnit}: the same rules over hour buckets, and the time of the next visit, an hour after
     * the previous one, so that every visit starts a new bucket and the oldest one is forgotten (day buckets would
     * pass the year 9999 within a run: a million ops are 2,700 years of days but 114 of hours).
     */
    @State(Scope.Thread)
    public static class Hourly {
        /** Visits after this would come too close to the last timestamp the engine accepts. */
        private static final Instant LAST = Instant.parse("9000-01-01T00:00:00Z");

        private RuleEngine engine;
        private Instant next;

        /** Fills {@code units} hour buckets, one visit an hour, for the benchmark's {@code units} and aggregate. */
        @Setup
        public void setUp(WindowedHistoryBenchmark benchmark) {
            engine = newEngine(benchmark.units, benchmark.aggregate, "hour");
            for (int hour = benchmark.units - 1; hour >= 0; hour--) {
                check(engine.track(visitAt(AT.minus(Duration.ofHours(hour)))), "v");
            }
            next = AT.plus(Duration.ofHours(1));
        }

        /** @return the result of a visit in the hour after the previous one */
        EventResult visitNextHour() {
            if (next.isAfter(LAST)) {
                throw new IllegalStateException("the visits reached " + next + "; shorten the run (-r, -i)");
            }
            Event visit = visitAt(next);
            next = next.plus(Duration.ofHours(1));
            return engine.track(visit);
        }
    }

    private static Event visitAt(Instant time) {
        return Event.builder().externalUserId("p").eventType("visit").timestamp(time).property("amount", 0.25)
                .build();
    }

    /** @throws IllegalStateException unless the op fired {@code rule} alone */
    static EventResult check(EventResult result, String rule) {
        if (!result.rulesTriggered().equals(List.of(rule))) {
            throw new IllegalStateException("expected " + rule + " to fire, got " + result);
        }
        return result;
    }

    /** A visit: adds to the newest of the buckets, which nothing reads. */
    @Benchmark
    public EventResult add() {
        return engine.track(visit);
    }

    /** A visit {@value #LATE_DAYS} days before the newest: adds to an older bucket, which nothing reads. */
    @Benchmark
    public EventResult late() {
        return engine.track(lateVisit);
    }

    /** A check: its rule's condition adds up all the buckets. */
    @Benchmark
    public EventResult read() {
        return engine.track(check);
    }

    /**
     * A visit in a new hour, on hour buckets: a new bucket, and the oldest forgotten. Builds its event (a few
     * objects, included in the time and the bytes).
     */
    @Benchmark
    public EventResult nextUnit(Hourly hourly) {
        return hourly.visitNextHour();
    }
}
