package dev.ludus.core.internal.compile;

import dev.ludus.api.spi.Action;

/**
 * One action of the plan with where it came from.
 *
 * @param type    the canonical action type, reported in {@code actionsExecuted}
 * @param action  the compiled action
 * @param pointer the JSON pointer of the action object
 */
public record CompiledAction(String type, Action action, String pointer) {
}
