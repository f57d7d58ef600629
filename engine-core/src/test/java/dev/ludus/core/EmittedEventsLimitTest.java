package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.EventResult;
import dev.ludus.api.Explanation;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.RuleOutcome;
import dev.ludus.api.RuleTrace;
import dev.ludus.api.spi.ActionType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The limit on how many events {@code emit_event} derives from one tracked event ({@code maxEmittedEvents}): the
 * depth limit alone lets a rule that emits its own trigger type K times derive about K^8 events.
 */
class EmittedEventsLimitTest {
    private static final String DEPTH_MESSAGE = "levels deep; at most 8 are allowed";
    private static final String COUNT_MESSAGE = "raise the limit with Ludus.builder().maxEmittedEvents(int)";

    /** @return the audit's game: one rule on "e" and "x" that emits "x" {@code k} times and grants 1 XP */
    private static String fanOut(int k) {
        String emits = String.join(", ", Collections.nCopies(k, "{\"type\": \"emit_event\", \"eventType\": \"x\"}"));
        return """
                {"rules": [{"id": "r", "name": "r", "trigger": {"eventTypes": ["e", "x"]},
                            "actions": [%s, {"type": "grant_xp", "amount": 1}]}]}""".formatted(emits);
    }

    private static long failuresContaining(EventResult result, String text) {
        return result.rulesFailed().stream().filter(f -> f.message().contains(text)).count();
    }

    /*
     * Expected counts, worked out from the rules rather than read off the engine: the cascade runs depth first; a
     * fire emits k events at once (a rule is all or nothing), so r fires while at most 1,000 - k events have been
     * emitted (floor(1000 / k) fires) and every emitted event runs r once more. An event at depth 8 cannot emit
     * (depth limit); once the budget is spent, every later event fails on the count. Every event has exactly one
     * candidate, so triggered + failed = 1 + emitted events.
     */
    @ParameterizedTest(name = "k={0}")
    @CsvSource({
            "6, 166, 804, 27",
            "8, 125, 832, 44",
            "10, 100, 850, 51"})
    void fanOut_isCutAtTheDefaultOf1000EmittedEvents(int k, int fires, int depthFailures, int countFailures) {
        RuleEngine engine = Fixtures.engine(fanOut(k));

        EventResult result = processed(engine, event("u", "e"));

        assertThat(result.rulesTriggered()).hasSize(fires).containsOnly("r");
        assertThat(result.rulesFailed()).hasSize(depthFailures + countFailures)
                .extracting(RuleFailure::ruleId, RuleFailure::code).containsOnly(tuple("r", ErrorCode.CASCADE_LIMIT));
        assertThat(failuresContaining(result, DEPTH_MESSAGE)).isEqualTo(depthFailures);
        assertThat(failuresContaining(result, COUNT_MESSAGE)).isEqualTo(countFailures);
        // fires * k events emitted, at most 1,000; each ran r once
        assertThat(fires * k).isLessThanOrEqualTo(1000).isEqualTo(fires + depthFailures + countFailures - 1);
        assertThat(result.actionsExecuted()).hasSize(fires * (k + 1));
        assertThat(state(engine, "u").xp()).isEqualTo(fires);
        assertThat(state(engine, "u").version()).isEqualTo(1);
    }

    @Test
    void emitEventBeyondTheLimit_failsItsRule_withAMessageNamingTheLimitAndTheSetting() {
        RuleEngine engine = Ludus.builder().game(fanOut(6)).clock(Fixtures.CLOCK).maxEmittedEvents(10).build();

        EventResult result = processed(engine, event("u", "e"));

        // e fires (6 emitted); the first x would bring it to 12: fails, undone; so do the other five x
        assertThat(result.rulesTriggered()).containsExactly("r");
        assertThat(result.rulesFailed()).hasSize(6).allSatisfy(f -> assertThat(f).isEqualTo(new RuleFailure("r",
                ErrorCode.CASCADE_LIMIT, "emitting 'x' would derive more than 10 events from tracked event 'e' "
                + "(its whole cascade counted); raise the limit with Ludus.builder().maxEmittedEvents(int)")));
        assertThat(result.actionsExecuted()).hasSize(7);
        assertThat(state(engine, "u").xp()).isEqualTo(1);
    }

