package dev.ludus.core.internal.json;

import dev.ludus.api.ConditionTrace;
import dev.ludus.api.EventResult;
import dev.ludus.api.Explanation;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.RuleTrace;
import dev.ludus.api.Update;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;

/**
 * Writes results (SPEC section 6), player states (section 7) and explanations (section 11) straight to a
 * generator, without building intermediate maps: results are written once per event on the CLI's hot path.
 */
public final class JsonOutput {
    private JsonOutput() {
    }

    /**
     * Writes one result object. Null scalars are left out; every list is written, empty or not.
     *
     * @throws IllegalArgumentException when an attribute value or notification payload is not JSON-like
     */
    public static void write(JsonGenerator g, EventResult result) {
        g.writeStartObject();
        g.writeStringProperty("eventId", result.eventId());
        optionalString(g, "externalUserId", result.externalUserId());
        optionalString(g, "eventType", result.eventType());
        g.writeStringProperty("status", result.status().jsonName());
        optionalString(g, "ruleSetVersion", result.ruleSetVersion());
        strings(g, "rulesTriggered", result.rulesTriggered());
        strings(g, "actionsExecuted", result.actionsExecuted());
        g.writeArrayPropertyStart("rulesSuppressed");
        for (RuleSuppression s : result.rulesSuppressed()) {
            g.writeStartObject();
            g.writeStringProperty("ruleId", s.ruleId());
            g.writeStringProperty("reason", s.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("rulesFailed");
        for (RuleFailure f : result.rulesFailed()) {
            g.writeStartObject();
            g.writeStringProperty("ruleId", f.ruleId());
            g.writeStringProperty("code", f.code().name());
            g.writeStringProperty("message", f.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("updates");
        for (Update update : result.updates()) {
            write(g, update);
        }
        g.writeEndArray();
        if (result.error() != null) {
            g.writeObjectPropertyStart("error");
            g.writeStringProperty("code", result.error().code().name());
            g.writeStringProperty("message", result.error().message());
            g.writeEndObject();
        }
        optionalString(g, "originalEventId", result.originalEventId());
        g.writeEndObject();
    }

    /**
     * Writes one player state object; a quest's {@code target} is left out when it has none.
     *
     * @throws IllegalArgumentException when an attribute value is not JSON-like
     */
    public static void write(JsonGenerator g, PlayerState state) {
        g.writeStartObject();
        g.writeStringProperty("externalUserId", state.externalUserId());
        g.writeNumberProperty("xp", state.xp());
        g.writeNumberProperty("level", state.level());
        g.writeNumberProperty("xpToNextLevel", state.xpToNextLevel());
        g.writeObjectPropertyStart("currencies");
        for (Map.Entry<String, Long> balance : state.currencies().entrySet()) {
            g.writeNumberProperty(balance.getKey(), balance.getValue());
        }
        g.writeEndObject();
        strings(g, "badges", state.badges());
        g.writeObjectPropertyStart("quests");
        for (Map.Entry<String, QuestState> entry : state.quests().entrySet()) {
            QuestState quest = entry.getValue();
            g.writeObjectPropertyStart(entry.getKey());
            g.writeNumberProperty("progress", quest.progress());
            if (quest.target() != null) {
                g.writeNumberProperty("target", quest.target());
            }
            g.writeBooleanProperty("completed", quest.completed());
            g.writeNumberProperty("completions", quest.completions());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeName("attributes");
        writeValue(g, state.attributes());
        g.writeObjectPropertyStart("profile");
        for (Map.Entry<String, String> field : state.profile().entrySet()) {
            g.writeStringProperty(field.getKey(), field.getValue());
        }
        g.writeEndObject();
        g.writeNumberProperty("version", state.version());
        g.writeEndObject();
    }

    /**
     * Writes one explanation: {@code result} (as {@link #write(JsonGenerator, EventResult)}) and {@code rules},
     * one trace per candidate rule. A trace's {@code reason} is left out when it has none; a condition's
     * {@code actual} is always written, {@code null} when the condition had nothing to look at, and its
     * {@code expected} settings are sorted by name.
     *
     * @throws IllegalArgumentException when a value in a trace or an update is not JSON-like
     */
    public static void write(JsonGenerator g, Explanation explanation) {
        g.writeStartObject();
        g.writeName("result");
        write(g, explanation.result());
        g.writeArrayPropertyStart("rules");
        for (RuleTrace rule : explanation.rules()) {
            g.writeStartObject();
            g.writeStringProperty("ruleId", rule.ruleId());
            g.writeStringProperty("eventType", rule.eventType());
            g.writeStringProperty("outcome", rule.outcome().jsonName());
            optionalString(g, "reason", rule.reason());
            g.writeArrayPropertyStart("conditions");
            for (ConditionTrace condition : rule.conditions()) {
                g.writeStartObject();
                g.writeStringProperty("type", condition.type());
                g.writeStringProperty("pointer", condition.pointer());
                g.writeBooleanProperty("result", condition.result());
                g.writeName("actual");
                writeValue(g, condition.actual());
                g.writeName("expected");
                // The trace's map has no order; sorted keys keep the output stable from run to run.
                writeValue(g, new TreeMap<>(condition.expected()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("updates");
            for (Update update : rule.updates()) {
                write(g, update);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, Update update) {
        g.writeStartObject();
        g.writeStringProperty("type", update.type());
        if (update instanceof Update.XpUpdated u) {
            g.writeNumberProperty("xp", u.xp());
            g.writeNumberProperty("delta", u.delta());
            g.writeNumberProperty("level", u.level());
        } else if (update instanceof Update.LevelUp u) {
            g.writeNumberProperty("from", u.from());
            g.writeNumberProperty("to", u.to());
        } else if (update instanceof Update.CurrencyUpdated u) {
            g.writeStringProperty("currency", u.currency());
            g.writeNumberProperty("balance", u.balance());
            g.writeNumberProperty("delta", u.delta());
        } else if (update instanceof Update.QuestProgress u) {
            g.writeStringProperty("questId", u.questId());
            g.writeNumberProperty("progress", u.progress());
            if (u.target() != null) {
                g.writeNumberProperty("target", u.target());
            }
        } else if (update instanceof Update.QuestCompleted u) {
            g.writeStringProperty("questId", u.questId());
            g.writeNumberProperty("completions", u.completions());
        } else if (update instanceof Update.BadgeEarned u) {
            g.writeStringProperty("badgeId", u.badgeId());
        } else if (update instanceof Update.AttributeUpdated u) {
            g.writeStringProperty("attribute", u.attribute());
            g.writeName("value");
            writeValue(g, u.value());
        } else if (update instanceof Update.Notification u) {
            g.writeStringProperty("topic", u.topic());
            g.writeName("payload");
            writeValue(g, u.payload());
        } else {
            // Update is sealed: this is reached only if a new record is added without a case here.
            throw new IllegalStateException("no JSON form for update " + update);
        }
        g.writeEndObject();
    }

    /** Writes a JSON-like value: String, Number, Boolean, null, Collection or Map with string keys. */
    static void writeValue(JsonGenerator g, Object value) {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            g.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("not a JSON-like value: a map key is "
                            + (entry.getKey() == null ? "null" : "a " + entry.getKey().getClass().getName()));
                }
                g.writeName(key);
                writeValue(g, entry.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Collection<?> elements) {
            g.writeStartArray();
            for (Object element : elements) {
                writeValue(g, element);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a JSON-like value: a " + value.getClass().getName()
                    + "; expected String, Number, Boolean, null, List or Map");
        }
    }

    private static void optionalString(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, Collection<String> values) {
        g.writeArrayPropertyStart(name);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }
}
