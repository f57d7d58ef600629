package dev.ludus.core;

import static dev.ludus.core.Fixtures.T0;
import static dev.ludus.core.Fixtures.props;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.Update;
import dev.ludus.api.spi.ActionType;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SPEC 8: a duplicate carries the original outcome, whatever the outcome holds. The default store keeps the outcome
 * as bytes, so every kind of update, suppression, failure and value goes through it here and must come back equal.
 */
class IdempotencyReplayTest {
    private static final String GAME = """
            {"version": "v\u00e9-1",
             "currencies": [{"id": "coins", "name": "Coins"}, {"id": "g\u00e9ms-\u4e2d", "name": "Gems"}],
             "badges": [{"id": "first-order", "name": "First order"}],
             "quests": [{"id": "two-orders", "name": "Two orders", "target": 2, "repeatable": false,
                         "rewards": [{"type": "grant_currency", "currency": "g\u00e9ms-\u4e2d", "amount": 1}]}],
             "rules": [
              {"id": "order", "name": "order", "trigger": {"eventType": "order_placed"},
               "actions": [{"type": "grant_xp", "amount": 150},
                           {"type": "grant_currency", "currency": "coins", "amount": 5},
                           {"type": "progress_quest", "questId": "two-orders", "amount": 2},
                           {"type": "award_badge", "badgeId": "first-order"},
                           {"type": "set_attribute", "attribute": "profile",
                            "value": {"tier": "gold", "tags": ["a", "\u00e9\u4e2d\ud83c\udfae"], "n": 3, "x": 1.5,
                                      "none": null, "ok": true, "nested": {"deep": [[], {}]}}},
                           {"type": "notify", "topic": "order", "payload": {"total": 149.99, "items": [1, 2]}},
                           {"type": "notify", "topic": "ping"}]},
              {"id": "spend", "name": "spend", "trigger": {"eventType": "order_placed"},
               "actions": [{"type": "deduct_currency", "currency": "coins", "amount": 1000}]},
              {"id": "once", "name": "once", "trigger": {"eventType": "order_placed"}, "limits": {"maxPerPlayer": 1},
               "actions": [{"type": "grant_xp", "amount": 1}]},
              {"id": "custom", "name": "custom", "trigger": {"eventType": "custom_payload"},
               "actions": [{"type": "notify_integer"}]}]}""";

    /** {@code notify_integer}: a custom action whose payload has no JSON-like form the store encodes. */
    private static final ActionType NOTIFY_INTEGER = CustomTypesTest.action("notify_integer", Set.of(),
            (config, context) -> ctx -> ctx.notify("custom", Map.of("count", 3, "amount", new BigDecimal("1.10"))));

    private final RuleEngine engine = Ludus.builder().game(GAME).clock(Fixtures.CLOCK).actionType(NOTIFY_INTEGER)
            .build();

    private static Event event(String type, String key, String eventId) {
        return Event.builder().externalUserId("\u00fcser-\u4e2d").eventType(type).idempotencyKey(key)
                .eventId(eventId).timestamp(T0).properties(props("total", 149.99)).build();
    }

    /** Asserts that {@code retry} is the duplicate of {@code original}: its outcome, its own id and type. */
    private static void assertReplays(EventResult retry, EventResult original, String retryId) {
        assertThat(retry.status()).isEqualTo(EventStatus.DUPLICATE);
        assertThat(retry.eventId()).isEqualTo(retryId);
        assertThat(retry.externalUserId()).isEqualTo(original.externalUserId());
        assertThat(retry.eventType()).isEqualTo(original.eventType());
        assertThat(retry.originalEventId()).isEqualTo(original.eventId());
        assertThat(retry.ruleSetVersion()).isEqualTo(original.ruleSetVersion());
        assertThat(retry.rulesTriggered()).isEqualTo(original.rulesTriggered());
        assertThat(retry.actionsExecuted()).isEqualTo(original.actionsExecuted());
        assertThat(retry.rulesSuppressed()).isEqualTo(original.rulesSuppressed());
        assertThat(retry.rulesFailed()).isEqualTo(original.rulesFailed());
        assertThat(retry.updates()).isEqualTo(original.updates());
        assertThat(retry.error()).isNull();
    }

    @Test
    void duplicate_replaysEveryUpdateFailureAndSuppression_ofTheOriginal() {
        EventResult first = engine.track(event("order_placed", "k1", "first-\u00e9"));
        assertThat(first.status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(first.updates()).extracting(Update::type).containsExactly("xp_updated", "level_up",
                "currency_updated", "quest_progress", "quest_completed", "currency_updated", "badge_earned",
                "attribute_updated", "notification", "notification", "xp_updated");
        assertThat(first.rulesFailed()).extracting(RuleFailure::code).containsExactly(ErrorCode.INSUFFICIENT_FUNDS);
        EventResult second = engine.track(event("order_placed", "k2", null));
        assertThat(second.rulesSuppressed()).containsExactly(new RuleSuppression("once", "max_per_player"));

        assertReplays(engine.track(event("order_placed", "k1", "retry-1")), first, "retry-1");
        assertReplays(engine.track(event("order_placed", "k2", "6f9619ff-8b86-4d01-b42d-00cf4fc964ff")), second,
                "6f9619ff-8b86-4d01-b42d-00cf4fc964ff");
    }

    @Test
    void duplicate_replaysAValueTheStoreKeepsAsTheObject() {
        EventResult first = engine.track(event("custom_payload", "k1", null));
        assertThat(first.updates()).containsExactly(
                new Update.Notification("custom", Map.of("count", 3, "amount", new BigDecimal("1.10"))));
        EventResult retry = engine.track(event("custom_payload", "k1", null));
        assertReplays(retry, first, retry.eventId());
        assertThat(((Map<?, ?>) ((Update.Notification) retry.updates().get(0)).payload()).get("count"))
                .isInstanceOf(Integer.class);
    }

    @Test
    void conflict_namesTheOriginalEventId() {
        EventResult first = engine.track(event("order_placed", "k1", "first"));
        EventResult conflict = engine.track(Event.builder().externalUserId("\u00fcser-\u4e2d")
                .eventType("order_placed").idempotencyKey("k1").timestamp(T0).properties(props("total", 1)).build());
        assertThat(conflict.status()).isEqualTo(EventStatus.REJECTED);
        assertThat(conflict.error().code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(conflict.error().message()).contains("'" + first.eventId() + "'");
        assertThat(first.eventId()).isEqualTo("first");
    }
}
