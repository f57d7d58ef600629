package dev.ludus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.ConditionTrace;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.Explanation;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleOutcome;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.RuleTrace;
import dev.ludus.api.Update;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LudusJsonWriteExplanationTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void writeExplanation_writesTheResultAndEveryFieldOfEachTrace() {
        Update xp = new Update.XpUpdated(100, 100, 2);
        RuleTrace fired = new RuleTrace("reward", "lesson_completed", RuleOutcome.FIRED, null,
                List.of(new ConditionTrace("property_gte", "/rules/0/conditions/0", true, 95L,
                        Map.of("property", "score", "value", 80L))),
                List.of(xp));
        RuleTrace missing = new RuleTrace("perfect", "lesson_completed", RuleOutcome.CONDITIONS_FALSE, null,
                List.of(new ConditionTrace("property_eq", "/rules/1/conditions/0", false, null,
                        Map.of("property", "grade", "value", "A"))),
                List.of());
        RuleTrace daily = new RuleTrace("daily", "lesson_completed", RuleOutcome.SUPPRESSED, "cooldown", List.of(),
                List.of());
        EventResult result = new EventResult("e-1", "u1", "lesson_completed", EventStatus.PROCESSED, "v1",
                List.of("reward"), List.of("grant_xp"), List.of(new RuleSuppression("daily", "cooldown")), List.of(),
                List.of(xp), null, null);

        Map<String, Object> json = parse(LudusJson.write(new Explanation(result, List.of(fired, missing, daily))));

        assertThat(json.get("result")).isEqualTo(parse(LudusJson.write(result)));
        assertThat(json.get("rules")).isEqualTo(List.of(
                Map.of("ruleId", "reward", "eventType", "lesson_completed", "outcome", "fired",
                        "conditions", List.of(Map.of("type", "property_gte", "pointer", "/rules/0/conditions/0",
                                "result", true, "actual", 95, "expected", Map.of("property", "score", "value", 80))),
                        "updates", List.of(Map.of("type", "xp_updated", "xp", 100, "delta", 100, "level", 2))),
                Map.of("ruleId", "perfect", "eventType", "lesson_completed", "outcome", "conditions_false",
                        "conditions", List.of(conditionWithNullActual("property_eq", "/rules/1/conditions/0",
                                Map.of("property", "grade", "value", "A"))),
                        "updates", List.of()),
                Map.of("ruleId", "daily", "eventType", "lesson_completed", "outcome", "suppressed",
                        "reason", "cooldown", "conditions", List.of(), "updates", List.of())));
    }

    @Test
    void writeExplanation_isPrettyPrintedWithExpectedSettingsSortedByName() {
        RuleTrace trace = new RuleTrace("vip", "purchase", RuleOutcome.INACTIVE, "disabled",
                List.of(new ConditionTrace("player_currency_gte", "/rules/0/conditions/0", true, 12L,
                        Map.of("value", 10L, "currency", "coins"))),
                List.of());
        EventResult result = EventResult.error("e-1", "u1", "purchase", EventStatus.REJECTED, "v1",
                ErrorCode.INVALID_EVENT, "bad");

        assertThat(LudusJson.write(new Explanation(result, List.of(trace)))).isEqualTo("""
                {
                  "result": {
                    "eventId": "e-1",
                    "externalUserId": "u1",
                    "eventType": "purchase",
                    "status": "rejected",
                    "ruleSetVersion": "v1",
                    "rulesTriggered": [],
                    "actionsExecuted": [],
                    "rulesSuppressed": [],
                    "rulesFailed": [],
                    "updates": [],
                    "error": {
                      "code": "INVALID_EVENT",
                      "message": "bad"
                    }
                  },
                  "rules": [
                    {
                      "ruleId": "vip",
                      "eventType": "purchase",
                      "outcome": "inactive",
                      "reason": "disabled",
                      "conditions": [
                        {
                          "type": "player_currency_gte",
                          "pointer": "/rules/0/conditions/0",
                          "result": true,
                          "actual": 12,
                          "expected": {
                            "currency": "coins",
                            "value": 10
                          }
                        }
                      ],
                      "updates": []
                    }
                  ]
                }""");
    }

    @Test
    @SuppressWarnings("unchecked")
    void writeExplanation_whenFromTheEngine_writesEachOutcomeInLowerCase() {
        RuleEngine engine = Ludus.builder().game("""
                {"rules": [
                  {"id": "pass", "name": "Pass", "trigger": {"eventType": "quiz"},
                   "conditions": [{"type": "property_gte", "property": "score", "value": 50}],
                   "actions": [{"type": "grant_xp", "amount": 10}], "stopProcessing": true},
                  {"id": "later", "name": "Later", "trigger": {"eventType": "quiz"},
                   "actions": [{"type": "grant_xp", "amount": 1}]},
                  {"id": "draft", "name": "Draft", "status": "draft", "priority": 1, "trigger": {"eventType": "quiz"},
                   "actions": [{"type": "grant_xp", "amount": 1}]}]}""").build();
        Event event = Event.builder().eventId("e-1").externalUserId("u1").eventType("quiz")
                .timestamp(Instant.parse("2026-11-21T10:00:00Z")).properties(Map.of("score", 75.5)).build();

        Map<String, Object> json = parse(LudusJson.write(engine.explain(event, false)));

        List<Map<String, Object>> rules = (List<Map<String, Object>>) json.get("rules");
        assertThat(rules).extracting(rule -> rule.get("outcome")).containsExactly("inactive", "fired", "skipped");
        assertThat(rules.get(1).get("conditions")).isEqualTo(List.of(
                Map.of("type", "property_gte", "pointer", "/rules/0/conditions/0", "result", true, "actual", 75.5,
                        "expected", Map.of("property", "score", "value", 50))));
        assertThat(json.get("result")).isEqualTo(parse(LudusJson.write(engine.explain(event, false).result())));
    }

    @Test
    void writeExplanation_whenNull_throwsNullPointerException() {
        assertThatThrownBy(() -> LudusJson.write((Explanation) null)).isInstanceOf(NullPointerException.class);
    }

    private static Map<String, Object> conditionWithNullActual(String type, String pointer, Map<String, ?> expected) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", type);
        condition.put("pointer", pointer);
        condition.put("result", false);
        condition.put("actual", null);
        condition.put("expected", expected);
        return condition;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return MAPPER.readValue(json, Map.class);
    }
}
