package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.props;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.EventResult;
import dev.ludus.api.RuleEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A result's {@code rulesTriggered} is found by the positions, in the rules the event walked, of the rules that fired
 * (a small table per walk) when those are all the rules that fired: it must list exactly the rules that fired, in
 * order, whatever fired before it, and share one list between events that fire the same rules.
 */
class FiredRulesListsTest {
    /** Rules {@code r0}…{@code r<n-1>} on type {@code t}; {@code ri} fires for a score of at least i. */
    private static String banded(int n) {
        return Fixtures.rules(IntStream.range(0, n).mapToObj(i -> Fixtures.rule("r" + i, "t",
                "[{\"type\": \"property_gte\", \"property\": \"score\", \"value\": " + i + "}]",
                "[{\"type\": \"grant_currency\", \"currency\": \"coins\", \"amount\": 1}]")).toArray(String[]::new));
    }

    private static List<String> expected(int score, int rules) {
        return IntStream.rangeClosed(0, Math.min(score, rules - 1)).mapToObj(i -> "r" + i).toList();
    }

    private static EventResult scored(RuleEngine engine, String player, int score) {
        return processed(engine, event(player, "t", props("score", score)));
    }

    @Test
    void eventsFiringTheSameRules_shareOneList_andOthersGetTheirOwn() {
        RuleEngine engine = Fixtures.engine(banded(4));

        List<String> three = scored(engine, "a", 2).rulesTriggered();
        List<String> one = scored(engine, "b", 0).rulesTriggered();

        assertThat(three).containsExactly("r0", "r1", "r2");
        assertThat(one).containsExactly("r0");
        assertThat(scored(engine, "c", 2).rulesTriggered()).isSameAs(three);
        assertThat(scored(engine, "a", 0).rulesTriggered()).isSameAs(one);
        assertThat(scored(engine, "a", 9).rulesTriggered()).containsExactly("r0", "r1", "r2", "r3");
        assertThat(processed(engine, event("a", "t", props("score", -1))).rulesTriggered()).isEmpty();
    }

