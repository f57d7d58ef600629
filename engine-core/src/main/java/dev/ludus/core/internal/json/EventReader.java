package dev.ludus.core.internal.json;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.core.LudusJson.EventReadException;
import dev.ludus.core.internal.util.JsonValues;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Reads one event object (SPEC section 2) from a token stream, accepting the EngageFabric and Gameball
 * spellings.
 *
 * <p>Only the JSON shape is checked here: syntax, field names and types, alias agreement. Blankness, lengths
 * and property limits are the engine's, so that tracking an {@link Event} built in Java and one read from
 * JSON reject the same things with the same messages.
 *
 * <p>The whole document is always read before a shape problem is reported, so broken JSON is
 * {@code INVALID_JSON} wherever it occurs, and the first shape problem found is {@code INVALID_EVENT}.
 * A JSON {@code null} is the same as an absent field.
 */
public final class EventReader {
    private static final String KNOWN_FIELDS = "customerId, email, eventId, eventName, eventType, externalUserId, "
            + "idempotencyKey, metadata, mobile, player, properties, timestamp";
    private static final String KNOWN_PLAYER_FIELDS = "displayName, email, mobile";

    private final JsonParser parser;
    // Fields that have an alias: see alias(...).
    private String externalUserId;
    private String eventType;
    private Map<String, Object> properties;
    private String email;
    private String mobile;
    private String eventId;
    private Instant timestamp;
    private String idempotencyKey;
    private String displayName;
    private String problem;
    /** One bit per top-level field name read so far, to refuse a name given twice. */
    private int seen;

