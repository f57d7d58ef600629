package dev.ludus.api;

import java.util.List;
import java.util.Objects;

/**
 * The status of a stored event (SPEC section 9: {@code { id, status, rulesTriggered, actionsExecuted }}).
 *
 * @param id              the event's id
 * @param status          {@code PROCESSED} for every stored event (only processed events are stored)
 * @param rulesTriggered  as in the event's result
 * @param actionsExecuted as in the event's result
 */
public record EventStatusView(String id, EventStatus status, List<String> rulesTriggered, List<String> actionsExecuted) {
    public EventStatusView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        rulesTriggered = List.copyOf(rulesTriggered);
        actionsExecuted = List.copyOf(actionsExecuted);
    }
}
