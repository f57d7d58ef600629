package dev.ludus.api.spi;

import dev.ludus.api.PlayerState;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link PlayerStore} keeps per player: the public state plus the engine's own bookkeeping.
 * Immutable.
 *
 * @param state      the player's state; {@code state.version()} is the record's version
 * @param engineData bookkeeping the engine needs between events (per-rule limit counters, history
 *                   aggregates), as JSON-like values ({@code String}, {@code Long}, {@code Double},
 *                   {@code Boolean}, {@code List}, {@code Map}; no {@code null} values); a store
 *                   persists it as given and hands it back unchanged (whole numbers may come back as any
 *                   integral {@code Number}, as after a JSON round trip; data the engine cannot read fails the
 *                   event with {@code INTERNAL_ERROR} and commits nothing). Its maps and lists are the engine's
 *                   own classes: persist them as maps and lists, not by class name (a store that records class
 *                   names, as Jackson's default typing does, cannot read them back)
 */
public record PlayerRecord(PlayerState state, Map<String, Object> engineData) {
    public PlayerRecord {
        Objects.requireNonNull(state, "state");
        engineData = Map.copyOf(engineData);
    }

    /** @return the record's version, the same as {@code state().version()} */
    public long version() {
        return state.version();
    }
}
