package dev.ludus.core.internal.expression;

import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.api.spi.EvaluationContext;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.SortedSet;

/**
 * The variables of SPEC section 10, read from an {@link EvaluationContext}: each property by its name,
 * {@code properties}, {@code event} and {@code player}. The three reserved names win over properties of
 * the same name (read those as {@code properties.event}). Every value handed out is unmodifiable and has
 * the same shape in the sandbox and in MVEL: whole numbers are {@code Long}, other numbers {@code Double}.
 *
 * <p>One instance serves one evaluation and builds {@code event} and {@code player} only when read.
 * Not thread-safe.
 */
final class Variables {
    static final String PROPERTIES = "properties";
    static final String EVENT = "event";
    static final String PLAYER = "player";
    static final Set<String> RESERVED = Set.of(PROPERTIES, EVENT, PLAYER);

    private final EvaluationContext context;
    private Map<String, Object> event;
    private Map<String, Object> player;

    Variables(EvaluationContext context) {
        this.context = context;
    }

    /** @return the event's properties, unmodifiable */
    Map<String, Object> properties() {
        return context.properties();
    }

    /** @return whether a root variable of that name exists for this evaluation */
    boolean has(String name) {
        return RESERVED.contains(name) || context.properties().containsKey(name);
    }

    /**
     * @return the value of the root variable {@code name}
     * @throws MissingVariableException when there is none
     */
    Object get(String name) {
        switch (name) {
            case PROPERTIES:
                return context.properties();
            case EVENT:
                return event();
            case PLAYER:
                return player();
            default:
                return property(context.properties(), name);
        }
    }

    /** @return the property {@code name}, possibly {@code null} */
    static Object property(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        if (value == null && !properties.containsKey(name)) {
            throw new MissingVariableException(name);
        }
        return value;
    }

    Map<String, Object> event() {
        if (event == null) {
            Map<String, Object> map = new LinkedHashMap<>(4);
            map.put("eventType", context.eventType());
            map.put("externalUserId", context.externalUserId());
            map.put("timestamp", context.timestamp().toEpochMilli());
            event = Collections.unmodifiableMap(map);
        }
        return event;
    }

    Map<String, Object> player() {
        if (player == null) {
            player = playerView(context.player());
        }
        return player;
    }

    /** @return every variable in one unmodifiable map, as MVEL reads them in {@code TRUSTED} mode */
    Map<String, Object> asMap() {
        Map<String, Object> all = new HashMap<>(context.properties());
        all.put(PROPERTIES, context.properties());
        all.put(EVENT, event());
        all.put(PLAYER, player());
        return Collections.unmodifiableMap(all);
    }

    private static Map<String, Object> playerView(PlayerState state) {
        Map<String, Object> map = new LinkedHashMap<>(8);
        map.put("xp", state.xp());
        map.put("level", (long) state.level());
        map.put("currencies", new Balances(state.currencies()));
        map.put("badges", new Badges(state.badges()));
        map.put("quests", new Quests(state.quests()));
        map.put("attributes", state.attributes());
        return Collections.unmodifiableMap(map);
    }

    /**
     * The player's balances as expressions read them: a currency the player never held reads as 0, as a balance
     * starts (SPEC section 3) and as the typed player conditions read it. Iterating, {@code size} and
     * {@code isEmpty} see only the balances the player holds.
     */
    private static final class Balances extends AbstractMap<String, Long> {
        private final Map<String, Long> held;

        Balances(Map<String, Long> held) {
            this.held = held;
        }

        @Override
        public Long get(Object currency) {
            Long balance = held.get(currency);
            return balance != null || !(currency instanceof String) ? balance : 0L;
        }

        @Override
        public boolean containsKey(Object currency) {
            return currency instanceof String;
        }

        @Override
        public Set<Entry<String, Long>> entrySet() {
            return held.entrySet();
        }
    }

    /**
     * The player's badges as expressions read them, a list in id order: copied into one only when read by index
     * (copying them whenever an expression read {@code player} cost 20 µs per evaluation at 5,000 badges);
     * {@code contains} and {@code size} read the player's set.
     */
    private static final class Badges extends AbstractList<String> implements RandomAccess {
        private final SortedSet<String> badges;
        private List<String> list;

        Badges(SortedSet<String> badges) {
            this.badges = badges;
        }

        @Override
        public String get(int index) {
            if (list == null) {
                list = List.copyOf(badges);
            }
            return list.get(index);
        }

        @Override
        public int size() {
            return badges.size();
        }

        @Override
        public boolean contains(Object badge) {
            return badges.contains(badge);
        }

        @Override
        public Iterator<String> iterator() {
            return badges.iterator();
        }
    }

    /**
     * The player's quests as expressions read them, each quest's view made when it is read: building them all
     * whenever an expression read {@code player} cost 77 µs per evaluation for a player with 1,000 quests.
     */
    private static final class Quests extends AbstractMap<String, Object> {
        private final Map<String, QuestState> quests;

        Quests(Map<String, QuestState> quests) {
            this.quests = quests;
        }

        @Override
        public Object get(Object id) {
            QuestState quest = quests.get(id);
            return quest == null ? null : questView(quest);
        }

        @Override
        public boolean containsKey(Object id) {
            return quests.containsKey(id);
        }

        @Override
        public int size() {
            return quests.size();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return quests.entrySet().stream().<Entry<String, Object>>map(
                            q -> new SimpleImmutableEntry<>(q.getKey(), questView(q.getValue()))).iterator();
                }

                @Override
                public int size() {
                    return quests.size();
                }
            };
        }
    }

    private static Map<String, Object> questView(QuestState quest) {
        Map<String, Object> map = new LinkedHashMap<>(4);
        map.put("progress", quest.progress());
        map.put("target", quest.target());
        map.put("completed", quest.completed());
        map.put("completions", quest.completions());
        return Collections.unmodifiableMap(map);
    }
}
