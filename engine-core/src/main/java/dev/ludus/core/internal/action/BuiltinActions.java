package dev.ludus.core.internal.action;

import dev.ludus.api.spi.Action;
import dev.ludus.api.spi.ActionType;
import dev.ludus.api.spi.CatalogKind;
import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.ConfigNode;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** The table of built-in action types; they register exactly as custom types do. */
public final class BuiltinActions {
    private BuiltinActions() {
    }

    /** @return every built-in action type */
    public static List<ActionType> all() {
        return List.of(
                type("grant_xp", Set.of(), BuiltinActions::grantXp),
                type("grant_currency", Set.of(), BuiltinActions::grantCurrency),
                type("deduct_currency", Set.of(), BuiltinActions::deductCurrency),
                type("progress_quest", Set.of(), BuiltinActions::progressQuest),
                type("award_badge", Set.of("grant_badge"), BuiltinActions::awardBadge),
                type("set_attribute", Set.of(), BuiltinActions::setAttribute));
    }

    private static Action grantXp(ConfigNode config, CompileContext context) {
        Long amount = amount(config);
        return amount == null ? null : ctx -> ctx.grantXp(amount);
    }

    private static Action grantCurrency(ConfigNode config, CompileContext context) {
        String currency = currency(config, context);
        Long amount = amount(config);
        return currency == null || amount == null ? null : ctx -> ctx.grantCurrency(currency, amount);
    }

    private static Action deductCurrency(ConfigNode config, CompileContext context) {
        String currency = currency(config, context);
        Long amount = amount(config);
        return currency == null || amount == null ? null : ctx -> ctx.deductCurrency(currency, amount);
    }

    private static Action progressQuest(ConfigNode config, CompileContext context) {
        String quest = context.reference(CatalogKind.QUEST, config, "questId");
        Long amount = config.has("amount") ? amount(config) : Long.valueOf(1);
        return quest == null || amount == null ? null : ctx -> ctx.progressQuest(quest, amount);
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

    /** Reads {@code amount}: a whole number, at least 0. */
    private static Long amount(ConfigNode config) {
        Long amount = config.wholeNumber("amount");
        if (amount != null && amount < 0) {
            config.error("amount", "expected a whole number >= 0, found " + amount);
            return null;
        }
        return amount;
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
