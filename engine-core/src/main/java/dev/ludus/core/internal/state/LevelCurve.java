package dev.ludus.core.internal.state;

import dev.ludus.api.PlayerState;
import java.util.Arrays;

/**
 * Total XP needed for each level, precomputed at load: {@code thresholds[n - 1]} is the XP at which level
 * {@code n} starts. Immutable and thread-safe.
 */
public final class LevelCurve {
    private final long[] thresholds;

    private LevelCurve(long[] thresholds) {
        this.thresholds = thresholds;
    }

    /** @param thresholds total XP per level, {@code thresholds[0] == 0}, strictly increasing */
    public static LevelCurve table(long[] thresholds) {
        return new LevelCurve(thresholds.clone());
    }

    /** XP from level n to n+1 is {@code baseXp * n}. */
    public static LevelCurve linear(long baseXp, int maxLevel) {
        long[] t = new long[maxLevel];
        for (int n = 1; n < maxLevel; n++) {
            t[n] = saturatedAdd(t[n - 1], saturatedMultiply(baseXp, n));
        }
        return new LevelCurve(t);
    }

    /** XP from level n to n+1 is {@code round(baseXp * factor^(n-1))}. */
    public static LevelCurve exponential(long baseXp, double factor, int maxLevel) {
        long[] t = new long[maxLevel];
        for (int n = 1; n < maxLevel; n++) {
            double step = Math.floor(baseXp * Math.pow(factor, n - 1) + 0.5);
            long stepXp = step >= 0x1p63 ? Long.MAX_VALUE : (long) step;
            t[n] = saturatedAdd(t[n - 1], stepXp);
        }
        return new LevelCurve(t);
    }

    /**
     * @return the lowest level that starts at the same XP as the level below it, below {@code Long.MAX_VALUE}
     *         (where totals saturate, SPEC 3), or 0 when every level needs more XP than the one before
     */
    public int firstLevelWithoutOwnXp() {
        for (int i = 1; i < thresholds.length; i++) {
            if (thresholds[i] == thresholds[i - 1] && thresholds[i] != Long.MAX_VALUE) {
                return i + 1;
            }
        }
        return 0;
    }

    /** @return the highest level */
    public int maxLevel() {
        return thresholds.length;
    }

    /** @return the level a player with {@code xp} total XP is at */
    public int levelFor(long xp) {
        int i = Arrays.binarySearch(thresholds, xp);
        // Saturated curves repeat Long.MAX_VALUE: binarySearch may land on any of them, so walk to the last.
        if (i >= 0) {
            while (i + 1 < thresholds.length && thresholds[i + 1] == xp) {
                i++;
            }
            return i + 1;
        }
        return -i - 1;
    }

    /**
     * @param hint a level the player is likely at (e.g. the level before an XP change); any level works
     * @return {@link #levelFor(long)}, in constant time when the hint is right
     */
    public int levelFor(long xp, int hint) {
        if (hint >= 1 && hint <= thresholds.length && thresholds[hint - 1] <= xp
                && (hint == thresholds.length || xp < thresholds[hint])) {
            return hint;
        }
        return levelFor(xp);
    }

    /**
     * @return {@code state} with the level and the XP to the next level this curve gives its XP: {@code state}
     *         itself when they agree, as they do unless a reload changed the curve since it was committed
     */
    public PlayerState levelled(PlayerState state) {
        int level = levelFor(state.xp(), state.level());
        long toNext = xpToNextLevel(state.xp(), level);
        if (level == state.level() && toNext == state.xpToNextLevel()) {
            return state;
        }
        return new PlayerState(state.externalUserId(), state.xp(), level, toNext, state.currencies(), state.badges(),
                state.quests(), state.attributes(), state.profile(), state.version());
    }

    /** @return XP still needed to reach the next level, 0 at the maximum level */
    public long xpToNextLevel(long xp) {
        return xpToNextLevel(xp, levelFor(xp));
    }

    /** @return XP still needed to reach the next level from {@code level}, which {@code xp} is at */
    public long xpToNextLevel(long xp, int level) {
        return level >= thresholds.length ? 0 : thresholds[level] - xp;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }
}
