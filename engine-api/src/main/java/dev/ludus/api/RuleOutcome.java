package dev.ludus.api;

import java.util.Locale;

/** What happened to a candidate rule in {@link RuleEngine#explain} (SPEC section 11). */
public enum RuleOutcome {
    /** Conditions held, limits allowed it, its actions applied. */
    FIRED,
    /** A condition did not hold. */
    CONDITIONS_FALSE,
    /** Conditions held but a limit blocked it. */
    SUPPRESSED,
    /** An action failed; its changes were undone. */
    FAILED,
    /** Disabled, not published (and drafts not asked for), archived, or outside its active window. */
    INACTIVE,
    /** Not evaluated: an earlier rule with {@code stopProcessing} fired. */
    SKIPPED;

    /** @return the lower-case JSON spelling, e.g. {@code conditions_false} */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
