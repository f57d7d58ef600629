package dev.ludus.benchmarks;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.Update;
import dev.ludus.benchmarks.HandWrittenBaseline.Rule;
import dev.ludus.benchmarks.ReferenceWorkload.RuleSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * {@link HandWrittenBaseline}'s work plus what the engine's contract obliges every tracked event of the reference
 * workload to do, written by hand for exactly its rules and events: a plain, lean implementation of the contract
 * against which the engine's own overhead is measured (see {@code docs/performance.md}, "The contract's floor").
 * It is not a proven lower bound.
 *
 * <p>Beyond the baseline's work (the same loop over the candidates; XP and the level on the default curve; coins),
 * each event gets what SPEC sections 2 and 5-9 and the {@code PlayerStore} SPI ask for:
 * <ul>
 *   <li>an event id, a random (version 4) UUID in canonical form, and, when history is kept, the time from the
 *       clock (nothing else here reads it);</li>
 *   <li>SPEC 2's limits, lengths counted in UTF-16 chars (the engine counts code points and also checks for
 *       unpaired surrogates and a given event id): player and event type non-blank, at most 256 and 128 chars, no
 *       control characters; property values strings (at most 65,536 chars), finite numbers, booleans,
 *       {@code null}, lists and maps of those, nested at most 8 deep, at most 256 keys in all;</li>
 *   <li>a new immutable snapshot of the player (version, XP, level, coins: fields, as a developer would write for
 *       these rules), committed under the player's lock only if no other commit came between its load and its
 *       commit, so that readers and retries always see whole states; at most {@value #MAX_ATTEMPTS} attempts (the
 *       engine's default of 16 retries), then {@code CONFLICT};</li>
 *   <li>an {@link EventResult} with the rules triggered, the actions executed and the typed {@link Update}s, equal
 *       to the engine's; the lists of rule ids are shared between events that fire the same rules, and those of
 *       actions between events that fire as many, as the engine shares them;</li>
 *   <li>the player's newest {@code historyPerPlayer} entries, kept in the player's slot as numbers (version, time,
 *       a generated id's halves) and references to what the event and the result already hold (a given id, event
 *       type, properties, the shared list of rule ids), so that keeping an entry allocates nothing. This is the
 *       plain layout: each commit writes into its player's ring, memory no commit has touched since that player's
 *       previous event. The engine's store writes all players' entries into one log in commit order instead
 *       (and compacts it), which costs far less memory traffic; this floor's number at history 100 is therefore
 *       not a floor for the history.</li>
 * </ul>
 * It leaves out what these events never use (idempotency keys, profiles, subscribers: an event that carries a key
 * or a profile is refused with {@link IllegalArgumentException}), finding an event by id, and all of the engine's
 * generality (compiled conditions, limits, engine data, other actions).
 *
 * <p>Thread-safe: a player's commit and its history reads hold that player's lock.
 */
public final class ContractFloor {
    private static final int MAX_ATTEMPTS = 17;
    private static final int MAX_USER_LENGTH = 256;
    private static final int MAX_TYPE_LENGTH = 128;
    private static final int MAX_STRING_LENGTH = 65_536;
    private static final int MAX_DEPTH = 8;
    private static final int MAX_KEYS = 256;
    private static final String RULE_SET_VERSION = "1";
    private static final String XP_ACTION = "grant_xp";
    private static final String CURRENCY_ACTION = "grant_currency";

    private final Map<String, Type> types;
    private final ConcurrentHashMap<String, Slot> players = new ConcurrentHashMap<>();
    private final Function<String, Slot> newSlot;
    private final int historyPerPlayer;
    private final Clock clock = Clock.systemUTC();
    /** {@code actions.get(n)}: the actions executed when {@code n} rules fire. */
    private final List<List<String>> actions;
    /** The updates of the event being tracked, reused by the thread. */
    private final ThreadLocal<List<Update>> scratch = ThreadLocal.withInitial(ArrayList::new);

    /**
     * @param rules            the rules, in document order (which is also their execution order)
     * @param historyPerPlayer the history entries kept per player, 0 for none
     * @throws IllegalArgumentException when {@code historyPerPlayer} is negative, or an event type has more than 32
     *                                  rules
     */
    public ContractFloor(List<RuleSpec> rules, int historyPerPlayer) {
        if (historyPerPlayer < 0) {
            throw new IllegalArgumentException("historyPerPlayer must be >= 0, was " + historyPerPlayer);
        }
        Map<String, Type> index = new HashMap<>();
        int most = 0;
        for (Map.Entry<String, Rule[]> type : HandWrittenBaseline.rulesByType(rules).entrySet()) {
            if (type.getValue().length > Integer.SIZE) {
                throw new IllegalArgumentException("event type " + type.getKey() + " has "
                        + type.getValue().length + " rules; at most " + Integer.SIZE + " are supported");
            }
            index.put(type.getKey(), new Type(type.getValue()));
            most = Math.max(most, type.getValue().length);
        }
        List<List<String>> byCount = new ArrayList<>();
        for (int n = 0; n <= most; n++) {
            String[] names = new String[2 * n];
            for (int i = 0; i < n; i++) {
                names[2 * i] = XP_ACTION;
                names[2 * i + 1] = CURRENCY_ACTION;
            }
            byCount.add(List.of(names));
        }
        this.types = index;
        this.actions = List.copyOf(byCount);
        this.historyPerPlayer = historyPerPlayer;
        this.newSlot = id -> new Slot(historyPerPlayer);
    }

    /**
     * Validates the event, applies every rule it satisfies to a new snapshot of its player, commits it with a
     * history entry, and returns the result.
     *
     * @param event an event without an idempotency key or a profile
     * @return {@code processed} with what changed, {@code rejected} with {@code INVALID_EVENT} naming the first
     *         invalid field, or {@code failed} with {@code CONFLICT} after {@value #MAX_ATTEMPTS} lost races
     * @throws IllegalArgumentException when the event has an idempotency key or a profile
     */
    public EventResult track(Event event) {
        if (event.idempotencyKey() != null || !event.profile().isEmpty()) {
            throw new IllegalArgumentException("the contract floor keeps no idempotency keys or profiles");
        }
        long idHigh = 0;
        long idLow = 0;
        String eventId = event.eventId();
        if (eventId == null) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            idHigh = (random.nextLong() & ~0xF000L) | 0x4000L;
            idLow = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
            eventId = new UUID(idHigh, idLow).toString();
        }
        String user = event.externalUserId();
        String eventType = event.eventType();
        String invalid = invalidField(event);
        if (invalid != null) {
            return EventResult.error(eventId, user, eventType, EventStatus.REJECTED, RULE_SET_VERSION,
                    ErrorCode.INVALID_EVENT, invalid + " is invalid");
        }
        Instant timestamp = historyPerPlayer == 0 ? null
                : event.timestamp() != null ? event.timestamp() : clock.instant();
        Slot slot = players.get(user);
        if (slot == null) {
            slot = players.computeIfAbsent(user, newSlot);
        }
        Type type = types.get(eventType);
        Map<String, Object> properties = event.properties();
        Object score = properties.get("score");
        List<Update> updates = scratch.get();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Player before = slot.player;
            long xp = before.xp;
            int level = before.level;
            long coins = before.coins;
            int fired = 0;
            int count = 0;
            if (type != null && score instanceof Number number) {
                double scoreValue = number.doubleValue();
                Object category = properties.get("category");
                Rule[] candidates = type.rules;
                for (int i = 0; i < candidates.length; i++) {
                    Rule rule = candidates[i];
                    if (scoreValue >= rule.minScore && rule.category.equals(category)) {
                        fired |= 1 << i;
                        count++;
                        xp = HandWrittenBaseline.saturatedAdd(xp, rule.xp);
                        int newLevel = HandWrittenBaseline.levelFor(xp, level);
                        updates.add(new Update.XpUpdated(xp, rule.xp, newLevel));
                        for (; level < newLevel; level++) {
                            updates.add(new Update.LevelUp(level, level + 1));
                        }
                        coins += rule.coins;
                        updates.add(new Update.CurrencyUpdated(ReferenceWorkload.CURRENCY, coins, rule.coins));
                    }
                }
            }
            List<String> ruleIds = count == 0 ? List.of() : type.ids(fired);
            EventResult result = new EventResult(eventId, user, eventType, EventStatus.PROCESSED, RULE_SET_VERSION,
                    ruleIds, actions.get(count), List.of(), List.of(), List.copyOf(updates), null, null);
            updates.clear();
            Player after = new Player(before.version + 1, xp, level, coins);
            String givenId = idHigh == 0 ? eventId : null;
            if (slot.commit(before, after, idHigh, idLow, givenId, eventType, timestamp, properties, ruleIds)) {
                return result;
            }
        }
        return EventResult.error(eventId, user, eventType, EventStatus.FAILED, RULE_SET_VERSION, ErrorCode.CONFLICT,
                "player '" + user + "' was changed concurrently " + MAX_ATTEMPTS + " times in a row");
    }

    /**
     * @param externalUserId a player
     * @return the player's committed snapshot: version, XP, level and coins (0, 0, 1, 0 for a new player)
     */
    public long[] snapshot(String externalUserId) {
        Slot slot = players.get(externalUserId);
        Player player = slot == null ? Player.NEW : slot.player;
        return new long[] {player.version, player.xp, player.level, player.coins};
    }

    /**
     * @param externalUserId a player
     * @return the player's kept history entries, oldest first
     */
    public List<HistoryEntry> history(String externalUserId) {
        Slot slot = players.get(externalUserId);
        return slot == null ? List.of() : slot.history(externalUserId, actions);
    }

    /** @return the name of the first invalid field, or {@code null} when the event is valid */
    private static String invalidField(Event event) {
        if (!validName(event.externalUserId(), MAX_USER_LENGTH)) {
            return "externalUserId";
        }
        if (!validName(event.eventType(), MAX_TYPE_LENGTH)) {
            return "eventType";
        }
        int[] keys = {0};
        for (Map.Entry<String, Object> property : event.properties().entrySet()) {
            if (!validValue(property.getValue(), 1, keys) || ++keys[0] > MAX_KEYS) {
                return "properties." + property.getKey();
            }
        }
        return null;
    }

    private static boolean validName(String name, int maxLength) {
        if (name == null || name.isBlank() || name.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** @param keys the keys counted so far, in its one element; maps' keys are added */
    private static boolean validValue(Object value, int depth, int[] keys) {
        if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return true;
        }
        if (value instanceof String text) {
            return text.length() <= MAX_STRING_LENGTH;
        }
        if (value instanceof Number number) {
            return Double.isFinite(number.doubleValue());
        }
        if (depth >= MAX_DEPTH) {
            return false;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!validValue(element, depth + 1, keys)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                keys[0]++;
                if (!(entry.getKey() instanceof String) || keys[0] > MAX_KEYS
                        || !validValue(entry.getValue(), depth + 1, keys)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** An event type's rules, and the lists of ids of the combinations of them that fired, by bit mask. */
    private static final class Type {
        final Rule[] rules;
        final Map<Integer, List<String>> ids = new ConcurrentHashMap<>();

        Type(Rule[] rules) {
            this.rules = rules;
        }

        List<String> ids(int fired) {
            List<String> shared = ids.get(fired);
            return shared != null ? shared : ids.computeIfAbsent(fired, this::idsOf);
        }

        private List<String> idsOf(int fired) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < rules.length; i++) {
                if ((fired & 1 << i) != 0) {
                    out.add(rules[i].id);
                }
            }
            return List.copyOf(out);
        }
    }

    /** An immutable snapshot of a player. */
    private record Player(long version, long xp, int level, long coins) {
        static final Player NEW = new Player(0, 0, 1, 0);
    }

    /**
     * A player's committed snapshot and history ring; commits and history reads hold its lock, reads of the
     * snapshot do not. Entry {@code i} of the ring is {@code numbers[5i..5i+4]} (version, epoch second, nano, the
     * generated id's two halves) and {@code references[4i..4i+3]} (the id when the event brought its own, event
     * type, properties, rule ids).
     */
    private static final class Slot {
        private volatile Player player = Player.NEW;
        private final int limit;
        private final long[] numbers;
        private final Object[] references;
        /** The ring index of the next entry. */
        private int next;
        private int kept;

        Slot(int limit) {
            this.limit = limit;
            this.numbers = new long[5 * limit];
            this.references = new Object[4 * limit];
        }

        /** @return whether {@code after} was committed: no other commit came after {@code before} was read */
        synchronized boolean commit(Player before, Player after, long idHigh, long idLow, String givenId,
                                    String eventType, Instant timestamp, Map<String, Object> properties,
                                    List<String> ruleIds) {
            if (player != before) {
                return false;
            }
            player = after;
            if (limit > 0) {
                numbers[5 * next] = after.version;
                numbers[5 * next + 1] = timestamp.getEpochSecond();
                numbers[5 * next + 2] = timestamp.getNano();
                numbers[5 * next + 3] = idHigh;
                numbers[5 * next + 4] = idLow;
                references[4 * next] = givenId;
                references[4 * next + 1] = eventType;
                references[4 * next + 2] = properties;
                references[4 * next + 3] = ruleIds;
                next = next + 1 == limit ? 0 : next + 1;
                kept = Math.min(kept + 1, limit);
            }
            return true;
        }

        @SuppressWarnings("unchecked")
        synchronized List<HistoryEntry> history(String user, List<List<String>> actions) {
            List<HistoryEntry> entries = new ArrayList<>(kept);
            for (int k = kept; k > 0; k--) {
                int i = (next - k + limit) % limit;
                List<String> ruleIds = (List<String>) references[4 * i + 3];
                String id = references[4 * i] != null ? (String) references[4 * i]
                        : new UUID(numbers[5 * i + 3], numbers[5 * i + 4]).toString();
                entries.add(new HistoryEntry(id, user, (String) references[4 * i + 1],
                        Instant.ofEpochSecond(numbers[5 * i + 1], numbers[5 * i + 2]), numbers[5 * i],
                        (Map<String, Object>) references[4 * i + 2], ruleIds, actions.get(ruleIds.size())));
            }
            return entries;
        }
    }
}
