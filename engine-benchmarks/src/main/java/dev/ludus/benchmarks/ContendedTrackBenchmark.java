package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Ludus on the reference workload from one and from two threads sharing one engine (issue 3's contended
 * throughput, issue 6's scaling): one op is one pre-built event tracked end to end, as in {@link TrackBenchmark}.
 *
 * <ul>
 *   <li>{@code players=distinct}: each thread tracks the workload's events for its own players (the ids get a
 *       {@code -t0} / {@code -t1} suffix), about 3,400 of them, so the threads never touch the same player;</li>
 *   <li>{@code players=hot10}: both threads track the workload's events re-addressed to 10 shared players
 *       ({@code hot-0}…{@code hot-9}, player {@code n} becomes {@code hot-(n % 10)}), so commits race on the
 *       same players and the losers re-evaluate (optimistic concurrency, SPEC 5).</li>
 * </ul>
 *
 * {@code engine=contractFloor} runs the {@link ContractFloor} instead of Ludus (its own history ring of
 * {@code historyPerPlayer} entries), to show how code that does only the contract's work scales on this machine.
 *
 * {@code oneThread} and {@code twoThreads} run the same events; JMH reports the average time per op per thread,
 * so the throughput of two threads is {@code 2e9 / (ns/op)} events per second against {@code 1e9 / (ns/op)} for
 * one. The second thread starts half-way through the events. The secondary result {@code notProcessed} counts
 * events that did not come back {@code processed} (for example {@code failed} / {@code CONFLICT} after too many
 * lost races); it should stay 0. {@code historyPerPlayer} is the in-memory store's history per player (100, its
 * default; see {@link TrackBenchmark}).
 *
 * <p>Run with (after {@code ./mvnw -B -q -pl engine-benchmarks -am package -DskipTests}):
 * <pre>{@code
 * java -jar engine-benchmarks/target/benchmarks.jar ContendedTrackBenchmark -f 1
 * java -jar engine-benchmarks/target/benchmarks.jar ContendedTrackBenchmark -f 1 -p historyPerPlayer=1
 * }</pre>
 *
 * <p>Setup tracks both threads' events on a separate engine and fails the trial unless each thread's events
 * fire what the {@link HandWrittenBaseline} fires (the workload's conditions read only the event, so
 * re-addressing the events does not change what fires).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Benchmark)
public class ContendedTrackBenchmark {
    private static final int THREADS = 2;
    private static final int HOT_PLAYERS = 10;

    /** Number of rules; the event types scale with it as in {@link ReferenceWorkload#scaled(int)}. */
    @Param({"1000"})
    public int rules;

    /** Whose events each thread tracks: {@code distinct} or {@code hot10}. */
    @Param({"distinct", "hot10"})
    public String players;

    /** History entries the in-memory store keeps per player; 100 is the store's default. */
    @Param({"100"})
    public int historyPerPlayer;

    /** What tracks the events: {@code ludus}, or {@code contractFloor} for the {@link ContractFloor}. */
    @Param({"ludus"})
    public String engine;

    private Function<Event, EventResult> tracker;
    private Event[][] eventsByThread;

    /** Builds each thread's events, checks them against the baseline and builds the shared engine. */
    @Setup(Level.Trial)
    public void setUp() {
        ReferenceWorkload workload = ReferenceWorkload.scaled(rules);
        eventsByThread = new Event[THREADS][];
        for (int t = 0; t < THREADS; t++) {
            eventsByThread[t] = readdress(workload.events(), players, t);
        }
        long expected = WorkCheck.expectedFired(workload);
        Function<Event, EventResult> check = newTracker(workload);
        for (int t = 0; t < THREADS; t++) {
            long fired = HandWrittenBaseline.fired(engine, check, List.of(eventsByThread[t]));
            WorkCheck.requireFired(engine + " on " + players + " players, thread " + t, fired, expected);
        }
        tracker = newTracker(workload);
    }

    private Function<Event, EventResult> newTracker(ReferenceWorkload workload) {
        return switch (engine) {
            case "ludus" -> TrackBenchmark.newEngine(workload, "typed", historyPerPlayer)::track;
            case "contractFloor" -> new ContractFloor(workload.rules(), historyPerPlayer)::track;
            default -> throw new IllegalArgumentException("engine must be ludus or contractFloor, was " + engine);
        };
    }

    /**
     * @param players {@code distinct} or {@code hot10}
     * @param thread  the thread the events are for
     * @return the events with their players re-addressed
     */
    static Event[] readdress(List<Event> events, String players, int thread) {
        List<Event> out = new ArrayList<>(events.size());
        for (Event event : events) {
            String player = switch (players) {
                case "distinct" -> event.externalUserId() + "-t" + thread;
                case "hot10" -> "hot-" + Integer.parseInt(event.externalUserId().substring("player-".length())) % HOT_PLAYERS;
                default -> throw new IllegalArgumentException("players must be distinct or hot10, was " + players);
            };
            out.add(event.toBuilder().externalUserId(player.intern()).build());
        }
        return out.toArray(new Event[0]);
    }

    /** One thread's events and position in them. */
    @State(Scope.Thread)
    public static class ThreadEvents {
        private Event[] events;
        private int next;

        /** Picks the events of this thread's index and starts thread {@code t} at {@code t / 2} of them. */
        @Setup(Level.Trial)
        public void setUp(ContendedTrackBenchmark benchmark, ThreadParams thread) {
            int index = thread.getThreadIndex() % THREADS;
            events = benchmark.eventsByThread[index];
            next = index * events.length / THREADS;
        }

        Event next() {
            Event event = events[next];
            if (++next == events.length) {
                next = 0;
            }
            return event;
        }
    }

    /** Events per iteration that did not come back {@code processed}; reported by JMH as a secondary result. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Outcomes {
        /** Events of this iteration not {@code processed}. */
        public long notProcessed;

        /** Counts afresh each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            notProcessed = 0;
        }
    }

    /** @return the result of tracking this thread's next event, alone */
    @Benchmark
    @Threads(1)
    public EventResult oneThread(ThreadEvents events, Outcomes outcomes) {
        return track(events, outcomes);
    }

    /** @return the result of tracking this thread's next event while another thread does the same */
    @Benchmark
    @Threads(THREADS)
    public EventResult twoThreads(ThreadEvents events, Outcomes outcomes) {
        return track(events, outcomes);
    }

    private EventResult track(ThreadEvents events, Outcomes outcomes) {
        EventResult result = tracker.apply(events.next());
        if (result.status() != EventStatus.PROCESSED) {
            outcomes.notProcessed++;
        }
        return result;
    }
}
