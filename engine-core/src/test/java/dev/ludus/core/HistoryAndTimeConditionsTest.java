package dev.ludus.core;

import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.props;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import dev.ludus.api.spi.PlayerStore;
import dev.ludus.testkit.EngineDataEntries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC 4.2, history and time conditions. History conditions include this event; windows are calendar-aligned
 * (weeks start on Monday). 2026-11-21 is a Saturday.
 */
class HistoryAndTimeConditionsTest {

    /** A game whose rule {@code r} on {@code type} has the given conditions (a JSON array) and grants 1 XP. */
    private static RuleEngine game(String type, String conditions) {
        return Fixtures.engine(Fixtures.rules(Fixtures.rule("r", type, conditions,
                "[{\"type\": \"grant_xp\", \"amount\": 1}]")));
    }

    private static Event at(String user, String type, String instant, Map<String, ?> properties) {
        return Event.builder().externalUserId(user).eventType(type).timestamp(Instant.parse(instant))
                .properties(properties).build();
    }

    private static boolean fires(RuleEngine engine, String type, String instant, Map<String, ?> properties) {
        return processed(engine, at("u", type, instant, properties)).rulesTriggered().contains("r");
    }

    private static boolean fires(RuleEngine engine, String type, String instant) {
        return fires(engine, type, instant, Map.of());
    }

    @Nested
    class FirstTime {
        @Test
        void holdsOnlyForThePlayersFirstEventOfTheType() {
            RuleEngine engine = game("lesson", "[{\"type\": \"first_time\"}]");
            assertThat(fires(engine, "lesson", "2026-11-21T10:00:00Z")).isTrue();
            assertThat(fires(engine, "lesson", "2026-11-21T11:00:00Z")).isFalse();
            assertThat(fires(engine, "other", "2026-11-21T11:30:00Z")).isFalse();
            assertThat(processed(engine, at("someone-else", "lesson", "2026-11-21T12:00:00Z", Map.of()))
                    .rulesTriggered()).containsExactly("r");
        }

        @Test
        void countsEventsOnWhichTheRuleDidNotFire() {
            RuleEngine engine = game("lesson",
                    "[{\"type\": \"first_time\"}, {\"type\": \"property_eq\", \"property\": \"ok\", \"value\": true}]");
            assertThat(fires(engine, "lesson", "2026-11-21T10:00:00Z", props("ok", false))).isFalse();
            assertThat(fires(engine, "lesson", "2026-11-21T11:00:00Z", props("ok", true))).isFalse();
        }

        @Test
        void rejectedEvents_doNotCount() {
            RuleEngine engine = game("lesson", "[{\"type\": \"first_time\"}]");
            assertThat(engine.track(at("u", "lesson", "2026-11-21T10:00:00Z", props("bad", Double.NaN))).status())
                    .isEqualTo(EventStatus.REJECTED);
            assertThat(fires(engine, "lesson", "2026-11-21T11:00:00Z")).isTrue();
        }
    }

    @Nested
    class EventCount {
        @Test
        void min_includesThisEvent() {
            RuleEngine engine = game("lesson", "[{\"type\": \"event_count\", \"min\": 3}]");
            assertThat(fires(engine, "lesson", "2026-11-21T10:00:00Z")).isFalse();
            assertThat(fires(engine, "lesson", "2026-11-21T10:01:00Z")).isFalse();
            assertThat(fires(engine, "lesson", "2026-11-21T10:02:00Z")).isTrue();
            assertThat(fires(engine, "lesson", "2026-11-21T10:03:00Z")).isTrue();
        }

        @Test
        void max_includesThisEvent() {
            RuleEngine engine = game("lesson", "[{\"type\": \"event_count\", \"max\": 2}]");
            assertThat(fires(engine, "lesson", "2026-11-21T10:00:00Z")).isTrue();
            assertThat(fires(engine, "lesson", "2026-11-21T10:01:00Z")).isTrue();
            assertThat(fires(engine, "lesson", "2026-11-21T10:02:00Z")).isFalse();
        }

        @Test
        void ofAnotherEventType() {
            RuleEngine engine = game("checkout", "[{\"type\": \"event_count\", \"eventType\": \"view\", \"min\": 2}]");
            processed(engine, at("u", "view", "2026-11-21T10:00:00Z", Map.of()));
            assertThat(fires(engine, "checkout", "2026-11-21T10:01:00Z")).isFalse();
            processed(engine, at("u", "view", "2026-11-21T10:02:00Z", Map.of()));
            assertThat(fires(engine, "checkout", "2026-11-21T10:03:00Z")).isTrue();
        }

