package dev.ludus.history;

import static dev.ludus.history.HistoryTestSupport.PLAYER;
import static dev.ludus.history.HistoryTestSupport.engine;
import static dev.ludus.history.HistoryTestSupport.event;
import static dev.ludus.history.HistoryTestSupport.resource;
import static dev.ludus.history.HistoryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ludus.api.ConditionTrace;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventQuery;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.Explanation;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.RuleOutcome;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.RuleTrace;
import dev.ludus.api.Subscription;
import dev.ludus.api.Update;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC 11 explain: every candidate rule's outcome, condition values and updates; it changes nothing. */
class ExplainTest {
    private final RuleEngine engine = engine(resource("explain.json"));

    /** Player p1 at version 1 with 106 XP (level 2): high-score, once and stopper fired; pay failed. */
    @BeforeEach
    void onePriorLesson() {
        EventResult first = track(engine, event("lesson", "2026-03-10T10:00:00Z", "score", 90));
        assertThat(first.rulesTriggered()).containsExactly("high-score", "once", "stopper");
    }

    private static Event lesson(int score) {
        return event("lesson", "2026-03-10T11:00:00Z", "score", score);
    }

    private static RuleTrace trace(Explanation explanation, String ruleId) {
        return explanation.rules().stream().filter(t -> t.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no trace for " + ruleId + " in " + explanation.rules()));
    }

    @Test
    void explain_reportsEveryCandidateRuleInRunOrderWithItsOutcome() {
        Explanation explanation = engine.explain(lesson(85), false);

        assertThat(explanation.rules()).extracting(RuleTrace::ruleId, RuleTrace::eventType, RuleTrace::outcome)
                .containsExactly(
                        tuple("high-score", "lesson", RuleOutcome.FIRED),
                        tuple("low-score", "lesson", RuleOutcome.CONDITIONS_FALSE),
                        tuple("once", "lesson", RuleOutcome.SUPPRESSED),
                        tuple("pay", "lesson", RuleOutcome.FAILED),
                        tuple("disabled", "lesson", RuleOutcome.INACTIVE),
                        tuple("draft", "lesson", RuleOutcome.INACTIVE),
                        tuple("testing", "lesson", RuleOutcome.INACTIVE),
                        tuple("archived", "lesson", RuleOutcome.INACTIVE),
                        tuple("expired", "lesson", RuleOutcome.INACTIVE),
                        tuple("third-lesson-today", "lesson", RuleOutcome.CONDITIONS_FALSE),
                        tuple("stopper", "lesson", RuleOutcome.FIRED),
                        tuple("after-stop", "lesson", RuleOutcome.SKIPPED));
    }

    @Test
    void explain_givesTheReasonForSuppressedFailedInactiveAndSkippedRules() {
        Explanation explanation = engine.explain(lesson(85), false);

        assertThat(trace(explanation, "high-score").reason()).isNull();
        assertThat(trace(explanation, "low-score").reason()).isNull();
        assertThat(trace(explanation, "once").reason()).isEqualTo("max_per_player");
        assertThat(trace(explanation, "pay").reason()).startsWith("INSUFFICIENT_FUNDS").contains("coins");
        assertThat(trace(explanation, "disabled").reason()).contains("disabled");
        assertThat(trace(explanation, "draft").reason()).contains("draft");
        assertThat(trace(explanation, "testing").reason()).contains("testing");
        assertThat(trace(explanation, "archived").reason()).contains("archived");
        assertThat(trace(explanation, "expired").reason()).contains("active").contains("2026-01-01T00:00:00Z");
        assertThat(trace(explanation, "after-stop").reason()).contains("stopProcessing");
    }

    @Test
    void explain_reportsEachConditionWithItsResultActualAndExpectedValues() {
        Explanation explanation = engine.explain(lesson(85), false);

        assertThat(trace(explanation, "high-score").conditions()).containsExactly(new ConditionTrace(
                "property_gte", "/rules/0/conditions/0", true, 85L, Map.of("property", "score", "value", 80L)));
        assertThat(trace(explanation, "low-score").conditions()).containsExactly(new ConditionTrace(
                "property_lt", "/rules/1/conditions/0", false, 85L, Map.of("property", "score", "value", 50L)));
        assertThat(trace(explanation, "third-lesson-today").conditions()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo("event_count");
            assertThat(c.result()).isFalse();
            assertThat(c.expected()).containsEntry("min", 3L).containsKey("window");
        });
        assertThat(trace(explanation, "disabled").conditions()).as("not evaluated").isEmpty();
        assertThat(trace(explanation, "after-stop").conditions()).as("not evaluated").isEmpty();
    }

