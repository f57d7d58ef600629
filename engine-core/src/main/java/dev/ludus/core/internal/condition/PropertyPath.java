package dev.ludus.core.internal.condition;

import dev.ludus.api.spi.EvaluationContext;
import dev.ludus.core.internal.util.JsonValues;
import java.util.List;
import java.util.Map;

/**
 * A compiled dot path into event properties ({@code order.total}, {@code items.0.sku}). A numeric segment
 * indexes an array; on an object it is an ordinary key. Immutable and thread-safe.
 */
public final class PropertyPath {
    /** What {@link #resolve} returns for a path that leads nowhere (distinct from a JSON {@code null}). */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    private final String text;
    private final String[] keys;
    private final int[] indexes;
    private final int slot;

    private PropertyPath(String text, String[] keys, int[] indexes, int slot) {
        this.text = text;
        this.keys = keys;
        this.indexes = indexes;
        this.slot = slot;
    }

    /** @return this path with a slot in the per-event cache of a compiled game (see {@link Lookup}) */
    public PropertyPath withSlot(int slot) {
        return new PropertyPath(text, keys, indexes, slot);
    }

    /** @return the slot of this path in the per-event cache, or -1 when it has none */
    public int slot() {
        return slot;
    }

    /**
     * Where a compiled game's paths are resolved at most once per event: evaluating contexts that implement
     * it cache each slotted path's value, so twenty rules testing {@code score} read the map once.
     */
    public interface Lookup {
        /** @return the value at {@code path} for the event being evaluated, possibly {@link #MISSING} */
        Object lookup(PropertyPath path);
    }

    /** Interns paths while a game compiles, giving each distinct one a slot. */
    public interface Registry {
        /** @return the compiled path for {@code text}, shared by every condition naming it */
        PropertyPath path(String text);
    }

    /** @return the value at this path for the event of {@code context}, possibly {@code null} or {@link #MISSING} */
    public Object value(EvaluationContext context) {
        return slot >= 0 && context instanceof Lookup lookup ? lookup.lookup(this)
                : resolve(context.properties());
    }

    /**
     * @return the compiled path
     * @throws IllegalArgumentException when the path is blank or has an empty segment
     */
    public static PropertyPath parse(String path) {
        String[] keys = path.split("\\.", -1);
        int[] indexes = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].isEmpty()) {
                throw new IllegalArgumentException("property path '" + JsonValues.printable(path)
                        + "' has an empty segment");
            }
            indexes[i] = arrayIndex(keys[i]);
            // Interned: property names read from JSON and written in Java source are interned strings too,
            // so a map lookup usually matches by identity before comparing characters.
            keys[i] = keys[i].intern();
        }
        return new PropertyPath(path, keys, indexes, -1);
    }

    private static int arrayIndex(String key) {
        if (key.length() > 9) {
            return -1;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(key);
    }

    /** @return the value at this path, possibly {@code null}, or {@link #MISSING} */
    public Object resolve(Map<String, Object> properties) {
        Object current = properties;
        for (int i = 0; i < keys.length; i++) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(keys[i]);
                if (current == null && !map.containsKey(keys[i])) {
                    return MISSING;
                }
            } else if (current instanceof List<?> list && indexes[i] >= 0 && indexes[i] < list.size()) {
                current = list.get(indexes[i]);
            } else {
                return MISSING;
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return text;
    }
}
