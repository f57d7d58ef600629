package dev.ludus.api;

import java.util.List;
import java.util.Objects;

/**
 * A dry run of one event against the player's real state (SPEC section 11). Nothing was committed.
 *
 * @param result the result tracking would have produced ({@code processed}, {@code duplicate} or
 *               {@code rejected}); its updates are what would change
 * @param rules  every candidate rule, in evaluation order, derived events' rules included
 */
public record Explanation(EventResult result, List<RuleTrace> rules) {
    public Explanation {
        Objects.requireNonNull(result, "result");
        rules = List.copyOf(rules);
    }
}
