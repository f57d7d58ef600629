package dev.ludus.core.internal.state;

import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A mutable copy of one player's state while an event is evaluated, with an undo journal so that a failed
 * rule can be rolled back to a {@link #mark()}. Collections are copied from the loaded snapshot only when
 * first written. Not thread-safe: one event, one thread.
 */
public final class WorkingPlayer {
    private final PlayerState base;
    private final LevelCurve curve;
    private long xp;
    private int level;
    private Map<String, Long> currencies;
    private TreeSet<String> badges;
    private Map<String, QuestState> quests;
    private Map<String, Object> attributes;
    private Map<String, String> profile;
    private final List<Runnable> undo = new ArrayList<>();

    public WorkingPlayer(PlayerState base, LevelCurve curve) {
        this.base = base;
        this.curve = curve;
        this.xp = base.xp();
        this.level = base.level();
    }

    /** @return a position in the undo journal to roll back to */
    public int mark() {
        return undo.size();
    }

    /** Undoes every change made after {@code mark}, newest first. */
    public void rollback(int mark) {
        for (int i = undo.size() - 1; i >= mark; i--) {
            undo.remove(i).run();
        }
    }

    public long xp() {
        return xp;
    }

    public int level() {
        return level;
    }

    /** Sets XP and the level it implies. */
    public void setXp(long newXp) {
        long oldXp = xp;
        int oldLevel = level;
        undo.add(() -> {
            xp = oldXp;
            level = oldLevel;
        });
        xp = newXp;
        level = curve.levelFor(newXp);
    }

    public long balance(String currency) {
        Long balance = (currencies == null ? base.currencies() : currencies).get(currency);
        return balance == null ? 0 : balance;
    }

    public void setBalance(String currency, long balance) {
        if (currencies == null) {
            currencies = new HashMap<>(base.currencies());
        }
        Long old = currencies.put(currency, balance);
        undo.add(() -> restore(currencies, currency, old));
    }

    public boolean hasBadge(String badge) {
        return (badges == null ? base.badges() : badges).contains(badge);
    }

    public void addBadge(String badge) {
        if (badges == null) {
            badges = new TreeSet<>(base.badges());
        }
        if (badges.add(badge)) {
            undo.add(() -> badges.remove(badge));
        }
    }

    /** @return the quest's standing, or {@code null} when the player never progressed it */
    public QuestState quest(String questId) {
        return (quests == null ? base.quests() : quests).get(questId);
    }

    public void setQuest(String questId, QuestState state) {
        if (quests == null) {
            quests = new HashMap<>(base.quests());
        }
        QuestState old = quests.put(questId, state);
        undo.add(() -> restore(quests, questId, old));
    }

    public Map<String, Object> attributes() {
        return attributes == null ? base.attributes() : attributes;
    }

    public void setAttribute(String attribute, Object value) {
        if (attributes == null) {
            attributes = new HashMap<>(base.attributes());
        }
        boolean existed = attributes.containsKey(attribute);
        Object old = attributes.put(attribute, value);
        undo.add(() -> {
            if (existed) {
                attributes.put(attribute, old);
            } else {
                attributes.remove(attribute);
            }
        });
    }

    /** Upserts profile fields (not journaled: profile changes come from the event, not from rules). */
    public void mergeProfile(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return;
        }
        if (profile == null) {
            profile = new HashMap<>(base.profile());
        }
        profile.putAll(fields);
    }

    /** @return an immutable snapshot of the current state with the given version */
    public PlayerState snapshot(long version) {
        return new PlayerState(base.externalUserId(), xp, level, curve.xpToNextLevel(xp),
                currencies == null ? base.currencies() : currencies,
                badges == null ? base.badges() : badges,
                quests == null ? base.quests() : quests,
                attributes == null ? base.attributes() : attributes,
                profile == null ? base.profile() : profile,
                version);
    }

    private static <V> void restore(Map<String, V> map, String key, V old) {
        if (old == null) {
            map.remove(key);
        } else {
            map.put(key, old);
        }
    }
}
