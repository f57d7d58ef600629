package dev.ludus.api.spi;

import dev.ludus.api.PlayerState;
import java.time.Instant;
import java.util.Map;

/**
 * What a {@link Condition} or {@link Action} sees of the event being evaluated. Valid only during the
 * call it was passed to; not thread-safe.
 */
public interface EvaluationContext {

    /** @return the event's id, never {@code null} */
    String eventId();

    /** @return the player's id, never {@code null} */
    String externalUserId();

    /** @return the event type, never {@code null} */
    String eventType();

    /** @return the event's time (the engine clock's now when the event had none), never {@code null} */
    Instant timestamp();

    /** @return the validated, unmodifiable properties, never {@code null} */
    Map<String, Object> properties();

    /**
     * @param path a dot path into the properties ({@code order.total}, {@code items.0.sku})
     * @return the value, or {@code null} when it is missing or {@code null}
     */
    Object property(String path);

    /** @return the player's state before this event, never {@code null} */
    PlayerState player();
}
