package dev.ludus.benchmarks;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.Update;
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

/**
 * The hand-written floor of {@link HandWrittenBaseline} plus what the engine's contract obliges every tracked
 * event to do, written by hand for exactly the reference workload's rules: the cheapest code that keeps the
 * contract, against which the engine's own overhead is measured (see {@code docs/performance.md}, "The
 * contract's floor").
 *
 * <p>Beyond the baseline's work (match the candidates, add XP and recompute the level on the default curve,
 * add coins), each event gets what SPEC sections 5-9 and the {@code PlayerStore} SPI ask for:
 * <ul>
 *   <li>an event id, a random UUID in canonical form, and the time from the clock;</li>
 *   <li>validation of the player, the event type and the properties (length bounds, value types);</li>
 *   <li>a new immutable snapshot of the player (version, XP, level, coins: fields, as a developer would write
 *       for these rules, not maps), committed only if no other commit came between its load and its commit, so
 *       readers and retries always see whole states;</li>
 *   <li>an {@link EventResult} with the rules triggered, the actions executed and the typed {@link Update}s;</li>
 *   <li>a {@link HistoryEntry} kept in the player's ring of the last {@code historyPerPlayer} entries.</li>
 * </ul>
 * It leaves out all of the engine's generality: no compiled conditions, no candidate index beyond a map by
 * event type, no limits, no engine data, no listeners, no idempotency keys.
 *
 * <p>Thread-safe: a player's commit holds that player's lock.
 */
public final class ContractFloor {
    private static final int MAX_TEXT_LENGTH = 256;
    private static final int MAX_PROPERTIES = 64;
    private static final String XP_ACTION = "grant_xp";
    private static final String CURRENCY_ACTION = "grant_currency";

    private final Map<String, Rule[]> rulesByType;
    private final Map<String, Slot> players = new ConcurrentHashMap<>();
    private final int historyPerPlayer;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param rules            the rules, in document order (which is also their execution order)
     * @param historyPerPlayer the history entries kept per player, 0 for none
     */
    public ContractFloor(List<RuleSpec> rules, int historyPerPlayer) {
        if (historyPerPlayer < 0) {
            throw new IllegalArgumentException("historyPerPlayer must be >= 0, was " + historyPerPlayer);
        }
        Map<String, List<Rule>> byType = new HashMap<>();
        for (RuleSpec spec : rules) {
            byType.computeIfAbsent(spec.eventType(), t -> new ArrayList<>())
                    .add(new Rule(spec.id(), spec.minScore(), spec.category(), spec.xp(), spec.coins()));
        }
        Map<String, Rule[]> index = new HashMap<>();
        byType.forEach((type, list) -> index.put(type, list.toArray(new Rule[0])));
        this.rulesByType = index;
        this.historyPerPlayer = historyPerPlayer;
    }

    /**
     * Validates the event, applies every rule it satisfies to a new snapshot of its player, commits it with a
     * history entry, and returns the result.
     *
     * @param event an event
     * @return {@code processed} with what changed, or {@code rejected} with {@code INVALID_EVENT}
     */
    public EventResult track(Event event) {
        String eventId = event.eventId() != null ? event.eventId() : newEventId();
        Instant timestamp = event.timestamp() != null ? event.timestamp() : clock.instant();
        String invalid = invalidField(event);
        if (invalid != null) {
            return EventResult.error(eventId, event.externalUserId(), event.eventType(), EventStatus.REJECTED, "1",
                    ErrorCode.INVALID_EVENT, invalid + " is invalid");
        }
        Slot slot = players.computeIfAbsent(event.externalUserId(), id -> new Slot(historyPerPlayer));
        while (true) {
            Player before = slot.player;
            Applied applied = apply(before, event.eventType(), event.properties());
            EventResult result = new EventResult(eventId, event.externalUserId(), event.eventType(),
                    EventStatus.PROCESSED, "1", applied.rules, applied.actions, List.of(), List.of(),
                    applied.updates, null, null);
            HistoryEntry entry = historyPerPlayer == 0 ? null : new HistoryEntry(eventId, event.externalUserId(),
                    event.eventType(), timestamp, applied.after.version, event.properties(), applied.rules,
                    applied.actions);
            if (slot.commit(before, applied.after, entry)) {
                return result;
            }
        }
    }