        @Test
        void dayWindow_isTheCurrentCalendarDay() {
            RuleEngine engine = game("lesson",
                    "[{\"type\": \"event_count\", \"min\": 2, \"window\": {\"unit\": \"day\", \"count\": 1, \"timezone\": \"UTC\"}}]");
            assertThat(fires(engine, "lesson", "2026-11-20T23:00:00Z")).isFalse();
            assertThat(fires(engine, "lesson", "2026-11-21T00:30:00Z")).isFalse(); // a new day: 1
            assertThat(fires(engine, "lesson", "2026-11-21T23:59:59Z")).isTrue();  // 2 today
        }

        @Test
        void multiUnitWindow_isTheCurrentUnitAndTheOnesBefore() {
            RuleEngine engine = game("lesson",
                    "[{\"type\": \"event_count\", \"min\": 3, \"window\": {\"unit\": \"day\", \"count\": 2}}]");
            fires(engine, "lesson", "2026-11-19T12:00:00Z");
            fires(engine, "lesson", "2026-11-20T12:00:00Z");
            assertThat(fires(engine, "lesson", "2026-11-21T08:00:00Z")).isFalse(); // Nov 20 + Nov 21 = 2
            assertThat(fires(engine, "lesson", "2026-11-21T09:00:00Z")).isTrue();  // 3
        }

        @Test
        void weekWindow_startsOnMonday() {
            RuleEngine engine = game("lesson",
                    "[{\"type\": \"event_count\", \"min\": 2, \"window\": {\"unit\": \"week\", \"count\": 1}}]");
            assertThat(fires(engine, "lesson", "2026-11-22T12:00:00Z")).isFalse(); // Sunday
            assertThat(fires(engine, "lesson", "2026-11-23T00:00:00Z")).isFalse(); // Monday: a new week, 1
            assertThat(fires(engine, "lesson", "2026-11-29T23:59:00Z")).isTrue();  // Sunday of that week: 2
        }

        @Test
        void window_usesItsTimezone() {
            // 2026-11-21T03:00Z is Nov 20, 22:00 in New York: same local day as Nov 20T20:00Z (15:00 local)
            RuleEngine engine = game("lesson", "[{\"type\": \"event_count\", \"min\": 2, "
                    + "\"window\": {\"unit\": \"day\", \"count\": 1, \"timezone\": \"America/New_York\"}}]");
            fires(engine, "lesson", "2026-11-20T20:00:00Z");
            assertThat(fires(engine, "lesson", "2026-11-21T03:00:00Z")).isTrue();
            assertThat(fires(engine, "lesson", "2026-11-21T06:00:00Z")).isFalse(); // Nov 21, 01:00 local
        }

        @Test
        void duplicates_doNotCount() {
            RuleEngine engine = game("lesson", "[{\"type\": \"event_count\", \"min\": 2}]");
            Event keyed = at("u", "lesson", "2026-11-21T10:00:00Z", Map.of()).toBuilder().idempotencyKey("k").build();
            assertThat(engine.track(keyed).status()).isEqualTo(EventStatus.PROCESSED);
            assertThat(engine.track(keyed).status()).isEqualTo(EventStatus.DUPLICATE);
            assertThat(engine.track(keyed).rulesTriggered()).isEmpty();
            assertThat(fires(engine, "lesson", "2026-11-21T11:00:00Z")).isTrue();
        }
    }

    @Nested
    class PropertySum {
        @Test
        void sumsNumbers_ignoringMissingAndNonNumericValues() {
            RuleEngine engine = game("order", "[{\"type\": \"property_sum\", \"property\": \"total\", \"min\": 100}]");
            assertThat(fires(engine, "order", "2026-11-21T10:00:00Z", props("total", 40))).isFalse();     // 40
            assertThat(fires(engine, "order", "2026-11-21T10:01:00Z", props("total", 50.5))).isFalse();   // 90.5
            assertThat(fires(engine, "order", "2026-11-21T10:02:00Z", props("total", "abc"))).isFalse();  // 90.5
            assertThat(fires(engine, "order", "2026-11-21T10:03:00Z", props("total", "9.5"))).isFalse();  // 90.5
            assertThat(fires(engine, "order", "2026-11-21T10:04:00Z", props())).isFalse();                // 90.5
            assertThat(fires(engine, "order", "2026-11-21T10:05:00Z", props("total", 9.5))).isTrue();     // 100
        }

        @Test
        void max_andNestedPaths() {
            RuleEngine engine = game("order",
                    "[{\"type\": \"property_sum\", \"property\": \"order.total\", \"max\": 50}]");
            assertThat(fires(engine, "order", "2026-11-21T10:00:00Z", props("order", Map.of("total", 40)))).isTrue();
            assertThat(fires(engine, "order", "2026-11-21T10:01:00Z", props("order", Map.of("total", 10)))).isTrue();
            assertThat(fires(engine, "order", "2026-11-21T10:02:00Z", props("order", Map.of("total", 1)))).isFalse();
        }