    @Test
    void rulesOfDerivedEvents_areListedAfterTheEventsOwn_andNotForTheNextEventFiringTheSameOwnRules() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "xp", "name": "xp", "trigger": {"eventType": "e"}, "actions": [{"type": "grant_xp", "amount": 150}]},
                  {"id": "second-level", "name": "second", "trigger": {"eventType": "level_up"},
                   "conditions": [{"type": "property_eq", "property": "to", "value": 2}],
                   "actions": [{"type": "award_badge", "badgeId": "two"}]}]}""");

        assertThat(processed(engine, event("u", "e")).rulesTriggered()).containsExactly("xp", "second-level");
        assertThat(processed(engine, event("u", "e")).rulesTriggered()).containsExactly("xp");
        assertThat(processed(engine, event("v", "e")).rulesTriggered()).containsExactly("xp", "second-level");
    }

    @Test
    void walksOfMoreThan64Rules_listRulesPastTheSixtyFourth_whoseBitsWouldWrapOntoTheFirst() {
        // Rule ri fires for a score of exactly i: rule 65 alone would set bit 65, which wraps onto rule 1's.
        RuleEngine engine = Fixtures.engine(Fixtures.rules(IntStream.range(0, 70).mapToObj(i -> Fixtures.rule("r" + i,
                "t", "[{\"type\": \"property_gte\", \"property\": \"score\", \"value\": " + i + "},"
                        + " {\"type\": \"property_lte\", \"property\": \"score\", \"value\": " + i + "}]",
                "[{\"type\": \"grant_xp\", \"amount\": 1}]")).toArray(String[]::new)));

        for (int score : new int[] {65, 1, 65, 64, 0, 69, 5}) {
            assertThat(scored(engine, "p", score).rulesTriggered()).as("score " + score).containsExactly("r" + score);
        }
    }

    @Test
    void walksSplitOnAPropertysValue_eachListTheirOwnRules() {
        // Each category's walk holds one rule, at position 0 in its walk: the same bits, other rules.
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                Fixtures.rule("x1", "t", "[{\"type\": \"property_eq\", \"property\": \"category\", \"value\": \"x\"}]",
                        "[{\"type\": \"grant_xp\", \"amount\": 1}]"),
                Fixtures.rule("y1", "t", "[{\"type\": \"property_eq\", \"property\": \"category\", \"value\": \"y\"}]",
                        "[{\"type\": \"grant_xp\", \"amount\": 1}]")));

        for (String category : new String[] {"x", "y", "x", "y"}) {
            assertThat(processed(engine, event("p", "t", props("category", category))).rulesTriggered())
                    .containsExactly(category + "1");
        }
    }

    @Test
    void aRuleThatFailed_isNotCountedAmongTheWalksFiredRules() {
        // The first event: "spend" fails (no coins), "learn" levels the player up and "second-level" fires on the
        // level_up. Counted by what ran rather than by what fired, the walk would file ["learn", "second-level"]
        // under the positions of "spend" and "learn", which the third event fires.
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "spend", "name": "spend", "trigger": {"eventType": "e"},
                   "actions": [{"type": "deduct_currency", "currency": "coins", "amount": 5}]},
                  {"id": "learn", "name": "learn", "trigger": {"eventType": "e"}, "actions": [{"type": "grant_xp", "amount": 150}]},
                  {"id": "earn", "name": "earn", "trigger": {"eventType": "earn"},
                   "actions": [{"type": "grant_currency", "currency": "coins", "amount": 100}]},
                  {"id": "second-level", "name": "second", "trigger": {"eventType": "level_up"},
                   "conditions": [{"type": "property_eq", "property": "to", "value": 2}],
                   "actions": [{"type": "award_badge", "badgeId": "two"}]}]}""");

        EventResult first = processed(engine, event("u", "e"));
        assertThat(first.rulesTriggered()).containsExactly("learn", "second-level");
        assertThat(first.rulesFailed()).extracting(failure -> failure.ruleId()).containsExactly("spend");
        processed(engine, event("u", "earn"));
        assertThat(processed(engine, event("u", "e")).rulesTriggered()).containsExactly("spend", "learn");
    }

    @Test
    void aTypeOnlyAnAggregateCounts_walksTheWildcardRules_andIsCountedOnce() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "any", "name": "any", "trigger": {"eventType": "*"}, "actions": [{"type": "grant_xp", "amount": 1}]},
                  {"id": "two-x", "name": "two", "trigger": {"eventType": "check"},
                   "conditions": [{"type": "event_count", "eventType": "x", "min": 2, "max": 2}],
                   "actions": [{"type": "award_badge", "badgeId": "two-x"}]}]}""");

        assertThat(processed(engine, event("u", "x")).rulesTriggered()).containsExactly("any");
        assertThat(processed(engine, event("u", "check")).rulesTriggered()).containsExactly("any");
        assertThat(processed(engine, event("u", "x")).rulesTriggered()).containsExactly("any");
        assertThat(processed(engine, event("u", "check")).rulesTriggered()).containsExactly("any", "two-x");
        processed(engine, event("u", "x"));
        assertThat(processed(engine, event("u", "check")).rulesTriggered()).containsExactly("any");
    }

    @Test
    void threadsFiringManyCombinationsAtOnce_eachGetTheirOwnRules() throws Exception {
        // 40 combinations share the walk's 16 slots: entries are overwritten all the time, by other threads too. A
        // smoke test of the races on real threads; that a lost or overwritten entry only costs a look-up follows from
        // the entries being immutable and read once.
        int rules = 40;
        RuleEngine engine = Fixtures.engine(banded(rules));
        int events = 40_000;

        List<EventResult> results = Fixtures.trackConcurrently(4, events,
                i -> engine.track(event("p" + i % 97, "t", props("score", score(i, rules)))));

        // trackConcurrently returns thread t's results, for events t, t + 4, t + 8, …, after thread t - 1's.
        List<String> wrong = new ArrayList<>();
        int k = 0;
        for (int thread = 0; thread < 4; thread++) {
            for (int i = thread; i < events; i += 4) {
                List<String> fired = results.get(k++).rulesTriggered();
                if (!fired.equals(expected(score(i, rules), rules))) {
                    wrong.add("event " + i + ": " + fired);
                }
            }
        }
        assertThat(results).hasSize(events);
        assertThat(wrong).isEmpty();
    }

    private static int score(int event, int rules) {
        return event * 7 % rules;
    }
}
