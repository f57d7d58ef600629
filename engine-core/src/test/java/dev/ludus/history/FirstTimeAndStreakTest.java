package dev.ludus.history;

import static dev.ludus.history.HistoryTestSupport.engine;
import static dev.ludus.history.HistoryTestSupport.event;
import static dev.ludus.history.HistoryTestSupport.measureAll;
import static dev.ludus.history.HistoryTestSupport.thresholdGame;
import static dev.ludus.history.HistoryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.RuleEngine;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** SPEC 4.2 {@code first_time} and {@code streak} (days and Monday weeks, grace, DST, late events). */
class FirstTimeAndStreakTest {

    private static List<String> firedFor(RuleEngine engine, Event... events) {
        return Stream.of(events).map(e -> String.join(",", track(engine, e).rulesTriggered())).toList();
    }

    // ---- first_time

    @Test
    void firstTime_withoutEventType_holdsForThePlayersFirstEventOfTheTriggerType_only() {
        RuleEngine engine = engine("""
                [ { "id": "first-purchase", "name": "First purchase", "trigger": { "eventType": "purchase" },
                    "conditions": [ { "type": "first_time" } ],
                    "actions": [ { "type": "award_badge", "badgeId": "first-purchase" } ] } ]""");

        assertThat(firedFor(engine, event("view", "2026-03-01T10:00:00Z"), event("purchase", "2026-03-02T10:00:00Z"),
                event("purchase", "2026-03-03T10:00:00Z"), event("purchase", "2027-03-03T10:00:00Z")))
                .containsExactly("", "first-purchase", "", "");
    }

    @Test
    void firstTime_isPerPlayer() {
        RuleEngine engine = engine("""
                [ { "id": "first-purchase", "name": "First purchase", "trigger": { "eventType": "purchase" },
                    "conditions": [ { "type": "first_time" } ],
                    "actions": [ { "type": "award_badge", "badgeId": "first-purchase" } ] } ]""");
        track(engine, event("purchase", "2026-03-02T10:00:00Z"));

        assertThat(track(engine, event("p2", "purchase", Instant.parse("2026-03-03T10:00:00Z")))
                .rulesTriggered()).containsExactly("first-purchase");
    }

    @Test
    void firstTime_ofAnotherEventType_holdsUntilThePlayerHasAnEventOfThatType() {
        RuleEngine engine = engine("""
                [ { "id": "no-refund-yet", "name": "No refund yet", "trigger": { "eventType": "purchase" },
                    "conditions": [ { "type": "first_time", "eventType": "refund" } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""");

        assertThat(firedFor(engine, event("purchase", "2026-03-01T10:00:00Z"), event("purchase", "2026-03-02T10:00:00Z"),
                event("refund", "2026-03-03T10:00:00Z"), event("purchase", "2026-03-04T10:00:00Z")))
                .containsExactly("no-refund-yet", "no-refund-yet", "", "");
    }

    @Test
    void firstTime_withItsOwnTypeNamedExplicitly_isTheDefault() {
        RuleEngine engine = engine("""
                [ { "id": "first-purchase", "name": "First purchase", "trigger": { "eventType": "purchase" },
                    "conditions": [ { "type": "first_time", "eventType": "purchase" } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""");

        assertThat(firedFor(engine, event("purchase", "2026-03-01T10:00:00Z"), event("purchase", "2026-03-02T10:00:00Z")))
                .containsExactly("first-purchase", "");
    }

    @Test
    void firstTime_onARuleWithSeveralTriggerTypes_isPerEventType() {
        RuleEngine engine = engine("""
                [ { "id": "first-of-kind", "name": "First of its kind", "trigger": { "eventTypes": [ "run", "swim" ] },
                    "conditions": [ { "type": "first_time" } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""");

        assertThat(firedFor(engine, event("run", "2026-03-01T10:00:00Z"), event("swim", "2026-03-02T10:00:00Z"),
                event("run", "2026-03-03T10:00:00Z"), event("swim", "2026-03-04T10:00:00Z")))
                .containsExactly("first-of-kind", "first-of-kind", "", "");
    }

    // ---- streak

    private static RuleEngine streak(String unit, int grace, String timezone, int max) {
        return engine(thresholdGame("workout", "{ \"type\": \"streak\", \"unit\": \"%s\", \"graceUnits\": %d%s"
                .formatted(unit, grace, timezone == null ? "" : ", \"timezone\": \"" + timezone + "\""), max));
    }

    private static Event workout(String at) {
        return event("workout", at);
    }