    @Test
    void explain_historyCondition_reportsTheCountItSawAsActual() {
        // Second lesson of 10 March: the count, this event included, is 2.
        Explanation explanation = engine.explain(lesson(85), false);

        assertThat(trace(explanation, "third-lesson-today").conditions()).singleElement()
                .satisfies(c -> assertThat(c.actual()).isEqualTo(2L));
    }

    @Test
    void explain_reportsTheUpdatesFiredRulesWouldMake_andTheResultTrackingWouldGive() {
        Explanation explanation = engine.explain(lesson(85), false);

        // 106 XP + 100 = 206 (level 2; level 3 needs 300), then the stopper's 1.
        assertThat(trace(explanation, "high-score").updates()).containsExactly(new Update.XpUpdated(206, 100, 2));
        assertThat(trace(explanation, "stopper").updates()).containsExactly(new Update.XpUpdated(207, 1, 2));
        assertThat(trace(explanation, "once").updates()).isEmpty();
        EventResult result = explanation.result();
        assertThat(result.status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(result.ruleSetVersion()).isEqualTo("explain-1");
        assertThat(result.rulesTriggered()).containsExactly("high-score", "stopper");
        assertThat(result.rulesSuppressed()).containsExactly(new RuleSuppression("once", "max_per_player"));
        assertThat(result.rulesFailed()).extracting(RuleFailure::ruleId, RuleFailure::code)
                .containsExactly(tuple("pay", ErrorCode.INSUFFICIENT_FUNDS));
        assertThat(result.updates()).containsExactly(new Update.XpUpdated(206, 100, 2), new Update.XpUpdated(207, 1, 2));
    }

    @Test
    void explain_aConditionThatFailsAfterOneThatDoesNotHold_doesNotFailTheRule_asInTracking() {
        RuleEngine engine = dev.ludus.core.Ludus.builder().game("""
                [ { "id": "r", "name": "r", "trigger": { "eventType": "e" },
                    "conditions": [ { "type": "property_eq", "property": "a", "value": 1 },
                                    { "type": "expression", "expression": "s > 5" } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""").build();
        Event skipsTheExpression = Event.builder().externalUserId("u").eventType("e").property("a", 2)
                .property("s", "str").build();
        Event reachesTheExpression = Event.builder().externalUserId("u").eventType("e").property("a", 1)
                .property("s", "str").build();

        Explanation skipped = engine.explain(skipsTheExpression, false);
        Explanation reached = engine.explain(reachesTheExpression, false);

        assertThat(trace(skipped, "r").outcome()).isEqualTo(RuleOutcome.CONDITIONS_FALSE);
        assertThat(trace(skipped, "r").conditions()).extracting(ConditionTrace::result).containsExactly(false, false);
        assertThat(skipped.result().rulesFailed()).isEmpty();
        assertThat(engine.track(skipsTheExpression).rulesFailed()).isEmpty();
        assertThat(trace(reached, "r").outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(reached.result().rulesFailed()).extracting(RuleFailure::code)
                .containsExactly(ErrorCode.EXPRESSION_ERROR);
        assertThat(engine.track(reachesTheExpression).rulesFailed()).extracting(RuleFailure::code)
                .containsExactly(ErrorCode.EXPRESSION_ERROR);
    }

    @Test
    void explain_withDrafts_runsDraftAndTestingRulesToo_butNeverArchivedOnes() {
        Explanation explanation = engine.explain(lesson(85), true);

        assertThat(trace(explanation, "draft").outcome()).isEqualTo(RuleOutcome.FIRED);
        assertThat(trace(explanation, "draft").updates()).containsExactly(new Update.XpUpdated(213, 7, 2));
        assertThat(trace(explanation, "testing").outcome()).isEqualTo(RuleOutcome.FIRED);
        assertThat(trace(explanation, "testing").updates())
                .containsExactly(new Update.CurrencyUpdated("coins", 3, 3));
        assertThat(trace(explanation, "archived").outcome()).isEqualTo(RuleOutcome.INACTIVE);
        assertThat(trace(explanation, "disabled").outcome()).isEqualTo(RuleOutcome.INACTIVE);
        assertThat(explanation.result().rulesTriggered()).containsExactly("high-score", "draft", "testing", "stopper");
        assertThat(explanation.result().updates()).containsExactly(new Update.XpUpdated(206, 100, 2),
                new Update.XpUpdated(213, 7, 2), new Update.CurrencyUpdated("coins", 3, 3),
                new Update.XpUpdated(214, 1, 2));
    }

    @Test
    void explain_withoutTheDraftsFlag_isExplainWithoutDrafts() {
        Explanation explanation = engine.explain(lesson(85));

        assertThat(explanation.rules()).isEqualTo(engine.explain(lesson(85), false).rules()); // ids differ
        assertThat(trace(explanation, "draft").outcome()).isEqualTo(RuleOutcome.INACTIVE);
        assertThat(explanation.result().rulesTriggered()).containsExactly("high-score", "stopper");
    }

    @Test
    void explain_changesNothing_stateHistoryLimitsOrIdempotency() {
        PlayerState before = engine.player(PLAYER).orElseThrow();
        Event keyed = lesson(85).toBuilder().eventId("explained").idempotencyKey("k-1").build();

        engine.explain(keyed, true);
        engine.explain(keyed, false);

        assertThat(engine.player(PLAYER).orElseThrow()).isEqualTo(before);
        assertThat(engine.events().list(EventQuery.of(PLAYER, 10)).entries()).hasSize(1);
        assertThat(engine.events().getStatus("explained")).isEmpty();
        EventResult tracked = engine.track(keyed);
        assertThat(tracked.status()).as("the key was not used up").isEqualTo(EventStatus.PROCESSED);
        assertThat(tracked.rulesTriggered()).containsExactly("high-score", "stopper");
        // Neither the draft's XP nor a second history entry leaked in: 106 + 100 + 1.
        assertThat(engine.player(PLAYER).orElseThrow().xp()).isEqualTo(207);
        assertThat(engine.player(PLAYER).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void explain_doesNotUseUpLimitsOrHistory_forANewPlayer() {
        Event first = event("p2", "lesson", Instant.parse("2026-03-10T10:00:00Z"), "score", 90);

        Explanation explanation = engine.explain(first, false);
        EventResult tracked = track(engine, first);

        assertThat(trace(explanation, "once").outcome()).isEqualTo(RuleOutcome.FIRED);
        assertThat(engine.player("p2").orElseThrow().version()).isEqualTo(1);
        assertThat(tracked.rulesTriggered()).isEqualTo(explanation.result().rulesTriggered());
        assertThat(tracked.updates()).isEqualTo(explanation.result().updates());
        assertThat(tracked.rulesSuppressed()).isEmpty();
    }

    @Test
    void explain_ofAnEventWhoseKeyWasTracked_reportsTheDuplicate() {
        EventResult original = track(engine, lesson(85).toBuilder().idempotencyKey("k-2").build());

        Explanation explanation = engine.explain(lesson(85).toBuilder().idempotencyKey("k-2").build(), false);

        assertThat(explanation.result().status()).isEqualTo(EventStatus.DUPLICATE);
        assertThat(explanation.result().originalEventId()).isEqualTo(original.eventId());
        assertThat(engine.player(PLAYER).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void explain_isNotHeardBySubscribers() throws InterruptedException {
        BlockingQueue<EventResult> heard = new LinkedBlockingQueue<>();
        try (Subscription ignored = engine.subscribe("player:" + PLAYER, heard::add)) {
            engine.explain(lesson(85).toBuilder().eventId("explained-only").build(), true);
            EventResult tracked = track(engine, lesson(60).toBuilder().eventId("tracked").build());

            // Deliveries for a player come in commit order: had explain published, it would come first.
            EventResult first = heard.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.eventId()).isEqualTo(tracked.eventId());
        }
    }

    @Test
    void explain_ofAnInvalidEvent_isARejectedResultWithNoRules() {
        Event invalid = Event.builder().externalUserId("p3").eventType(" ").timestamp(Instant.parse("2026-03-10T10:00:00Z"))
                .build();

        Explanation explanation = engine.explain(invalid, true);

        assertThat(explanation.result().status()).isEqualTo(EventStatus.REJECTED);
        assertThat(explanation.result().error().code()).isEqualTo(ErrorCode.INVALID_EVENT);
        assertThat(explanation.result().error().message()).contains("eventType");
        assertThat(explanation.rules()).isEmpty();
        assertThat(engine.player("p3")).isEmpty();
    }

    @Test
    void explain_includesDerivedEventsRules_tracedWithTheDerivedEventType() {
        RuleEngine cascades = engine(resource("cascades.json"));

        Explanation explanation = cascades.explain(event("purchase", "2026-03-10T10:30:00Z"), false);

        assertThat(explanation.rules()).extracting(RuleTrace::ruleId, RuleTrace::eventType, RuleTrace::outcome)
                .containsExactly(
                        tuple("on-purchase", "purchase", RuleOutcome.FIRED),
                        tuple("every-event", "purchase", RuleOutcome.FIRED),
                        tuple("purchase-xp", "purchase", RuleOutcome.FIRED),
                        tuple("on-order", "order_placed", RuleOutcome.FIRED),
                        tuple("vip-order", "order_placed", RuleOutcome.FIRED),
                        tuple("big-spender", "order_placed", RuleOutcome.CONDITIONS_FALSE));
        assertThat(trace(explanation, "on-order").updates())
                .containsExactly(new Update.CurrencyUpdated("gems", 2, 2));
        assertThat(cascades.player(PLAYER)).isEmpty();
    }
}
