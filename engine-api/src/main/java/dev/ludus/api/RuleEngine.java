package dev.ludus.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A loaded game, ready to track events. Obtain one from {@code dev.ludus.core.Ludus.builder()}.
 *
 * <p><b>Thread-safety:</b> implementations are thread-safe. Events of different players may be tracked
 * in parallel; events of one player are serialised through the store's optimistic concurrency, so the
 * final state after any interleaving equals some sequential order of the same events.
 *
 * <p><b>Errors:</b> tracking never throws for bad input, store failures or internal failures: those are
 * reported in the {@link EventResult} ({@code rejected} / {@code failed} with {@code STORE_ERROR} or
 * {@code INTERNAL_ERROR}), whatever exception a store or a custom condition or action throws, checked ones
 * thrown undeclared included. Only a {@code null} argument throws ({@link NullPointerException}), and an
 * {@link Error} (such as {@link OutOfMemoryError}, or an {@link AssertionError} from a store) propagates, except
 * a {@link StackOverflowError} while evaluating, which fails the event with {@code INTERNAL_ERROR}.
 */
public interface RuleEngine {

    /**
     * Validates, evaluates and commits one event.
     *
     * @param event the event, never {@code null}
     * @return the outcome, never {@code null}
     */
    EventResult track(Event event);

    /**
     * Tracks many events. Events of one player apply in input order; different players may run in parallel on
     * the engine's executor, and the calling thread takes part. A bad event never stops the others.
     *
     * @param events the events, never {@code null}
     * @return one result per event, in input order
     * @throws Error what tracking an event threw (a store's {@code Error}, say; exceptions become results, as
     *               in {@link #track}), once every other player has been tracked; that player's later events in
     *               the batch are not tracked
     */
    List<EventResult> trackBatch(List<Event> events);

    /**
     * @param externalUserId the player's id, never {@code null}
     * @return the player's committed state, or empty when no event of theirs was ever committed
     */
    Optional<PlayerState> player(String externalUserId);

    /**
     * Tracks an event on the engine's executor.
     *
     * @param event the event, never {@code null}
     * @return the outcome; the future never completes exceptionally for bad input or store failures
     */
    CompletableFuture<EventResult> trackAsync(Event event);

    /** @return the history of processed events, never {@code null} */
    EventHistory events();

    /**
     * Subscribes to the committed events of one player or of all players.
     *
     * @param topic    {@code player:<externalUserId>}, or {@code *} for every player
     * @param listener the listener, never {@code null}
     * @return the subscription, to close
     * @throws IllegalArgumentException for a topic of another form
     */
    Subscription subscribe(String topic, EventListener listener);

    /** Same as {@code subscribe("*", listener)}. */
    default Subscription subscribeAll(EventListener listener) {
        return subscribe("*", listener);
    }

    /**
     * Dry-runs an event against the player's committed state and explains every candidate rule; changes
     * nothing (no state, history, idempotency record or notification).
     *
     * @param event         the event, never {@code null}
     * @param includeDrafts whether {@code draft} and {@code testing} rules run too
     * @return the explanation, never {@code null}
     */
    Explanation explain(Event event, boolean includeDrafts);

    /**
     * Dry-runs an event as {@link #explain(Event, boolean)} does, with the rules that run for real: not
     * {@code draft} or {@code testing} ones.
     *
     * @param event the event, never {@code null}
     * @return the explanation, never {@code null}
     */
    default Explanation explain(Event event) {
        return explain(event, false);
    }

    /**
     * Compiles a new game and swaps it in atomically: events already being evaluated finish on the old
     * rules, later ones use the new. Player state is kept.
     *
     * @param gameJson the new game definition
     * @return the new game's summary
     * @throws GameCompileException with every error when it does not compile; the old game stays loaded
     */
    GameInfo reload(String gameJson);

    /** @return a summary of the loaded game, never {@code null} */
    GameInfo game();
}
