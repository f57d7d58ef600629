package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.Ludus;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a benchmark: a plain loop that tracks the reference workload's events on one engine for a while, for a
 * profiler to watch (JMH's own threads and infrastructure would otherwise share the samples). It prints the
 * thread's CPU time and the wall time per event, which on a shared machine can differ by a factor of two.
 *
 * <p>Run with (after {@code ./mvnw -B -q -pl engine-benchmarks -am package -DskipTests}):
 * <pre>{@code
 * java -XX:StartFlightRecording=filename=rw1000.jfr,settings=profile \
 *      -cp engine-benchmarks/target/benchmarks.jar dev.ludus.benchmarks.ProfileHarness 30 1000
 * jfr print --events jdk.ExecutionSample rw1000.jfr
 * }</pre>
 *
 * A third argument sets the in-memory store's history per player (default 100), to see what keeping history
 * costs, garbage collection included. A fourth sets how many threads track at once (default 1), each the workload's
 * events re-addressed to players of its own ({@link ContendedTrackBenchmark}'s {@code distinct} players); each
 * second then prints every thread's CPU and wall time per event and the events per second of all together, which
 * tells whether a second thread slows the first by waiting (wall above CPU) or by doing its work slower (CPU up).
 */
public final class ProfileHarness {
    private ProfileHarness() {
    }

    /**
     * @param args seconds to run (default 30), rule count (default 1000; event types scaled as in
     *             {@link ReferenceWorkload#scaled(int)}), history entries kept per player (default 100), threads
     *             (default 1)
     * @throws InterruptedException when interrupted while waiting for the threads
     */
    public static void main(String[] args) throws InterruptedException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : ReferenceWorkload.DEFAULT_RULE_COUNT;
        int history = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        if (threads < 1) {
            throw new IllegalArgumentException("threads (the fourth argument) must be at least 1, was " + threads);
        }
        ReferenceWorkload workload = ReferenceWorkload.scaled(rules);
        RuleEngine engine = Ludus.builder().game(workload.gameJson())
                .store(InMemoryPlayerStore.builder().historyPerPlayer(history).build()).build();
        if (threads == 1) {
            long fired = track(engine, workload.events(), seconds, (second, times) ->
                    System.out.printf("second %3d: %,8.0f ns/event CPU, %,8.0f ns/event wall%n", second, times[0],
                            times[1]));
            System.out.println("rules fired: " + fired);
            return;
        }
        CyclicBarrier everySecond = new CyclicBarrier(threads);
        double[][] perSecond = new double[threads][];
        AtomicLong fired = new AtomicLong();
        List<Thread> trackers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            List<Event> events = List.of(ContendedTrackBenchmark.readdress(workload.events(), "distinct", thread));
            trackers.add(new Thread(() -> {
                try {
                    fired.addAndGet(track(engine, events, seconds, (second, times) -> {
                        perSecond[thread] = times;
                        await(everySecond);
                        if (thread == 0) {
                            print(second, perSecond);
                        }
                        await(everySecond);
                    }));
                } catch (RuntimeException | Error e) {
                    everySecond.reset(); // the others' waits fail instead of waiting for this thread for ever
                    throw e;
                }
            }, "tracker-" + t));
        }
        for (Thread tracker : trackers) {
            tracker.start();
        }
        for (Thread tracker : trackers) {
            tracker.join();
        }
        System.out.println("rules fired: " + fired.get());
    }

    private static void print(int second, double[][] perSecond) {
        StringBuilder line = new StringBuilder(String.format("second %3d: ", second));
        double eventsPerSecond = 0;
        for (double[] times : perSecond) {
            line.append(String.format("%,8.0f CPU %,8.0f wall ns/event; ", times[0], times[1]));
            eventsPerSecond += 1e9 / times[1];
        }
        System.out.println(line.append(String.format("%,.0f events/s in all", eventsPerSecond)));
    }

    /** Called after each second with its number and the thread's {CPU, wall} time per event. */
    private interface Second {
        void ended(int second, double[] times);
    }

    /**
     * Tracks {@code events} over and over for {@code seconds}, handing each second's times to {@code ended}.
     *
     * @return the rules fired
     */
    private static long track(RuleEngine engine, List<Event> events, int seconds, Second ended) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fired = 0;
        for (int second = 1; second <= seconds; second++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            int tracked = 0;
            while (System.nanoTime() - wall < 1_000_000_000L) {
                for (Event event : events) {
                    fired += engine.track(event).rulesTriggered().size();
                }
                tracked += events.size();
            }
            ended.ended(second, new double[] {(threads.getCurrentThreadCpuTime() - cpu) / (double) tracked,
                    (System.nanoTime() - wall) / (double) tracked});
        }
        return fired;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("another tracking thread failed", e);
        }
    }
}