        @Test
        void window_forgetsOlderUnits() {
            RuleEngine engine = game("order", "[{\"type\": \"property_sum\", \"property\": \"total\", \"min\": 100, "
                    + "\"window\": {\"unit\": \"month\", \"count\": 1}}]");
            assertThat(fires(engine, "order", "2026-10-31T23:00:00Z", props("total", 90))).isFalse();
            assertThat(fires(engine, "order", "2026-11-01T00:00:00Z", props("total", 20))).isFalse(); // 20 in November
            assertThat(fires(engine, "order", "2026-11-30T00:00:00Z", props("total", 80))).isTrue();  // 100
        }
    }

    /**
     * property_sum at the edges: whole numbers add exactly whatever their order (a long overflow on the way leaves
     * nothing behind), decimals that overflow a double are infinite, and a NaN satisfies no bound.
     */
    @Nested
    class PropertySumEdges {
        private static final String DAY_2 = "\"window\": {\"unit\": \"day\", \"count\": 2}";

        private static String sum(String fields) {
            return "[{\"type\": \"property_sum\", \"property\": \"v\"" + (fields.isEmpty() ? "" : ", " + fields)
                    + "}]";
        }

        /** @return whether the rule fired on each event, {@code values[i]} sent at {@code times[i]} */
        private static List<Boolean> run(RuleEngine engine, List<?> values, List<String> times) {
            List<Boolean> fired = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                fired.add(fires(engine, "order", times.get(i), props("v", values.get(i))));
            }
            return fired;
        }

        private static final List<String> SAME_DAY = List.of("2026-11-21T10:00:00Z", "2026-11-21T11:00:00Z",
                "2026-11-21T12:00:00Z", "2026-11-21T13:00:00Z");
        private static final List<String> TWO_DAYS = List.of("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z",
                "2026-11-21T10:00:00Z", "2026-11-21T11:00:00Z");

        @Test
        void decimalsOverflowingBothWays_giveANaNThatSatisfiesNoBound() {
            // Day 1 sums to +Infinity, day 2 to -Infinity: the window's sum is NaN, not "equal to every bound".
            List<Double> values = List.of(1e308, 1e308, -1e308, -1e308);
            assertThat(run(game("order", sum("\"min\": 5, \"max\": 10, " + DAY_2)), values, TWO_DAYS))
                    .containsExactly(false, false, false, false);
            assertThat(run(game("order", sum("\"min\": 5, " + DAY_2)), values, TWO_DAYS))
                    .containsExactly(true, true, true, false);
            assertThat(run(game("order", sum("\"max\": 10, " + DAY_2)), values, TWO_DAYS))
                    .containsExactly(false, false, false, false);
            assertThat(run(game("order", sum(DAY_2)), values, TWO_DAYS)).containsExactly(true, true, true, false);
        }

        @Test
        void infiniteSums_lieBeyondEveryFiniteBound() {
            List<Double> up = List.of(1e308, 1e308);
            List<Double> down = List.of(-1e308, -1e308);
            List<String> times = SAME_DAY.subList(0, 2);
            assertThat(run(game("order", sum("\"min\": 1e307")), up, times)).containsExactly(true, true);
            assertThat(run(game("order", sum("\"max\": 1.7976931348623157e308")), up, times))
                    .containsExactly(true, false);
            assertThat(run(game("order", sum("\"max\": 9223372036854775807")), up, times))
                    .containsExactly(false, false);
            assertThat(run(game("order", sum("\"min\": -9223372036854775808")), down, times))
                    .containsExactly(false, false);
            assertThat(run(game("order", sum("\"max\": -1e307")), down, times)).containsExactly(true, true);
            assertThat(run(game("order", sum("\"min\": -1.7976931348623157e308")), down, times))
                    .containsExactly(true, false);
        }

        @Test
        void decimals_addUpAsTheDecimalsTheyAre_lifetimeAndWindowed() {
            // As doubles, 0.1 + 0.2 is 0.30000000000000004 (above a max of 0.3) and 0.1 + 0.2 + 0.3 - 0.6 is
            // 1.1e-16 (above a max of 0): each decimal is added as the decimal it is written as.
            List<Double> values = List.of(0.1, 0.2, 0.3, -0.6);
            for (String window : List.of("", ", " + DAY_2)) {
                assertThat(run(game("order", sum("\"min\": 0.3, \"max\": 0.3" + window)), values, SAME_DAY))
                        .as(window).containsExactly(false, true, false, false);
                assertThat(run(game("order", sum("\"min\": 0, \"max\": 0" + window)), values, TWO_DAYS))
                        .as(window).containsExactly(false, false, false, true);
            }
            // A thousand cents reach 10 exactly, event by event.
            RuleEngine engine = game("order", sum("\"min\": 10"));
            for (int i = 1; i <= 1_000; i++) {
                assertThat(fires(engine, "order", "2026-11-21T10:00:00Z", props("v", 0.01))).as("event %d", i)
                        .isEqualTo(i == 1_000);
            }
        }

