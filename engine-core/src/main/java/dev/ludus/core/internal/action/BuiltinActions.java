package dev.ludus.core.internal.action;

import dev.ludus.api.spi.Action;
import dev.ludus.api.spi.ActionType;
import dev.ludus.api.spi.CatalogKind;
import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.ConfigNode;
import dev.ludus.api.spi.EvaluationContext;
import dev.ludus.core.internal.expression.Expressions;
import dev.ludus.core.internal.util.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/** The table of built-in action types; they register exactly as custom types do. */
public final class BuiltinActions {
    private BuiltinActions() {
    }

    /**
     * @param expressions compiles {@code { "expression": … }} amounts under the engine's policy
     * @return every built-in action type
     */
    public static List<ActionType> all(Expressions expressions) {
        Amounts amounts = new Amounts(expressions);
        return List.of(
                type("grant_xp", Set.of(), amounts::grantXp),
                type("grant_currency", Set.of(), amounts::grantCurrency),
                type("deduct_currency", Set.of(), amounts::deductCurrency),
                type("progress_quest", Set.of(), amounts::progressQuest),
                type("award_badge", Set.of("grant_badge"), BuiltinActions::awardBadge),
                type("set_attribute", Set.of(), BuiltinActions::setAttribute),
                type("emit_event", Set.of(), BuiltinActions::emitEvent),
                type("notify", Set.of(), BuiltinActions::notify));
    }

    /** The actions that take an {@code amount}: a whole number >= 0, or {@code { "expression": … }}. */
    private record Amounts(Expressions expressions) {
        private static final String EXPECTED_AMOUNT = "expected a whole number >= 0 or { \"expression\": \"...\" }";

        Action grantXp(ConfigNode config, CompileContext context) {
            ToLongFunction<EvaluationContext> amount = amount(config);
            return amount == null ? null : ctx -> ctx.grantXp(amount.applyAsLong(ctx));
        }

        Action grantCurrency(ConfigNode config, CompileContext context) {
            String currency = currency(config, context);
            ToLongFunction<EvaluationContext> amount = amount(config);
            return currency == null || amount == null ? null
                    : ctx -> ctx.grantCurrency(currency, amount.applyAsLong(ctx));
        }

        Action deductCurrency(ConfigNode config, CompileContext context) {
            String currency = currency(config, context);
            ToLongFunction<EvaluationContext> amount = amount(config);
            return currency == null || amount == null ? null
                    : ctx -> ctx.deductCurrency(currency, amount.applyAsLong(ctx));
        }

        Action progressQuest(ConfigNode config, CompileContext context) {
            String quest = context.reference(CatalogKind.QUEST, config, "questId");
            ToLongFunction<EvaluationContext> amount = config.has("amount") ? amount(config) : ctx -> 1;
            return quest == null || amount == null ? null
                    : ctx -> ctx.progressQuest(quest, amount.applyAsLong(ctx));
        }

        /**
         * Reads {@code amount}: a whole number >= 0, or an object with only {@code expression}.
         *
         * @return the amount, or {@code null} after reporting an error
         */
        private ToLongFunction<EvaluationContext> amount(ConfigNode config) {
            Object raw = config.has("amount") ? config.asMap().get("amount") : null;
            if (raw instanceof Map) {
                ConfigNode expression = config.object("amount");
                return expression == null ? null : expressions.amount(expression);
            }
            if (raw != null && !(raw instanceof Number)) {
                config.error("amount", EXPECTED_AMOUNT + ", found " + JsonValues.describe(raw));
                return null;
            }
            Long amount = config.wholeNumber("amount");
            if (amount == null) {
                return null;
            }
            if (amount < 0) {
                config.error("amount", EXPECTED_AMOUNT + ", found " + amount);
                return null;
            }
            long constant = amount;
            return ctx -> constant;
        }
    }

    private static Action awardBadge(ConfigNode config, CompileContext context) {
        String badge = context.reference(CatalogKind.BADGE, config, "badgeId");
        return badge == null ? null : ctx -> ctx.awardBadge(badge);
    }

    private static Action setAttribute(ConfigNode config, CompileContext context) {
        String attribute = config.string("attribute");
        Object value = config.value("value");
        return attribute == null || !config.has("value") ? null : ctx -> ctx.setAttribute(attribute, value);
    }

    private static Action emitEvent(ConfigNode config, CompileContext context) {
        String eventType = config.string("eventType");
        Map<String, Object> properties = Map.of();
        if (config.has("properties")) {
            ConfigNode node = config.object("properties");
            if (node == null) {
                return null;
            }
            properties = node.asMap();
            node.asMap().keySet().forEach(node::has);
        }
        Map<String, Object> fixed = properties;
        return eventType == null ? null : ctx -> ctx.emitEvent(eventType, fixed);
    }

    private static Action notify(ConfigNode config, CompileContext context) {
        String topic = config.string("topic");
        Object payload = config.has("payload") ? config.value("payload") : null;
        return topic == null ? null : ctx -> ctx.notify(topic, payload);
    }

    /** Reads {@code currency}, or its alias {@code currencyId}; giving both is an error. */
    private static String currency(ConfigNode config, CompileContext context) {
        boolean canonical = config.has("currency");
        boolean alias = config.has("currencyId");
        if (canonical && alias) {
            config.error("currencyId", "give either 'currency' or its alias 'currencyId', not both");
            return null;
        }
        return context.reference(CatalogKind.CURRENCY, config, alias ? "currencyId" : "currency");
    }

    private static ActionType type(String name, Set<String> aliases,
                                   BiFunction<ConfigNode, CompileContext, Action> compiler) {
        return new Builtin(name, aliases, compiler);
    }

    private record Builtin(String name, Set<String> aliases,
                           BiFunction<ConfigNode, CompileContext, Action> compiler) implements ActionType {
        @Override
        public Action compile(ConfigNode config, CompileContext context) {
            return compiler.apply(config, context);
        }
    }
}
