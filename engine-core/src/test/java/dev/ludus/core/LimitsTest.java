package dev.ludus.core;

import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleSuppression;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SPEC 4.4: per-player, per-rule limits; a blocked rule is suppressed with a reason and changes nothing. */
class LimitsTest {

    private static RuleEngine engineWithLimits(String limits) {
        return engineWith("\"limits\": " + limits);
    }

    private static RuleEngine engineWith(String extra) {
        return Fixtures.engine("""
                {"rules": [{"id": "bonus", "name": "bonus", "trigger": {"eventType": "login"},
                            "conditions": [{"type": "property_exists", "property": "ok"}],
                            "actions": [{"type": "grant_xp", "amount": 10}], %s}]}""".formatted(extra));
    }

    private static Event login(String user, String instant) {
        return Event.builder().externalUserId(user).eventType("login").timestamp(Instant.parse(instant))
                .property("ok", true).build();
    }

    private static boolean fired(RuleEngine engine, String user, String instant) {
        EventResult result = processed(engine, login(user, instant));
        return result.rulesTriggered().contains("bonus");
    }

    private static EventResult suppressed(RuleEngine engine, String user, String instant, String reason) {
        EventResult result = processed(engine, login(user, instant));
        assertThat(result.rulesTriggered()).isEmpty();
        assertThat(result.actionsExecuted()).isEmpty();
        assertThat(result.updates()).isEmpty();
        assertThat(result.rulesSuppressed()).containsExactly(new RuleSuppression("bonus", reason));
        return result;
    }

    @Test
    void cooldown_suppressesUntilLastFirePlusTheCooldown() {
        RuleEngine engine = engineWithLimits("{\"cooldown\": \"PT1H\"}");
        assertThat(fired(engine, "u", "2026-11-21T10:00:00Z")).isTrue();
        suppressed(engine, "u", "2026-11-21T10:30:00Z", "cooldown");
        suppressed(engine, "u", "2026-11-21T10:59:59.999Z", "cooldown");
        assertThat(fired(engine, "u", "2026-11-21T11:00:00Z")).isTrue(); // at least last fire + cooldown
        suppressed(engine, "u", "2026-11-21T11:59:00Z", "cooldown");
        assertThat(state(engine, "u").xp()).isEqualTo(20);
    }

    @Test
    void cooldownBeyondTheLastInstant_suppressesForEver_withoutFailing() {
        // 999,999,999,999 days (2.7 billion years): the last fire plus the cooldown is past Instant.MAX.
        RuleEngine engine = engineWithLimits("{\"cooldown\": \"P999999999999D\"}");
        assertThat(fired(engine, "u", "2026-11-21T10:00:00Z")).isTrue();
        suppressed(engine, "u", "9999-12-31T23:59:59Z", "cooldown");
    }

    @Test
    void cooldown_countsFromTheLastFire_notFromTheLastSuppressedEvent() {
        RuleEngine engine = engineWithLimits("{\"cooldown\": \"PT1H\"}");
        fired(engine, "u", "2026-11-21T10:00:00Z");
        suppressed(engine, "u", "2026-11-21T10:50:00Z", "cooldown");
        assertThat(fired(engine, "u", "2026-11-21T11:10:00Z")).isTrue();
    }

