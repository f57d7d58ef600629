package dev.ludus.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.Ludus;
import dev.ludus.history.HistoryTestSupport.RecordingStore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistinctValuesLimitTest {
    private static final String GAME = """
            [ { "id": "explorer", "name": "Explorer", "trigger": { "eventType": "visit" },
                "conditions": [ { "type": "distinct_count", "property": "city", "min": 3 } ],
                "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""";
    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    private static Event visit(String city, int second) {
        return Event.builder().externalUserId("p1").eventType("visit").timestamp(T0.plusSeconds(second))
                .property("city", city).build();
    }

    @Test
    void maxDistinctValues_capsTheValuesTrackedPerPlayer_forgettingTheLeastRecentlySeen() {
        RuleEngine engine = Ludus.builder().game(GAME).maxDistinctValues(2).build();

        // With only two values remembered, a third city never makes three distinct ones.
        assertThat(engine.track(visit("Lyon", 1)).rulesTriggered()).isEmpty();
        assertThat(engine.track(visit("Oslo", 2)).rulesTriggered()).isEmpty();
        assertThat(engine.track(visit("Rome", 3)).rulesTriggered()).isEmpty();

        RuleEngine roomy = Ludus.builder().game(GAME).build();
        roomy.track(visit("Lyon", 1));
        roomy.track(visit("Oslo", 2));
        assertThat(roomy.track(visit("Rome", 3)).rulesTriggered()).containsExactly("explorer");
    }

    @Test
    void theValueForgotten_isTheOneSeenLeastRecently_andTheStoredOrderSaysWhich() {
        RecordingStore store = new RecordingStore();
        RuleEngine engine = Ludus.builder().game(GAME).store(store).maxDistinctValues(2).build();
        for (String city : new String[] {"Lyon", "Oslo", "Lyon", "Rome"}) {
            HistoryTestSupport.track(engine, visit(city, 1));
        }
        // Oslo was seen less recently than Lyon, so the third value pushed it out.
        assertThat(distinctData(store).keySet()).containsExactly("s:Lyon", "s:Rome");

        HistoryTestSupport.track(engine, visit("Lyon", 2));
        assertThat(distinctData(store).keySet()).containsExactly("s:Rome", "s:Lyon");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> distinctData(RecordingStore store) {
        return (Map<String, Object>) store.lastEngineData().get("distinct|visit|city|life");
    }

    @Test
    void theDefaultCap_countsTenThousandValues_andNoMore() {
        String game = """
                [ { "id": "all", "name": "All", "trigger": { "eventType": "visit" },
                    "conditions": [ { "type": "distinct_count", "property": "city", "min": 10000 } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] },
                  { "id": "more", "name": "More", "trigger": { "eventType": "visit" },
                    "conditions": [ { "type": "distinct_count", "property": "city", "min": 10001 } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""";
        RuleEngine engine = Ludus.builder().game(game).build();
        for (int i = 1; i < 10_000; i++) {
            assertThat(engine.track(visit("c" + i, i)).rulesTriggered()).as("value %d", i).isEmpty();
        }
        for (int i = 10_000; i <= 10_500; i++) {
            EventResult result = engine.track(visit("c" + i, i));
            assertThat(result.rulesTriggered()).as("value %d", i).containsExactly("all");
        }
    }

    @Test
    void maxDistinctValues_mustBePositiveAndSetOnce() {
        assertThatThrownBy(() -> Ludus.builder().maxDistinctValues(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDistinctValues must be at least 1, was 0");
        assertThatThrownBy(() -> Ludus.builder().maxDistinctValues(5).maxDistinctValues(6))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxDistinctValues was already set to 5");
    }
}
