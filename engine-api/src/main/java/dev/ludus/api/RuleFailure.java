package dev.ludus.api;

import java.util.Objects;

/**
 * A rule whose actions failed; its changes were undone and other rules went on.
 *
 * @param ruleId  the rule, never {@code null}
 * @param code    why, never {@code null}
 * @param message details for a person, never {@code null}
 */
public record RuleFailure(String ruleId, ErrorCode code, String message) {
    public RuleFailure {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
