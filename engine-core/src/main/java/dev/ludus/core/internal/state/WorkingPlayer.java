package dev.ludus.core.internal.state;

import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;

/**
 * A mutable copy of one player's state while an event is evaluated, with an undo journal so that a failed
 * rule can be rolled back to the last {@link #mark()}. Collections are never copied: the event's changes are
 * kept beside the loaded ones ({@link Overlaid} for maps, the badges added for badges), and a snapshot merges
 * them with {@link PlayerState#withEntries} and {@link PlayerState#withBadges}. One instance can be
 * {@link #reset} for the next event, reusing its collections and journal. Not thread-safe: one event, one
 * thread.
 */
public final class WorkingPlayer {
    /** The previous value of a key that was not in its collection. */
    private static final Object ABSENT = new Object();

    private PlayerState base;
    private LevelCurve curve;
    private long xp;
    private int level;
    /**
     * The balances: the base's, and after changes to more than one currency the map built for the earlier ones
     * ({@link PlayerState#withBalance}); the latest change is {@link #changedCurrency}'s, built in only when another
     * currency changes or a snapshot is taken, so that an event changing one currency builds one map.
     */
    private Map<String, Long> balances;
    /** The currency changed last, whose balance {@link #balances} does not hold yet; or {@code null}. */
    private String changedCurrency;
    private long changedBalance;
    /** The badges this event added; the undo journal changes it directly. */
    private final TreeSet<String> addedBadges = new TreeSet<>();
    /** The other collections: the base's with this event's changes laid over them. */
    private final Overlaid<QuestState> quests = new Overlaid<>();
    private final Overlaid<Object> attributes = new Overlaid<>();
    private final Overlaid<String> profile = new Overlaid<>();
    /**
     * XP, level and balances at the {@link #mark()}: restored by a rollback, so their changes need no journal
     * entries.
     */
    private long markXp;
    private int markLevel;
    private Map<String, Long> markBalances;
    private String markChangedCurrency;
    private long markChangedBalance;
    /**
     * Undo journal of collection writes, three slots per write: the collection, the key, and the previous
     * value ({@link #ABSENT} when there was none). Grown on demand; most events never write a collection.
     */
    private Object[] undo;
    private int undoSize;

    public WorkingPlayer(PlayerState base, LevelCurve curve) {
        reset(base, curve);
    }

    /** Starts over from {@code base}, forgetting every change, with a {@link #mark()} there. */
    public void reset(PlayerState base, LevelCurve curve) {
        this.base = base;
        this.curve = curve;
        this.xp = base.xp();
        this.level = base.level();
        this.balances = base.currencies();
        this.changedCurrency = null;
        addedBadges.clear();
        quests.reset(base.quests());
        attributes.reset(base.attributes());
        profile.reset(base.profile());
        mark();
    }

    /** Drops the references to the last event's state, so that an idle instance holds on to nothing. */
    public void release() {
        base = null;
        balances = null;
        changedCurrency = null;
        markBalances = null;
        markChangedCurrency = null;
        addedBadges.clear();
        quests.reset(null);
        attributes.reset(null);
        profile.reset(null);
        clearJournal();
    }

    /**
     * Starts a unit of work that {@link #rollback()} can undo; marks do not nest: a new mark forgets the
     * previous one.
     */
    public void mark() {
        markXp = xp;
        markLevel = level;
        markBalances = balances;
        markChangedCurrency = changedCurrency;
        markChangedBalance = changedBalance;
        clearJournal();
    }

    /** Undoes every change made after the last {@link #mark()}, newest first. */
    @SuppressWarnings("unchecked")
    public void rollback() {
        xp = markXp;
        level = markLevel;
        balances = markBalances;
        changedCurrency = markChangedCurrency;
        changedBalance = markChangedBalance;
        for (int i = undoSize - 3; i >= 0; i -= 3) {
            Object key = undo[i + 1];
            Object old = undo[i + 2];
            if (undo[i] instanceof TreeSet<?> set) {
                set.remove(key);
            } else if (old == ABSENT) {
                ((Map<Object, Object>) undo[i]).remove(key);
            } else {
                ((Map<Object, Object>) undo[i]).put(key, old);
            }
        }
        clearJournal();
    }

    private void clearJournal() {
        if (undoSize > 0) {
            Arrays.fill(undo, 0, undoSize, null);
            undoSize = 0;
        }
    }

    private void journal(Object collection, Object key, Object old) {
        if (undo == null) {
            undo = new Object[12];
        } else if (undoSize + 3 > undo.length) {
            undo = Arrays.copyOf(undo, undo.length * 2);
        }
        undo[undoSize++] = collection;
        undo[undoSize++] = key;
        undo[undoSize++] = old;
    }

    public long xp() {
        return xp;
    }

    public int level() {
        return level;
    }

    /** Sets XP and the level it implies. */
    public void setXp(long newXp) {
        xp = newXp;
        level = curve.levelFor(newXp, level);
    }

    public long balance(String currency) {
        if (changedCurrency != null && (changedCurrency == currency || changedCurrency.equals(currency))) {
            return changedBalance;
        }
        if (balances == base.currencies()) {
            // Unboxed: a balance above 127 read through the map would be a new Long.
            return base.balance(currency);
        }
        Long balance = balances.get(currency);
        return balance == null ? 0 : balance;
    }

    public void setBalance(String currency, long balance) {
        if (changedCurrency != null && changedCurrency != currency && !changedCurrency.equals(currency)) {
            balances = PlayerState.withBalance(balances, changedCurrency, changedBalance);
        }
        changedCurrency = currency;
        changedBalance = balance;
    }

    public boolean hasBadge(String badge) {
        return addedBadges.contains(badge) || base.badges().contains(badge);
    }

    public void addBadge(String badge) {
        if (!base.badges().contains(badge) && addedBadges.add(badge)) {
            journal(addedBadges, badge, ABSENT);
        }
    }

    /** @return the quest's standing, or {@code null} when the player never progressed it */
    public QuestState quest(String questId) {
        return quests.get(questId);
    }

    public void setQuest(String questId, QuestState state) {
        set(quests, questId, state);
    }

    public boolean hasAttribute(String attribute) {
        return attributes.containsKey(attribute);
    }

    /** @return the attribute's value, {@code null} when the player has none (or it is {@code null}) */
    public Object attribute(String attribute) {
        return attributes.get(attribute);
    }

    public void setAttribute(String attribute, Object value) {
        set(attributes, attribute, value);
    }

    private <V> void set(Overlaid<V> map, String key, V value) {
        Map<String, V> changes = map.changes;
        boolean existed = changes.containsKey(key);
        V old = changes.put(key, value);
        journal(changes, key, existed ? old : ABSENT);
    }

    /** Upserts profile fields (not journaled: profile changes come from the event, not from rules). */
    public void mergeProfile(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return;
        }
        profile.changes.putAll(fields);
    }

    /** @return an immutable snapshot of the current state with the given version */
    public PlayerState snapshot(long version) {
        if (changedCurrency != null) {
            // The balances stay the same in effect, so the fields saved by a mark before still describe that state.
            balances = PlayerState.withBalance(balances, changedCurrency, changedBalance);
            changedCurrency = null;
        }
        return new PlayerState(base.externalUserId(), xp, level, curve.xpToNextLevel(xp, level),
                balances,
                addedBadges.isEmpty() ? base.badges() : PlayerState.withBadges(base.badges(), addedBadges),
                quests.current(),
                attributes.current(),
                profile.current(),
                version);
    }
}
