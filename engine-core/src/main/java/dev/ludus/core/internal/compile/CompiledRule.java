package dev.ludus.core.internal.compile;

import dev.ludus.api.spi.Condition;
import java.time.Instant;
import java.util.List;

/**
 * One rule of the plan. Immutable and thread-safe.
 *
 * @param id             unique id
 * @param index          position in the document, to keep ties in document order
 * @param priority       lower runs first
 * @param status         {@code published}, {@code draft}, {@code testing} or {@code archived}
 * @param enabled        {@code enabled} / {@code isActive}
 * @param activeFrom     inclusive start of the active window, or {@code null}
 * @param activeUntil    exclusive end of the active window, or {@code null}
 * @param stopProcessing whether firing ends the event's evaluation
 * @param eventTypes     the trigger's event types; {@code ["*"]} for every event
 * @param conditions     all must hold
 * @param actions        applied in order, all or nothing
 * @param limits         per-player limits, or {@code null}
 * @param pointer        JSON pointer of the rule object
 * @param tests          the predicates of {@code conditions}, in order, in one array for the hot path (a rule's
 *                       evaluation then reads fewer objects, which matters when most rules are out of the CPU
 *                       cache); shared, never modify
 */
public record CompiledRule(String id, int index, long priority, String status, boolean enabled,
                           Instant activeFrom, Instant activeUntil, boolean stopProcessing, List<String> eventTypes,
                           List<CompiledCondition> conditions, List<CompiledAction> actions, Limits limits,
                           String pointer, Condition[] tests) {

    public CompiledRule {
        eventTypes = List.copyOf(eventTypes);
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }

    /** A rule whose {@code tests} are its conditions' predicates. */
    public CompiledRule(String id, int index, long priority, String status, boolean enabled, Instant activeFrom,
                        Instant activeUntil, boolean stopProcessing, List<String> eventTypes,
                        List<CompiledCondition> conditions, List<CompiledAction> actions, Limits limits,
                        String pointer) {
        this(id, index, priority, status, enabled, activeFrom, activeUntil, stopProcessing, eventTypes, conditions,
                actions, limits, pointer, conditions.stream().map(CompiledCondition::condition)
                        .toArray(Condition[]::new));
    }

    /** @return whether the rule runs in normal tracking (published and enabled) */
    public boolean live() {
        return enabled && "published".equals(status);
    }

    /** @return whether the rule triggers on {@code eventType} (explicitly or through {@code "*"}) */
    public boolean triggeredBy(String eventType) {
        return eventTypes.contains("*") || eventTypes.contains(eventType);
    }

    /** @return whether {@code time} falls in {@code [activeFrom, activeUntil)} */
    public boolean activeAt(Instant time) {
        return (activeFrom == null || !time.isBefore(activeFrom)) && (activeUntil == null || time.isBefore(activeUntil));
    }
}
