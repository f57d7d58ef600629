package dev.ludus.core.internal.compile;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Condition or action types by name and alias, looked up case-insensitively. Built-in and custom types
 * register the same way. Immutable once built.
 */
public final class TypeRegistry<T> {
    private final String kind;
    private final Map<String, T> byName = new HashMap<>();
    private final Set<String> canonicalNames = new TreeSet<>();

    /**
     * @param kind   "condition" or "action", for messages
     * @param types  the types, built-ins first
     * @param name   the type's canonical name
     * @param alias  the type's aliases
     * @throws IllegalStateException when two types claim the same name
     */
    public TypeRegistry(String kind, Iterable<? extends T> types, Function<T, String> name,
                        Function<T, Set<String>> alias) {
        this.kind = kind;
        for (T type : types) {
            String canonical = key(name.apply(type));
            register(canonical, type);
            canonicalNames.add(canonical);
            for (String a : alias.apply(type)) {
                register(key(a), type);
            }
        }
    }

    private void register(String key, T type) {
        T previous = byName.putIfAbsent(key, type);
        if (previous != null) {
            throw new IllegalStateException(kind + " type name '" + key + "' is registered twice (by "
                    + previous.getClass().getName() + " and " + type.getClass().getName() + ")");
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** @return the type for a name or alias, any case, or {@code null} */
    public T find(String name) {
        return byName.get(key(name));
    }

    /** @return the canonical names, sorted, for "known: …" messages */
    public String known() {
        return String.join(", ", canonicalNames);
    }
}
