package dev.ludus.api;

import java.util.List;
import java.util.Objects;

/**
 * One candidate rule in an explanation.
 *
 * @param ruleId     the rule
 * @param eventType  the (possibly derived) event it was evaluated for
 * @param outcome    what happened
 * @param reason     the suppression reason, the failure code and message, or why it was inactive; {@code null}
 *                   for fired and conditions_false
 * @param conditions each top-level condition evaluated, in order (empty when not evaluated)
 * @param updates    the updates the rule produced (empty unless fired)
 */
public record RuleTrace(String ruleId, String eventType, RuleOutcome outcome, String reason,
                        List<ConditionTrace> conditions, List<Update> updates) {
    public RuleTrace {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(outcome, "outcome");
        conditions = List.copyOf(conditions);
        updates = List.copyOf(updates);
    }
}