    @Test
    void aCustomActionEmittingBeyondTheLimit_failsItsRule_withTheSameMessage() {
        ActionType burst = CustomTypesTest.action("burst", Set.of(), (config, context) -> ctx -> {
            for (int i = 0; i < 4; i++) {
                ctx.emitEvent("x", Map.of());
            }
        });
        RuleEngine engine = Ludus.builder().clock(Fixtures.CLOCK).actionType(burst).maxEmittedEvents(10)
                .game(Fixtures.rules(
                        Fixtures.rule("r", "e", "[{\"type\": \"burst\"}, {\"type\": \"burst\"}, "
                                + "{\"type\": \"burst\"}]"),
                        Fixtures.rule("x", "x", "[{\"type\": \"grant_xp\", \"amount\": 1}]"))).build();

        EventResult result = processed(engine, event("u", "e"));

        // The third burst would bring the count to 11 on its third emit: r fails, and nothing it emitted runs.
        assertThat(result.rulesTriggered()).isEmpty();
        assertThat(result.rulesFailed()).containsExactly(new RuleFailure("r", ErrorCode.CASCADE_LIMIT,
                "emitting 'x' would derive more than 10 events from tracked event 'e' (its whole cascade counted); "
                        + "raise the limit with Ludus.builder().maxEmittedEvents(int)"));
        assertThat(state(engine, "u").xp()).isZero();
    }

    /** root emits 3 "a"; each "a" emits 2 "b"; each "b" grants 1 XP: 9 events emitted in all. */
    private static final String TREE = """
            {"rules": [
              {"id": "root", "name": "root", "trigger": {"eventType": "e"},
               "actions": [{"type": "emit_event", "eventType": "a"}, {"type": "emit_event", "eventType": "a"},
                           {"type": "emit_event", "eventType": "a"}]},
              {"id": "a", "name": "a", "trigger": {"eventType": "a"},
               "actions": [{"type": "emit_event", "eventType": "b"}, {"type": "emit_event", "eventType": "b"}]},
              {"id": "b", "name": "b", "trigger": {"eventType": "b"}, "actions": [{"type": "grant_xp", "amount": 1}]},
              {"id": "other", "name": "other", "trigger": {"eventType": "e"},
               "actions": [{"type": "grant_currency", "currency": "coins", "amount": 1}]}]}""";

    @Test
    void cascadeOfExactlyTheLimit_runsWhole() {
        RuleEngine engine = Ludus.builder().game(TREE).clock(Fixtures.CLOCK).maxEmittedEvents(9).build();

        EventResult result = processed(engine, event("u", "e"));

        assertThat(result.rulesFailed()).isEmpty();
        assertThat(result.rulesTriggered())
                .containsExactly("root", "other", "a", "b", "b", "a", "b", "b", "a", "b", "b");
        assertThat(state(engine, "u").xp()).isEqualTo(6);
    }

    @Test
    void cascadeOneOverTheLimit_failsOnlyTheRuleThatWouldCrossIt_andOtherRulesGoOn() {
        RuleEngine engine = Ludus.builder().game(TREE).clock(Fixtures.CLOCK).maxEmittedEvents(8).build();

        EventResult result = processed(engine, event("u", "e"));

        // the third "a" emits its first "b" (the 8th) and would emit a 9th: undone whole, its first "b" dropped
        assertThat(result.rulesTriggered()).containsExactly("root", "other", "a", "b", "b", "a", "b", "b");
        assertThat(result.rulesFailed()).extracting(RuleFailure::ruleId, RuleFailure::code)
                .containsExactly(tuple("a", ErrorCode.CASCADE_LIMIT));
        assertThat(state(engine, "u").xp()).isEqualTo(4);
        assertThat(state(engine, "u").balance("coins")).isEqualTo(1);
        assertThat(state(engine, "u").version()).isEqualTo(1);
    }