    /**
     * @param externalUserId a player
     * @return the player's committed snapshot: version, XP, level and coins (all 0 and level 1 for a new player)
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
        return slot == null ? List.of() : slot.history();
    }

    private static String newEventId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb).toString();
    }

    /** @return the name of the first invalid field, or {@code null} when the event is valid */
    private static String invalidField(Event event) {
        if (!validText(event.externalUserId())) {
            return "externalUserId";
        }
        if (!validText(event.eventType())) {
            return "eventType";
        }
        Map<String, Object> properties = event.properties();
        if (properties.size() > MAX_PROPERTIES) {
            return "properties";
        }
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            Object value = property.getValue();
            if (!validText(property.getKey())
                    || !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                return "properties." + property.getKey();
            }
        }
        return null;
    }

    private static boolean validText(String text) {
        return text != null && !text.isEmpty() && text.length() <= MAX_TEXT_LENGTH;
    }

    private Applied apply(Player before, String eventType, Map<String, Object> properties) {
        Rule[] candidates = rulesByType.get(eventType);
        Object score = properties.get("score");
        if (candidates == null || !(score instanceof Number number)) {
            return new Applied(before.next(before.xp, before.level, before.coins), List.of(), List.of(), List.of());
        }
        double scoreValue = number.doubleValue();
        Object category = properties.get("category");
        long xp = before.xp;
        int level = before.level;
        long coins = before.coins;
        List<String> rules = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        for (Rule rule : candidates) {
            if (scoreValue >= rule.minScore && rule.category.equals(category)) {
                rules.add(rule.id);
                xp = HandWrittenBaseline.saturatedAdd(xp, rule.xp);
                int newLevel = HandWrittenBaseline.levelFor(xp, level);
                updates.add(new Update.XpUpdated(xp, rule.xp, newLevel));
                for (; level < newLevel; level++) {
                    updates.add(new Update.LevelUp(level, level + 1));
                }
                coins += rule.coins;
                updates.add(new Update.CurrencyUpdated(ReferenceWorkload.CURRENCY, coins, rule.coins));
                actions.add(XP_ACTION);
                actions.add(CURRENCY_ACTION);
            }
        }
        return new Applied(before.next(xp, level, coins), rules, actions, updates);
    }

    private record Applied(Player after, List<String> rules, List<String> actions, List<Update> updates) {
    }

    private record Rule(String id, double minScore, String category, long xp, long coins) {
    }

    /** An immutable snapshot of a player. */
    private record Player(long version, long xp, int level, long coins) {
        static final Player NEW = new Player(0, 0, 1, 0);

        Player next(long newXp, int newLevel, long newCoins) {
            return new Player(version + 1, newXp, newLevel, newCoins);
        }
    }

    /** A player's committed snapshot and history ring; commits hold its lock, reads of the snapshot do not. */
    private static final class Slot {
        private volatile Player player = Player.NEW;
        private final HistoryEntry[] ring;
        private int next;
        private int kept;

        Slot(int historyPerPlayer) {
            ring = new HistoryEntry[historyPerPlayer];
        }

        /** @return whether {@code after} was committed: no other commit came after {@code before} was read */
        synchronized boolean commit(Player before, Player after, HistoryEntry entry) {
            if (player != before) {
                return false;
            }
            player = after;
            if (entry != null) {
                ring[next] = entry;
                next = next + 1 == ring.length ? 0 : next + 1;
                kept = Math.min(kept + 1, ring.length);
            }
            return true;
        }

        synchronized List<HistoryEntry> history() {
            List<HistoryEntry> entries = new ArrayList<>();
            for (int i = kept; i > 0; i--) {
                entries.add(ring[(next - i + ring.length) % ring.length]);
            }
            return entries;
        }
    }
}
