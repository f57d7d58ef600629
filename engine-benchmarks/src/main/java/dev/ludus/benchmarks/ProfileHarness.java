package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.RuleEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

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
 */
public final class ProfileHarness {
    private ProfileHarness() {
    }

    /**
     * @param args seconds to run (default 30), rule count (default 1000; event types scaled as in
     *             {@link ReferenceWorkload#scaled(int)})
     */
    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : ReferenceWorkload.DEFAULT_RULE_COUNT;
        ReferenceWorkload workload = ReferenceWorkload.scaled(rules);
        RuleEngine engine = workload.newEngine();
        List<Event> events = workload.events();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long fired = 0;
        int second = 0;
        while (System.nanoTime() < end) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            int tracked = 0;
            while (System.nanoTime() - wall < 1_000_000_000L) {
                for (Event event : events) {
                    fired += engine.track(event).rulesTriggered().size();
                }
                tracked += events.size();
            }
            System.out.printf("second %3d: %,8.0f ns/event CPU, %,8.0f ns/event wall%n", ++second,
                    (threads.getCurrentThreadCpuTime() - cpu) / (double) tracked,
                    (System.nanoTime() - wall) / (double) tracked);
        }
        System.out.println("rules fired: " + fired);
    }
}
