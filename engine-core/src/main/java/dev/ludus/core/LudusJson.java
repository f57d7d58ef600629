package dev.ludus.core;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.LudusException;
import dev.ludus.api.PlayerState;
import dev.ludus.core.internal.json.EventReader;
import dev.ludus.core.internal.json.JsonOutput;
import java.io.StringWriter;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON forms of Ludus: events in (SPEC section 2), results (section 6) and player states (section 7) out.
 *
 * <pre>{@code
 * EventResult result = engine.track(LudusJson.readEvent(line));
 * System.out.println(LudusJson.write(result));
 * }</pre>
 *
 * <p><b>Thread-safety:</b> all methods are static and thread-safe; they share one immutable Jackson factory.
 *
 * <p><b>Nullness:</b> arguments must not be {@code null} ({@link NullPointerException}); results never are.
 */
public final class LudusJson {
    /**
     * Deep enough that an over-nested property reaches the engine, which rejects it as {@code INVALID_EVENT}
     * naming the limit to raise, yet bounded so a hostile line cannot exhaust the stack.
     */
    private static final int MAX_NESTING_DEPTH = 1000;

    /* Only streaming is needed, so a bare factory rather than a mapper: no databind start-up cost. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private LudusJson() {
    }

    /**
     * Reads one event object. Accepts the Gameball spellings {@code customerId}, {@code eventName} and
     * {@code metadata}, and profile fields either top-level ({@code email}, {@code mobile}) or in a
     * {@code player} object ({@code email}, {@code mobile}, {@code displayName}). A JSON {@code null} is the
     * same as an absent field. Whole numbers that fit a {@code long} become {@code Long}, other numbers
     * {@code Double}; objects keep their key order.
     *
     * <p>Only the shape is checked: blank or over-long ids and property limits are left to the engine, which
     * rejects them when the event is tracked.
     *
     * @param json one JSON object
     * @return the event, never {@code null}
     * @throws EventReadException {@link ErrorCode#INVALID_JSON} when the input is not exactly one JSON object
     *                            without duplicate keys; {@link ErrorCode#INVALID_EVENT} for an unknown field,
     *                            a field of the wrong type, or a name and its alias with different values
     */
    public static Event readEvent(String json) {
        Objects.requireNonNull(json, "json");
        try (JsonParser parser = FACTORY.createParser(json)) {
            return EventReader.read(parser);
        }
    }

    /**
     * @param result a result from {@link dev.ludus.api.RuleEngine#track}
     * @return the result as one line of JSON (SPEC section 6): null scalars left out, every list present
     * @throws IllegalArgumentException when an attribute value or notification payload is not JSON-like
     */
    public static String write(EventResult result) {
        Objects.requireNonNull(result, "result");
        return write(g -> JsonOutput.write(g, result));
    }

    /**
     * @param state a player's state
     * @return the state as one line of JSON (SPEC section 7), badges and map keys sorted
     * @throws IllegalArgumentException when an attribute value is not JSON-like
     */
    public static String write(PlayerState state) {
        Objects.requireNonNull(state, "state");
        return write(g -> JsonOutput.write(g, state));
    }

    private static String write(Consumer<JsonGenerator> body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            body.accept(generator);
        }
        return out.toString();
    }

    /**
     * Why {@link #readEvent} refused its input, with the player and event type when they could be read, so a
     * caller can still report the rejection against them.
     *
     * <p>Immutable and safe to share between threads.
     */
    public static final class EventReadException extends LudusException {
        private static final long serialVersionUID = 1L;

        private final String externalUserId;
        private final String eventType;

        /**
         * @param code           {@link ErrorCode#INVALID_JSON} or {@link ErrorCode#INVALID_EVENT}
         * @param message        what is wrong, naming the field where there is one
         * @param externalUserId the player, or {@code null} when it could not be read
         * @param eventType      the event type, or {@code null} when it could not be read
         * @param cause          the parser's exception, may be {@code null}
         */
        public EventReadException(ErrorCode code, String message, String externalUserId, String eventType,
                                  Throwable cause) {
            super(code, message, cause);
            this.externalUserId = externalUserId;
            this.eventType = eventType;
        }

        /** @return the player named by the input, or {@code null} when it could not be read */
        public String externalUserId() {
            return externalUserId;
        }

        /** @return the event type named by the input, or {@code null} when it could not be read */
        public String eventType() {
            return eventType;
        }
    }
}
