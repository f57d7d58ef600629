package dev.ludus.core.internal.engine;

import dev.ludus.core.internal.compile.CompiledGame;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcollections.PMap;
import org.pcollections.TreePMap;

/**
 * A player's engine data while an event runs: the history aggregates and rule limit counters under their keys,
 * read and written by the run, and the map committed for them (SPEC 4.2, 4.4; docs/decisions.md).
 *
 * <p>The committed map has one entry, {@value #ENTRIES}, whose value holds every key. {@code PlayerRecord}
 * copies the map it is given, and one entry costs the same to copy whatever the player holds. The entries are a
 * persistent map ({@link TreePMap}): a write costs O(log n) and shares the rest with the previous record, which
 * stays unchanged for concurrent readers and for a commit retried after a conflict. Before, each event checked
 * every key against the game and each write copied all keys twice: 40–100 µs per event for a player with 1,000
 * one-time achievements (see docs/performance.md, "Engine data").
 *
 * <p>Only keys a loaded rule uses are committed. The committed entries remember the game they were filtered
 * for, so the next event under the same game checks none of them; the first commit under another game (after a
 * reload) filters them once.
 *
 * <p>A durable store hands back plain maps: their entries are read in one O(n) pass that leaves out keys no
 * loaded rule uses, and changed as a plain map (the persistent form would cost O(n log n) per event of a store
 * that hands back a new map every time). Keys at the top level other than {@value #ENTRIES} are the layout of
 * earlier versions, one entry per key, and are read as entries. Not thread-safe: each run has its own.
 */
final class EngineData {
    /** The top-level key under which the entries are committed. */
    static final String ENTRIES = "entries";

    private CompiledGame game;
    private Map<String, Object> loaded;
    /** What the run reads: the loaded entries, or the changed ones. */
    private Map<String, Object> entries;
    /** Whether {@link #entries} is a {@code HashMap} of this run's, changed in place. */
    private boolean owned;
    /** Whether the committed map must differ from the loaded one. */
    private boolean changed;
    /** Whether {@link #entries} may hold keys the game does not keep. */
    private boolean unfiltered;

    /**
     * Starts a run on what the player's record holds.
     *
     * @throws IllegalStateException when {@value #ENTRIES} holds something other than a map
     */
    void load(Map<String, Object> stored, CompiledGame game) {
        this.game = game;
        this.loaded = stored;
        owned = changed = unfiltered = false;
        if (stored.isEmpty()) {
            entries = Map.of();
        } else if (stored.size() == 1 && stored.get(ENTRIES) instanceof Kept kept) {
            entries = kept.entries;
            changed = unfiltered = kept.keysOf != game.dataKeysId();
        } else {
            entries = keptCopy(stored);
            owned = changed = true;
        }
    }

    /** The entries of a plain map, as a {@code HashMap} without the keys the game does not keep. */
    private Map<String, Object> keptCopy(Map<String, Object> stored) {
        Map<String, Object> copy = new HashMap<>();
        Object nested = null;
        for (Map.Entry<String, Object> entry : stored.entrySet()) {
            if (entry.getKey().equals(ENTRIES)) {
                nested = entry.getValue();
            } else {
                keep(copy, entry.getKey(), entry.getValue());
            }
        }
        if (nested instanceof Map<?, ?> map) {
            map.forEach((key, value) -> keep(copy, key, value));
        } else if (nested != null) {
            throw new IllegalStateException("the player's engine data holds " + nested.getClass().getName()
                    + " under '" + ENTRIES + "', not a map from keys to aggregates and limit counters");
        }
        return copy;
    }

    private void keep(Map<String, Object> copy, Object key, Object value) {
        if (key instanceof String name && value != null && game.keepsData(name)) {
            copy.put(name, value);
        }
    }

    /** @return the value under {@code key}, or {@code null} when the player has none */
    Object get(String key) {
        return entries.get(key);
    }

    /** Sets the value under {@code key}, a key the game keeps; {@code value} is not {@code null}. */
    void put(String key, Object value) {
        if (owned) {
            entries.put(key, value);
        } else if (entries instanceof PMap<String, Object> persistent) {
            entries = persistent.plus(key, value);
        } else { // none yet, or committed plain entries (read from a plain map) that the store handed back as is
            entries = TreePMap.<String, Object>from(entries).plus(key, value);
        }
        changed = true;
    }

    /** @return the engine data to commit; call once, when the run is over */
    Map<String, Object> committed() {
        if (!changed) {
            return loaded;
        }
        Map<String, Object> kept = unfiltered ? withoutDropped(entries) : entries;
        return kept.isEmpty() ? Map.of() : Map.of(ENTRIES, new Kept(kept, game.dataKeysId()));
    }

    private Map<String, Object> withoutDropped(Map<String, Object> all) {
        List<String> dropped = new ArrayList<>();
        for (String key : all.keySet()) {
            if (!game.keepsData(key)) {
                dropped.add(key);
            }
        }
        if (dropped.isEmpty()) {
            return all;
        }
        if (all instanceof PMap<String, Object> persistent) {
            return persistent.minusAll(dropped);
        }
        Map<String, Object> kept = new HashMap<>(all);
        kept.keySet().removeAll(dropped);
        return kept;
    }

    /** Drops what the run referred to. */
    void release() {
        game = null;
        loaded = entries = null;
    }

    /**
     * The committed entries: a read-only map that remembers which game's keys it holds. Immutable: nothing
     * changes the map it wraps once committed. Java serialisation writes a plain {@code LinkedHashMap}, which
     * reads back as a durable store's map.
     */
    static final class Kept extends AbstractMap<String, Object> implements Serializable {
        private final transient Map<String, Object> entries;
        /** {@link CompiledGame#dataKeysId()} of the game the entries were filtered for. */
        private final transient long keysOf;

        Kept(Map<String, Object> entries, long keysOf) {
            this.entries = entries;
            this.keysOf = keysOf;
        }

        @Serial
        private Object writeReplace() {
            return new LinkedHashMap<>(entries);
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public Object get(Object key) {
            return entries.get(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Collections.unmodifiableMap(entries).entrySet();
        }
    }
}
