package dev.ludus.core.internal.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;

/**
 * What every Ludus JSON reader shares: one mapping of JSON values to Java values, and one wording for
 * syntax errors, so an event and a player state file type their numbers and report broken JSON alike.
 */
public final class JsonInput {
    private JsonInput() {
    }

    /**
     * Reads the value that starts at {@code token}: objects become insertion-ordered maps, arrays lists,
     * whole numbers that fit a {@code long} {@code Long}, other numbers {@code Double}.
     */
    static Object readValue(JsonParser parser, JsonToken token) {
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> parser.getString();
            // A whole number too big for a long keeps its magnitude as a double rather than failing.
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) parser.getDoubleValue()
                    : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException("unexpected token " + token + " inside a JSON value");
        };
    }

    /**
     * Reads the members of an object whose {@code START_OBJECT} was just read.
     *
     * @throws JacksonException also for a key given twice, which a parser without duplicate detection lets through
     */
    static Map<String, Object> readObject(JsonParser parser) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            int size = map.size();
            map.put(name, readValue(parser, parser.nextToken()));
            // The size, not put's result, since the earlier value may be null.
            if (map.size() == size) {
                throw duplicateName(parser, name);
            }
        }
        return map;
    }

    /**
     * @return the error Jackson's {@code STRICT_DUPLICATE_DETECTION} raises, with the parser's location now,
     *         which is past the one Jackson would report
     */
    static JacksonException duplicateName(JsonParser parser, String name) {
        return new StreamReadException(parser, "Duplicate Object property \"" + name + "\"");
    }

    private static List<Object> readArray(JsonParser parser) {
        List<Object> list = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            list.add(readValue(parser, token));
        }
        return list;
    }

    /** @return e.g. {@code an array}, for "must be an object, found an array" */
    static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    /** @return {@code not valid JSON at column 5: <Jackson's wording>} */
    static String describe(JacksonException e) {
        return "not valid JSON" + at(e.getLocation()) + ": " + message(e);
    }

    /** @return Jackson's own wording, without the source description it appends to nested locations */
    public static String message(JacksonException e) {
        String message = e.getOriginalMessage();
        int nested = message.indexOf(" (start marker at ");
        return nested >= 0 ? message.substring(0, nested) : message;
    }

    /** @return {@code " at column 5"} or {@code " at line 2, column 5"}, or nothing when unknown */
    static String at(TokenStreamLocation location) {
        if (location == null || location.getColumnNr() < 1) {
            return "";
        }
        return location.getLineNr() > 1
                ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
                : " at column " + location.getColumnNr();
    }
}
