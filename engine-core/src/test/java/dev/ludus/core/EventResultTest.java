package dev.ludus.core;

import static dev.ludus.core.Fixtures.T0;
import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.props;
import static dev.ludus.core.Fixtures.rule;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.Update;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC 6 and 7: what a result says, and how the player's version and profile move. */
class EventResultTest {
    private static final String GAME = """
            {"id": "results", "version": "2026-11-21.1",
             "rules": [%s, %s]}""".formatted(
            rule("reward", "lesson_completed", "[{\"type\": \"property_gte\", \"property\": \"score\", \"value\": 80}]",
                    "[{\"type\": \"grant_xp\", \"amount\": 100}, {\"type\": \"grant_currency\", \"currency\": \"coins\", \"amount\": 25}]"),
            rule("pay", "buy", "[{\"type\": \"deduct_currency\", \"currency\": \"coins\", \"amount\": 1000}]"));

    private final RuleEngine engine = Fixtures.engine(GAME);

    private static void assertAllListsEmpty(EventResult result) {
        assertThat(result.rulesTriggered()).isNotNull().isEmpty();
        assertThat(result.actionsExecuted()).isNotNull().isEmpty();
        assertThat(result.rulesSuppressed()).isNotNull().isEmpty();
        assertThat(result.rulesFailed()).isNotNull().isEmpty();
        assertThat(result.updates()).isNotNull().isEmpty();
    }

    @Test
    void processed_whenARuleFires_listsRulesActionsAndUpdates() {
        EventResult result = engine.track(event("user-123", "lesson_completed", props("score", 95)));
        assertThat(result.status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(result.externalUserId()).isEqualTo("user-123");
        assertThat(result.eventType()).isEqualTo("lesson_completed");
        assertThat(result.ruleSetVersion()).isEqualTo("2026-11-21.1");
        assertThat(result.rulesTriggered()).containsExactly("reward");
        assertThat(result.actionsExecuted()).containsExactly("grant_xp", "grant_currency");
        assertThat(result.updates()).containsExactly(new Update.XpUpdated(100, 100, 2), new Update.LevelUp(1, 2),
                new Update.CurrencyUpdated("coins", 25, 25));
        assertThat(result.rulesSuppressed()).isEmpty();
        assertThat(result.rulesFailed()).isEmpty();
        assertThat(result.error()).isNull();
        assertThat(result.originalEventId()).isNull();
    }

    @Test
    void processed_whenNoRuleFires_hasEveryListPresentAndEmpty() {
        EventResult result = engine.track(event("u", "lesson_completed", props("score", 10)));
        assertThat(result.status()).isEqualTo(EventStatus.PROCESSED);
        assertAllListsEmpty(result);
        assertThat(result.error()).isNull();
    }

    @Test
    void rejected_hasEveryListPresentAndEmpty_andAnError() {
        EventResult result = engine.track(event(" ", "lesson_completed"));
        assertThat(result.status()).isEqualTo(EventStatus.REJECTED);
        assertAllListsEmpty(result);
        assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_EVENT);
        assertThat(result.originalEventId()).isNull();
    }

