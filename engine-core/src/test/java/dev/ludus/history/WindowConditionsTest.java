package dev.ludus.history;

import static dev.ludus.history.HistoryTestSupport.PLAYER;
import static dev.ludus.history.HistoryTestSupport.engine;
import static dev.ludus.history.HistoryTestSupport.event;
import static dev.ludus.history.HistoryTestSupport.measureAll;
import static dev.ludus.history.HistoryTestSupport.thresholdGame;
import static dev.ludus.history.HistoryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.RuleEngine;
import dev.ludus.history.HistoryTestSupport.RecordingStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC 4.2 {@code event_count}, {@code property_sum}, {@code distinct_count}: calendar-aligned windows at
 * their boundaries, in time zones and across DST, lifetime aggregates, and events out of time order.
 * Each game is a {@link HistoryTestSupport#thresholdGame}, so the value a condition saw is read back
 * exactly from the rules that fired.
 */
class WindowConditionsTest {

    private static RuleEngine counting(String window, int max) {
        return engine(thresholdGame("visit", "{ \"type\": \"event_count\"" + window, max));
    }

    private static Event visit(String at) {
        return event("visit", at);
    }

    // ---- event_count: units

    @Test
    void eventCount_hourWindow_countsOnlyTheCurrentHour() {
        RuleEngine engine = counting(", \"window\": { \"unit\": \"hour\", \"count\": 1 }", 5);

        assertThat(measureAll(engine, visit("2026-03-10T10:00:00Z"), visit("2026-03-10T10:59:59.999Z"),
                visit("2026-03-10T11:00:00Z"))).containsExactly(1L, 2L, 1L);
    }

    @Test
    void eventCount_twoHourWindow_isTheCurrentHourAndTheOneBefore_notTheLast120Minutes() {
        RuleEngine engine = counting(", \"window\": { \"unit\": \"hour\", \"count\": 2, \"timezone\": \"UTC\" }", 6);

        assertThat(measureAll(engine, visit("2026-03-10T10:00:00Z"), visit("2026-03-10T10:59:59.999Z"),
                visit("2026-03-10T11:00:00Z"), visit("2026-03-10T11:59:59.999Z"), visit("2026-03-10T12:00:00Z")))
                .containsExactly(1L, 2L, 3L, 4L, 3L);
    }

    @Test
    void eventCount_dayWindow_followsTheLocalDayOfItsTimezone() {
        // Asia/Tokyo is UTC+9: the local day of 10 March runs from 9 March 15:00Z to 10 March 15:00Z.
        RuleEngine engine = counting(", \"window\": { \"unit\": \"day\", \"count\": 1, \"timezone\": \"Asia/Tokyo\" }", 5);

        assertThat(measureAll(engine, visit("2026-03-09T14:59:59.999Z"), visit("2026-03-09T15:00:00Z"),
                visit("2026-03-10T14:59:59.999Z"), visit("2026-03-10T15:00:00Z"))).containsExactly(1L, 1L, 2L, 1L);
    }

    @Test
    void eventCount_weekWindow_startsOnMonday() {
        // 2026-03-09 and 2026-03-16 are Mondays; Sunday 15 March still belongs to the week of the 9th.
        RuleEngine engine = counting(", \"window\": { \"unit\": \"week\", \"count\": 1 }", 5);

        assertThat(measureAll(engine, visit("2026-03-09T00:00:00Z"), visit("2026-03-15T23:59:59.999Z"),
                visit("2026-03-16T00:00:00Z"))).containsExactly(1L, 2L, 1L);
    }

    @Test
    void eventCount_twoWeekWindow_isThisWeekAndLastWeek() {
        RuleEngine engine = counting(", \"window\": { \"unit\": \"week\", \"count\": 2 }", 6);

        assertThat(measureAll(engine, visit("2026-03-09T00:00:00Z"), visit("2026-03-15T23:59:59.999Z"),
                visit("2026-03-16T00:00:00Z"), visit("2026-03-22T23:59:59.999Z"), visit("2026-03-23T00:00:00Z")))
                .containsExactly(1L, 2L, 3L, 4L, 3L);
    }

    static Stream<Arguments> monthsOfEveryLength() {
        return Stream.of(
                Arguments.of("31 days", "2026-01-01T00:00:00Z", "2026-01-31T23:59:59.999Z", "2026-02-01T00:00:00Z"),
                Arguments.of("28 days", "2026-02-01T00:00:00Z", "2026-02-28T23:59:59.999Z", "2026-03-01T00:00:00Z"),
                Arguments.of("29 days, leap year", "2028-02-01T00:00:00Z", "2028-02-29T23:59:59.999Z",
                        "2028-03-01T00:00:00Z"),
                Arguments.of("30 days", "2026-04-01T00:00:00Z", "2026-04-30T23:59:59.999Z", "2026-05-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("monthsOfEveryLength")
    void eventCount_monthWindow_runsFromTheFirstToTheLastInstantOfTheCalendarMonth(
            String length, String firstInstant, String lastInstant, String nextMonth) {
        RuleEngine engine = counting(", \"window\": { \"unit\": \"month\", \"count\": 1 }", 5);

        assertThat(measureAll(engine, visit(firstInstant), visit(lastInstant), visit(nextMonth)))
                .containsExactly(1L, 2L, 1L);
    }

    @Test
    void eventCount_threeMonthWindow_isCalendarAligned_notTheLast90Days() {
        RuleEngine engine = counting(", \"window\": { \"unit\": \"month\", \"count\": 3 }", 6);

        // On 1 March the window is January to March: 15 December is out though it is only 76 days back.
        assertThat(measureAll(engine, visit("2025-12-15T00:00:00Z"), visit("2026-01-31T12:00:00Z"),
                visit("2026-02-28T12:00:00Z"), visit("2026-03-01T00:00:00Z"))).containsExactly(1L, 2L, 3L, 3L);
    }

    @Test
    void eventCount_withoutWindow_countsTheWholeHistory() {
        RuleEngine engine = counting("", 5);

        assertThat(measureAll(engine, visit("2020-01-01T00:00:00Z"), visit("2026-06-01T00:00:00Z"),
                visit("2030-12-31T23:59:59Z"))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void eventCount_ofAnotherEventType_countsThoseEventsAndNotTheCurrentOne() {
        RuleEngine engine = engine(thresholdGame("checkout",
                "{ \"type\": \"event_count\", \"eventType\": \"view\", \"window\": { \"unit\": \"day\", \"count\": 1 }", 5));

        track(engine, event("view", "2026-03-09T23:00:00Z")); // the day before
        track(engine, event("view", "2026-03-10T08:00:00Z"));
        track(engine, event("view", "2026-03-10T09:00:00Z"));

        assertThat(measureAll(engine, event("checkout", "2026-03-10T10:00:00Z"))).containsExactly(2L);
    }

    // ---- across DST in America/New_York

    @Test
    void eventCount_dayWindowInNewYork_springForwardDayHas23Hours() {
        // 8 March 2026: 00:00 EST is 05:00Z, the clocks jump 02:00 -> 03:00, 9 March 00:00 EDT is 04:00Z.
        RuleEngine engine = counting(
                ", \"window\": { \"unit\": \"day\", \"count\": 1, \"timezone\": \"America/New_York\" }", 5);

        assertThat(measureAll(engine, visit("2026-03-08T04:59:59.999Z"), visit("2026-03-08T05:00:00Z"),
                visit("2026-03-09T03:59:59.999Z"), visit("2026-03-09T04:00:00Z"))).containsExactly(1L, 1L, 2L, 1L);
    }

    @Test
    void eventCount_dayWindowInNewYork_fallBackDayHas25Hours() {
        // 1 November 2026: 00:00 EDT is 04:00Z, 01:30 happens twice (05:30Z EDT, 06:30Z EST),
        // 2 November 00:00 EST is 05:00Z.
        RuleEngine engine = counting(
                ", \"window\": { \"unit\": \"day\", \"count\": 1, \"timezone\": \"America/New_York\" }", 6);

        assertThat(measureAll(engine, visit("2026-11-01T03:59:59.999Z"), visit("2026-11-01T04:00:00Z"),
                visit("2026-11-01T05:30:00Z"), visit("2026-11-01T06:30:00Z"), visit("2026-11-02T04:59:59.999Z"),
                visit("2026-11-02T05:00:00Z"))).containsExactly(1L, 1L, 2L, 3L, 4L, 1L);
    }

    /*
     * docs/decisions.md: hours are elapsed hours starting where local hours start. The tests below pin down
     * what that means on the two DST days of 2026 and in a zone with a half-hour offset.
     */

    @Test
    void eventCount_hourWindowInNewYork_theRepeatedHourAtFallBackIsTwoHours() {
        // 05:30Z is 01:30 EDT; 06:00Z and 06:30Z are 01:00 and 01:30 EST: the wall clock repeats 01:xx, but
        // hours are elapsed hours, so 06:00Z starts a new one.
        RuleEngine engine = counting(
                ", \"window\": { \"unit\": \"hour\", \"count\": 1, \"timezone\": \"America/New_York\" }", 5);

        assertThat(measureAll(engine, visit("2026-11-01T05:30:00Z"), visit("2026-11-01T06:00:00Z"),
                visit("2026-11-01T06:30:00Z"), visit("2026-11-01T07:00:00Z"))).containsExactly(1L, 1L, 2L, 1L);
    }

    @Test
    void eventCount_hourWindowInNewYork_theSkippedHourAtSpringForwardIsNoUnit() {
        // 06:30Z is 01:30 EST; 07:00Z is 03:00 EDT, one real hour later: a two-hour window at 03:00 still
        // sees 01:30, because the wall-clock hour 02 never happened.
        RuleEngine engine = counting(
                ", \"window\": { \"unit\": \"hour\", \"count\": 2, \"timezone\": \"America/New_York\" }", 5);

        assertThat(measureAll(engine, visit("2026-03-08T06:30:00Z"), visit("2026-03-08T07:00:00Z")))
                .containsExactly(1L, 2L);
    }

    @Test
    void eventCount_hourWindowInKolkata_hoursStartAtHalfPastInUtc() {
        // Asia/Kolkata is UTC+05:30: local 10:00 is 04:30Z, so 04:29Z and 04:31Z are in different hours.
        RuleEngine engine = counting(
                ", \"window\": { \"unit\": \"hour\", \"count\": 1, \"timezone\": \"Asia/Kolkata\" }", 5);

        assertThat(measureAll(engine, visit("2026-03-10T04:00:00Z"), visit("2026-03-10T04:29:59Z"),
                visit("2026-03-10T04:30:00Z"))).containsExactly(1L, 2L, 1L);
    }

    // ---- out of time order

    @Test
    void eventCount_lateEvent_countsInItsOwnDay_andIsSeenByLaterEvents() {
        RuleEngine engine = counting(", \"window\": { \"unit\": \"day\", \"count\": 2 }", 6);

        assertThat(measureAll(engine, visit("2026-03-10T12:00:00Z"), visit("2026-03-11T12:00:00Z"),
                visit("2026-03-10T18:00:00Z"), // late: its window is 9-10 March
                visit("2026-03-11T20:00:00Z"))).containsExactly(1L, 2L, 2L, 4L);
    }

    @Test
    void eventCount_lateEventOlderThanEveryWindow_doesNotDisturbCurrentCounts() {
        RuleEngine engine = counting(", \"window\": { \"unit\": \"day\", \"count\": 2 }", 6);
        track(engine, visit("2026-03-10T12:00:00Z"));
        track(engine, visit("2026-03-11T12:00:00Z"));

        track(engine, visit("2026-02-01T12:00:00Z"));

        assertThat(measureAll(engine, visit("2026-03-11T13:00:00Z"))).containsExactly(3L);
    }

    @Test
    void eventCount_lifetime_countsLateEventsToo() {
        RuleEngine engine = counting("", 5);

        assertThat(measureAll(engine, visit("2026-03-10T12:00:00Z"), visit("2025-01-01T00:00:00Z"),
                visit("2026-03-11T00:00:00Z"))).containsExactly(1L, 2L, 3L);
    }

    // ---- property_sum

    private static RuleEngine summing(String window, int max) {
        return engine(thresholdGame("workout", "{ \"type\": \"property_sum\", \"property\": \"minutes\"" + window, max));
    }

    @Test
    void propertySum_dayWindow_sumsTheCurrentDayOnly() {
        RuleEngine engine = summing(", \"window\": { \"unit\": \"day\", \"count\": 1, \"timezone\": \"Europe/Berlin\" }", 10);

        // Berlin is UTC+1 in March: 10 March local ends at 10 March 23:00Z.
        assertThat(measureAll(engine, event("workout", "2026-03-10T08:00:00Z", "minutes", 3),
                event("workout", "2026-03-10T22:59:59.999Z", "minutes", 4),
                event("workout", "2026-03-10T23:00:00Z", "minutes", 2))).containsExactly(3L, 7L, 2L);
    }

    @Test
    void propertySum_weekWindow_startsOnMonday() {
        RuleEngine engine = summing(", \"window\": { \"unit\": \"week\", \"count\": 1 }", 10);

        assertThat(measureAll(engine, event("workout", "2026-03-09T00:00:00Z", "minutes", 3),
                event("workout", "2026-03-15T23:59:59.999Z", "minutes", 4),
                event("workout", "2026-03-16T00:00:00Z", "minutes", 2))).containsExactly(3L, 7L, 2L);
    }

    @Test
    void propertySum_missingNullAndNonNumericValues_addNothing() {
        RuleEngine engine = summing("", 10);

        assertThat(measureAll(engine,
                event("workout", "2026-03-10T08:00:00Z", "minutes", 2),
                event("workout", "2026-03-10T08:01:00Z"),
                event("workout", "2026-03-10T08:02:00Z", "minutes", "3"),
                event("workout", "2026-03-10T08:03:00Z", "minutes", null),
                event("workout", "2026-03-10T08:04:00Z", "minutes", true),
                event("workout", "2026-03-10T08:05:00Z", "minutes", List.of(5)),
                event("workout", "2026-03-10T08:06:00Z", "minutes", Map.of("value", 5)),
                event("workout", "2026-03-10T08:07:00Z", "minutes", 4)))
                .containsExactly(2L, 2L, 2L, 2L, 2L, 2L, 2L, 6L);
    }

    @Test
    void propertySum_addsFractionsExactlyAndReadsNestedPaths() {
        RuleEngine engine = engine("""
                [ { "id": "spent-3.75", "name": "Spent exactly 3.75", "trigger": { "eventType": "purchase" },
                    "conditions": [ { "type": "property_sum", "property": "order.total", "min": 3.75, "max": 3.75 } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""");

        assertThat(track(engine, event("purchase", "2026-03-10T08:00:00Z", "order", Map.of("total", 1.5)))
                .rulesTriggered()).isEmpty();
        assertThat(track(engine, event("purchase", "2026-03-10T08:01:00Z", "order", Map.of("total", 2.25)))
                .rulesTriggered()).containsExactly("spent-3.75");
    }

    @Test
    void propertySum_maxBound_holdsWhileTheSumStaysAtOrBelowIt() {
        RuleEngine engine = engine("""
                [ { "id": "under-10", "name": "At most 10 this month", "trigger": { "eventType": "purchase" },
                    "conditions": [ { "type": "property_sum", "property": "amount", "max": 10,
                                      "window": { "unit": "month", "count": 1 } } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""");

        assertThat(Stream.of(6, 4, 1).map(amount -> track(engine,
                        event("purchase", "2026-03-1" + amount + "T08:00:00Z", "amount", amount)).rulesTriggered())
                .toList()).containsExactly(List.of("under-10"), List.of("under-10"), List.of());
        assertThat(track(engine, event("purchase", "2026-04-01T00:00:00Z", "amount", 9)).rulesTriggered())
                .containsExactly("under-10");
    }

    // ---- distinct_count

    private static RuleEngine distinct(String window, int max) {
        return engine(thresholdGame("quiz", "{ \"type\": \"distinct_count\", \"property\": \"score\"" + window, max));
    }

    @Test
    void distinctCount_numbersEqualByValue_areOneValue_butAStringIsAnother() {
        RuleEngine engine = distinct("", 5);

        assertThat(measureAll(engine,
                event("quiz", "2026-03-10T08:00:00Z", "score", 95),
                event("quiz", "2026-03-10T08:01:00Z", "score", 95.0),
                event("quiz", "2026-03-10T08:02:00Z", "score", new BigDecimal("95.00")),
                event("quiz", "2026-03-10T08:03:00Z", "score", "95"),
                event("quiz", "2026-03-10T08:04:00Z", "score", 95.5),
                event("quiz", "2026-03-10T08:05:00Z"))) // missing: nothing to count
                .containsExactly(1L, 1L, 1L, 2L, 3L, 3L);
    }

    @Test
    void distinctCount_dayWindow_countsValuesSeenInTheWindowOnly() {
        RuleEngine oneDay = distinct(", \"window\": { \"unit\": \"day\", \"count\": 1 }", 5);
        RuleEngine twoDays = distinct(", \"window\": { \"unit\": \"day\", \"count\": 2 }", 5);
        Event[] events = {
                event("quiz", "2026-03-10T08:00:00Z", "score", 1),
                event("quiz", "2026-03-10T23:59:59.999Z", "score", 2),
                event("quiz", "2026-03-11T00:00:00Z", "score", 1),
                event("quiz", "2026-03-11T08:00:00Z", "score", 3),
                event("quiz", "2026-03-12T08:00:00Z", "score", 2)};

        assertThat(measureAll(oneDay, events)).containsExactly(1L, 2L, 1L, 2L, 1L);
        assertThat(measureAll(twoDays, events)).containsExactly(1L, 2L, 2L, 3L, 3L);
    }

    @Test
    void distinctCount_tracksAtMost10000ValuesPerPlayerAndCondition() {
        RecordingStore store = new RecordingStore();
        RuleEngine engine = HistoryTestSupport.engine("""
                [ { "id": "ten-thousand", "name": "10,000 distinct", "trigger": { "eventType": "quiz" },
                    "conditions": [ { "type": "distinct_count", "property": "score", "min": 10000 } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] },
                  { "id": "more", "name": "More than 10,000", "trigger": { "eventType": "quiz" },
                    "conditions": [ { "type": "distinct_count", "property": "score", "min": 10001 } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""", store);
        Instant t = Instant.parse("2026-03-10T00:00:00Z");
        for (int i = 1; i < 10_000; i++) {
            assertThat(track(engine, event(PLAYER, "quiz", t.plusSeconds(i), "score", i)).rulesTriggered())
                    .as("value %s", i).isEmpty();
        }

        assertThat(track(engine, event(PLAYER, "quiz", t.plusSeconds(10_000), "score", 10_000)).rulesTriggered())
                .containsExactly("ten-thousand");
        assertThat(track(engine, event(PLAYER, "quiz", t.plusSeconds(10_001), "score", 10_001)).rulesTriggered())
                .containsExactly("ten-thousand");
        assertThat(store.lastEngineData().values()).singleElement()
                .satisfies(values -> assertThat(((Map<?, ?>) values).size()).isEqualTo(10_000));
    }
}
