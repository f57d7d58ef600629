package dev.ludus.api;

import java.util.Map;
import java.util.Objects;

/**
 * One top-level condition of a rule in an explanation.
 *
 * @param type     the canonical condition type
 * @param pointer  the JSON pointer of the condition in the game document
 * @param result   whether it held
 * @param actual   the value the condition looked at (a property, the player's level, ...), or {@code null}
 *                 when missing or not applicable
 * @param expected the condition's settings other than {@code type} (e.g. {@code {property: score, value: 80}})
 */
public record ConditionTrace(String type, String pointer, boolean result, Object actual, Map<String, Object> expected) {
    public ConditionTrace {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pointer, "pointer");
        expected = Map.copyOf(expected);
    }
}
