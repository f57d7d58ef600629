package dev.ludus.core.internal.condition;

import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.ConditionType;
import dev.ludus.api.spi.ConfigNode;
import dev.ludus.core.internal.expression.Expressions;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** The table of built-in condition types; they register exactly as custom types do. */
public final class BuiltinConditions {
    private BuiltinConditions() {
    }

    /**
     * @param expressions compiles the {@code expression} condition under the engine's policy
     * @return every built-in condition type
     */
    public static List<ConditionType> all(Expressions expressions) {
        return List.of(
                type("property_eq", Set.of("property_equals"), PropertyConditions::eq),
                type("property_neq", Set.of(), PropertyConditions::neq),
                type("property_gt", Set.of("property_greater_than"), PropertyConditions::gt),
                type("property_gte", Set.of(), PropertyConditions::gte),
                type("property_lt", Set.of("property_less_than"), PropertyConditions::lt),
                type("property_lte", Set.of(), PropertyConditions::lte),
                type("property_between", Set.of(), PropertyConditions::between),
                type("property_in", Set.of(), PropertyConditions::in),
                type("property_not_in", Set.of(), PropertyConditions::notIn),
                type("property_contains", Set.of(), PropertyConditions::contains),
                type("property_exists", Set.of(), PropertyConditions::exists),
                type("property_not_exists", Set.of(), PropertyConditions::notExists),
                type("property_matches", Set.of(), PropertyConditions::matches),
                type("player_level_eq", Set.of("player_level_equals"), PlayerConditions::levelEq),
                type("player_level_gt", Set.of("player_level_greater_than"), PlayerConditions::levelGt),
                type("player_level_gte", Set.of(), PlayerConditions::levelGte),
                type("player_level_lt", Set.of(), PlayerConditions::levelLt),
                type("player_xp_gte", Set.of(), PlayerConditions::xpGte),
                type("player_currency_gte", Set.of(), PlayerConditions::currencyGte),
                type("player_has_badge", Set.of(), PlayerConditions::hasBadge),
                type("player_lacks_badge", Set.of(), PlayerConditions::lacksBadge),
                type("player_quest_completed", Set.of(), PlayerConditions::questCompleted),
                type("player_attribute_eq", Set.of(), PlayerConditions::attributeEq),
                type("first_time", Set.of(), HistoryConditions::firstTime),
                type("event_count", Set.of(), HistoryConditions::eventCount),
                type("property_sum", Set.of(), HistoryConditions::propertySum),
                type("distinct_count", Set.of(), HistoryConditions::distinctCount),
                type("streak", Set.of(), HistoryConditions::streak),
                type("time_window", Set.of(), TimeConditions::timeWindow),
                type("day_of_week", Set.of(), TimeConditions::dayOfWeek),
                type("all", Set.of(), CompositeConditions::all),
                type("any", Set.of(), CompositeConditions::any),
                type("not", Set.of(), CompositeConditions::not),
                type("expression", Set.of(), expressions::condition));
    }

    private static ConditionType type(String name, Set<String> aliases,
                                      BiFunction<ConfigNode, CompileContext, Condition> compiler) {
        return new Builtin(name, aliases, compiler);
    }

    private record Builtin(String name, Set<String> aliases,
                           BiFunction<ConfigNode, CompileContext, Condition> compiler) implements ConditionType {
        @Override
        public Condition compile(ConfigNode config, CompileContext context) {
            return compiler.apply(config, context);
        }
    }
}
