package dev.ludus.api;

import java.util.List;
import java.util.Objects;

/**
 * What tracking one event did (SPEC section 6). Immutable; lists are copied in and unmodifiable.
 *
 * @param eventId         the event's id (generated when the event had none); never {@code null}
 * @param externalUserId  the player, {@code null} only when the input had none
 * @param eventType       the event type, {@code null} only when the input had none
 * @param status          never {@code null}
 * @param ruleSetVersion  the version of the rules that evaluated it, {@code null} when none did
 * @param rulesTriggered  ids of rules whose actions were applied, in execution order
 * @param actionsExecuted canonical type of every action applied, in order, rewards included
 * @param rulesSuppressed rules whose limits blocked them
 * @param rulesFailed     rules whose actions failed and were undone
 * @param updates         the changes made, in order
 * @param error           set for {@code rejected} and {@code failed}, else {@code null}
 * @param originalEventId set for {@code duplicate}: the event that first used the key, else {@code null}
 */
public record EventResult(
        String eventId,
        String externalUserId,
        String eventType,
        EventStatus status,
        String ruleSetVersion,
        List<String> rulesTriggered,
        List<String> actionsExecuted,
        List<RuleSuppression> rulesSuppressed,
        List<RuleFailure> rulesFailed,
        List<Update> updates,
        ErrorInfo error,
        String originalEventId) {

    public EventResult {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(status, "status");
        rulesTriggered = List.copyOf(rulesTriggered);
        actionsExecuted = List.copyOf(actionsExecuted);
        rulesSuppressed = List.copyOf(rulesSuppressed);
        rulesFailed = List.copyOf(rulesFailed);
        updates = List.copyOf(updates);
        if ((status == EventStatus.REJECTED || status == EventStatus.FAILED) != (error != null)) {
            throw new IllegalArgumentException("error must be set exactly for rejected and failed results");
        }
    }

    /**
     * @return a {@code rejected} or {@code failed} result that changed nothing
     */
    public static EventResult error(String eventId, String externalUserId, String eventType, EventStatus status,
                                    String ruleSetVersion, ErrorCode code, String message) {
        return new EventResult(eventId, externalUserId, eventType, status, ruleSetVersion, List.of(), List.of(),
                List.of(), List.of(), List.of(), new ErrorInfo(code, message), null);
    }
}
