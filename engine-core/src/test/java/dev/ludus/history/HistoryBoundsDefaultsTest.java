package dev.ludus.history;

import static dev.ludus.history.HistoryTestSupport.engine;
import static dev.ludus.history.HistoryTestSupport.event;
import static dev.ludus.history.HistoryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.Ludus;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.2 marks the bounds of {@code event_count}, {@code property_sum} and {@code distinct_count} optional.
 * Without them a count holds from 1 (the events happened at all) and a sum when it is greater than 0.
 */
class HistoryBoundsDefaultsTest {

    private static String onPurchase(String condition) {
        return "[{\"id\": \"r\", \"name\": \"R\", \"trigger\": {\"eventTypes\": [\"purchase\", \"login\"]},"
                + " \"conditions\": [" + condition + "], \"actions\": [{\"type\": \"grant_xp\", \"amount\": 1}]}]";
    }

    private static boolean fires(RuleEngine engine, String type, String at, Object... properties) {
        return track(engine, event(type, at, properties)).rulesTriggered().contains("r");
    }

    @Test
    void eventCount_withoutMinOrMax_holdsOnceThereIsSuchAnEvent() {
        RuleEngine engine = engine(onPurchase("{\"type\": \"event_count\", \"eventType\": \"login\"}"));

        assertThat(fires(engine, "purchase", "2026-03-10T10:00:00Z")).isFalse();
        assertThat(fires(engine, "login", "2026-03-10T11:00:00Z")).isTrue();
        assertThat(fires(engine, "purchase", "2026-03-10T12:00:00Z")).isTrue();
    }

    @Test
    void eventCount_withoutMinOrMax_inAWindow_holdsOnlyWhileTheWindowHasOne() {
        RuleEngine engine = engine(onPurchase("{\"type\": \"event_count\", \"eventType\": \"login\","
                + " \"window\": {\"unit\": \"day\", \"count\": 1}}"));

        assertThat(fires(engine, "login", "2026-03-10T11:00:00Z")).isTrue();
        assertThat(fires(engine, "purchase", "2026-03-10T12:00:00Z")).isTrue();
        assertThat(fires(engine, "purchase", "2026-03-11T12:00:00Z")).isFalse();
    }

    @Test
    void distinctCount_withoutMin_holdsOnceThePropertyHadAValue() {
        RuleEngine engine = engine(onPurchase("{\"type\": \"distinct_count\", \"eventType\": \"purchase\","
                + " \"property\": \"sku\"}"));

        assertThat(fires(engine, "purchase", "2026-03-10T10:00:00Z")).isFalse();
        assertThat(fires(engine, "purchase", "2026-03-10T12:00:00Z", "sku", "a")).isTrue();
        assertThat(fires(engine, "login", "2026-03-10T13:00:00Z")).isTrue();
    }

    @Test
    void distinctCount_firstEventWithoutTheProperty_isProcessed() {
        // the aggregate had nothing to keep and the engine stored a null into the player record, which threw
        RuleEngine engine = engine(onPurchase("{\"type\": \"distinct_count\", \"eventType\": \"purchase\","
                + " \"property\": \"sku\", \"min\": 1}"));

        assertThat(fires(engine, "purchase", "2026-03-10T10:00:00Z", "other", 1)).isFalse();
        assertThat(fires(engine, "purchase", "2026-03-10T11:00:00Z", "sku", "a")).isTrue();
    }

    @Test
    void propertySum_withoutMinOrMax_holdsWhenTheSumIsAboveZero() {
        RuleEngine engine = engine(onPurchase("{\"type\": \"property_sum\", \"eventType\": \"purchase\","
                + " \"property\": \"amount\"}"));

        assertThat(fires(engine, "purchase", "2026-03-10T10:00:00Z", "amount", 0)).isFalse();
        assertThat(fires(engine, "purchase", "2026-03-10T11:00:00Z", "amount", -5)).isFalse();
        assertThat(fires(engine, "purchase", "2026-03-10T12:00:00Z", "amount", 5)).isFalse(); // sum 0
        assertThat(fires(engine, "purchase", "2026-03-10T13:00:00Z", "amount", 0.25)).isTrue();
    }

    @Test
    void givenBounds_stillApply() {
        RuleEngine engine = engine(onPurchase("{\"type\": \"property_sum\", \"eventType\": \"purchase\","
                + " \"property\": \"amount\", \"max\": 0}"));

        assertThat(fires(engine, "purchase", "2026-03-10T10:00:00Z", "amount", 0)).isTrue();
        assertThat(fires(engine, "purchase", "2026-03-10T11:00:00Z", "amount", 1)).isFalse();
    }

    @Test
    void badBounds_areStillErrors() {
        assertThat(errors(onPurchase("{\"type\": \"distinct_count\", \"eventType\": \"purchase\","
                + " \"property\": \"sku\", \"min\": \"2\"}")))
                .isEqualTo("/rules/0/conditions/0/min INVALID_RULE expected a whole number, found string \"2\"");
        assertThat(errors(onPurchase("{\"type\": \"event_count\", \"eventType\": \"login\", \"max\": null}")))
                .isEqualTo("/rules/0/conditions/0/max INVALID_RULE expected a number, found null");
        assertThat(errors(onPurchase("{\"type\": \"property_sum\", \"eventType\": \"purchase\","
                + " \"property\": \"amount\", \"min\": 5, \"max\": 1}")))
                .isEqualTo("/rules/0/conditions/0/min INVALID_RULE min 5 is greater than max 1");
    }

    private static String errors(String game) {
        GameCompileException e = catchThrowableOfType(GameCompileException.class, () -> Ludus.builder().game(game).build());
        assertThat(e).as("compiling should fail").isNotNull();
        assertThat(e.errors()).hasSize(1);
        CompileError error = e.errors().get(0);
        assertThat(error.ruleId()).isEqualTo("r");
        return error.pointer() + " " + error.code() + " " + error.message();
    }
}
