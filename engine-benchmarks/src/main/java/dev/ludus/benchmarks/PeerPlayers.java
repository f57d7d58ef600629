package dev.ludus.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * Player state for the peers, kept outside the rule engines the way an application using Easy Rules or
 * Drools would keep it: a {@link HashMap} of small mutable players, the same as {@link HandWrittenBaseline}.
 * Every rule's action is one call of {@link Player#grant}, which also counts the fire, so the count does not
 * depend on what a peer reports (Easy Rules swallows exceptions thrown by actions).
 *
 * <p>Not thread-safe.
 */
public final class PeerPlayers {
    private final Map<String, Player> players = new HashMap<>();
    private long fired;

    /**
     * @param externalUserId a player
     * @return the player, created with no XP and no coins on first use
     */
    public Player get(String externalUserId) {
        return players.computeIfAbsent(externalUserId, id -> new Player(this));
    }

    /** @return how many rule actions have run, over all players */
    public long fired() {
        return fired;
    }

    /** @return the sum of every player's XP, a cheap check that the actions did what the rules say */
    public long totalXp() {
        long total = 0;
        for (Player player : players.values()) {
            total += player.xp;
        }
        return total;
    }

    /** One player's XP, level and coins. Not thread-safe. */
    public static final class Player {
        private final PeerPlayers owner;
        private long xp;
        private int level = 1;
        private long coins;

        private Player(PeerPlayers owner) {
            this.owner = owner;
        }

        /**
         * The action of every rule: {@code grant_xp xp} then {@code grant_currency coins coins}.
         *
         * @param xp    XP to add; the level follows the default curve
         * @param coins coins to add
         */
        public void grant(int xp, int coins) {
            this.xp = HandWrittenBaseline.saturatedAdd(this.xp, xp);
            this.level = HandWrittenBaseline.levelFor(this.xp, this.level);
            this.coins += coins;
            owner.fired++;
        }

        /** @return the XP */
        public long xp() {
            return xp;
        }

        /** @return the level on the default curve */
        public int level() {
            return level;
        }

        /** @return the coin balance */
        public long coins() {
            return coins;
        }
    }
}
