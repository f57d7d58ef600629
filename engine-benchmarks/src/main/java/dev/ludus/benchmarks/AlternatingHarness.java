package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.RuleEngine;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Not a benchmark: compares two builds of the engine (two {@code benchmarks.jar}s, say before and after a change)
 * on the reference workload in one JVM, alternating between them in short slices, and prints each one's time per
 * event and the per-round ratio of the second to the first.
 *
 * <p>Why: on a shared 2-core VM, separate JMH runs of the same code differ by 10–50%, far more than most changes
 * to the hot path are worth. Slices of a fraction of a second, taken in turn, see the same machine, so within one
 * JVM the ratio of neighbouring slices is steady to a few per cent where separate runs are not. Between JVMs it
 * still moves (the same build against itself gave 0.96–1.05 in six runs; with history kept, the build set up second
 * was slower in every run, by up to half): judge a change by several runs, taking turns at which jar goes first,
 * and with history by the geometric mean of both orders. Each build is loaded by its own class loader and compiled
 * by the JIT on its own; their players' states share the heap and the caches, as two services in one process
 * would. So one side's garbage can start a collection in the other's slice, and the JDK's own call sites see the
 * classes of both, which pulls ratios towards 1; and each side runs for a fixed time, so the faster one's players
 * get further ahead. It measures wall time of a plain loop, not JMH's harness: use it to decide whether a change
 * helps, and JMH for the numbers that are published.
 *
 * <p>Run with (after {@code ./mvnw -B -q -pl engine-benchmarks -am package -DskipTests}; keep a copy of the jar
 * from before the change):
 * <pre>{@code
 * java -Xms6g -Xmx6g -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages \
 *      -cp engine-benchmarks/target/benchmarks.jar dev.ludus.benchmarks.AlternatingHarness \
 *      before.jar engine-benchmarks/target/benchmarks.jar history=0 rounds=60 sliceMs=200
 * }</pre>
 * Options, each {@code name=value}: {@code history} (the store's history per player, default 100), {@code rules}
 * (default 1000, event types scaled as in {@link ReferenceWorkload#scaled(int)}), {@code events} (track only the
 * first N of the 4,096 events, default all: 16 keeps every player and event in the CPU cache, which shows the
 * cost of the instructions alone), {@code engine} ({@code ludus}, the default, or {@code contractFloor} for the
 * {@link ContractFloor}, for both jars; {@code engine2} sets the second jar's alone), {@code conditions}
 * ({@code typed}, the default, or {@code expression}: the rules' conditions as sandboxed expressions, as in
 * {@link TrackBenchmark}), {@code rounds} (default 40), {@code sliceMs} (default 200). A jar built before this
 * class existed is run with this jar's {@link Workload}, linked against the older jar's engine (it needs that jar's
 * {@code TrackBenchmark.newEngine(ReferenceWorkload, String, int)}).
 */
public final class AlternatingHarness {
    private AlternatingHarness() {
    }

    /**
     * @param args the two jars, then options as described above
     * @throws Exception when a jar cannot be loaded or its workload fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: AlternatingHarness <first.jar> <second.jar> [name=value...]");
        }
        int rounds = option(args, "rounds", 40, Integer::parseInt);
        long slice = option(args, "sliceMs", 200, Integer::parseInt) * 1_000_000L;
        String engine = option(args, "engine", "ludus", s -> s);
        String[] engines = {engine, option(args, "engine2", engine, s -> s)};
        URL own = AlternatingHarness.class.getProtectionDomain().getCodeSource().getLocation();
        Method[] run = new Method[2];
        for (int j = 0; j < 2; j++) {
            // The jar first, so that its classes win; this jar supplies Workload to a jar built before it existed.
            URLClassLoader loader = new URLClassLoader(new URL[] {jar(args[j]), own},
                    ClassLoader.getPlatformClassLoader());
            Class<?> workload = loader.loadClass(Workload.class.getName());
            String[] options = Arrays.copyOf(args, args.length + 1);
            options[args.length] = "engine=" + engines[j]; // the last given wins
            workload.getMethod("setUp", String[].class).invoke(null, (Object) options);
            run[j] = workload.getMethod("run", long.class);
        }
        for (int i = 0; i < 4; i++) { // warm-up: both compiled before the first measured slice
            run[0].invoke(null, slice * 5);
            run[1].invoke(null, slice * 5);
        }
        double[][] ns = new double[2][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < 2; k++) {
                int j = (i + k) % 2; // each goes first in every other round
                ns[j][i] = (Double) run[j].invoke(null, slice);
            }
        }
        double[] ratio = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratio[i] = ns[1][i] / ns[0][i];
        }
        System.out.printf("%s (%s): %s ns/event%n", args[0], engines[0], quartiles(ns[0], "%.0f"));
        System.out.printf("%s (%s): %s ns/event%n", args[1], engines[1], quartiles(ns[1], "%.0f"));
        System.out.printf("second / first, per round: %s%n", quartiles(ratio, "%.3f"));
    }

    private static URL jar(String path) throws MalformedURLException {
        Path jar = Path.of(path);
        if (!jar.toFile().isFile()) {
            throw new IllegalArgumentException("no such jar: " + path);
        }
        return jar.toUri().toURL();
    }

    /** @return the value of the last {@code name=value} in {@code args} after the two jars, or {@code otherwise} */
    static <T> T option(String[] args, String name, T otherwise, Function<String, T> parse) {
        T value = otherwise;
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith(name + "=")) {
                value = parse.apply(args[i].substring(name.length() + 1));
            }
        }
        return value;
    }

    /** @return "median m (quartiles q1–q3)" of the values */
    private static String quartiles(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return "median " + String.format(format, sorted[n / 2]) + " (quartiles " + String.format(format, sorted[n / 4])
                + "–" + String.format(format, sorted[(3 * n) / 4]) + ")";
    }

    /**
     * One build's side of the comparison: its engine, loaded by that build's class loader, and a loop over the
     * workload's events. Public for the reflective calls only.
     */
    public static final class Workload {
        private static Tracker tracker;
        private static Event[] events;
        private static int next;
        /** Rules fired, summed so that the JIT cannot drop the work. */
        private static long fired;

        private Workload() {
        }

        /** One event tracked; returns the number of rules it fired. */
        private interface Tracker {
            int track(Event event);
        }

        /**
         * @param args the harness's arguments: two jars (ignored here), then {@code name=value} options as the class
         *             describes ({@code engine}, {@code history}, {@code rules}, {@code events}, {@code conditions})
         */
        public static void setUp(String[] args) {
            String engine = option(args, "engine", "ludus", s -> s);
            int history = option(args, "history", 100, Integer::parseInt);
            int rules = option(args, "rules", ReferenceWorkload.DEFAULT_RULE_COUNT, Integer::parseInt);
            int count = option(args, "events", 0, Integer::parseInt);
            String conditions = option(args, "conditions", "typed", s -> s);
            ReferenceWorkload workload = ReferenceWorkload.scaled(rules);
            List<Event> all = workload.events();
            events = (count <= 0 ? all : all.subList(0, Math.min(count, all.size()))).toArray(new Event[0]);
            if (engine.equals("ludus")) {
                RuleEngine ludus = TrackBenchmark.newEngine(workload, conditions, history);
                tracker = event -> ludus.track(event).rulesTriggered().size();
            } else if (engine.equals("contractFloor")) {
                ContractFloor floor = new ContractFloor(workload.rules(), history);
                tracker = event -> floor.track(event).rulesTriggered().size();
            } else {
                throw new IllegalArgumentException("engine must be ludus or contractFloor, was " + engine);
            }
        }

        /**
         * @param nanos how long to run, at least
         * @return wall time per event over the run, in nanoseconds
         */
        public static double run(long nanos) {
            long start = System.nanoTime();
            long tracked = 0;
            while (System.nanoTime() - start < nanos) {
                fired += pass(1024);
                tracked += 1024;
            }
            return (System.nanoTime() - start) / (double) tracked;
        }

        /** Tracks the next {@code n} events, in a method of its own so that it is compiled as a whole. */
        private static long pass(int n) {
            Event[] cycle = events;
            int i = next;
            long sum = 0;
            for (int k = 0; k < n; k++) {
                sum += tracker.track(cycle[i]);
                if (++i == cycle.length) {
                    i = 0;
                }
            }
            next = i;
            return sum;
        }
    }
}
