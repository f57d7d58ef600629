package dev.ludus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Reads the engine's entries (aggregates and limit counters by key) out of a player's committed engine data. */
public final class EngineDataEntries {
    private EngineDataEntries() {
    }

    /**
     * @param engineData {@code PlayerRecord.engineData()} of a record the engine committed
     * @return its entries: none, or the map under {@code "entries"}, the only top-level key (docs/reference.md)
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Map<String, Object> engineData) {
        if (engineData.isEmpty()) {
            return Map.of();
        }
        assertThat(engineData.keySet()).as("top-level keys of the engine data").containsExactly("entries");
        assertThat(engineData.get("entries")).isInstanceOf(Map.class);
        return (Map<String, Object>) engineData.get("entries");
    }
}
