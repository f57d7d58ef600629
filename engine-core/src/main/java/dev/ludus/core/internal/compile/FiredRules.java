package dev.ludus.core.internal.compile;

import java.util.List;

/**
 * What a result lists for one combination of fired rules, shared by the events that fire it ({@link
 * CompiledGame#fired}).
 *
 * @param ruleIds     the rules' ids, in the order they fired; unmodifiable
 * @param actionTypes the types of the rules' own actions in the order they run, which is the list of actions
 *                    executed when no level or quest reward ran among them (rewards add their actions, never remove
 *                    any, so that is when the two have the same size); unmodifiable
 */
public record FiredRules(List<String> ruleIds, List<String> actionTypes) {
    static final FiredRules NONE = new FiredRules(List.of(), List.of());
}
