package dev.ludus.core.internal.condition;

import dev.ludus.api.QuestState;
import dev.ludus.api.spi.CatalogKind;
import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.ConfigNode;
import dev.ludus.core.internal.util.JsonValues;
import java.util.Map;

/** The {@code player_*} conditions: tests on the player's state before the event. */
final class PlayerConditions {
    private PlayerConditions() {
    }

    static Condition levelEq(ConfigNode config, CompileContext context) {
        return level(config, (level, value) -> level == value);
    }

    static Condition levelGt(ConfigNode config, CompileContext context) {
        return level(config, (level, value) -> level > value);
    }

    static Condition levelGte(ConfigNode config, CompileContext context) {
        return level(config, (level, value) -> level >= value);
    }

    static Condition levelLt(ConfigNode config, CompileContext context) {
        return level(config, (level, value) -> level < value);
    }

    private interface LongComparison {
        boolean test(long actual, long expected);
    }

    private static Condition level(ConfigNode config, LongComparison comparison) {
        Long value = config.wholeNumber("value");
        if (value == null) {
            return null;
        }
        long expected = value;
        return ctx -> comparison.test(ctx.player().level(), expected);
    }

    static Condition xpGte(ConfigNode config, CompileContext context) {
        Long value = config.wholeNumber("value");
        if (value == null) {
            return null;
        }
        long min = value;
        return ctx -> ctx.player().xp() >= min;
    }

    static Condition currencyGte(ConfigNode config, CompileContext context) {
        String currency = context.reference(CatalogKind.CURRENCY, config, "currency");
        Long value = config.wholeNumber("value");
        if (currency == null || value == null) {
            return null;
        }
        long min = value;
        return ctx -> ctx.player().balance(currency) >= min;
    }

    static Condition hasBadge(ConfigNode config, CompileContext context) {
        String badge = context.reference(CatalogKind.BADGE, config, "badgeId");
        return badge == null ? null : ctx -> ctx.player().badges().contains(badge);
    }

    static Condition lacksBadge(ConfigNode config, CompileContext context) {
        Condition has = hasBadge(config, context);
        return has == null ? null : ctx -> !has.test(ctx);
    }

    static Condition questCompleted(ConfigNode config, CompileContext context) {
        String quest = context.reference(CatalogKind.QUEST, config, "questId");
        if (quest == null) {
            return null;
        }
        return ctx -> {
            QuestState state = ctx.player().quests().get(quest);
            return state != null && state.completions() > 0;
        };
    }

    static Condition attributeEq(ConfigNode config, CompileContext context) {
        String attribute = config.string("attribute");
        Object expected = config.value("value");
        if (attribute == null || !config.has("value")) {
            return null;
        }
        return ctx -> {
            Map<String, Object> attributes = ctx.player().attributes();
            return attributes.containsKey(attribute) && JsonValues.equal(attributes.get(attribute), expected);
        };
    }
}
