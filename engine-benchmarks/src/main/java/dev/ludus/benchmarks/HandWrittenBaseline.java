package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleEngine;
import dev.ludus.benchmarks.ReferenceWorkload.RuleSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The floor for the reference workload: what a developer would write by hand for exactly these rules.
 * Rules are indexed by event type, their conditions are fields, and player state is a {@link HashMap} of
 * small mutable objects. It does the work the rules ask for — match the candidates, add XP and recompute
 * the level on the default exponential curve, add coins, bump the player's version — and reports how
 * many rules fired. It has none of the engine's generality: no validation, no event ids, no result
 * object, no history, no atomic commit.
 *
 * <p>Not thread-safe.
 */
public final class HandWrittenBaseline {
    // SPEC 3: the default curve when a game declares no levels.
    private static final int MAX_LEVEL = 100;
    private static final double BASE_XP = 100;
    private static final double FACTOR = 2.0;

    /** {@code LEVEL_XP[n - 1]} is the total XP needed for level {@code n}, saturated at {@link Long#MAX_VALUE}. */
    private static final long[] LEVEL_XP = levelThresholds();

    private final Map<String, Rule[]> rulesByType;
    private final Map<String, Player> players = new HashMap<>();

    /**
     * @param rules the rules, in document order (which is also their execution order: all have the default priority)
     */
    public HandWrittenBaseline(List<RuleSpec> rules) {
        this.rulesByType = rulesByType(rules);
    }

    /**
     * @param rules the rules, in document order
     * @return each event type's rules, in document order
     */
    static Map<String, Rule[]> rulesByType(List<RuleSpec> rules) {
        Map<String, List<Rule>> byType = new HashMap<>();
        for (RuleSpec spec : rules) {
            byType.computeIfAbsent(spec.eventType(), t -> new ArrayList<>())
                    .add(new Rule(spec.id(), spec.minScore(), spec.category(), spec.xp(), spec.coins()));
        }
        Map<String, Rule[]> index = new HashMap<>();
        byType.forEach((type, list) -> index.put(type, list.toArray(new Rule[0])));
        return index;
    }

    /**
     * Applies every rule that the event satisfies to its player.
     *
     * @param event an event of the reference workload
     * @return the number of rules that fired
     */
    public int track(Event event) {
        Player player = players.computeIfAbsent(event.externalUserId(), id -> new Player());
        player.version++;
        Rule[] candidates = rulesByType.get(event.eventType());
        if (candidates == null) {
            return 0;
        }
        Map<String, Object> properties = event.properties();
        Object score = properties.get("score");
        if (!(score instanceof Number)) {
            return 0;
        }
        double scoreValue = ((Number) score).doubleValue();
        Object category = properties.get("category");
        int fired = 0;
        for (Rule rule : candidates) {
            if (scoreValue >= rule.minScore && rule.category.equals(category)) {
                player.grantXp(rule.xp);
                player.coins += rule.coins;
                fired++;
            }
        }
        return fired;
    }

    /**
     * Tracks every event of the workload on a new Ludus engine and on a new baseline, and checks that both
     * fired the same number of rules in total.
     *
     * @param workload the workload
     * @return the number of rules fired
     * @throws IllegalStateException when an event is not {@code processed} by Ludus, or the counts differ
     */
    public static long requireSameFiredRules(ReferenceWorkload workload) {
        long ludus = firedByLudus(workload.newEngine(), workload.events());
        long baseline = firedByBaseline(workload.newBaseline(), workload.events());
        if (ludus != baseline) {
            throw new IllegalStateException("Ludus fired " + ludus + " rules over the " + workload.events().size()
                    + " events of the " + workload.ruleCount() + "-rule workload, the hand-written baseline "
                    + baseline + ": they do not do the same work");
        }
        return ludus;
    }

    /**
     * @return the total size of {@code rulesTriggered} over the events, tracked in order on {@code engine}
     * @throws IllegalStateException when an event is not {@code processed}
     */
    public static long firedByLudus(RuleEngine engine, List<Event> events) {
        return fired("Ludus", engine::track, events);
    }

    /**
     * @param name    what tracks the events, for the message
     * @param tracker tracks one event and returns its result
     * @return the total size of {@code rulesTriggered} over the events, tracked in order
     * @throws IllegalStateException when an event is not {@code processed}
     */
    public static long fired(String name, Function<Event, EventResult> tracker, List<Event> events) {
        long fired = 0;
        for (Event event : events) {
            EventResult result = tracker.apply(event);
            if (result.status() != EventStatus.PROCESSED) {
                throw new IllegalStateException(name + " did not process " + event + ": " + result);
            }
            fired += result.rulesTriggered().size();
        }
        return fired;
    }

    /** @return the total number of rules fired over the events, tracked in order on {@code baseline} */
    public static long firedByBaseline(HandWrittenBaseline baseline, List<Event> events) {
        long fired = 0;
        for (Event event : events) {
            fired += baseline.track(event);
        }
        return fired;
    }

    /**
     * @param externalUserId a player
     * @return the player's XP, or 0 when no event of theirs was tracked
     */
    public long xp(String externalUserId) {
        Player player = players.get(externalUserId);
        return player == null ? 0 : player.xp;
    }

    /** @return the sum of every player's XP */
    public long totalXp() {
        long total = 0;
        for (Player player : players.values()) {
            total += player.xp;
        }
        return total;
    }

    /**
     * @param externalUserId a player
     * @return the player's level, or 1 when no event of theirs was tracked
     */
    public int level(String externalUserId) {
        Player player = players.get(externalUserId);
        return player == null ? 1 : player.level;
    }

    /**
     * @param externalUserId a player
     * @return the player's coin balance, or 0 when no event of theirs was tracked
     */
    public long coins(String externalUserId) {
        Player player = players.get(externalUserId);
        return player == null ? 0 : player.coins;
    }

    /**
     * @param externalUserId a player
     * @return the number of events tracked for the player, 0 when none
     */
    public long version(String externalUserId) {
        Player player = players.get(externalUserId);
        return player == null ? 0 : player.version;
    }

    private static long[] levelThresholds() {
        long[] totals = new long[MAX_LEVEL];
        for (int level = 1; level < MAX_LEVEL; level++) {
            // round() of a double beyond Long.MAX_VALUE is Long.MAX_VALUE, which then saturates the sum.
            long step = Math.round(BASE_XP * Math.pow(FACTOR, level - 1));
            totals[level] = saturatedAdd(totals[level - 1], step);
        }
        return totals;
    }

    static long saturatedAdd(long a, long b) {
        return b > Long.MAX_VALUE - a ? Long.MAX_VALUE : a + b;
    }

    /** @return the level on the default curve for {@code xp}, starting the climb at {@code level} (XP never drops) */
    static int levelFor(long xp, int level) {
        while (level < MAX_LEVEL && xp >= LEVEL_XP[level]) {
            level++;
        }
        return level;
    }

    /** A rule with its conditions as fields; the {@link ContractFloor} shares it. */
    static final class Rule {
        final String id;
        final double minScore;
        final String category;
        final long xp;
        final long coins;

        Rule(String id, double minScore, String category, long xp, long coins) {
            this.id = id;
            this.minScore = minScore;
            this.category = category;
            this.xp = xp;
            this.coins = coins;
        }
    }

    private static final class Player {
        long xp;
        int level = 1;
        long coins;
        long version;

        void grantXp(long amount) {
            xp = saturatedAdd(xp, amount);
            level = levelFor(xp, level);
        }
    }
}
