package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * One event of the reference workload as the peers see it: a plain object with the event type, score and
 * category, and the player it is tracked for. Easy Rules (MVEL) reads the public fields, Drools' classic DRL
 * the getters, lambdas either.
 *
 * <p>The event fields never change; {@link #player} is set by the benchmark just before the event is
 * handed to a peer, which is the peers' equivalent of Ludus loading the player. Not thread-safe.
 */
public final class PeerFact {
    /** The event type, {@code type_%02d}. */
    public final String type;
    /** The {@code score} property. */
    public final int score;
    /** The {@code category} property. */
    public final String category;
    /** The player's id. */
    public final String playerId;
    /** The player the actions apply to; set before each evaluation. */
    public PeerPlayers.Player player;

    PeerFact(String type, int score, String category, String playerId) {
        this.type = type;
        this.score = score;
        this.category = category;
        this.playerId = playerId;
    }

    /**
     * @param events events of the reference workload
     * @return one fact per event, in order
     */
    public static PeerFact[] of(List<Event> events) {
        List<PeerFact> facts = new ArrayList<>(events.size());
        for (Event event : events) {
            facts.add(new PeerFact(event.eventType(), ((Number) event.properties().get("score")).intValue(),
                    (String) event.properties().get("category"), event.externalUserId()));
        }
        return facts.toArray(new PeerFact[0]);
    }

    /** @return the event type */
    public String getType() {
        return type;
    }

    /** @return the score */
    public int getScore() {
        return score;
    }

    /** @return the category */
    public String getCategory() {
        return category;
    }

    /** @return the player the actions apply to */
    public PeerPlayers.Player getPlayer() {
        return player;
    }
}
