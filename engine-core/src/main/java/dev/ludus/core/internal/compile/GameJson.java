package dev.ludus.core.internal.compile;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.LudusException;
import dev.ludus.core.internal.json.JsonInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
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

    private GameJson() {
    }

    /**
     * @return the document as a {@code Map}, {@code List} or scalar
     * @throws LudusException {@code INVALID_JSON} naming the line and column of the problem
     */
    static Object parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new LudusException(ErrorCode.INVALID_JSON,
                    "game file is not valid JSON" + where + ": " + JsonInput.message(e), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new LudusException(ErrorCode.INVALID_JSON, "game file is empty");
        }
        return toValue(root);
    }

    private static Object toValue(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), toValue(e.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(toValue(element));
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
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
