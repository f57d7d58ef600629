package dev.ludus.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A snapshot of one player (SPEC section 7). Immutable: collections are copied in and exposed
 * unmodifiable, so a snapshot is safe to share between threads and never changes under the reader.
 *
 * @param externalUserId the player's id, never {@code null}
 * @param xp             total XP
 * @param level          current level, 1 or more
 * @param xpToNextLevel  XP still needed for the next level, 0 at the maximum level
 * @param currencies     balances by currency id, sorted by id
 * @param badges         badge ids, sorted
 * @param quests         quest standings by quest id, sorted by id
 * @param attributes     attributes set by rules (JSON-like values), sorted by name
 * @param profile        profile fields from events ({@code email}, {@code mobile}, {@code displayName}), sorted
 * @param version        increases by one per committed event; 0 for a player never committed
 */
public record PlayerState(
        String externalUserId,
        long xp,
        int level,
        long xpToNextLevel,
        Map<String, Long> currencies,
        SortedSet<String> badges,
        Map<String, QuestState> quests,
        Map<String, Object> attributes,
        Map<String, String> profile,
        long version) {

    public PlayerState {
        Objects.requireNonNull(externalUserId, "externalUserId");
        currencies = sortedCopy(currencies);
        badges = Collections.unmodifiableSortedSet(new TreeSet<>(badges));
        quests = sortedCopy(quests);
        attributes = sortedCopy(attributes);
        profile = sortedCopy(profile);
    }

    /**
     * @param externalUserId the player's id
     * @param xpToNextLevel  XP needed to leave level 1
     * @return a player nobody has seen yet: level 1, nothing owned, version 0
     */
    public static PlayerState initial(String externalUserId, long xpToNextLevel) {
        return new PlayerState(externalUserId, 0, 1, xpToNextLevel, Map.of(), new TreeSet<>(), Map.of(),
                Map.of(), Map.of(), 0);
    }

    /** @return the balance of {@code currency}, 0 when the player has none */
    public long balance(String currency) {
        Long balance = currencies.get(currency);
        return balance == null ? 0 : balance;
    }

    private static <V> Map<String, V> sortedCopy(Map<String, V> map) {
        // TreeMap keeps a stable, sorted order for output; values may be null (attributes).
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
