package dev.ludus.history;

import static dev.ludus.history.HistoryTestSupport.PLAYER;
import static dev.ludus.history.HistoryTestSupport.engine;
import static dev.ludus.history.HistoryTestSupport.event;
import static dev.ludus.history.HistoryTestSupport.resource;
import static dev.ludus.history.HistoryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.RuleEngine;
import dev.ludus.history.HistoryTestSupport.RecordingStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.2: the engine keeps per player only the aggregates that loaded rules reference, bounded by the
 * longest window in use. White-box: these tests read the engine data the engine hands the store, whose
 * layout is {@code <kind>|<eventType>|...|<unit>@<zone>} for windowed aggregates ({@code [bucket, value, ...]}),
 * {@code ...|life} for lifetime counters, {@code streak|...} for runs {@code [start, end, ...]} and
 * {@code limit|<ruleId>} for limit counters.
 */
class BoundedMemoryTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int EVENTS = 50_000;
    /** The stream's spacing: 50,000 events every 1,000 s, every third day left out, span about 2.4 years. */
    private static final long STEP_SECONDS = 1_000;

    private final RecordingStore store = new RecordingStore();
    private final RuleEngine engine = engine(resource("memory.json"), store);

    /** Tracks the long stream, calling {@code check} every 1,000 events; returns the last event time. */
    private Instant trackLongStream(Runnable check) {
        Instant t = START;
        int tracked = 0;
        while (tracked < EVENTS) {
            t = t.plusSeconds(STEP_SECONDS);
            if (LocalDate.ofInstant(t, ZoneOffset.UTC).toEpochDay() % 3 == 0) {
                continue; // gaps, so the streak aggregate sees many runs
            }
            track(engine, event(PLAYER, "workout", t, "minutes", tracked % 90, "routeId", "r" + tracked % 200));
            tracked++;
            if (tracked % 1_000 == 0) {
                check.run();
            }
        }
        return t;
    }

    private static String key(Map<String, Object> data, String prefix, String suffix) {
        List<String> keys = data.keySet().stream().filter(k -> k.startsWith(prefix) && k.endsWith(suffix)).toList();
        assertThat(keys).as("keys %s…%s in %s", prefix, suffix, data.keySet()).hasSize(1);
        return keys.get(0);
    }

    /** A bucket list holds at most {@code units} buckets, all within {@code units} of the newest. */
    private static void assertBuckets(Map<String, Object> data, String key, int units) {
        List<?> pairs = (List<?>) data.get(key);
        assertThat(pairs.size()).as(key).isEven().isLessThanOrEqualTo(2 * units);
        long newest = ((Number) pairs.get(pairs.size() - 2)).longValue();
        for (int i = 0; i < pairs.size(); i += 2) {
            assertThat(((Number) pairs.get(i)).longValue()).as("%s bucket %s", key, i / 2)
                    .isGreaterThan(newest - units);
        }
    }

    private void assertBounded() {
        Map<String, Object> data = store.lastEngineData();
        assertThat(data.keySet()).as("one entry per referenced aggregate and limited rule").hasSize(9);
        assertBuckets(data, key(data, "count|workout|", "|day@UTC"), 7);
        assertBuckets(data, key(data, "count|workout|", "|hour@America/New_York"), 24);
        assertBuckets(data, key(data, "count|workout|", "|month@UTC"), 12);
        assertBuckets(data, key(data, "sum|workout|", "|week@Europe/Berlin"), 4);
        assertThat((List<?>) data.get(key(data, "streak|workout|", "@UTC"))).as("streak runs")
                .hasSizeLessThanOrEqualTo(2 * 64);
        assertThat((Map<?, ?>) data.get(key(data, "distinct|workout|", "|month@UTC"))).as("route ids")
                .hasSizeLessThanOrEqualTo(200);
        assertThat((List<?>) data.get(key(data, "limit|", "limited"))).hasSize(5);
    }

    @Test
    void longStream_keepsEachPlayersEngineDataWithinTheLongestWindows() {
        long[] streakSizeHalfway = {-1};
        long[] tracked = {0};
        trackLongStream(() -> {
            assertBounded();
            tracked[0] += 1_000;
            if (tracked[0] == EVENTS / 2) {
                streakSizeHalfway[0] = ((List<?>) store.lastEngineData()
                        .get(key(store.lastEngineData(), "streak|", "@UTC"))).size();
            }
        });

        Map<String, Object> data = store.lastEngineData();
        assertThat(((Number) data.get(key(data, "count|workout|", "|life"))).longValue()).isEqualTo(EVENTS);
        assertThat(((List<?>) data.get(key(data, "streak|", "@UTC"))).size()).as("streak runs stop growing")
                .isEqualTo(streakSizeHalfway[0]);
        assertThat(store.commits()).isEqualTo(EVENTS);
        assertThat(engine.player(PLAYER).orElseThrow().version()).isEqualTo(EVENTS);
    }

    @Test
    void longStream_distinctValuesOutsideTheLongestWindowAreForgotten() {
        RecordingStore distinctStore = new RecordingStore();
        RuleEngine distinct = engine("""
                [ { "id": "routes-today", "name": "Routes today", "trigger": { "eventType": "workout" },
                    "conditions": [ { "type": "distinct_count", "property": "routeId", "min": 1,
                                      "window": { "unit": "day", "count": 1 } } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""", distinctStore);
        // 10 new route ids a day for 300 days: only the last day's 10 are inside the window.
        for (int day = 0; day < 300; day++) {
            for (int i = 0; i < 10; i++) {
                track(distinct, event(PLAYER, "workout", START.plusSeconds(day * 86_400L + i * 3_600L),
                        "routeId", "r-" + day + "-" + i));
            }
        }

        assertThat(distinctStore.lastEngineData().values()).singleElement()
                .satisfies(values -> assertThat(((Map<?, ?>) values).size()).as("route ids kept")
                        .isLessThanOrEqualTo(10));
    }

    @Test
    void reload_withFewerAggregates_nextCommitDropsTheUnreferencedOnes_andTrimsToTheNewWindow() {
        Instant last = trackLongStream(() -> { });
        assertThat(store.lastEngineData().keySet()).hasSize(9);

        engine.reload(resource("memory-reduced.json"));
        track(engine, event(PLAYER, "workout", last.plusSeconds(60)));

        Map<String, Object> data = store.lastEngineData();
        assertThat(data.keySet()).singleElement().satisfies(k -> assertThat(k).startsWith("count|workout|")
                .endsWith("|day@UTC"));
        assertBuckets(data, data.keySet().iterator().next(), 2);
    }

    @Test
    void reload_withNoHistoryRules_nextCommitDropsAllEngineData() {
        for (int i = 0; i < 100; i++) {
            track(engine, event(PLAYER, "workout", START.plusSeconds(i * 3_600L), "minutes", 10, "routeId", "r"));
        }
        assertThat(store.lastEngineData().keySet()).hasSize(9);

        engine.reload(resource("memory-plain.json"));
        track(engine, event(PLAYER, "workout", START.plusSeconds(101 * 3_600L)));

        assertThat(store.lastEngineData().keySet()).isEmpty();
    }
}
