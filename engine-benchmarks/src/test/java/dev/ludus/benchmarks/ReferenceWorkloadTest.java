package dev.ludus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.Event;
import dev.ludus.benchmarks.ReferenceWorkload.RuleSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class ReferenceWorkloadTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ReferenceWorkload RW_1000 = ReferenceWorkload.rw1000();

    @Test
    void rw1000_hasOneThousandRulesInDocumentOrder() {
        JsonNode game = JSON.readTree(RW_1000.gameJson());

        assertThat(RW_1000.ruleCount()).isEqualTo(1000);
        assertThat(RW_1000.rules()).hasSize(1000);
        assertThat(game.get("rules").size()).isEqualTo(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(game.get("rules").get(i).get("id").asString()).isEqualTo(RW_1000.rules().get(i).id());
        }
        assertThat(game.get("id").asString()).isEqualTo("rw-1000");
        assertThat(game.get("version").asString()).isEqualTo("rw-1000");
    }

    @Test
    void rule0_matchesSpec14() {
        assertThat(ruleJson(0)).isEqualTo(JSON.readTree("""
                {"id":"rule-0000","name":"Rule 0000","trigger":{"eventType":"type_00"},
                 "conditions":[{"type":"property_gte","property":"score","value":0},
                               {"type":"property_eq","property":"category","value":"cat0"}],
                 "actions":[{"type":"grant_xp","amount":10},
                            {"type":"grant_currency","currency":"coins","amount":1}]}
                """));
    }

    @Test
    void rule1_matchesSpec14() {
        assertThat(ruleJson(1)).isEqualTo(JSON.readTree("""
                {"id":"rule-0001","name":"Rule 0001","trigger":{"eventType":"type_01"},
                 "conditions":[{"type":"property_gte","property":"score","value":37},
                               {"type":"property_eq","property":"category","value":"cat0"}],
                 "actions":[{"type":"grant_xp","amount":20},
                            {"type":"grant_currency","currency":"coins","amount":2}]}
                """));
    }

    @Test
    void rule999_matchesSpec14() {
        // 999 % 50 = 49; 999 * 37 = 36963; 999 / 50 = 19, 19 % 5 = 4; 999 % 10 = 9; 999 % 7 = 5
        assertThat(ruleJson(999)).isEqualTo(JSON.readTree("""
                {"id":"rule-0999","name":"Rule 0999","trigger":{"eventType":"type_49"},
                 "conditions":[{"type":"property_gte","property":"score","value":63},
                               {"type":"property_eq","property":"category","value":"cat4"}],
                 "actions":[{"type":"grant_xp","amount":100},
                            {"type":"grant_currency","currency":"coins","amount":6}]}
                """));
        assertThat(RW_1000.rules().get(999))
                .isEqualTo(new RuleSpec(999, "rule-0999", "Rule 0999", "type_49", 63, "cat4", 100, 6));
    }

    @Test
    void rw1000_hasTwentyCandidatesPerEventType_fourPerCategory() {
        Map<String, Integer> perType = new HashMap<>();
        Map<String, Integer> perTypeAndCategory = new HashMap<>();
        for (RuleSpec rule : RW_1000.rules()) {
            perType.merge(rule.eventType(), 1, Integer::sum);
            perTypeAndCategory.merge(rule.eventType() + "/" + rule.category(), 1, Integer::sum);
        }
        assertThat(perType).hasSize(50).allSatisfy((type, count) -> assertThat(count).isEqualTo(20));
        assertThat(perTypeAndCategory).hasSize(250).allSatisfy((key, count) -> assertThat(count).isEqualTo(4));
    }

    @Test
    void events_areTheSameOnEveryBuild() {
        List<Event> again = ReferenceWorkload.of(10).events();

        assertThat(RW_1000.events()).hasSize(ReferenceWorkload.EVENT_COUNT);
        assertThat(again).hasSameSizeAs(RW_1000.events());
        for (int n = 0; n < again.size(); n++) {
            Event a = RW_1000.events().get(n);
            Event b = again.get(n);
            assertThat(b.externalUserId()).isEqualTo(a.externalUserId());
            assertThat(b.eventType()).isEqualTo(a.eventType());
            assertThat(b.properties()).isEqualTo(a.properties());
        }
    }

    @Test
    void events_followTheDocumentedDrawOrder() {
        // Random(42): type nextInt(50), category nextInt(5), score nextInt(100), player nextInt(10_000), per event.
        Random random = new Random(42);
        for (Event event : RW_1000.events().subList(0, 3)) {
            assertThat(event.eventType()).isEqualTo(ReferenceWorkload.eventType(random.nextInt(50)));
            assertThat(event.properties()).containsEntry("category", "cat" + random.nextInt(5));
            assertThat(event.properties()).containsEntry("score", (long) random.nextInt(100));
            assertThat(event.externalUserId()).isEqualTo(ReferenceWorkload.player(random.nextInt(10_000)));
        }
    }

    @Test
    void events_carryOnlyPlayerTypeScoreAndCategory() {
        assertThat(RW_1000.events()).allSatisfy(event -> {
            assertThat(event.externalUserId()).matches("player-\\d{5}");
            assertThat(event.eventType()).matches("type_\\d{2}");
            assertThat(event.properties()).containsOnlyKeys("score", "category");
            assertThat(event.properties().get("score")).isInstanceOf(Long.class);
            assertThat(event.eventId()).isNull();
            assertThat(event.timestamp()).isNull();
            assertThat(event.idempotencyKey()).isNull();
            assertThat(event.profile()).isEmpty();
        });
    }

    @Test
    void events_areRoughlyUniform() {
        Map<String, Integer> types = new HashMap<>();
        Map<Object, Integer> categories = new HashMap<>();
        int[] scores = new int[100];
        Set<String> players = new HashSet<>();
        long scoreSum = 0;
        for (Event event : RW_1000.events()) {
            types.merge(event.eventType(), 1, Integer::sum);
            categories.merge(event.properties().get("category"), 1, Integer::sum);
            int score = ((Long) event.properties().get("score")).intValue();
            scores[score]++;
            scoreSum += score;
            players.add(event.externalUserId());
        }
        // Expected 81.9 per type (sd 9), 819 per category (sd 26), 41 per score (sd 6.4), mean score 49.5 (sd 0.45).
        assertThat(types).hasSize(50).allSatisfy((type, count) -> assertThat(count).isBetween(45, 120));
        assertThat(categories).containsOnlyKeys("cat0", "cat1", "cat2", "cat3", "cat4")
                .allSatisfy((category, count) -> assertThat(count).isBetween(720, 920));
        assertThat(IntStream.of(scores).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(15, 70));
        assertThat((double) scoreSum / ReferenceWorkload.EVENT_COUNT).isBetween(47.5, 51.5);
        // 4,096 draws over 10,000 players leave about 10,000 * (1 - e^-0.4096) = 3,361 distinct ones.
        assertThat(players).hasSizeBetween(3_200, 3_500)
                .allSatisfy(p -> assertThat(Integer.parseInt(p.substring(7))).isBetween(0, 9_999));
    }

    @Test
    void scaled_keepsTwentyCandidatesPerEventType_fourPerCategory() {
        for (int rules : new int[] {100, 1000, 10_000}) {
            ReferenceWorkload workload = ReferenceWorkload.scaled(rules);
            Map<String, Integer> perType = new HashMap<>();
            Map<String, Integer> perTypeAndCategory = new HashMap<>();
            for (RuleSpec rule : workload.rules()) {
                perType.merge(rule.eventType(), 1, Integer::sum);
                perTypeAndCategory.merge(rule.eventType() + "/" + rule.category(), 1, Integer::sum);
            }
            assertThat(workload.eventTypes()).as("%d rules", rules).isEqualTo(rules / 20);
            assertThat(perType).as("%d rules", rules).hasSize(rules / 20)
                    .allSatisfy((type, count) -> assertThat(count).isEqualTo(20));
            assertThat(perTypeAndCategory).as("%d rules", rules)
                    .allSatisfy((key, count) -> assertThat(count).isEqualTo(4));
            assertThat(workload.events()).as("%d rules", rules)
                    .allSatisfy(event -> assertThat(perType).containsKey(event.eventType()));
        }
    }

    @Test
    void scaled_withFewerThanFortyRules_putsThemAllOnOneEventType() {
        ReferenceWorkload ten = ReferenceWorkload.scaled(10);

        assertThat(ten.eventTypes()).isEqualTo(1);
        assertThat(ten.rules()).extracting(RuleSpec::eventType).containsOnly("type_00");
        assertThat(ten.events()).extracting(Event::eventType).containsOnly("type_00");
    }

    @Test
    void scaled1000_isRw1000() {
        ReferenceWorkload scaled = ReferenceWorkload.scaled(1000);

        assertThat(scaled.gameJson()).isEqualTo(RW_1000.gameJson());
        for (int n = 0; n < RW_1000.events().size(); n++) {
            Event a = RW_1000.events().get(n);
            Event b = scaled.events().get(n);
            assertThat(b.externalUserId()).isEqualTo(a.externalUserId());
            assertThat(b.eventType()).isEqualTo(a.eventType());
            assertThat(b.properties()).isEqualTo(a.properties());
        }
    }

    @Test
    void expressionGame_writesEachRulesConditionsAsOneExpression() {
        JsonNode rule = JSON.readTree(RW_1000.expressionGameJson()).get("rules").get(1);

        assertThat(rule.get("conditions")).isEqualTo(JSON.readTree("""
                [{"type":"expression","expression":"score >= 37 && category == 'cat0'"}]"""));
        assertThat(rule.get("actions")).isEqualTo(ruleJson(1).get("actions"));
    }

    @Test
    void jsonLines_readBackAsTheEvents() {
        List<String> lines = RW_1000.jsonLines();

        assertThat(lines).hasSize(ReferenceWorkload.EVENT_COUNT);
        for (int n = 0; n < lines.size(); n++) {
            Event parsed = dev.ludus.core.LudusJson.readEvent(lines.get(n));
            Event event = RW_1000.events().get(n);
            assertThat(parsed.externalUserId()).isEqualTo(event.externalUserId());
            assertThat(parsed.eventType()).isEqualTo(event.eventType());
            assertThat(parsed.properties()).containsOnlyKeys("score", "category")
                    .containsEntry("score", event.properties().get("score"))
                    .containsEntry("category", event.properties().get("category"));
        }
    }

    @Test
    void of_rejectsRuleCountsOutsideTheIdRange() {
        assertThatThrownBy(() -> ReferenceWorkload.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ruleCount");
        assertThatThrownBy(() -> ReferenceWorkload.of(10_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ruleCount");
        assertThatThrownBy(() -> ReferenceWorkload.scaled(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ruleCount");
    }

    private static JsonNode ruleJson(int index) {
        return JSON.readTree(RW_1000.gameJson()).get("rules").get(index);
    }
}
