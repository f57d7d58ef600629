package dev.ludus.core.internal.state;

import dev.ludus.core.internal.compile.CompiledAction;
import java.util.List;
import java.util.Map;

/**
 * The game's declarations: level curve and rewards, currencies, badges and quests. A {@code null} map
 * means the section was absent, so references of that kind are implicit. Immutable.
 */
public record Catalog(LevelCurve levels, Map<Integer, List<CompiledAction>> levelRewards,
                      Map<String, Currency> currencies, Map<String, Badge> badges, Map<String, Quest> quests) {

    /** A declared currency; {@code max} caps balances. */
    public record Currency(String id, String name, long max) {
    }

    /** A declared badge. */
    public record Badge(String id, String name) {
    }

    /** A declared quest. */
    public record Quest(String id, String name, long target, boolean repeatable, List<CompiledAction> rewards) {
    }

    /** @return the cap of a currency's balance ({@code Long.MAX_VALUE} when undeclared or uncapped) */
    public long currencyMax(String currency) {
        Currency c = currencies == null ? null : currencies.get(currency);
        return c == null ? Long.MAX_VALUE : c.max();
    }

    /** @return the declared quest, or {@code null} for an implicit one */
    public Quest quest(String questId) {
        return quests == null ? null : quests.get(questId);
    }
}
