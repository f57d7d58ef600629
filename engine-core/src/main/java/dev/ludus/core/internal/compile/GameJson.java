package dev.ludus.core.internal.compile;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.GameCompileException;
import dev.ludus.core.internal.json.JsonInput;
import dev.ludus.core.internal.util.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a game document into JSON-like Java values with tight limits: duplicate keys are errors, and
 * depth, sizes and numbers are bounded, so an untrusted rule file cannot exhaust the loader.
 */
final class GameJson {
    /** Game documents are rule files, not data dumps: these bounds are far above any real game. */
    static final int MAX_DEPTH = 64;
    static final long MAX_DOCUMENT_CHARS = 16L * 1024 * 1024;
    static final int MAX_STRING_CHARS = 1024 * 1024;
    static final int MAX_NUMBER_CHARS = 64;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxDocumentLength(MAX_DOCUMENT_CHARS)
                            .maxStringLength(MAX_STRING_CHARS)
                            .maxNumberLength(MAX_NUMBER_CHARS)
                            .build())
                    .build())
            .build();

    private static final Pattern CONSTRAINT_SETTING = Pattern.compile(", from `StreamReadConstraints\\.\\w+\\(\\)`");

    private GameJson() {
    }

    /**
     * @param document what {@link #parse} returned
     * @return the document as compact JSON with every object's keys sorted: the same bytes for documents that
     *         differ only in layout or key order
     */
    static byte[] canonical(Object document) {
        return MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsBytes(document);
    }

    /**
     * @param rounded receives, by identity, each {@code Double} of the result that holds a whole number outside
     *                the long range, with the number as written: the double is only near it, and an error should
     *                show what the user wrote
     * @return the document as a {@code Map}, {@code List} or scalar
     * @throws GameCompileException with one {@code INVALID_JSON} error at the JSON pointer of the value being read
     *                              when the problem was found, naming its line and column
     */
    static Object parse(String json, IdentityHashMap<Object, String> rounded) {
        JsonNode root;
        // A UTF-8 byte-order mark (Notepad writes one) is not JSON, but RFC 8259 lets a parser ignore it.
        try (JsonParser parser = MAPPER.createParser(json.startsWith("\uFEFF") ? json.substring(1) : json)) {
            try {
                root = MAPPER.readTree(parser);
            } catch (JacksonException e) {
                throw invalid(parser, e);
            }
        }
        if (root == null || root.isMissingNode()) {
            throw new GameCompileException(List.of(
                    new CompileError("", null, ErrorCode.INVALID_JSON, "game file is empty")));
        }
        Object document = toValue(root, rounded);
        List<CompileError> errors = new ArrayList<>();
        unpairedSurrogates(document, root.isArray() ? "/rules" : "", errors);
        if (!errors.isEmpty()) {
            throw new GameCompileException(errors);
        }
        return document;
    }

    /**
     * Reports each string holding an unpaired surrogate: JSON's {@code \uD800} escape makes one, but it is
     * no character, and no UTF-8 output (a player's state, a result) could hold it.
     */
    private static void unpairedSurrogates(Object value, String pointer, List<CompileError> errors) {
        if (value instanceof String text) {
            int at = JsonValues.unpairedSurrogateIndex(text);
            if (at >= 0) {
                errors.add(new CompileError(pointer, null, ErrorCode.INVALID_JSON,
                        "text \"" + JsonValues.printable(text) + "\" contains an unpaired surrogate at index " + at));
            }
        } else if (value instanceof Map<?, ?> map) {
            // Keys need no check: the parser refuses an unpaired surrogate in a name.
            map.forEach((key, member) -> unpairedSurrogates(member, Node.child(pointer, key), errors));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unpairedSurrogates(list.get(i), Node.child(pointer, i), errors);
            }
        }
    }

    /**
     * The parser's context still says where it was: the value it was reading, or the key it read twice. A limit
     * error carries no location of its own, so the parser's position stands in for it.
     */
    private static GameCompileException invalid(JsonParser parser, JacksonException e) {
        String pointer = parser.streamReadContext().pathAsPointer().toString();
        TokenStreamContext outermost = parser.streamReadContext();
        while (outermost.getParent() != null && !outermost.getParent().inRoot()) {
            outermost = outermost.getParent();
        }
        if (outermost.inArray()) {
            pointer = "/rules" + pointer; // a bare array of rules: compile errors name /rules/N too
        }
        TokenStreamLocation at = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? e.getLocation() : parser.currentLocation();
        String where = at == null || at.getLineNr() < 1 ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String message = JsonInput.message(e);
        if (e instanceof StreamConstraintsException) {
            // Jackson names its own setting; a game file's limits are fixed (they are far above any real game)
            message = CONSTRAINT_SETTING.matcher(message).replaceAll("") + "; game files have fixed limits";
        }
        return new GameCompileException(List.of(new CompileError(pointer, null, ErrorCode.INVALID_JSON,
                "game file is not valid JSON" + where + ": " + message)));
    }

    private static Object toValue(JsonNode node, IdentityHashMap<Object, String> rounded) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), toValue(e.getValue(), rounded));
            }
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(toValue(element, rounded));
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                return node.longValue();
            }
            Object value = node.doubleValue(); // a new box each time, so identity tells it apart
            rounded.put(value, node.bigIntegerValue().toString());
            return value;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node.stringValue();
    }
}
