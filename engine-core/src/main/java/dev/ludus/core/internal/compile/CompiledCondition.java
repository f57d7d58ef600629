package dev.ludus.core.internal.compile;

import dev.ludus.api.spi.Condition;
import java.util.Map;

/**
 * A top-level condition of a rule with where it came from, so explain can show its type, its expected
 * values and the actual ones.
 *
 * @param type      the canonical condition type
 * @param pointer   the JSON pointer of the condition object
 * @param config    the condition's JSON object
 * @param condition the compiled predicate
 */
public record CompiledCondition(String type, String pointer, Map<String, Object> config, Condition condition) {
}