    @Test
    void processed_whenARuleFails_listsTheFailure_andStillCommits() {
        EventResult result = processed(engine, event("u", "buy"));
        assertThat(result.rulesFailed()).hasSize(1);
        assertThat(result.rulesFailed().get(0).ruleId()).isEqualTo("pay");
        assertThat(result.rulesFailed().get(0).code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(result.rulesFailed().get(0).message()).isNotBlank();
        assertThat(state(engine, "u").version()).isEqualTo(1);
    }

    @Test
    void version_increasesByOnePerProcessedEvent_alsoWhenNoRuleFired() {
        processed(engine, event("u", "lesson_completed", props("score", 95)));
        assertThat(state(engine, "u").version()).isEqualTo(1);
        processed(engine, event("u", "lesson_completed", props("score", 0)));
        assertThat(state(engine, "u").version()).isEqualTo(2);
        processed(engine, event("u", "no-rule-for-this"));
        assertThat(state(engine, "u").version()).isEqualTo(3);
        assertThat(state(engine, "u").xp()).isEqualTo(100);
    }

    @Test
    void firstProcessedEvent_createsThePlayer_evenWhenNoRuleFired() {
        assertThat(engine.player("u")).isEmpty();
        processed(engine, event("u", "no-rule-for-this"));
        assertThat(state(engine, "u").externalUserId()).isEqualTo("u");
        assertThat(state(engine, "u").version()).isEqualTo(1);
    }

    @Test
    void rejectedEvent_commitsNothing() {
        processed(engine, event("u", "lesson_completed", props("score", 95)));
        EventResult rejected = engine.track(event("u", "lesson_completed", props("score", Double.NaN)));
        assertThat(rejected.status()).isEqualTo(EventStatus.REJECTED);
        assertThat(state(engine, "u").version()).isEqualTo(1);
        assertThat(state(engine, "u").xp()).isEqualTo(100);
        assertThat(engine.track(event("new-player", "e", props("x", Double.NaN))).status()).isEqualTo(EventStatus.REJECTED);
        assertThat(engine.player("new-player")).isEmpty();
    }

    @Test
    void eventId_isKeptWhenGiven_andGeneratedWhenAbsent() {
        Event withId = Event.builder().eventId("evt-1").externalUserId("u").eventType("e").timestamp(T0).build();
        assertThat(processed(engine, withId).eventId()).isEqualTo("evt-1");
        String generated = processed(engine, event("u", "e")).eventId();
        assertThat(UUID.fromString(generated).toString()).isEqualTo(generated);
        assertThat(processed(engine, event("u", "e")).eventId()).isNotEqualTo(generated);
    }

    @Test
    void ruleSetVersion_withoutDocumentVersion_isAContentHash() {
        String game = "{\"rules\": []}";
        String v1 = Fixtures.engine(game).track(event("u", "e")).ruleSetVersion();
        String v2 = Fixtures.engine(game).track(event("u", "e")).ruleSetVersion();
        String other = Fixtures.engine("{\"id\": \"other\", \"rules\": []}").track(event("u", "e")).ruleSetVersion();
        assertThat(v1).isNotBlank().isEqualTo(v2).isNotEqualTo(other);
        assertThat(Fixtures.engine(game).game().ruleSetVersion()).isEqualTo(v1);
    }

    @Test
    void profile_isUpsertedFromTheEvent_evenWhenNoRuleFires() {
        processed(engine, Event.builder().externalUserId("u").eventType("no-rule").timestamp(T0)
                .profile("email", "john@example.com").profile("displayName", "John").build());
        assertThat(state(engine, "u").profile())
                .containsExactly(Map.entry("displayName", "John"), Map.entry("email", "john@example.com"));
        processed(engine, Event.builder().externalUserId("u").eventType("no-rule").timestamp(T0)
                .profile("mobile", "+1234567890").profile("email", "john@new.example").build());
        assertThat(state(engine, "u").profile()).containsExactly(Map.entry("displayName", "John"),
                Map.entry("email", "john@new.example"), Map.entry("mobile", "+1234567890"));
    }

    @Test
    void profile_ofARejectedEvent_isNotApplied() {
        processed(engine, Event.builder().externalUserId("u").eventType("e").timestamp(T0)
                .profile("email", "a@example.com").build());
        EventResult rejected = engine.track(Event.builder().externalUserId("u").eventType("e").timestamp(T0)
                .profile("email", "b@example.com").property("bad", Double.POSITIVE_INFINITY).build());
        assertThat(rejected.status()).isEqualTo(EventStatus.REJECTED);
        assertThat(state(engine, "u").profile()).containsExactly(Map.entry("email", "a@example.com"));
    }

    @Test
    void trackBatch_returnsOneResultPerEventInOrder_andABadEventDoesNotStopTheOthers() {
        List<EventResult> results = engine.trackBatch(List.of(
                event("a", "lesson_completed", props("score", 95)),
                event("", "lesson_completed", props("score", 95)),
                event("b", "lesson_completed", props("score", 95)),
                event("a", "lesson_completed", props("score", 95))));
        assertThat(results).extracting(EventResult::status).containsExactly(EventStatus.PROCESSED,
                EventStatus.REJECTED, EventStatus.PROCESSED, EventStatus.PROCESSED);
        assertThat(results.get(0).updates()).startsWith(new Update.XpUpdated(100, 100, 2));
        assertThat(results.get(3).updates()).startsWith(new Update.XpUpdated(200, 100, 2));
        assertThat(state(engine, "a").version()).isEqualTo(2);
        assertThat(state(engine, "b").xp()).isEqualTo(100);
    }
}
