package dev.ludus.api.spi;

/**
 * Services offered to {@link ConditionType}s and {@link ActionType}s while a game compiles.
 * Valid only during the compile call it was passed to; not thread-safe.
 */
public interface CompileContext {

    /**
     * Compiles a nested condition (for composite types).
     *
     * @param config the nested condition's JSON object
     * @return the compiled condition, or {@code null} when errors were reported
     */
    Condition compileCondition(ConfigNode config);

    /**
     * Reads an id field that refers to a catalog entry. When the game declares that catalog the id must
     * be in it (else an error listing the known ids is reported); when it does not, any id is accepted.
     *
     * @return the id, or {@code null} after reporting an error
     */
    String reference(CatalogKind kind, ConfigNode config, String field);
}
