package dev.ludus.core.internal.compile;

import dev.ludus.api.GameInfo;
import dev.ludus.core.internal.state.Catalog;
import dev.ludus.core.internal.condition.PropertyPath;
import dev.ludus.core.internal.history.Aggregate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Map;

/**
 * The immutable, thread-safe plan compiled from a game document: catalogs, rules, and the live rules
 * indexed by event type in run order.
 */
public final class CompiledGame {
    private static final Candidates NO_CANDIDATES = CandidateIndex.all(new CompiledRule[0]);
    private final GameInfo info;
    private final Catalog catalog;
    private final List<CompiledRule> rules;
    /** By event type that a rule names or an aggregate counts: its rules (with the "*" ones) and aggregates. */
    private final Map<String, CandidateIndex> byEventType;
    private final Map<String, Candidates> derivedByEventType;
    /** Event types no rule names and no aggregate counts walk the {@code "*"} rules, without floors. */
    private final CandidateIndex wildcard;
    private static final AtomicLong DATA_KEYS_IDS = new AtomicLong();
    private final Set<String> dataKeys;
    /** Tells the players' engine data filtered for this game's {@link #dataKeys} from that of other games. */
    private final long dataKeysId = DATA_KEYS_IDS.incrementAndGet();
    private final int pathSlots;
    /** The lists of rule ids that results carry, one per combination of rules that fire. */
    private final RuleIdLists ruleIdLists;
    /**
     * Lists of action types that results have carried, shared by every result (and history entry) with the same
     * list: a game's actions run in few combinations, so most events allocate and keep none. Bounded: past
     * {@link #MAX_SHARED_LISTS} combinations new ones are no longer shared. Keyed by private {@code ArrayList}
     * copies: a look-up with an {@code ArrayList} (what the engine collects names in) then compares the two lists'
     * arrays instead of iterating an immutable list.
     */
    private final Map<List<String>, List<String>> sharedLists = new ConcurrentHashMap<>();
    private static final int MAX_SHARED_LISTS = 4096;

    CompiledGame(GameInfo info, Catalog catalog, List<CompiledRule> rules, Map<String, CandidateIndex> byEventType,
                 Map<String, CompiledRule[]> derivedByEventType, CompiledRule[] wildcard,
                 Map<String, Aggregate[]> aggregates, int pathSlots) {
        this.pathSlots = pathSlots;
        this.info = info;
        this.catalog = catalog;
        this.rules = List.copyOf(rules);
        this.ruleIdLists = new RuleIdLists(RuleIdLists.capacityFor(rules.size()), this::sharedList);
        this.wildcard = CandidateIndex.unsplit(CandidateIndex.all(wildcard));
        // HashMaps, not Map.copyOf: a lookup compares hashes before it touches a key, so a game with thousands
        // of event types does not read (and miss the cache on) the keys it probes past. One map for the rules and
        // the aggregates, so that an event finds both in one look-up.
        this.byEventType = new HashMap<>(byEventType);
        aggregates.forEach((type, fed) -> this.byEventType.put(type,
                this.byEventType.getOrDefault(type, this.wildcard).feeding(fed)));
        this.derivedByEventType = new HashMap<>();
        derivedByEventType.forEach((type, walk) -> this.derivedByEventType.put(type, CandidateIndex.all(walk)));
        // A HashSet, not Set.copyOf: keys such as "limit|a1", "limit|a2", … hash to neighbouring slots, and the
        // immutable set's linear probing then compares long runs of them (about 35 ns a look-up at 1,000 keys).
        this.dataKeys = Stream.concat(
                        aggregates.values().stream().flatMap(Arrays::stream).map(Aggregate::key),
                        rules.stream().filter(r -> r.limits() != null).map(CompiledGame::limitKey))
                .collect(Collectors.toCollection(HashSet::new));
    }

    public GameInfo info() {
        return info;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** @return every rule in document order, whatever its status */
    public List<CompiledRule> rules() {
        return rules;
    }

    /**
     * @return what an event of {@code eventType} feeds and, when it is tracked, walks: the aggregates it updates (a
     *         derived event too), and the live rules a tracked one triggers (its type's and {@code "*"}; a derived
     *         event walks {@link #derivedCandidates}), in run order (ascending priority, ties in document order),
     *         indexed and with their floors. Shared: never modify.
     */
    public CandidateIndex eventType(String eventType) {
        CandidateIndex rules = byEventType.get(eventType);
        return rules == null ? wildcard : rules;
    }

    /** @return the live rules for a derived event: only those naming its type ({@code "*"} does not match) */
    public Candidates derivedCandidates(String eventType) {
        Candidates rules = derivedByEventType.get(eventType);
        return rules == null ? NO_CANDIDATES : rules;
    }

    /** @return how many distinct property paths the game's conditions read (slots of the per-event cache) */
    public int pathSlots() {
        return pathSlots;
    }

    /**
     * @param fired rules of this game, in the order they fired; only read
     * @return their ids and action types as unmodifiable lists, the same instances for the same rules while the
     *         game's bounded table of shared lists has room
     */
    public FiredRules fired(List<CompiledRule> fired) {
        return ruleIdLists.find(fired);
    }

    /**
     * @param names action types, in order; only read
     * @return an unmodifiable list equal to {@code names}, the same instance for equal lists while the game's
     *         bounded table of shared lists has room
     */
    public List<String> sharedList(List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> shared = sharedLists.get(names);
        if (shared != null) {
            return shared;
        }
        List<String> copy = List.copyOf(names);
        if (sharedLists.size() >= MAX_SHARED_LISTS) {
            return copy;
        }
        shared = sharedLists.putIfAbsent(new ArrayList<>(copy), copy);
        return shared == null ? copy : shared;
    }

    /** @return the key of a limited rule's counters in a player's engine data */
    public static String limitKey(CompiledRule rule) {
        return "limit|" + rule.id();
    }

    /** @return whether a player's engine data under {@code key} is still used by a loaded rule */
    public boolean keepsData(String key) {
        return dataKeys.contains(key);
    }

    /**
     * @return a number that no other compiled game has: engine data marked with it holds only keys this game
     *         {@linkplain #keepsData keeps}
     */
    public long dataKeysId() {
        return dataKeysId;
    }

    /**
     * @return for explain: every rule whatever its status that the event would consider, in run order
     *         (for a derived event only rules naming its type)
     */
    public CompiledRule[] explainCandidates(String eventType, boolean derived) {
        return rules.stream()
                .filter(r -> derived ? r.eventTypes().contains(eventType) : r.triggeredBy(eventType))
                .sorted(GameCompiler.RUN_ORDER)
                .toArray(CompiledRule[]::new);
    }
}
