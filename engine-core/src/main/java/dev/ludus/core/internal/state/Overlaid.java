package dev.ludus.core.internal.state;

import dev.ludus.api.PlayerState;
import java.util.Map;
import java.util.TreeMap;

/**
 * One of a player's maps (quests, attributes, profile) while an event runs: the loaded snapshot's map, unchanged,
 * and the entries the event set, read through. A snapshot merges them with {@link PlayerState#withEntries}: array
 * copies of the runs between the changes, O(n) elements but no per-entry work.
 *
 * <p>Before, the first change copied the player's whole map into a {@code TreeMap} (O(n log n), a node per
 * entry), and a snapshot copied it back: 70 µs per quest progressed at 1,000 quests (docs/performance.md,
 * "Quests"). Not thread-safe: one event, one thread.
 *
 * @param <V> the values
 */
final class Overlaid<V> {
    private Map<String, V> base;
    /**
     * The entries set during the event; {@link WorkingPlayer}'s undo journal changes it directly. An entry leaves
     * it only when a rollback undoes its addition: nothing removes an entry from a player's map.
     */
    final TreeMap<String, V> changes = new TreeMap<>();

    /** Starts over on {@code base} with no changes; {@code null} to hold on to nothing. */
    void reset(Map<String, V> base) {
        this.base = base;
        changes.clear();
    }

    /** @return the value of {@code key} with the changes, {@code null} when it has none (or it is {@code null}) */
    V get(String key) {
        V value = changes.get(key);
        return value != null || changes.containsKey(key) ? value : base.get(key);
    }

    /** @return whether the map with the changes has {@code key} */
    boolean containsKey(String key) {
        return changes.containsKey(key) || base.containsKey(key);
    }

    /** @return the map with the changes, as a {@code PlayerState} keeps it; the base itself when there are none */
    Map<String, V> current() {
        return changes.isEmpty() ? base : PlayerState.withEntries(base, changes);
    }
}
