package dev.ludus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.Update;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LudusJsonWriteTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void writeResult_whenProcessed_writesEveryFieldOfSection6() {
        EventResult result = new EventResult("e-1", "user-123", "lesson_completed", EventStatus.PROCESSED, "v1",
                List.of("lesson-reward"), List.of("grant_xp"), List.of(new RuleSuppression("daily", "cooldown")),
                List.of(new RuleFailure("pay", ErrorCode.INSUFFICIENT_FUNDS, "balance 5 is below 10")),
                List.of(new Update.XpUpdated(1550, 100, 5)), null, null);

        String json = LudusJson.write(result);

        assertThat(json).doesNotContain("\n");
        assertThat(parse(json)).isEqualTo(Map.of(
                "eventId", "e-1",
                "externalUserId", "user-123",
                "eventType", "lesson_completed",
                "status", "processed",
                "ruleSetVersion", "v1",
                "rulesTriggered", List.of("lesson-reward"),
                "actionsExecuted", List.of("grant_xp"),
                "rulesSuppressed", List.of(Map.of("ruleId", "daily", "reason", "cooldown")),
                "rulesFailed", List.of(Map.of("ruleId", "pay", "code", "INSUFFICIENT_FUNDS",
                        "message", "balance 5 is below 10")),
                "updates", List.of(Map.of("type", "xp_updated", "xp", 1550, "delta", 100, "level", 5))));
    }

    @Test
    void writeResult_whenRejected_writesErrorAndLeavesOutNullScalarsButNotLists() {
        EventResult result = EventResult.error("e-2", null, null, EventStatus.REJECTED, null,
                ErrorCode.INVALID_JSON, "line 3: not valid JSON");

        assertThat(parse(LudusJson.write(result))).isEqualTo(Map.of(
                "eventId", "e-2",
                "status", "rejected",
                "rulesTriggered", List.of(),
                "actionsExecuted", List.of(),
                "rulesSuppressed", List.of(),
                "rulesFailed", List.of(),
                "updates", List.of(),
                "error", Map.of("code", "INVALID_JSON", "message", "line 3: not valid JSON")));
    }

    @Test
    void writeResult_whenDuplicate_writesOriginalEventId() {
        EventResult result = new EventResult("e-2", "u1", "purchase", EventStatus.DUPLICATE, "v1", List.of("r"),
                List.of("grant_xp"), List.of(), List.of(), List.of(), null, "e-1");

        Map<String, Object> json = parse(LudusJson.write(result));

        assertThat(json).containsEntry("status", "duplicate").containsEntry("originalEventId", "e-1")
                .doesNotContainKey("error");
    }

    @Test
    void writeResult_whenEveryUpdateType_writesEachWithItsFields() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("lessonId", "l-1");
        payload.put("score", 95.5);
        payload.put("tags", List.of("a", "b"));
        payload.put("none", null);
        List<Update> updates = List.of(
                new Update.XpUpdated(100, 100, 2),
                new Update.LevelUp(1, 2),
                new Update.CurrencyUpdated("coins", 125, 25),
                new Update.QuestProgress("ten-lessons", 3, 10L),
                new Update.QuestProgress("undeclared", 4, null),
                new Update.QuestCompleted("ten-lessons", 1),
                new Update.BadgeEarned("first-lesson"),
                new Update.AttributeUpdated("tier", "gold"),
                new Update.AttributeUpdated("cleared", null),
                new Update.AttributeUpdated("stats", Map.of("n", 3L)),
                new Update.Notification("lesson", payload),
                new Update.Notification("ping", null));
        EventResult result = new EventResult("e", "u", "t", EventStatus.PROCESSED, "v", List.of(), List.of(),
                List.of(), List.of(), updates, null, null);

        assertThat(parse(LudusJson.write(result)).get("updates")).isEqualTo(List.of(
                Map.of("type", "xp_updated", "xp", 100, "delta", 100, "level", 2),
                Map.of("type", "level_up", "from", 1, "to", 2),
                Map.of("type", "currency_updated", "currency", "coins", "balance", 125, "delta", 25),
                Map.of("type", "quest_progress", "questId", "ten-lessons", "progress", 3, "target", 10),
                Map.of("type", "quest_progress", "questId", "undeclared", "progress", 4),
                Map.of("type", "quest_completed", "questId", "ten-lessons", "completions", 1),
                Map.of("type", "badge_earned", "badgeId", "first-lesson"),
                Map.of("type", "attribute_updated", "attribute", "tier", "value", "gold"),
                mapWithNull("type", "attribute_updated", "attribute", "cleared", "value"),
                Map.of("type", "attribute_updated", "attribute", "stats", "value", Map.of("n", 3)),
                Map.of("type", "notification", "topic", "lesson", "payload", payload),
                mapWithNull("type", "notification", "topic", "ping", "payload")));
    }

    @Test
    void writeResult_whenPayloadHoldsOtherJavaNumbersAndCollections_writesThemAsJson() {
        EventResult result = resultWithPayload(Arrays.asList(1, (short) 2, (byte) 3, 4.5f,
                new java.math.BigDecimal("1.25"), new java.math.BigInteger("123456789012345678901234567890"),
                new TreeSet<>(List.of("x", "y")), true));

        assertThat(LudusJson.write(result)).contains(
                "\"payload\":[1,2,3,4.5,1.25,123456789012345678901234567890,[\"x\",\"y\"],true]");
    }

    @Test
    void writeResult_keepsMapOrderAndEscapesStrings() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("z", "quote \" backslash \\ newline \n");
        payload.put("a", 1L);

        assertThat(LudusJson.write(resultWithPayload(payload)))
                .contains("\"payload\":{\"z\":\"quote \\\" backslash \\\\ newline \\n\",\"a\":1}");
    }

    @Test
    void writeResult_whenPayloadIsNotJsonLike_throwsNamingTheType() {
        assertThatThrownBy(() -> LudusJson.write(resultWithPayload(new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a JSON-like value: a java.lang.Object; expected String, Number, Boolean, null, "
                        + "List or Map");
    }

    @Test
    void writeResult_whenPayloadMapHasNonStringKey_throws() {
        assertThatThrownBy(() -> LudusJson.write(resultWithPayload(Map.of(1, "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a JSON-like value: a map key is a java.lang.Integer");
    }

    @Test
    void writePlayer_writesEveryFieldOfSection7() {
        PlayerState state = new PlayerState("user-123", 1600, 5, 1500, Map.of("coins", 125L, "gems", 2L),
                new TreeSet<>(List.of("first-lesson", "a-badge")),
                Map.of("ten-lessons", new QuestState(3, 10L, false, 0),
                        "undeclared", new QuestState(7, null, false, 0)),
                Map.of("tier", "gold", "score", 9.5, "tags", List.of("x")),
                Map.of("email", "john@example.com"), 7);

        String json = LudusJson.write(state);

        assertThat(json).doesNotContain("\n");
        assertThat(parse(json)).isEqualTo(Map.of(
                "externalUserId", "user-123",
                "xp", 1600,
                "level", 5,
                "xpToNextLevel", 1500,
                "currencies", Map.of("coins", 125, "gems", 2),
                "badges", List.of("a-badge", "first-lesson"),
                "quests", Map.of(
                        "ten-lessons", Map.of("progress", 3, "target", 10, "completed", false, "completions", 0),
                        "undeclared", Map.of("progress", 7, "completed", false, "completions", 0)),
                "attributes", Map.of("tier", "gold", "score", 9.5, "tags", List.of("x")),
                "profile", Map.of("email", "john@example.com"),
                "version", 7));
    }

    @Test
    void writePlayer_whenNew_writesEmptyCollections() {
        assertThat(LudusJson.write(PlayerState.initial("u1", 100))).isEqualTo(
                "{\"externalUserId\":\"u1\",\"xp\":0,\"level\":1,\"xpToNextLevel\":100,\"currencies\":{},"
                        + "\"badges\":[],\"quests\":{},\"attributes\":{},\"profile\":{},\"version\":0}");
    }

    @Test
    void write_whenNull_throwsNullPointerException() {
        assertThatThrownBy(() -> LudusJson.write((EventResult) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> LudusJson.write((PlayerState) null)).isInstanceOf(NullPointerException.class);
    }

    private static EventResult resultWithPayload(Object payload) {
        return new EventResult("e", "u", "t", EventStatus.PROCESSED, "v", List.of(), List.of(), List.of(),
                List.of(), List.of(new Update.Notification("topic", payload)), null, null);
    }

    private static Map<String, Object> mapWithNull(String k1, Object v1, String k2, Object v2, String nullKey) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        map.put(nullKey, null);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return MAPPER.readValue(json, Map.class);
    }
}
