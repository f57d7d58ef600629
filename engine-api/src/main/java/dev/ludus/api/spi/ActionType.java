package dev.ludus.api.spi;

import java.util.Set;

/**
 * A kind of action ({@code grant_xp}, or an application's own), registered on the engine builder.
 * Built-in types are registered through this same interface. Action type names are matched
 * case-insensitively.
 */
public interface ActionType {

    /** @return the canonical {@code type} name, lower case; it is what {@code actionsExecuted} reports */
    String name();

    /** @return other spellings that mean exactly this type, lower case */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Compiles one action object. Report problems through {@code config}; never throw for bad input.
     *
     * @param config  the action's JSON object ({@code type} already read)
     * @param context compile services (catalog references)
     * @return the compiled action, or {@code null} when errors were reported
     */
    Action compile(ConfigNode config, CompileContext context);
}
