package dev.ludus.api;

import java.util.Objects;

/**
 * A rule whose conditions held but whose limit blocked it.
 *
 * @param ruleId the rule, never {@code null}
 * @param reason {@code cooldown}, {@code max_per_player} or {@code max_per_period}
 */
public record RuleSuppression(String ruleId, String reason) {
    public RuleSuppression {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(reason, "reason");
    }
}
