package dev.ludus.api.spi;

import dev.ludus.api.PlayerState;

/**
 * What an {@link Action} may do to the player. Every change is recorded as an update and is undone if
 * the rule fails. Valid only during the call it was passed to; not thread-safe.
 */
public interface ActionContext extends EvaluationContext {

    /** @return the player's working state, including changes made so far by this event */
    PlayerState current();

    /** Adds XP (≥ 0), recomputes the level and runs level rewards. */
    void grantXp(long amount);

    /** Adds to a balance (≥ 0), clamped to the currency's {@code max}. */
    void grantCurrency(String currency, long amount);

    /**
     * Subtracts from a balance (≥ 0).
     *
     * @throws dev.ludus.api.LudusException {@code INSUFFICIENT_FUNDS} when the balance is too small
     */
    void deductCurrency(String currency, long amount);

    /** Adds progress (≥ 0) to a quest, completing it and running its rewards at its target. */
    void progressQuest(String questId, long amount);

    /** Adds a badge; no change when already owned. */
    void awardBadge(String badgeId);

    /** Sets an attribute to a JSON-like value ({@code null} allowed). */
    void setAttribute(String attribute, Object value);

    /**
     * Queues a derived event for the same player, processed in the same commit after the current event's
     * rules. Derived events are matched only by rules that name their type (not by {@code "*"}).
     *
     * @param eventType  the derived event's type
     * @param properties its properties (JSON-like values)
     * @throws dev.ludus.api.LudusException {@code CASCADE_LIMIT} when derived events would nest deeper than 8, or
     *         when the tracked event's cascade has already emitted as many events as the engine allows
     *         ({@code maxEmittedEvents} on the engine builder, default 1,000)
     */
    void emitEvent(String eventType, java.util.Map<String, Object> properties);

    /** Adds a {@code notification} update, delivered to subscribers after the commit. */
    void notify(String topic, Object payload);
}