    @Test
    void cooldownCondition_isTheSameAsLimitsCooldown() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [{"id": "bonus", "name": "bonus", "trigger": {"eventType": "login"},
                            "conditions": [{"type": "cooldown", "minutes": 60}],
                            "actions": [{"type": "grant_xp", "amount": 10}]}]}""");
        assertThat(fired(engine, "u", "2026-11-21T10:00:00Z")).isTrue();
        suppressed(engine, "u", "2026-11-21T10:59:00Z", "cooldown");
        assertThat(fired(engine, "u", "2026-11-21T11:00:00Z")).isTrue();
    }

    @Test
    void maxPerPlayer_capsLifetimeFires() {
        RuleEngine engine = engineWithLimits("{\"maxPerPlayer\": 2}");
        assertThat(fired(engine, "u", "2026-01-01T00:00:00Z")).isTrue();
        assertThat(fired(engine, "u", "2026-06-01T00:00:00Z")).isTrue();
        suppressed(engine, "u", "2027-01-01T00:00:00Z", "max_per_player");
        suppressed(engine, "u", "2030-01-01T00:00:00Z", "max_per_player");
        assertThat(state(engine, "u").xp()).isEqualTo(20);
    }

    @Test
    void maxPerPeriod_capsFiresPerCalendarPeriod() {
        RuleEngine engine = engineWithLimits("{\"maxPerPeriod\": {\"count\": 2, \"period\": \"day\", \"timezone\": \"UTC\"}}");
        assertThat(fired(engine, "u", "2026-11-21T00:00:00Z")).isTrue();
        assertThat(fired(engine, "u", "2026-11-21T12:00:00Z")).isTrue();
        suppressed(engine, "u", "2026-11-21T23:59:59Z", "max_per_period");
        assertThat(fired(engine, "u", "2026-11-22T00:00:00Z")).isTrue();
        assertThat(state(engine, "u").xp()).isEqualTo(30);
    }

    @Test
    void maxPerPeriod_usesTheTimezonesCalendar() {
        // 04:00Z and 06:00Z on Nov 21 are 23:00 on Nov 20 and 01:00 on Nov 21 in New York (UTC-5)
        RuleEngine engine = engineWithLimits(
                "{\"maxPerPeriod\": {\"count\": 1, \"period\": \"day\", \"timezone\": \"America/New_York\"}}");
        assertThat(fired(engine, "u", "2026-11-21T04:00:00Z")).isTrue();
        assertThat(fired(engine, "u", "2026-11-21T06:00:00Z")).isTrue();
        suppressed(engine, "u", "2026-11-21T20:00:00Z", "max_per_period");
    }

    @Test
    void maxPerPeriod_weeksStartOnMonday() {
        RuleEngine engine = engineWithLimits("{\"maxPerPeriod\": {\"count\": 1, \"period\": \"week\"}}");
        assertThat(fired(engine, "u", "2026-11-17T09:00:00Z")).isTrue();  // Tuesday
        suppressed(engine, "u", "2026-11-22T23:00:00Z", "max_per_period"); // Sunday, same week
        assertThat(fired(engine, "u", "2026-11-23T00:00:00Z")).isTrue();  // Monday, next week
    }

    @Test
    void limits_arePerPlayer() {
        RuleEngine engine = engineWithLimits("{\"maxPerPlayer\": 1}");
        assertThat(fired(engine, "alice", "2026-11-21T10:00:00Z")).isTrue();
        assertThat(fired(engine, "bob", "2026-11-21T10:00:00Z")).isTrue();
        suppressed(engine, "alice", "2026-11-21T11:00:00Z", "max_per_player");
    }

    @Test
    void ruleWhoseConditionsDoNotHold_isNotSuppressed() {
        RuleEngine engine = engineWithLimits("{\"maxPerPlayer\": 1}");
        fired(engine, "u", "2026-11-21T10:00:00Z");
        EventResult result = processed(engine, Event.builder().externalUserId("u").eventType("login")
                .timestamp(Instant.parse("2026-11-21T11:00:00Z")).build());
        assertThat(result.rulesSuppressed()).isEmpty();
        assertThat(result.rulesTriggered()).isEmpty();
    }

    @Test
    void suppressedEvent_isStillProcessedAndCommitted() {
        RuleEngine engine = engineWithLimits("{\"maxPerPlayer\": 1}");
        fired(engine, "u", "2026-11-21T10:00:00Z");
        EventResult result = suppressed(engine, "u", "2026-11-21T11:00:00Z", "max_per_player");
        assertThat(result.status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(state(engine, "u").version()).isEqualTo(2);
    }

    @Test
    void aFailedRule_doesNotUseUpItsLimit() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "fund", "name": "fund", "trigger": {"eventType": "fund"},
                   "actions": [{"type": "grant_currency", "currency": "coins", "amount": 5}]},
                  {"id": "buy", "name": "buy", "trigger": {"eventType": "buy"}, "limits": {"maxPerPlayer": 1},
                   "actions": [{"type": "deduct_currency", "currency": "coins", "amount": 5}]}]}""");
        EventResult broke = processed(engine, Fixtures.event("u", "buy"));
        assertThat(broke.rulesFailed()).extracting(f -> f.code()).containsExactly(ErrorCode.INSUFFICIENT_FUNDS);
        processed(engine, Fixtures.event("u", "fund"));
        assertThat(processed(engine, Fixtures.event("u", "buy")).rulesTriggered()).containsExactly("buy");
        assertThat(processed(engine, Fixtures.event("u", "buy")).rulesSuppressed())
                .containsExactly(new RuleSuppression("buy", "max_per_player"));
    }

    @Test
    void suppressedStopProcessingRule_doesNotStopLaterRules() {
        RuleEngine engine = Fixtures.engine("""
                {"rules": [
                  {"id": "once", "name": "once", "priority": 1, "stopProcessing": true, "limits": {"maxPerPlayer": 1},
                   "trigger": {"eventType": "e"}, "actions": [{"type": "grant_xp", "amount": 100}]},
                  {"id": "always", "name": "always", "priority": 2,
                   "trigger": {"eventType": "e"}, "actions": [{"type": "grant_xp", "amount": 1}]}]}""");
        assertThat(processed(engine, Fixtures.event("u", "e")).rulesTriggered()).containsExactly("once");
        EventResult second = processed(engine, Fixtures.event("u", "e"));
        assertThat(second.rulesTriggered()).containsExactly("always");
        assertThat(second.rulesSuppressed()).containsExactly(new RuleSuppression("once", "max_per_player"));
    }

    @Test
    void duplicate_doesNotCountAsAFire() {
        RuleEngine engine = engineWithLimits("{\"maxPerPlayer\": 2}");
        Event keyed = login("u", "2026-11-21T10:00:00Z").toBuilder().idempotencyKey("k").build();
        assertThat(engine.track(keyed).status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(engine.track(keyed).status()).isEqualTo(EventStatus.DUPLICATE);
        assertThat(fired(engine, "u", "2026-11-21T11:00:00Z")).isTrue();
        suppressed(engine, "u", "2026-11-21T12:00:00Z", "max_per_player");
    }

    @Test
    void severalLimits_combine() {
        RuleEngine engine = engineWithLimits("{\"cooldown\": \"PT10M\", \"maxPerPlayer\": 3, "
                + "\"maxPerPeriod\": {\"count\": 2, \"period\": \"hour\"}}");
        assertThat(fired(engine, "u", "2026-11-21T10:00:00Z")).isTrue();
        suppressed(engine, "u", "2026-11-21T10:05:00Z", "cooldown");
        assertThat(fired(engine, "u", "2026-11-21T10:10:00Z")).isTrue();
        suppressed(engine, "u", "2026-11-21T10:30:00Z", "max_per_period");
        assertThat(fired(engine, "u", "2026-11-21T11:00:00Z")).isTrue();
        suppressed(engine, "u", "2026-11-21T12:00:00Z", "max_per_player");
        assertThat(state(engine, "u").xp()).isEqualTo(30);
    }
}