        @Test
        void wholeSumsOverflowingALong_areExactInEveryOrder_lifetimeAndWindowed() {
            List<List<Long>> orders = List.of(
                    List.of(Long.MAX_VALUE, 1L, -Long.MAX_VALUE), List.of(Long.MAX_VALUE, -Long.MAX_VALUE, 1L),
                    List.of(1L, Long.MAX_VALUE, -Long.MAX_VALUE), List.of(1L, -Long.MAX_VALUE, Long.MAX_VALUE),
                    List.of(-Long.MAX_VALUE, 1L, Long.MAX_VALUE), List.of(-Long.MAX_VALUE, Long.MAX_VALUE, 1L));
            List<List<String>> schedules = List.of(SAME_DAY.subList(0, 3),
                    List.of("2026-11-19T10:00:00Z", "2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z"),
                    List.of("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z", "2026-11-21T10:00:00Z"));
            for (String window : List.of("", ", \"window\": {\"unit\": \"day\", \"count\": 3}")) {
                for (List<String> times : schedules) {
                    for (List<Long> values : orders) {
                        RuleEngine engine = game("order", sum("\"min\": 1, \"max\": 1" + window));
                        assertThat(run(engine, values, times)).as("%s at %s %s", values, times, window)
                                .last().isEqualTo(true);
                    }
                }
            }
        }

        @Test
        void wholeSumsBeyondALong_compareExactlyWithBothKindsOfBound() {
            // MAX + MAX = 2^64 - 2, which as a double would round to 2^64 (1.8446744073709552e19): not the bound
            List<Long> twice = List.of(Long.MAX_VALUE, Long.MAX_VALUE);
            List<String> times = SAME_DAY.subList(0, 2);
            assertThat(run(game("order", sum("\"min\": 1.8446744073709552e19")), twice, times))
                    .containsExactly(false, false);
            assertThat(run(game("order", sum("\"min\": 18446744073709549568.0, \"max\": 1.8446744073709552e19")),
                    twice, times)).containsExactly(false, true);
            RuleEngine aboveLong = game("order", sum("\"min\": 9223372036854775807"));
            assertThat(run(aboveLong, List.of(Long.MAX_VALUE, Long.MAX_VALUE, -Long.MAX_VALUE, -1L), SAME_DAY))
                    .containsExactly(true, true, true, false);
        }

        @Test
        void wholeAndDecimalParts_addUpAtTheEnd_soAnOverflowInBetweenLosesNothing() {
            // Added in order as doubles: MAX + 0.5 is 2^63, and the 1 and the 0.5 vanish.
            RuleEngine engine = game("order", sum("\"min\": 1.5, \"max\": 1.5"));
            assertThat(run(engine, List.of(Long.MAX_VALUE, 0.5, 1L, -Long.MAX_VALUE), SAME_DAY))
                    .containsExactly(false, false, false, true);
        }

        @Test
        void sumsStoredBeforeExactWholeSums_stillRead_andTheAnswerIsExactFromThere() {
            ForwardingStore store = new ForwardingStore();
            // What the engine stored before: a Long or a Double per sum, and MAX then 1 had become the double 2^63.
            // 2026-11-21 is day 20778 since the epoch.
            seedEngineData(store, Map.of("sum|order|v|life", 0x1p63,
                    "sum|order|v|day@UTC", List.of(20777L, 2.5, 20778L, 1L)));
            String xp = "[{\"type\": \"grant_xp\", \"amount\": 1}]";
            RuleEngine engine = Fixtures.engine(Fixtures.rules(
                    Fixtures.rule("life", "order", sum("\"min\": 1, \"max\": 1"), xp),
                    Fixtures.rule("days", "order", sum("\"min\": 3.5, \"max\": 3.5, " + DAY_2), xp)), store);

            assertThat(processed(engine, at("u", "order", SAME_DAY.get(0), props("v", 0))).rulesTriggered())
                    .containsExactly("days"); // 2.5 + 1 + 0
            assertThat(processed(engine, at("u", "order", SAME_DAY.get(1), props("v", -Long.MAX_VALUE)))
                    .rulesTriggered()).containsExactly("life"); // 2^63 - MAX
        }

