package dev.ludus.core;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.Explanation;
import dev.ludus.api.LudusException;
import dev.ludus.api.PlayerState;
import dev.ludus.core.internal.json.EventReader;
import dev.ludus.core.internal.json.JsonOutput;
import dev.ludus.core.internal.json.PlayerStateReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * The JSON forms of Ludus: events (SPEC section 2) and player states (section 7) in; results (section 6),
 * player states and explanations (section 11) out.
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
    private static final JsonFactory FACTORY = factory(true);

    /**
     * For the first read of an event. Jackson's duplicate detection costs a detector per object and a hash set
     * from the third key on, a sixth of the allocation of reading an event; the event reader refuses repeated
     * keys itself instead, and reads any rejected event again with {@link #FACTORY} to report it exactly.
     */
    private static final JsonFactory LENIENT_FACTORY = factory(false);

    /**
     * Two-space indentation, arrays one element per line, {@code "name": value}, and {@code []} / {@code {}}
     * for empty containers. The printer counts nesting, so each generator gets its own instance.
     */
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        private final DefaultPrettyPrinter template = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));

        @Override
        public PrettyPrinter getPrettyPrinter() {
            return template.createInstance();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private LudusJson() {
    }

    /**
     * Property names are interned (off by default in Jackson 3): the engine interns the property names its
     * conditions and expressions read, so that looking one up in an event's properties finds it by identity.
     * Jackson interns a name once, when its symbol table first sees it.
     */
    private static JsonFactory factory(boolean strictDuplicateDetection) {
        return JsonFactory.builder()
                .enable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, strictDuplicateDetection)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
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
        try (JsonParser parser = LENIENT_FACTORY.createParser(ObjectReadContext.empty(), json)) {
            Event event = EventReader.readIfValid(parser);
            if (event != null) {
                return event;
            }
        }
        // Rejected: read again as before, so the error is Jackson's own, even where a duplicate key comes first.
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
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

    /**
     * Writes {@code {"result": ..., "rules": [...]}}: the result as {@link #write(EventResult)} writes it, and for
     * each candidate rule its {@code ruleId}, {@code eventType}, {@code outcome} (lower case, e.g.
     * {@code conditions_false}), {@code reason} (left out when there is none), {@code conditions} and
     * {@code updates}. Each condition has {@code type}, {@code pointer}, {@code result}, {@code actual} (always
     * written; {@code null} when there was nothing to look at) and {@code expected} (keys sorted).
     *
     * <p>Explanations are read by people, so unlike the one-line forms this one is pretty-printed with two-space
     * indentation. It is still one JSON document.
     *
     * @param explanation an explanation from {@link dev.ludus.api.RuleEngine#explain}
     * @return the explanation as JSON, without a final line break
     * @throws IllegalArgumentException when a value in a trace or an update is not JSON-like
     */
    public static String write(Explanation explanation) {
        Objects.requireNonNull(explanation, "explanation");
        return write(PRETTY, g -> JsonOutput.write(g, explanation));
    }

    /**
     * Reads player states: either one player state object (SPEC section 7) or the {@code {"players": [...]}}
     * document that {@code ludus run --state-out} writes, so {@link #write(PlayerState)} output reads back as
     * the same state. Only {@code externalUserId} is required; an absent or {@code null} field takes the
     * value of a new player (0 XP, level 1, nothing owned, version 0, {@code xpToNextLevel} 0). The level is
     * taken as written, not recomputed from XP. Numbers in attributes are typed as in {@link #readEvent}.
     *
     * @param json one JSON object
     * @return the players in document order, never {@code null}
     * @throws LudusException {@link ErrorCode#INVALID_JSON} when the input is not exactly one JSON object
     *                        without duplicate keys, or when it is not a player state or state document: an
     *                        unknown field, a value of the wrong type or out of range, a number in attributes
     *                        too large for a double, a badge listed twice or a player given twice, with a
     *                        message naming the field ({@code players[1].xp})
     */
    public static List<PlayerState> readPlayerStates(String json) {
        Objects.requireNonNull(json, "json");
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            return PlayerStateReader.read(parser);
        }
    }

    private static String write(Consumer<JsonGenerator> body) {
        return write(ObjectWriteContext.empty(), body);
    }

    private static String write(ObjectWriteContext context, Consumer<JsonGenerator> body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator generator = FACTORY.createGenerator(context, out)) {
            body.accept(generator);
        }
        return out.toString();
    }

    /**
     * Why {@link #readEvent} refused its input, with the event id, player and event type when they could be
     * read, so a caller can still report the rejection against them.
     *
     * <p>Immutable and safe to share between threads.
     */
    public static final class EventReadException extends LudusException {
        private static final long serialVersionUID = 1L;

        private final String eventId;
        private final String externalUserId;
        private final String eventType;

        /**
         * @param code           {@link ErrorCode#INVALID_JSON} or {@link ErrorCode#INVALID_EVENT}
         * @param message        what is wrong, naming the field where there is one
         * @param eventId        the event's id, or {@code null} when it could not be read
         * @param externalUserId the player, or {@code null} when it could not be read
         * @param eventType      the event type, or {@code null} when it could not be read
         * @param cause          the parser's exception, may be {@code null}
         */
        public EventReadException(ErrorCode code, String message, String eventId, String externalUserId,
                                  String eventType, Throwable cause) {
            super(code, message, cause);
            this.eventId = eventId;
            this.externalUserId = externalUserId;
            this.eventType = eventType;
        }

        /** @return the event id given by the input, or {@code null} when it could not be read */
        public String eventId() {
            return eventId;
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