    @Test
    void eventsOfAFailedRule_doNotUseUpTheLimit() {
        RuleEngine engine = Ludus.builder().clock(Fixtures.CLOCK).maxEmittedEvents(1).game("""
                {"rules": [
                  {"id": "emit-then-fail", "name": "f", "priority": 1, "trigger": {"eventType": "e"},
                   "actions": [{"type": "emit_event", "eventType": "a"},
                               {"type": "deduct_currency", "currency": "coins", "amount": 1}]},
                  {"id": "emit", "name": "emit", "priority": 2, "trigger": {"eventType": "e"},
                   "actions": [{"type": "emit_event", "eventType": "a"}]},
                  {"id": "on-a", "name": "on-a", "trigger": {"eventType": "a"},
                   "actions": [{"type": "grant_xp", "amount": 1}]}]}""").build();

        EventResult result = processed(engine, event("u", "e"));

        assertThat(result.rulesFailed()).extracting(RuleFailure::code).containsExactly(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(result.rulesTriggered()).containsExactly("emit", "on-a");
    }

    @Test
    void levelUpEvents_doNotCountAgainstTheLimit() {
        // 300 XP crosses levels 2 and 3 on a linear curve: two level_up events, beside the one emitted event
        RuleEngine engine = Ludus.builder().clock(Fixtures.CLOCK).maxEmittedEvents(1).game("""
                {"levels": {"curve": "linear", "baseXp": 100, "maxLevel": 10},
                 "rules": [
                  {"id": "grow", "name": "grow", "trigger": {"eventType": "e"},
                   "actions": [{"type": "grant_xp", "amount": 300}, {"type": "emit_event", "eventType": "a"}]},
                  {"id": "on-a", "name": "on-a", "trigger": {"eventType": "a"},
                   "actions": [{"type": "award_badge", "badgeId": "a"}]},
                  {"id": "on-level", "name": "on-level", "trigger": {"eventType": "level_up"},
                   "actions": [{"type": "grant_currency", "currency": "coins", "amount": 1}]}]}""").build();

        EventResult result = processed(engine, event("u", "e"));

        assertThat(result.rulesFailed()).isEmpty();
        assertThat(result.rulesTriggered()).containsExactly("grow", "on-level", "on-level", "on-a");
    }

    @Test
    void theLimitCountsPerTrackedEvent() {
        RuleEngine engine = Ludus.builder().game(TREE).clock(Fixtures.CLOCK).maxEmittedEvents(9).build();

        processed(engine, event("u", "e"));
        EventResult second = processed(engine, event("u", "e"));

        assertThat(second.rulesFailed()).isEmpty();
        assertThat(state(engine, "u").xp()).isEqualTo(12);
    }

    @Test
    void explain_cutsTheFanOutAsTrackingDoes_andChangesNothing() {
        RuleEngine explained = Fixtures.engine(fanOut(8));
        RuleEngine tracked = Fixtures.engine(fanOut(8));

        Explanation explanation = explained.explain(event("u", "e"), false);
        EventResult result = processed(tracked, event("u", "e"));

        assertThat(explanation.result().rulesTriggered()).isEqualTo(result.rulesTriggered()).hasSize(125);
        assertThat(explanation.result().rulesFailed()).isEqualTo(result.rulesFailed()).hasSize(876);
        assertThat(explanation.result().actionsExecuted()).isEqualTo(result.actionsExecuted());
        assertThat(explanation.result().updates()).isEqualTo(result.updates());
        List<RuleTrace> failed = explanation.rules().stream().filter(t -> t.outcome() == RuleOutcome.FAILED).toList();
        assertThat(failed).hasSize(876);
        assertThat(failed).filteredOn(t -> t.reason().contains(COUNT_MESSAGE)).hasSize(44)
                .allSatisfy(t -> assertThat(t.reason()).startsWith("CASCADE_LIMIT: emitting 'x' would derive more "
                        + "than 1000 events"));
        assertThat(explained.player("u")).isEmpty();
    }

    @Test
    void maxEmittedEvents_mustBePositiveAndSetOnce() {
        assertThatThrownBy(() -> Ludus.builder().maxEmittedEvents(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxEmittedEvents must be at least 1, was 0");
        assertThatThrownBy(() -> Ludus.builder().maxEmittedEvents(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxEmittedEvents must be at least 1, was -1");
        assertThatThrownBy(() -> Ludus.builder().maxEmittedEvents(5).maxEmittedEvents(6))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxEmittedEvents was already set to 5");
    }

    @Test
    void build_leavesTheLimitOnTheBuilder_forEachEngineItBuilds() {
        Ludus.Builder builder = Ludus.builder().game(TREE).clock(Fixtures.CLOCK).maxEmittedEvents(8);
        builder.build();

        EventResult result = processed(builder.build(), event("u", "e"));

        assertThat(result.rulesFailed()).extracting(RuleFailure::code).containsExactly(ErrorCode.CASCADE_LIMIT);
    }
}
