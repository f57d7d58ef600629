package dev.ludus.api.spi;

import java.util.Set;

/**
 * A kind of condition ({@code property_gte}, or an application's own), registered on the engine
 * builder. Built-in types are registered through this same interface.
 */
public interface ConditionType {

    /** @return the canonical {@code type} name, lower case, e.g. {@code property_gte} */
    String name();

    /** @return other spellings that mean exactly this type (compatibility names), lower case */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Compiles one condition object. Report problems through {@code config}; never throw for bad input.
     *
     * @param config  the condition's JSON object ({@code type} already read)
     * @param context compile services (nested conditions, catalog references)
     * @return the compiled condition, or {@code null} when errors were reported
     */
    Condition compile(ConfigNode config, CompileContext context);
}