        @Test
        void sumsBeyondALong_areStoredAsJsonLikeValues_andReadBackThroughAJsonRoundTrip() {
            JsonRoundTripStore store = new JsonRoundTripStore();
            RuleEngine engine = Fixtures.engine(Fixtures.rules(Fixtures.rule("r", "order",
                    sum("\"min\": 1, \"max\": 1, " + DAY_2), "[{\"type\": \"grant_xp\", \"amount\": 1}]")), store);
            List<Object> values = List.of(Long.MAX_VALUE, 0.25, 1L, -0.25);
            for (int i = 0; i < values.size(); i++) {
                assertThat(processed(engine, at("u", "order", SAME_DAY.get(i), props("v", values.get(i))))
                        .rulesTriggered()).as("event %d", i).isEmpty();
            }
            assertThat(store.json).contains("\"sum|order|v|day@UTC\":[20778,[-9223372036854775808,1,0.0]]");
            assertThat(processed(engine, at("u", "order", "2026-11-22T10:00:00Z", props("v", -Long.MAX_VALUE)))
                    .rulesTriggered()).containsExactly("r");
        }

        @Test
        void infiniteSums_surviveAJsonRoundTrip_asTheStringsJacksonWrites() {
            JsonRoundTripStore store = new JsonRoundTripStore();
            RuleEngine engine = Fixtures.engine(Fixtures.rules(Fixtures.rule("r", "order",
                    sum("\"max\": 10, " + DAY_2), "[{\"type\": \"grant_xp\", \"amount\": 1}]")), store);
            List<Double> values = List.of(-1e308, -1e308, 1e308, 5.0);
            for (int i = 0; i < values.size(); i++) {
                assertThat(processed(engine, at("u", "order", SAME_DAY.get(i), props("v", values.get(i))))
                        .rulesTriggered()).as("event %d", i).containsExactly("r"); // -1e308, then -Infinity
            }
            assertThat(store.json).contains("\"-Infinity\"");
        }

        private static void seedEngineData(PlayerStore store, Map<String, Object> engineData) {
            PlayerState state = Fixtures.seed("u").state();
            HistoryEntry history = new HistoryEntry("seed-u", "u", "seed", Fixtures.T0, 1, Map.of(), List.of(),
                    List.of());
            assertThat(store.commit(new PlayerCommit("u", 0, new PlayerRecord(state, engineData), null, history)))
                    .isTrue();
        }

        /** Keeps engine data as a JSON text, as a durable store would, and hands back what Jackson reads. */
        private static final class JsonRoundTripStore extends ForwardingStore {
            private static final JsonMapper JSON = JsonMapper.builder().build();
            volatile String json = "";

            @Override
            public boolean commit(PlayerCommit commit) {
                json = JSON.writeValueAsString(commit.record().engineData());
                return super.commit(commit);
            }