    private EventReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Reads an event from a parser that may not detect duplicate keys itself: this reader refuses a repeated
     * name in every object it reads, and every object of an event it returns has been read.
     *
     * @param parser a parser positioned before the document; the caller closes it
     * @return the event, or {@code null} when the input is not a valid event in any way; then {@link #read} on
     *         a parser with {@code STRICT_DUPLICATE_DETECTION} reports why, exactly as it always has
     */
    public static Event readIfValid(JsonParser parser) {
        EventReader reader = new EventReader(parser);
        try {
            reader.readDocument();
        } catch (JacksonException | EventReadException e) {
            return null;
        }
        return reader.problem == null ? reader.toEvent() : null;
    }

    /**
     * @param parser a parser positioned before the document, with {@code STRICT_DUPLICATE_DETECTION}, so that
     *               a duplicate key is reported where Jackson finds it, even in skipped values; the caller
     *               closes it
     * @return the event
     * @throws EventReadException {@code INVALID_JSON} for input that is not exactly one JSON object,
     *                            {@code INVALID_EVENT} for a field of the wrong type, an unknown field, or a
     *                            name and its alias with different values
     */
    public static Event read(JsonParser parser) {
        EventReader reader = new EventReader(parser);
        try {
            reader.readDocument();
        } catch (StreamConstraintsException e) {
            // Valid JSON beyond the reader's bounds (nesting, name or number length): far beyond the event's own.
            throw new EventReadException(ErrorCode.INVALID_EVENT, "the event exceeds a bound of the JSON reader"
                    + JsonInput.at(e.getLocation()) + ": " + JsonInput.message(e), reader.eventId,
                    reader.externalUserId, reader.eventType, e);
        } catch (JacksonException e) {
            throw new EventReadException(ErrorCode.INVALID_JSON, JsonInput.describe(e), null, null, null, e);
        }
        if (reader.problem != null) {
            throw new EventReadException(ErrorCode.INVALID_EVENT, reader.problem, reader.eventId,
                    reader.externalUserId, reader.eventType, null);
        }
        return reader.toEvent();
    }

    private void readDocument() {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw invalidJson("no JSON value");
        }
        if (first != JsonToken.START_OBJECT) {
            throw invalidJson("an event must be a JSON object, found " + JsonInput.describe(first));
        }
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            readField(name, parser.nextToken());
        }
        if (parser.nextToken() != null) {
            throw invalidJson("unexpected content after the event object"
                    + JsonInput.at(parser.currentTokenLocation()));
        }
    }

    private void readField(String name, JsonToken token) {
        switch (name) {
            case "eventId" -> eventId = string(once(name, 0), token);
            case "externalUserId" -> externalUserId = alias(externalUserId, "customerId", name,
                    string(once(name, 1), token));
            case "customerId" -> externalUserId = alias(externalUserId, "externalUserId", name,
                    string(once(name, 2), token));
            case "eventType" -> eventType = alias(eventType, "eventName", name, string(once(name, 3), token));
            case "eventName" -> eventType = alias(eventType, "eventType", name, string(once(name, 4), token));
            case "timestamp" -> timestamp = instant(once(name, 5), token);
            case "idempotencyKey" -> idempotencyKey = string(once(name, 6), token);
            case "properties" -> properties = alias(properties, "metadata", name, object(once(name, 7), token));
            case "metadata" -> properties = alias(properties, "properties", name, object(once(name, 8), token));
            case "email" -> email = alias(email, "player.email", name, string(once(name, 9), token));
            case "mobile" -> mobile = alias(mobile, "player.mobile", name, string(once(name, 10), token));
            case "player" -> readPlayer(once(name, 11), token);
            default -> {
                problem("unknown field '" + name + "'; known: " + KNOWN_FIELDS);
                parser.skipChildren();
            }
        }
    }

    private void readPlayer(String name, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_OBJECT) {
            problem(name + " must be an object, found " + JsonInput.describe(token));
            parser.skipChildren();
            return;
        }
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            JsonToken value = parser.nextToken();
            // Qualified names are constants, so that reading a player builds no strings.
            switch (field) {
                case "email" -> email = alias(email, "email", "player.email",
                        string(once(field, 12, "player.email"), value));
                case "mobile" -> mobile = alias(mobile, "mobile", "player.mobile",
                        string(once(field, 13, "player.mobile"), value));
                case "displayName" -> displayName = string(once(field, 14, "player.displayName"), value);
                default -> {
                    problem("unknown field 'player." + field + "'; known in player: " + KNOWN_PLAYER_FIELDS);
                    parser.skipChildren();
                }
            }
        }
    }

    /**
     * Marks a known name as read, so that a parser without duplicate detection cannot make this reader keep
     * the last of two values.
     *
     * @param bit the name's own bit in {@link #seen}: an alias is a different key and has a bit of its own
     * @return {@code name}
     * @throws JacksonException when the name was already read in the same object
     */
    private String once(String name, int bit) {
        return once(name, bit, name);
    }

    /** @return {@code field}, the name to report a problem with the value under */
    private String once(String name, int bit, String field) {
        if ((seen & (1 << bit)) != 0) {
            throw JsonInput.duplicateName(parser, name);
        }
        seen |= 1 << bit;
        return field;
    }

    /** @return the string, or {@code null} for JSON null and for a wrong type (then recorded as the problem) */
    private String string(String field, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        problem(field + " must be a string, found " + JsonInput.describe(token));
        parser.skipChildren();
        return null;
    }

    private Instant instant(String field, JsonToken token) {
        String text = string(field, token);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            problem(field + " must be an ISO-8601 instant such as 2026-11-21T10:15:30Z, found "
                    + JsonValues.describe(text));
            return null;
        }
    }

    private Map<String, Object> object(String field, JsonToken token) {
        if (token == JsonToken.START_OBJECT) {
            return JsonInput.readObject(parser);
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        problem(field + " must be an object, found " + JsonInput.describe(token));
        parser.skipChildren();
        return null;
    }

    private void problem(String message) {
        if (problem == null) {
            problem = message;
        }
    }

    private Event toEvent() {
        Event.Builder builder = Event.builder()
                .eventId(eventId)
                .externalUserId(externalUserId)
                .eventType(eventType)
                .timestamp(timestamp)
                .idempotencyKey(idempotencyKey);
        if (properties != null) {
            builder.properties(properties);
        }
        if (email != null) {
            builder.profile("email", email);
        }
        if (mobile != null) {
            builder.profile("mobile", mobile);
        }
        if (displayName != null) {
            builder.profile("displayName", displayName);
        }
        return builder.build();
    }

    private EventReadException invalidJson(String message) {
        return new EventReadException(ErrorCode.INVALID_JSON, message, null, null, null, null);
    }

    /**
     * A value that may be given under two names, which must then agree. Each name is read at most once (a
     * repeat is refused first), so a value already there came from the other name.
     *
     * @param earlier   the value so far, {@code null} when the other name was absent, null or had a problem
     * @param otherName the name {@code earlier} was given under
     * @param value     {@code null} when absent or after a type problem, which is already recorded
     * @return the value to keep: {@code null} when the two differ, which is recorded as the problem
     */
    private <T> T alias(T earlier, String otherName, String name, T value) {
        if (earlier == null) {
            return value;
        }
        if (value == null || JsonValues.equal(earlier, value)) {
            return earlier;
        }
        problem(otherName + " and " + name + " are aliases but have different values; give one of them");
        return null;
    }
}