    @Test
    void streak_day_countsConsecutiveDaysWithAnEvent_onceEach() {
        RuleEngine engine = streak("day", 0, null, 5);

        assertThat(measureAll(engine, workout("2026-03-01T08:00:00Z"), workout("2026-03-01T20:00:00Z"),
                workout("2026-03-02T23:59:59.999Z"), workout("2026-03-03T00:00:00Z")))
                .containsExactly(1L, 1L, 2L, 3L);
    }

    @Test
    void streak_day_graceZero_aMissedDayRestartsTheStreak() {
        RuleEngine engine = streak("day", 0, "UTC", 5);

        assertThat(measureAll(engine, workout("2026-03-01T08:00:00Z"), workout("2026-03-02T08:00:00Z"),
                workout("2026-03-04T08:00:00Z"))).containsExactly(1L, 2L, 1L);
    }

    @Test
    void streak_day_graceOne_bridgesOneEmptyDayInTotal() {
        RuleEngine engine = streak("day", 1, null, 6);

        // On the 6th: 5 and 3 are both empty, two in total: the walk stops before 1-2.
        assertThat(measureAll(engine, workout("2026-03-01T08:00:00Z"), workout("2026-03-02T08:00:00Z"),
                workout("2026-03-04T08:00:00Z"), workout("2026-03-06T08:00:00Z"))).containsExactly(1L, 2L, 3L, 2L);
    }

    @Test
    void streak_day_graceTwo_bridgesTwoEmptyDaysInTotal() {
        RuleEngine engine = streak("day", 2, null, 6);

        // On the 9th: 7 and 8 use up the grace, so the empty 5th ends the walk at 6.
        assertThat(measureAll(engine, workout("2026-03-01T08:00:00Z"), workout("2026-03-02T08:00:00Z"),
                workout("2026-03-04T08:00:00Z"), workout("2026-03-06T08:00:00Z"), workout("2026-03-09T08:00:00Z")))
                .containsExactly(1L, 2L, 3L, 4L, 2L);
    }

    @Test
    void streak_day_graceTwo_doesNotBridgeThreeEmptyDays() {
        RuleEngine engine = streak("day", 2, null, 5);

        assertThat(measureAll(engine, workout("2026-03-01T08:00:00Z"), workout("2026-03-05T08:00:00Z")))
                .containsExactly(1L, 1L);
    }

    @Test
    void streak_week_weeksStartOnMonday() {
        RuleEngine graceZero = streak("week", 0, null, 5);
        RuleEngine graceOne = streak("week", 1, null, 5);
        // Sat 14 and Sun 15 March are in the week of Monday 9; Monday 16 starts the next; the week of 23 is empty.
        Event[] events = {workout("2026-03-14T12:00:00Z"), workout("2026-03-15T23:59:59.999Z"),
                workout("2026-03-16T00:00:00Z"), workout("2026-03-30T00:00:00Z")};

        assertThat(measureAll(graceZero, events)).containsExactly(1L, 1L, 2L, 1L);
        assertThat(measureAll(graceOne, events)).containsExactly(1L, 1L, 2L, 3L);
    }

    @Test
    void streak_dayInNewYork_countsLocalDaysAcrossTheSpringForwardChange() {
        RuleEngine engine = streak("day", 0, "America/New_York", 6);

        // Local days 7, 8, 9, 10 March (the 8th has 23 hours); in UTC these are days 8, 9, 9, 11.
        assertThat(measureAll(engine,
                workout("2026-03-08T04:30:00Z"),   // Sat 7 March 23:30 EST
                workout("2026-03-09T03:30:00Z"),   // Sun 8 March 23:30 EDT
                workout("2026-03-09T04:30:00Z"),   // Mon 9 March 00:30 EDT
                workout("2026-03-11T03:30:00Z")))  // Tue 10 March 23:30 EDT
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void streak_dayInNewYork_countsLocalDaysAcrossTheFallBackChange() {
        RuleEngine engine = streak("day", 0, "America/New_York", 6);

        assertThat(measureAll(engine,
                workout("2026-11-01T03:30:00Z"),   // Sat 31 October 23:30 EDT
                workout("2026-11-02T04:30:00Z"),   // Sun 1 November 23:30 EST (a 25-hour day)
                workout("2026-11-02T05:30:00Z")))  // Mon 2 November 00:30 EST
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void streak_lateEventFillingAGap_joinsTheRuns() {
        RuleEngine engine = streak("day", 0, null, 6);

        assertThat(measureAll(engine, workout("2026-03-01T08:00:00Z"), workout("2026-03-03T08:00:00Z"),
                workout("2026-03-02T08:00:00Z"), // late: walking back from the 2nd gives 2 and 1
                workout("2026-03-04T08:00:00Z"))).containsExactly(1L, 1L, 2L, 4L);
    }
}