            @Override
            @SuppressWarnings("unchecked")
            public Optional<PlayerRecord> load(String externalUserId) {
                return super.load(externalUserId)
                        .map(r -> new PlayerRecord(r.state(), JSON.readValue(json, Map.class)));
            }
        }
    }

    @Nested
    class DistinctCount {
        @Test
        void countsDistinctValues_includingThisEvent() {
            RuleEngine engine = game("lesson", "[{\"type\": \"distinct_count\", \"property\": \"lessonId\", \"min\": 3}]");
            assertThat(fires(engine, "lesson", "2026-11-21T10:00:00Z", props("lessonId", "l1"))).isFalse();
            assertThat(fires(engine, "lesson", "2026-11-21T10:01:00Z", props("lessonId", "l1"))).isFalse();
            assertThat(fires(engine, "lesson", "2026-11-21T10:02:00Z", props())).isFalse();
            assertThat(fires(engine, "lesson", "2026-11-21T10:03:00Z", props("lessonId", "l2"))).isFalse();
            assertThat(fires(engine, "lesson", "2026-11-21T10:04:00Z", props("lessonId", "l3"))).isTrue();
            assertThat(fires(engine, "lesson", "2026-11-21T10:05:00Z", props("lessonId", "l1"))).isTrue();
        }

        /**
         * @return how many distinct values {@code distinct_count} sees after one event per JSON value of {@code c}:
         *         1, 2 or 3 (meaning 3 or more), told apart by which of the rules with min 2 and min 3 fire
         */
        private static long distinct(String... values) {
            RuleEngine engine = Fixtures.engine(Fixtures.rules(
                    Fixtures.rule("two", "pick", "[{\"type\": \"distinct_count\", \"property\": \"c\", \"min\": 2}]",
                            "[{\"type\": \"grant_xp\", \"amount\": 1}]"),
                    Fixtures.rule("three", "pick", "[{\"type\": \"distinct_count\", \"property\": \"c\", \"min\": 3}]",
                            "[{\"type\": \"grant_xp\", \"amount\": 1}]")));
            EventResult last = null;
            for (String value : values) {
                last = processed(engine, LudusJson.readEvent("{\"externalUserId\": \"u\", \"eventType\": \"pick\", "
                        + "\"timestamp\": \"2026-11-21T10:00:00Z\", \"properties\": {\"c\": " + value + "}}"));
            }
            return 1 + last.rulesTriggered().size();
        }

        private static final String LESSONS = "distinct|lesson|lessonId|life";

        private static String lessonsGame(int min) {
            return Fixtures.rules(Fixtures.rule("r", "lesson",
                    "[{\"type\": \"distinct_count\", \"property\": \"lessonId\", \"min\": " + min + "}]",
                    "[{\"type\": \"grant_xp\", \"amount\": 1}]"));
        }

        @Test
        void valuesADurableStoreHandsBack_areReadInTheirOrder_andCappedByThisEngine() {
            ForwardingStore store = new ForwardingStore();
            Map<String, Object> stored = new LinkedHashMap<>();
            for (String lesson : List.of("l5", "l1", "l4", "l2", "l3")) {
                stored.put("s:" + lesson, 0); // an Integer, as after a JSON round trip
            }
            PropertySumEdges.seedEngineData(store, Map.of(LESSONS, stored));
            RuleEngine engine = Ludus.builder().game(lessonsGame(3)).store(store).maxDistinctValues(2).build();

            // Five values stored under a larger cap count as two here, with or without the property.
            assertThat(fires(engine, "lesson", "2026-11-21T10:00:00Z", props())).isFalse();
            assertThat(fires(engine, "lesson", "2026-11-21T10:01:00Z", props("lessonId", "l6"))).isFalse();
            // The new value left only the most recently seen stored one, the last in the store's order.
            Map<?, ?> kept = (Map<?, ?>) EngineDataEntries.of(store.load("u").orElseThrow().engineData()).get(LESSONS);
            assertThat(List.copyOf(kept.keySet())).isEqualTo(List.of("s:l3", "s:l6"));
        }

        @Test
        void unreadableStoredValues_failTheEvent_withoutACommit_evenWhenTheEventLacksTheProperty() {
            for (Map<String, ?> properties : List.of(props("lessonId", "l3"), props())) {
                ForwardingStore broken = new ForwardingStore();
                PropertySumEdges.seedEngineData(broken, Map.of(LESSONS, "s:l1"));
                long version = broken.load("u").orElseThrow().version();
                EventResult result = Fixtures.engine(lessonsGame(1), broken)
                        .track(at("u", "lesson", "2026-11-21T10:00:00Z", properties));
                assertThat(result.status()).as("%s", properties).isEqualTo(EventStatus.FAILED);
                assertThat(result.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
                assertThat(result.error().message()).isEqualTo("evaluation failed: java.lang.IllegalStateException: "
                        + "distinct_count data in the player's engine data holds a String, not a map from value keys "
                        + "to whole-number buckets");
                assertThat(broken.load("u").orElseThrow().version()).isEqualTo(version);
            }
        }

        @Test
        void objectsAndArrays_areNotCoerced() {
            assertThat(distinct("{\"a\": \"1\"}", "{\"a\": 1}")).isEqualTo(2);
            assertThat(distinct("[\"1\"]", "[1]")).isEqualTo(2);
            assertThat(distinct("[true]", "[\"true\"]")).isEqualTo(2);
            assertThat(distinct("[null]", "[\"null\"]")).isEqualTo(2);
            assertThat(distinct("{}", "[]")).isEqualTo(2);
        }

        @Test
        void stringsInsideArrays_cannotBeMistakenForSeparators() {
            assertThat(distinct("[\"a, b\"]", "[\"a\", \"b\"]")).isEqualTo(2);
            assertThat(distinct("[\"a\", \"bc\"]", "[\"ab\", \"c\"]")).isEqualTo(2);
            assertThat(distinct("{\"a\": \"b\", \"c\": \"d\"}", "{\"a\": \"b, c=d\"}")).isEqualTo(2);
        }

        @Test
        void anArrayOrObject_isNotTheStringThatSpellsIt() {
            assertThat(distinct("[\"a\"]", "\"c:[1:s1:a\"", "\"[a]\"")).isEqualTo(3);
            assertThat(distinct("[true]", "true")).isEqualTo(2);
        }

        @Test
        void objectKeyOrder_doesNotMatter() {
            assertThat(distinct("{\"a\": 1, \"b\": 2}", "{\"b\": 2, \"a\": 1}")).isEqualTo(1);
            assertThat(distinct("{\"a\": 1, \"b\": 2, \"c\": [{\"x\": 1, \"y\": 2}]}",
                    "{\"c\": [{\"y\": 2, \"x\": 1}], \"b\": 2, \"a\": 1}")).isEqualTo(1);
        }

        @Test
        void numbersInsideArraysAndObjects_compareByValue() {
            assertThat(distinct("[95]", "[95.0]")).isEqualTo(1);
            assertThat(distinct("{\"x\": 0}", "{\"x\": -0.0}")).isEqualTo(1);
            assertThat(distinct("[95]", "[95.5]")).isEqualTo(2);
        }

        @Test
        void arrayOrder_matters() {
            assertThat(distinct("[1, 2]", "[2, 1]")).isEqualTo(2);
            assertThat(distinct("[[1], 2]", "[[1, 2]]")).isEqualTo(2);
        }
    }

    @Nested
    class Streak {
        private static final String DAILY_3 = "[{\"type\": \"streak\", \"unit\": \"day\", \"min\": 3}]";

        @Test
        void consecutiveDays_makeAStreak() {
            RuleEngine engine = game("workout", DAILY_3);
            assertThat(fires(engine, "workout", "2026-11-19T07:00:00Z")).isFalse();
            assertThat(fires(engine, "workout", "2026-11-20T22:00:00Z")).isFalse();
            assertThat(fires(engine, "workout", "2026-11-21T06:00:00Z")).isTrue();
            assertThat(fires(engine, "workout", "2026-11-21T18:00:00Z")).isTrue();
        }

        /** The runs stay as they were, and so does the player's engine data: the commit reuses it. */
        @Test
        void aSecondEventInADayAlreadyCounted_leavesTheEngineDataAsItWas() {
            ForwardingStore store = new ForwardingStore();
            RuleEngine engine = Fixtures.engine(Fixtures.rules(Fixtures.rule("r", "workout", DAILY_3,
                    "[{\"type\": \"grant_xp\", \"amount\": 1}]")), store);
            fires(engine, "workout", "2026-11-19T07:00:00Z");
            Map<String, Object> afterFirst = store.load("u").orElseThrow().engineData();

            assertThat(fires(engine, "workout", "2026-11-19T21:00:00Z")).isFalse();
            assertThat(store.load("u").orElseThrow().engineData()).isSameAs(afterFirst);
            fires(engine, "workout", "2026-11-20T07:00:00Z");
            assertThat(store.load("u").orElseThrow().engineData()).isNotSameAs(afterFirst);
        }

        @Test
        void severalEventsInOneDay_countOnce() {
            RuleEngine engine = game("workout", "[{\"type\": \"streak\", \"unit\": \"day\", \"min\": 2}]");
            fires(engine, "workout", "2026-11-21T06:00:00Z");
            fires(engine, "workout", "2026-11-21T12:00:00Z");
            assertThat(fires(engine, "workout", "2026-11-21T18:00:00Z")).isFalse();
        }

        @Test
        void aGap_breaksTheStreak_unlessGraceCoversIt() {
            RuleEngine strict = game("workout", DAILY_3);
            RuleEngine lenient = game("workout", "[{\"type\": \"streak\", \"unit\": \"day\", \"min\": 3, \"graceUnits\": 1}]");
            for (RuleEngine engine : new RuleEngine[] {strict, lenient}) {
                fires(engine, "workout", "2026-11-18T07:00:00Z");
                fires(engine, "workout", "2026-11-19T07:00:00Z");
                // no workout on Nov 20
            }
            assertThat(fires(strict, "workout", "2026-11-21T07:00:00Z")).isFalse();  // run of 1
            assertThat(fires(lenient, "workout", "2026-11-21T07:00:00Z")).isTrue();  // 21, (20), 19, 18: 3 days
        }

        @Test
        void graceIsSpentInTotal_notPerGap() {
            RuleEngine engine = game("workout", "[{\"type\": \"streak\", \"unit\": \"day\", \"min\": 3, \"graceUnits\": 1}]");
            fires(engine, "workout", "2026-11-17T07:00:00Z");
            // no workout on Nov 18
            fires(engine, "workout", "2026-11-19T07:00:00Z");
            // no workout on Nov 20
            assertThat(fires(engine, "workout", "2026-11-21T07:00:00Z")).isFalse(); // 21, (20), 19, then (18) is one gap too many
        }

        @Test
        void days_areCountedInTheTimezone() {
            // 2026-11-20T16:00Z and 2026-11-21T14:00Z are both Nov 21 in Tokyo (UTC+9), but two days in UTC
            RuleEngine utc = game("workout", "[{\"type\": \"streak\", \"unit\": \"day\", \"min\": 2}]");
            RuleEngine tokyo = game("workout",
                    "[{\"type\": \"streak\", \"unit\": \"day\", \"min\": 2, \"timezone\": \"Asia/Tokyo\"}]");
            for (RuleEngine engine : new RuleEngine[] {utc, tokyo}) {
                fires(engine, "workout", "2026-11-20T16:00:00Z");
            }
            assertThat(fires(utc, "workout", "2026-11-21T14:00:00Z")).isTrue();
            assertThat(fires(tokyo, "workout", "2026-11-21T14:00:00Z")).isFalse();
        }

        @Test
        void weeklyStreak() {
            RuleEngine engine = game("workout", "[{\"type\": \"streak\", \"unit\": \"week\", \"min\": 3}]");
            fires(engine, "workout", "2026-11-08T12:00:00Z"); // Sunday, week of Nov 2
            fires(engine, "workout", "2026-11-09T12:00:00Z"); // Monday, week of Nov 9
            assertThat(fires(engine, "workout", "2026-11-16T12:00:00Z")).isTrue(); // week of Nov 16: 3 weeks
        }
    }

    @Nested
    class TimeWindow {
        @Test
        void hoursAreStartInclusiveEndExclusive() {
            RuleEngine engine = game("e", "[{\"type\": \"time_window\", \"startHour\": 9, \"endHour\": 17, \"timezone\": \"UTC\"}]");
            assertThat(fires(engine, "e", "2026-11-21T08:59:59Z")).isFalse();
            assertThat(fires(engine, "e", "2026-11-21T09:00:00Z")).isTrue();
            assertThat(fires(engine, "e", "2026-11-21T16:59:59Z")).isTrue();
            assertThat(fires(engine, "e", "2026-11-21T17:00:00Z")).isFalse();
        }

        @Test
        void wrapsPastMidnight_whenStartIsAfterEnd() {
            RuleEngine engine = game("e", "[{\"type\": \"time_window\", \"startHour\": 22, \"endHour\": 6, \"timezone\": \"UTC\"}]");
            assertThat(fires(engine, "e", "2026-11-21T21:59:00Z")).isFalse();
            assertThat(fires(engine, "e", "2026-11-21T22:00:00Z")).isTrue();
            assertThat(fires(engine, "e", "2026-11-21T23:30:00Z")).isTrue();
            assertThat(fires(engine, "e", "2026-11-22T00:30:00Z")).isTrue();
            assertThat(fires(engine, "e", "2026-11-22T05:59:59Z")).isTrue();
            assertThat(fires(engine, "e", "2026-11-22T06:00:00Z")).isFalse();
        }

        @Test
        void usesTheLocalHourOfTheTimezone() {
            // Paris is UTC+1 in November
            RuleEngine engine = game("e",
                    "[{\"type\": \"time_window\", \"startHour\": 9, \"endHour\": 17, \"timezone\": \"Europe/Paris\"}]");
            assertThat(fires(engine, "e", "2026-11-21T07:59:00Z")).isFalse();
            assertThat(fires(engine, "e", "2026-11-21T08:00:00Z")).isTrue();
            assertThat(fires(engine, "e", "2026-11-21T15:59:00Z")).isTrue();
            assertThat(fires(engine, "e", "2026-11-21T16:00:00Z")).isFalse();
        }
    }

    @Nested
    class DayOfWeek {
        @Test
        void matchesTheListedDays() {
            RuleEngine engine = game("e", "[{\"type\": \"day_of_week\", \"days\": [\"SAT\", \"SUN\"], \"timezone\": \"UTC\"}]");
            assertThat(fires(engine, "e", "2026-11-20T23:59:59Z")).isFalse(); // Friday
            assertThat(fires(engine, "e", "2026-11-21T00:00:00Z")).isTrue();  // Saturday
            assertThat(fires(engine, "e", "2026-11-22T12:00:00Z")).isTrue();  // Sunday
            assertThat(fires(engine, "e", "2026-11-23T00:00:00Z")).isFalse(); // Monday
        }

        @Test
        void usesTheLocalDateOfTheTimezone() {
            // Friday Nov 20 12:00Z is Saturday Nov 21 01:00 in Auckland (UTC+13 in November)
            RuleEngine engine = game("e",
                    "[{\"type\": \"day_of_week\", \"days\": [\"SAT\"], \"timezone\": \"Pacific/Auckland\"}]");
            assertThat(fires(engine, "e", "2026-11-20T12:00:00Z")).isTrue();
            assertThat(fires(engine, "e", "2026-11-21T12:00:00Z")).isFalse();
        }
    }
}
