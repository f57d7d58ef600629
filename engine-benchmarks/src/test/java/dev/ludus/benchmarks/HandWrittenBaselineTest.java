package dev.ludus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.benchmarks.ReferenceWorkload.RuleSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandWrittenBaselineTest {
    private static final ReferenceWorkload RW_1000 = ReferenceWorkload.rw1000();

    @Test
    void baseline_firesWhatABruteForceScanOfAllRulesFires() {
        HandWrittenBaseline baseline = RW_1000.newBaseline();
        for (Event event : RW_1000.events()) {
            assertThat(baseline.track(event)).as("%s", event).isEqualTo(bruteForceFired(RW_1000.rules(), event));
        }
    }

    @Test
    void ludusAndBaseline_fireTheSameNumberOfRulesOverRw1000() {
        long expected = 0;
        for (Event event : RW_1000.events()) {
            expected += bruteForceFired(RW_1000.rules(), event);
        }

        assertThat(HandWrittenBaseline.requireSameFiredRules(RW_1000)).isEqualTo(expected).isPositive();
    }

    @Test
    void ludusAndBaseline_leaveEveryPlayerWithTheSameXpLevelCoinsAndVersion() {
        RuleEngine engine = RW_1000.newEngine();
        HandWrittenBaseline baseline = RW_1000.newBaseline();
        HandWrittenBaseline.firedByLudus(engine, RW_1000.events());
        HandWrittenBaseline.firedByBaseline(baseline, RW_1000.events());

        for (Event event : RW_1000.events()) {
            String player = event.externalUserId();
            PlayerState state = engine.player(player).orElseThrow();
            assertThat(state.xp()).as("xp of %s", player).isEqualTo(baseline.xp(player));
            assertThat(state.level()).as("level of %s", player).isEqualTo(baseline.level(player));
            assertThat(state.balance("coins")).as("coins of %s", player).isEqualTo(baseline.coins(player));
            assertThat(state.version()).as("version of %s", player).isEqualTo(baseline.version(player));
        }
    }

    @Test
    void track_walksTheDefaultExponentialLevelCurve() {
        // One rule that always fires with 100 XP: SPEC 3 puts L2 at 100, L3 at 300, L4 at 700, L5 at 1500.
        HandWrittenBaseline baseline = new HandWrittenBaseline(
                List.of(new RuleSpec(0, "r", "R", "t", 0, "c", 100, 1)));
        Event event = Event.of("p", "t", Map.of("score", 0, "category", "c"));
        int[] expectedLevels = {2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5};

        for (int n = 0; n < expectedLevels.length; n++) {
            baseline.track(event);
            assertThat(baseline.level("p")).as("level after %d XP", (n + 1) * 100).isEqualTo(expectedLevels[n]);
        }
        assertThat(baseline.coins("p")).isEqualTo(expectedLevels.length);
        assertThat(baseline.version("p")).isEqualTo(expectedLevels.length);
    }

    @Test
    void track_whenScoreIsNotANumber_firesNothingButCountsTheEvent() {
        HandWrittenBaseline baseline = RW_1000.newBaseline();

        assertThat(baseline.track(Event.of("p", "type_00", Map.of("score", "99", "category", "cat0")))).isZero();
        assertThat(baseline.xp("p")).isZero();
        assertThat(baseline.version("p")).isEqualTo(1);
    }

    private static int bruteForceFired(List<RuleSpec> rules, Event event) {
        int score = ((Long) event.properties().get("score")).intValue();
        Object category = event.properties().get("category");
        int fired = 0;
        for (RuleSpec rule : rules) {
            if (rule.eventType().equals(event.eventType()) && score >= rule.minScore()
                    && rule.category().equals(category)) {
                fired++;
            }
        }
        return fired;
    }
}
