package dev.ludus.core.internal.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;

/**
 * The ids of the rules an event fired, as one unmodifiable list shared by every event that fires the same rules in
 * the same order, with the types of those rules' actions in the order they run: a game's rules fire in few
 * combinations, so most results and history entries keep no list of their own. A combination is found by its rules'
 * indexes, never by hashing their ids, which in a large game are strings out of the CPU cache. The number of
 * combinations shared is bounded, growing with the game's rule count (see {@link #capacityFor}); beyond, each event
 * gets copies.
 *
 * <p>Thread-safe and lock-free: the table is open-addressed, and a slot is set once, by compare-and-set, and never
 * changes afterwards. It has four times as many slots as it may hold lists, so a probe always ends at a free slot,
 * and usually at the first or second.
 */
final class RuleIdLists {
    /** The fewest combinations shared, whatever the game's size. */
    static final int MIN_CAPACITY = 4096;
    private static final int MAX_CAPACITY = 1 << 17;

    private final int capacity;
    /** Makes the action types of a combination the instance that other results with equal ones share. */
    private final UnaryOperator<List<String>> share;
    private final AtomicReferenceArray<Shared> slots;
    private final AtomicInteger size = new AtomicInteger();

    /**
     * @param capacity the most combinations to share, a power of two
     * @param share    returns a shared list equal to the given one
     */
    RuleIdLists(int capacity, UnaryOperator<List<String>> share) {
        this.capacity = capacity;
        this.share = share;
        this.slots = new AtomicReferenceArray<>(4 * capacity);
    }

    /**
     * @return the combinations to share for a game of {@code rules} rules: a few per rule (an event type's rules
     *         fire in more combinations than there are rules only in unusual games), at least {@link #MIN_CAPACITY}
     */
    static int capacityFor(int rules) {
        return Integer.highestOneBit(Math.max(MIN_CAPACITY, Math.min(MAX_CAPACITY, 4 * rules)));
    }

    /** A combination's lists and the hash of its rules' indexes. */
    private record Shared(int hash, FiredRules fired) {
        /** @return whether this lists the ids of {@code rules}, which are rules of this table's game */
        boolean lists(List<CompiledRule> rules) {
            List<String> ids = fired.ruleIds();
            if (ids.size() != rules.size()) {
                return false;
            }
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i) != rules.get(i).id()) { // a game's rule holds its one id instance
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * @param rules rules of this table's game, in the order they fired; not kept
     * @return their lists, the same instances for the same rules while the table has room
     */
    FiredRules find(List<CompiledRule> rules) {
        if (rules.isEmpty()) {
            return FiredRules.NONE;
        }
        int hash = 0;
        for (int i = 0; i < rules.size(); i++) {
            hash = 31 * hash + rules.get(i).index();
        }
        int mask = slots.length() - 1;
        int mixed = hash * 0x9E3779B9;
        for (int slot = (mixed ^ mixed >>> 16) & mask; ; slot = (slot + 1) & mask) {
            Shared shared = slots.get(slot);
            if (shared == null) {
                FiredRules fired = new FiredRules(copyIds(rules), share.apply(actionTypes(rules)));
                if (size.get() >= capacity) {
                    return fired;
                }
                // A place is reserved before the slot is taken and given back if that fails, so the table never
                // holds more than its capacity and loses no place to a race.
                if (size.getAndIncrement() >= capacity) {
                    size.decrementAndGet();
                    return fired;
                }
                if (slots.compareAndSet(slot, null, new Shared(hash, fired))) {
                    return fired;
                }
                size.decrementAndGet(); // another thread took the slot: it may hold this very combination
                shared = slots.get(slot);
            }
            if (shared.hash == hash && shared.lists(rules)) {
                return shared.fired;
            }
        }
    }

    /** @return the types of the rules' actions, in the order they run */
    private static List<String> actionTypes(List<CompiledRule> rules) {
        List<String> types = new ArrayList<>();
        for (CompiledRule rule : rules) {
            for (CompiledAction action : rule.actions()) {
                types.add(action.type());
            }
        }
        return types;
    }

    /** @return an unmodifiable list that {@link List#copyOf} returns as it is (unlike {@code Stream.toList()}) */
    private static List<String> copyIds(List<CompiledRule> rules) {
        String[] ids = new String[rules.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rules.get(i).id();
        }
        return List.of(ids);
    }
}
