package dev.ludus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The CI smoke of the benchmarks: each benchmark's trial setup (which checks the variant against the
 * hand-written baseline) and a few hundred calls of its benchmark method, without JMH and without timing.
 * Each test asserts that those calls fired exactly what the baseline fires for the same events, so the
 * variants agree on the work. Speed is measured by JMH, never asserted here.
 */
class BenchmarkSmokeTest {
    private static final int OPS = 300;
    /**
     * Rules for the peers: Easy Rules scans every rule and Drools compiles DRL at setup, so RW-1000 would take
     * most of CI's minute on two shared cores; 100 rules (5 event types of 20 candidates) run the same code.
     */
    private static final int PEER_RULES = 100;
    private static final Set<String> SMOKED = new TreeSet<>();

    /** @return how many rules the baseline fires over {@code count} events of the workload from {@code from} */
    private static long baselineFired(ReferenceWorkload workload, int from, int count) {
        HandWrittenBaseline baseline = workload.newBaseline();
        List<Event> events = workload.events();
        long fired = 0;
        for (int n = 0; n < count; n++) {
            fired += baseline.track(events.get((from + n) % events.size()));
        }
        return fired;
    }

    private static long processedFired(EventResult result) {
        assertThat(result.status()).as("%s", result).isEqualTo(EventStatus.PROCESSED);
        return result.rulesTriggered().size();
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 1000, 10000})
    void trackBenchmark_typed_firesWhatTheBaselineFires(int rules) {
        TrackBenchmark benchmark = new TrackBenchmark();
        benchmark.rules = rules;
        benchmark.conditions = "typed";
        benchmark.historyPerPlayer = 100;
        benchmark.setUp();
        Cursor cursor = new Cursor();
        long fired = 0;
        for (int n = 0; n < OPS; n++) {
            fired += processedFired(benchmark.track(cursor));
        }

        assertThat(fired).isEqualTo(baselineFired(ReferenceWorkload.scaled(rules), 0, OPS)).isPositive();
        SMOKED.add("TrackBenchmark.track");
    }

    @ParameterizedTest
    @ValueSource(strings = {"expression", "mvel"})
    void trackBenchmark_expressions_fireWhatTheBaselineFires(String conditions) {
        TrackBenchmark benchmark = new TrackBenchmark();
        benchmark.rules = 1000;
        benchmark.conditions = conditions;
        benchmark.historyPerPlayer = 1;
        benchmark.setUp();
        Cursor cursor = new Cursor();
        long fired = 0;
        for (int n = 0; n < OPS; n++) {
            fired += processedFired(benchmark.track(cursor));
        }

        assertThat(fired).isEqualTo(baselineFired(ReferenceWorkload.rw1000(), 0, OPS)).isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 1000, 10000})
    void baselineBenchmark_firesWhatABaselineFires(int rules) {
        BaselineBenchmark benchmark = new BaselineBenchmark();
        benchmark.rules = rules;
        benchmark.setUp();
        long fired = 0;
        for (int n = 0; n < OPS; n++) {
            fired += benchmark.track();
        }

        assertThat(fired).isEqualTo(baselineFired(ReferenceWorkload.scaled(rules), 0, OPS)).isPositive();
        SMOKED.add("BaselineBenchmark.track");
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 0})
    void contractFloorBenchmark_firesWhatTheBaselineFires(int historyPerPlayer) {
        ContractFloorBenchmark benchmark = new ContractFloorBenchmark();
        benchmark.rules = 1000;
        benchmark.historyPerPlayer = historyPerPlayer;
        benchmark.setUp();
        Cursor cursor = new Cursor();
        long fired = 0;
        for (int n = 0; n < OPS; n++) {
            fired += processedFired(benchmark.track(cursor));
        }

        assertThat(fired).isEqualTo(baselineFired(ReferenceWorkload.scaled(1000), 0, OPS)).isPositive();
        SMOKED.add("ContractFloorBenchmark.track");
    }

    @Test
    void jsonTrackBenchmark_parsesTheEventsAndFiresWhatTheBaselineFires() {
        JsonTrackBenchmark benchmark = new JsonTrackBenchmark();
        benchmark.rules = 1000;
        benchmark.historyPerPlayer = 100;
        benchmark.setUp();
        Cursor parseCursor = new Cursor();
        Cursor trackCursor = new Cursor();
        List<Event> events = ReferenceWorkload.rw1000().events();
        long fired = 0;
        for (int n = 0; n < OPS; n++) {
            Event parsed = benchmark.parse(parseCursor);
            assertThat(parsed.externalUserId()).isEqualTo(events.get(n).externalUserId());
            assertThat(parsed.eventType()).isEqualTo(events.get(n).eventType());
            fired += processedFired(benchmark.parseAndTrack(trackCursor));
        }

        assertThat(fired).isEqualTo(baselineFired(ReferenceWorkload.rw1000(), 0, OPS)).isPositive();
        SMOKED.add("JsonTrackBenchmark.parse");
        SMOKED.add("JsonTrackBenchmark.parseAndTrack");
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "off"})
    void idempotentTrackBenchmark_tracksNewKeysEachIteration(String keys) {
        IdempotentTrackBenchmark benchmark = new IdempotentTrackBenchmark();
        benchmark.rules = 1000;
        benchmark.keys = keys;
        benchmark.setUp();
        long expected = baselineFired(ReferenceWorkload.rw1000(), 0, OPS);
        for (int iteration = 0; iteration < 2; iteration++) {
            benchmark.newIteration();
            long fired = 0;
            for (int n = 0; n < OPS; n++) {
                fired += processedFired(benchmark.track());
            }
            benchmark.endIteration();

            assertThat(fired).as("iteration %d", iteration).isEqualTo(expected).isPositive();
        }
        SMOKED.add("IdempotentTrackBenchmark.track");
    }

    @ParameterizedTest
    @CsvSource({"distinct, ludus", "hot10, ludus", "distinct, contractFloor", "hot10, contractFloor"})
    void contendedTrackBenchmark_oneThread_firesWhatTheBaselineFires(String players, String engine) {
        ContendedTrackBenchmark benchmark = new ContendedTrackBenchmark();
        benchmark.rules = 1000;
        benchmark.players = players;
        benchmark.historyPerPlayer = 100;
        benchmark.engine = engine;
        benchmark.setUp();
        ContendedTrackBenchmark.ThreadEvents events = new ContendedTrackBenchmark.ThreadEvents();
        events.setUp(benchmark, threadParams(0, 1));
        ContendedTrackBenchmark.Outcomes outcomes = new ContendedTrackBenchmark.Outcomes();
        outcomes.reset();
        long fired = 0;
        for (int n = 0; n < OPS; n++) {
            fired += processedFired(benchmark.oneThread(events, outcomes));
        }

        assertThat(outcomes.notProcessed).isZero();
        assertThat(fired).isEqualTo(baselineFired(ReferenceWorkload.rw1000(), 0, OPS)).isPositive();
        SMOKED.add("ContendedTrackBenchmark.oneThread");
    }

    @ParameterizedTest
    @CsvSource({"distinct, ludus", "hot10, ludus", "distinct, contractFloor", "hot10, contractFloor"})
    void contendedTrackBenchmark_twoThreads_eachFiresWhatTheBaselineFires(String players, String engine) throws Exception {
        ContendedTrackBenchmark benchmark = new ContendedTrackBenchmark();
        benchmark.rules = 1000;
        benchmark.players = players;
        benchmark.historyPerPlayer = 100;
        benchmark.engine = engine;
        benchmark.setUp();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<long[]>> runs = List.of(0, 1).stream().map(t -> pool.submit(() -> {
                ContendedTrackBenchmark.ThreadEvents events = new ContendedTrackBenchmark.ThreadEvents();
                events.setUp(benchmark, threadParams(t, 2));
                ContendedTrackBenchmark.Outcomes outcomes = new ContendedTrackBenchmark.Outcomes();
                outcomes.reset();
                long fired = 0;
                for (int n = 0; n < OPS; n++) {
                    fired += benchmark.twoThreads(events, outcomes).rulesTriggered().size();
                }
                return new long[] {fired, outcomes.notProcessed};
            })).toList();

            int half = ReferenceWorkload.EVENT_COUNT / 2;
            for (int t = 0; t < 2; t++) {
                long[] run = runs.get(t).get();
                assertThat(run[1]).as("thread %d events not processed", t).isZero();
                assertThat(run[0]).as("thread %d", t)
                        .isEqualTo(baselineFired(ReferenceWorkload.rw1000(), t * half, OPS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        SMOKED.add("ContendedTrackBenchmark.twoThreads");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mvel", "java"})
    void easyRulesBenchmark_firesWhatTheBaselineFires(String style) {
        EasyRulesBenchmark benchmark = new EasyRulesBenchmark();
        benchmark.rules = PEER_RULES;
        benchmark.style = style;
        benchmark.setUp();
        long fired = 0;
        for (int n = 0; n < OPS; n++) {
            fired = benchmark.fire();
        }

        assertThat(fired).isEqualTo(baselineFired(ReferenceWorkload.scaled(PEER_RULES), 0, OPS)).isPositive();
        SMOKED.add("EasyRulesBenchmark.fire");
    }

    @ParameterizedTest
    @CsvSource({"executable, stateful", "executable, stateless", "drl, stateful", "drl, stateless"})
    void droolsBenchmark_firesWhatTheBaselineFires(String model, String session) {
        DroolsBenchmark benchmark = new DroolsBenchmark();
        benchmark.rules = PEER_RULES;
        benchmark.model = model;
        benchmark.session = session;
        benchmark.setUp();
        long fired = 0;
        try {
            for (int n = 0; n < OPS; n++) {
                fired = benchmark.fire();
            }
        } finally {
            benchmark.tearDown();
        }

        assertThat(fired).isEqualTo(baselineFired(ReferenceWorkload.scaled(PEER_RULES), 0, OPS)).isPositive();
        SMOKED.add("DroolsBenchmark.fire");
    }

    @Test
    void expressionBenchmark_variantsOfOneConditionAgree() {
        long[] gte = {evaluations("java"), evaluations("typed_gte"), evaluations("expression_gte")};
        long[] and = {evaluations("typed_and"), evaluations("expression_and"), evaluations("trusted_and")};

        assertThat(gte).containsOnly(gte[0]);
        assertThat(and).containsOnly(and[0]);
        assertThat(and[0]).isPositive().isLessThan(gte[0]);
        SMOKED.add("ExpressionBenchmark.evaluate");
    }

    /** @return how many of {@link #OPS} evaluations of the variant's condition held */
    private static long evaluations(String variant) {
        ExpressionBenchmark benchmark = new ExpressionBenchmark();
        benchmark.variant = variant;
        benchmark.setUp();
        long held = 0;
        for (int n = 0; n < OPS; n++) {
            if (benchmark.evaluate()) {
                held++;
            }
        }
        return held;
    }

    @ParameterizedTest
    @CsvSource({"100, life", "100, day", "10000, life", "10000, day"})
    void distinctCountBenchmark_everyOpFiresTheRule_atTheCap(int values, String window) {
        DistinctCountBenchmark fresh = distinctCount(values, window);
        DistinctCountBenchmark seen = distinctCount(values, window);
        for (int n = 0; n < OPS; n++) {
            DistinctCountBenchmark.check(fresh.newValue());
            DistinctCountBenchmark.check(seen.seenValue());
        }
        assertThatThrownBy(() -> DistinctCountBenchmark.check(EventResult.error("e", "p", "visit",
                EventStatus.FAILED, "v", ErrorCode.INTERNAL_ERROR, "boom")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("expected r to fire, got ");
        SMOKED.add("DistinctCountBenchmark.newValue");
        SMOKED.add("DistinctCountBenchmark.seenValue");
    }

    private static DistinctCountBenchmark distinctCount(int values, String window) {
        DistinctCountBenchmark benchmark = new DistinctCountBenchmark();
        benchmark.values = values;
        benchmark.window = window;
        benchmark.setUp();
        return benchmark;
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 1000})
    void engineDataBenchmark_everyOpFiresItsRule(int achievements) {
        EngineDataBenchmark benchmark = new EngineDataBenchmark();
        benchmark.achievements = achievements;
        benchmark.setUp();
        for (int n = 0; n < OPS; n++) {
            EngineDataBenchmark.check(benchmark.counted(), "counted");
            EngineDataBenchmark.check(benchmark.plain(), "plain");
        }
        assertThatThrownBy(() -> EngineDataBenchmark.check(benchmark.plain(), "counted"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("expected counted to fire, got ");
        SMOKED.add("EngineDataBenchmark.counted");
        SMOKED.add("EngineDataBenchmark.plain");
    }

    @ParameterizedTest
    @CsvSource({"10, count", "10, sum", "1000, count", "1000, sum"})
    void windowedHistoryBenchmark_everyOpFiresItsRule(int units, String aggregate) {
        WindowedHistoryBenchmark benchmark = new WindowedHistoryBenchmark();
        benchmark.units = units;
        benchmark.aggregate = aggregate;
        benchmark.setUp();
        for (int n = 0; n < OPS; n++) {
            WindowedHistoryBenchmark.check(benchmark.add(), "v");
            WindowedHistoryBenchmark.check(benchmark.late(), "v");
            WindowedHistoryBenchmark.check(benchmark.read(), "w");
        }
        assertThatThrownBy(() -> WindowedHistoryBenchmark.check(benchmark.add(), "w"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("expected w to fire, got ");
        WindowedHistoryBenchmark.Hourly hourly = new WindowedHistoryBenchmark.Hourly();
        hourly.setUp(benchmark);
        for (int n = 0; n < OPS; n++) {
            WindowedHistoryBenchmark.check(benchmark.nextUnit(hourly), "v");
        }
        SMOKED.add("WindowedHistoryBenchmark.add");
        SMOKED.add("WindowedHistoryBenchmark.late");
        SMOKED.add("WindowedHistoryBenchmark.read");
        SMOKED.add("WindowedHistoryBenchmark.nextUnit");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 1000})
    void questsBenchmark_everyOpProgressesTheNextQuest(int quests) {
        QuestsBenchmark benchmark = new QuestsBenchmark();
        benchmark.quests = quests;
        benchmark.setUp();
        for (int n = 0; n < OPS; n++) {
            int quest = benchmark.nextQuest();
            QuestsBenchmark.check(benchmark.progress(), quest);
        }
        assertThatThrownBy(() -> QuestsBenchmark.check(benchmark.progress(), quests))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("expected p" + quests + " to fire, got ");
        SMOKED.add("QuestsBenchmark.progress");
    }

    @Test
    void batchTrackBenchmark_batchAndLoop_fireWhatTheBaselineFires() {
        BatchTrackBenchmark benchmark = new BatchTrackBenchmark();
        benchmark.setUp();
        ReferenceWorkload workload = ReferenceWorkload.rw1000();
        long expected = WorkCheck.expectedFired(workload);
        long batched = 0;
        for (EventResult result : benchmark.batch()) {
            batched += processedFired(result);
        }
        assertThat(batched).isEqualTo(expected).isPositive();
        assertThat(benchmark.loop()).isEqualTo(expected);
        SMOKED.add("BatchTrackBenchmark.batch");
        SMOKED.add("BatchTrackBenchmark.loop");
    }

    @Test
    void requireFired_whenAVariantFiresDifferently_failsNamingIt() {
        assertThatThrownBy(() -> WorkCheck.requireFired("Easy Rules (mvel)", 0, 4_321))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Easy Rules (mvel) fired 0 rules")
                .hasMessageContaining("baseline fires 4321");
    }

    /** Runs last (JUnit's default method order is deterministic but not declaration order, so it checks itself). */
    @AfterAll
    static void everyBenchmarkMethodWasSmoked() throws Exception {
        Set<String> benchmarks = benchmarkMethods();
        assertThat(benchmarks).isNotEmpty();
        // When only some tests ran (an IDE, -Dtest=...), there is nothing to compare.
        if (SMOKED.size() > 1) {
            assertThat(SMOKED).as("benchmark methods smoked by this test").containsAll(benchmarks);
        }
    }

    /** @return {@code Class.method} of every benchmark in the JMH list generated at compile time */
    private static Set<String> benchmarkMethods() throws Exception {
        Set<String> out = new TreeSet<>();
        Pattern entry = Pattern.compile("^JMH S \\d+ dev\\.ludus\\.benchmarks\\.(\\w+) S \\d+ \\S+ S \\d+ (\\w+) ");
        try (InputStream in = BenchmarkSmokeTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(in).as("META-INF/BenchmarkList from the JMH annotation processor").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher m = entry.matcher(line);
                if (m.find()) {
                    out.add(m.group(1) + "." + m.group(2));
                }
            }
        }
        return out;
    }

    private static ThreadParams threadParams(int index, int count) {
        return new ThreadParams(index, count, 0, 1, 0, 1, index, count, index, count);
    }
}
