package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.RuleEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** SPEC 4.1: which rules run for an event, and in which order. */
class RuleSelectionTest {

    private static String rule(String id, String extra) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"trigger\": {\"eventType\": \"e\"}"
                + (extra.isEmpty() ? "" : ", " + extra) + ", \"actions\": [{\"type\": \"grant_xp\", \"amount\": 1}]}";
    }

    @Test
    void rules_runInAscendingPriority() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                rule("p300", "\"priority\": 300"),
                rule("p-5", "\"priority\": -5"),
                rule("default", ""),
                rule("p10", "\"priority\": 10")));
        assertThat(processed(engine, event("u", "e")).rulesTriggered()).containsExactly("p-5", "p10", "default", "p300");
    }

    @Test
    void rulesWithEqualPriority_runInDocumentOrder() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                rule("c", "\"priority\": 5"), rule("a", "\"priority\": 5"), rule("b", "\"priority\": 5"),
                rule("z", ""), rule("y", "\"priority\": 100")));
        assertThat(processed(engine, event("u", "e")).rulesTriggered()).containsExactly("c", "a", "b", "z", "y");
    }

    @Test
    void stopProcessing_skipsLaterCandidatesOnceTheRuleFires() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                rule("first", "\"priority\": 1"),
                rule("stopper", "\"priority\": 2, \"stopProcessing\": true"),
                rule("skipped", "\"priority\": 3")));
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.rulesTriggered()).containsExactly("first", "stopper");
        assertThat(state(engine, "u").xp()).isEqualTo(2);
    }

    @Test
    void stopProcessing_whenTheRuleDoesNotFire_letsLaterRulesRun() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                rule("stopper", "\"stopProcessing\": true, \"conditions\": "
                        + "[{\"type\": \"property_exists\", \"property\": \"stop\"}]"),
                rule("later", "")));
        assertThat(processed(engine, event("u", "e")).rulesTriggered()).containsExactly("later");
        assertThat(processed(engine, event("u", "e", Fixtures.props("stop", 1))).rulesTriggered())
                .containsExactly("stopper");
    }

    @Test
    void stopProcessing_whenTheRuleFails_letsLaterRulesRun() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "stopper", "name": "S", "stopProcessing": true, "trigger": {"eventType": "e"},
                   "actions": [{"type": "deduct_currency", "currency": "coins", "amount": 1}]},
                  {"id": "later", "name": "L", "trigger": {"eventType": "e"},
                   "actions": [{"type": "grant_xp", "amount": 1}]}]}""");
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.rulesTriggered()).containsExactly("later");
        assertThat(result.rulesFailed()).extracting(f -> f.ruleId()).containsExactly("stopper");
    }

    @Test
    void onlyPublishedEnabledRules_run() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                rule("published", "\"status\": \"published\""),
                rule("implicit", ""),
                rule("draft", "\"status\": \"draft\""),
                rule("testing", "\"status\": \"testing\""),
                rule("archived", "\"status\": \"archived\""),
                rule("disabled", "\"enabled\": false"),
                rule("inactive", "\"isActive\": false"),
                rule("enabled", "\"enabled\": true")));
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.rulesTriggered()).containsExactly("published", "implicit", "enabled");
        assertThat(engine.game().ruleIds()).containsExactly("published", "implicit", "draft", "testing", "archived",
                "disabled", "inactive", "enabled");
    }

    @Test
    void activeWindow_isHalfOpen_fromInclusive_untilExclusive() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                rule("window", "\"activeFrom\": \"2026-01-01T00:00:00Z\", \"activeUntil\": \"2027-01-01T00:00:00Z\"")));
        assertThat(firesAt(engine, "2025-12-31T23:59:59.999Z")).isFalse();
        assertThat(firesAt(engine, "2026-01-01T00:00:00Z")).isTrue();
        assertThat(firesAt(engine, "2026-06-15T12:00:00Z")).isTrue();
        assertThat(firesAt(engine, "2026-12-31T23:59:59.999999999Z")).isTrue();
        assertThat(firesAt(engine, "2027-01-01T00:00:00Z")).isFalse();
        assertThat(firesAt(engine, "2030-01-01T00:00:00Z")).isFalse();
    }

    @Test
    void activeWindow_withOnlyOneBound_isOpenOnTheOtherSide() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                rule("from", "\"activeFrom\": \"2026-01-01T00:00:00Z\""),
                rule("until", "\"activeUntil\": \"2026-01-01T00:00:00Z\"")));
        assertThat(processed(engine, eventAt("2020-01-01T00:00:00Z")).rulesTriggered()).containsExactly("until");
        assertThat(processed(engine, eventAt("2026-01-01T00:00:00Z")).rulesTriggered()).containsExactly("from");
    }

    @Test
    void activeWindow_usesTheEventTimestamp_notTheClock() {
        // the clock says 2030; the event says 2026-06: the rule is active
        RuleEngine engine = Ludus.builder()
                .game(Fixtures.rules(rule("window",
                        "\"activeFrom\": \"2026-01-01T00:00:00Z\", \"activeUntil\": \"2027-01-01T00:00:00Z\"")))
                .clock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build();
        assertThat(processed(engine, eventAt("2026-06-01T00:00:00Z")).rulesTriggered()).containsExactly("window");
    }

    @Test
    void activeWindow_forAnEventWithoutTimestamp_usesTheEngineClock() {
        String game = Fixtures.rules(rule("window",
                "\"activeFrom\": \"2026-01-01T00:00:00Z\", \"activeUntil\": \"2027-01-01T00:00:00Z\""));
        Event noTime = Event.of("u", "e", java.util.Map.of());
        RuleEngine inside = Ludus.builder().game(game).clock(Fixtures.CLOCK).build();
        assertThat(processed(inside, noTime).rulesTriggered()).containsExactly("window");
        RuleEngine outside = Ludus.builder().game(game)
                .clock(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
        assertThat(processed(outside, noTime).rulesTriggered()).isEmpty();
    }

    @Test
    void trigger_eventType_matchesOnlyThatType() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(rule("r", "")));
        assertThat(processed(engine, event("u", "e")).rulesTriggered()).containsExactly("r");
        assertThat(processed(engine, event("u", "E")).rulesTriggered()).isEmpty();
        assertThat(processed(engine, event("u", "other")).rulesTriggered()).isEmpty();
    }

    @Test
    void trigger_eventTypes_matchesEachListedType() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [{"id": "r", "name": "R", "trigger": {"eventTypes": ["a", "b"]},
                            "actions": [{"type": "grant_xp", "amount": 1}]}]}""");
        assertThat(processed(engine, event("u", "a")).rulesTriggered()).containsExactly("r");
        assertThat(processed(engine, event("u", "b")).rulesTriggered()).containsExactly("r");
        assertThat(processed(engine, event("u", "c")).rulesTriggered()).isEmpty();
    }

    @Test
    void trigger_star_matchesEveryEvent_inPriorityOrderWithOtherRules() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "late", "name": "late", "priority": 200, "trigger": {"eventType": "a"}, "actions": []},
                  {"id": "any", "name": "any", "trigger": {"eventType": "*"}, "actions": []},
                  {"id": "early", "name": "early", "priority": 1, "trigger": {"eventType": "a"}, "actions": []},
                  {"id": "any-list", "name": "any-list", "priority": 150, "trigger": {"eventTypes": ["*"]}, "actions": []}]}""");
        assertThat(processed(engine, event("u", "a")).rulesTriggered()).containsExactly("early", "any", "any-list", "late");
        assertThat(processed(engine, event("u", "never-mentioned")).rulesTriggered()).containsExactly("any", "any-list");
    }

    @Test
    void ruleWithoutId_getsTheSlugOfItsName() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [{"name": "Lesson Completion Reward!", "trigger": {"eventType": "e"}, "actions": []}]}""");
        assertThat(processed(engine, event("u", "e")).rulesTriggered()).containsExactly("lesson-completion-reward");
        assertThat(engine.game().ruleIds()).containsExactly("lesson-completion-reward");
    }

    @Test
    void bareArray_isReadAsTheRules() {
        RuleEngine engine = Fixtures.engine("""
                [{"id": "r", "name": "R", "trigger": {"eventType": "e"}, "actions": [{"type": "grant_xp", "amount": 3}]}]""");
        processed(engine, event("u", "e"));
        assertThat(state(engine, "u").xp()).isEqualTo(3);
    }

    private static Event eventAt(String instant) {
        return Event.builder().externalUserId("u").eventType("e").timestamp(Instant.parse(instant)).build();
    }

    private static boolean firesAt(RuleEngine engine, String instant) {
        return processed(engine, eventAt(instant)).rulesTriggered().contains("window");
    }
}
