package dev.ludus.core.internal.compile;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.spi.ConfigNode;
import dev.ludus.core.internal.util.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The {@link ConfigNode} over one JSON object of the game document; remembers which fields were read. */
final class Node implements ConfigNode {
    private final Map<String, Object> fields;
    private final String pointer;
    private final String ruleId;
    private final Errors errors;
    private final Set<String> read = new LinkedHashSet<>();
    /** Objects handed out by {@link #object} and {@link #objects}, checked for unknown fields with this one. */
    private final List<Node> children = new ArrayList<>();
    private boolean reported;

    Node(Map<String, Object> fields, String pointer, String ruleId, Errors errors) {
        this.fields = fields;
        this.pointer = pointer;
        this.ruleId = ruleId;
        this.errors = errors;
    }

    /**
     * @return the value as a node when it is an object, else {@code null} after reporting an error at
     *         {@code pointer}
     */
    @SuppressWarnings("unchecked")
    static Node of(Object value, String pointer, String ruleId, Errors errors, String what) {
        if (value instanceof Map<?, ?> map) {
            return new Node((Map<String, Object>) map, pointer, ruleId, errors);
        }
        errors.add(pointer, ruleId, ErrorCode.INVALID_RULE, "expected " + what + " (an object), found "
                + errors.describe(value));
        return null;
    }

    static String child(String pointer, Object token) {
        String t = String.valueOf(token).replace("~", "~0").replace("/", "~1");
        return pointer + "/" + t;
    }

    Node withRuleId(String id) {
        Node node = new Node(fields, pointer, id, errors);
        node.read.addAll(read);
        return node;
    }

    /**
     * Reports every field nobody read as unknown, listing the fields that were read; then does the same for
     * nested objects not reported yet. Reports each node once.
     */
    void reportUnknownFields(String what) {
        if (reported) {
            return;
        }
        reported = true;
        for (Node child : children) {
            String token = child.pointer.substring(child.pointer.lastIndexOf('/') + 1);
            child.reportUnknownFields("'" + JsonValues.printable(token) + "'");
        }
        for (String field : fields.keySet()) {
            if (!read.contains(field)) {
                error(field, "unknown field '" + JsonValues.printable(field) + "' in " + what + "; known: "
                        + String.join(", ", new TreeSet<>(read)));
            }
        }
    }

    /**
     * Skips the unknown-field check of this node: its type is unknown, so which fields it may have is too,
     * and reporting them would only repeat the type error.
     */
    void skipUnknownFields() {
        reported = true;
    }

    @Override
    public String pointer() {
        return pointer;
    }

    @Override
    public String ruleId() {
        return ruleId;
    }

    @Override
    public boolean has(String field) {
        read.add(field);
        return fields.containsKey(field);
    }

    @Override
    public Object value(String field) {
        if (!has(field)) {
            missing(field, "a value");
            return null;
        }
        Object value = fields.get(field);
        return value instanceof String s ? s.intern() : value;
    }

    @Override
    public String string(String field) {
        if (!has(field)) {
            missing(field, "a string");
            return null;
        }
        Object value = fields.get(field);
        if (value instanceof String s && !s.isBlank()) {
            return s.intern();
        }
        wrongType(field, "a non-blank string", value);
        return null;
    }

    @Override
    public String optionalString(String field, String defaultValue) {
        return has(field) ? string(field) : defaultValue;
    }

    @Override
    public Number number(String field) {
        if (!has(field)) {
            missing(field, "a number");
            return null;
        }
        Object value = fields.get(field);
        if (JsonValues.isNumber(value)) {
            return (Number) value;
        }
        wrongType(field, "a number", value);
        return null;
    }

    @Override
    public Long wholeNumber(String field) {
        if (!has(field)) {
            missing(field, "a whole number");
            return null;
        }
        Long whole = whole(fields.get(field));
        if (whole == null) {
            error(field, errors.notWhole(fields.get(field)));
        }
        return whole;
    }

    /** @return the value as a whole number ({@code 100} or {@code 100.0}), or {@code null} when it is none */
    static Long whole(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        // Not -2^63: a double there is also what -9223372036854775809 and beyond round to in the document.
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return d.longValue();
        }
        return null;
    }

    @Override
    public long optionalWholeNumber(String field, long defaultValue) {
        if (!has(field)) {
            return defaultValue;
        }
        Long value = wholeNumber(field);
        return value == null ? defaultValue : value;
    }

    @Override
    public boolean optionalBoolean(String field, boolean defaultValue) {
        if (!has(field)) {
            return defaultValue;
        }
        Object value = fields.get(field);
        if (value instanceof Boolean b) {
            return b;
        }
        wrongType(field, "true or false", value);
        return defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object> list(String field) {
        if (!has(field)) {
            missing(field, "an array");
            return null;
        }
        Object value = fields.get(field);
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        wrongType(field, "an array", value);
        return null;
    }

    @Override
    public Node object(String field) {
        if (!has(field)) {
            missing(field, "an object");
            return null;
        }
        Node node = of(fields.get(field), child(pointer, field), ruleId, errors,
                "'" + JsonValues.printable(field) + "'");
        if (node != null) {
            children.add(node);
        }
        return node;
    }

    @Override
    public List<ConfigNode> objects(String field) {
        List<Object> list = list(field);
        if (list == null) {
            return null;
        }
        List<ConfigNode> nodes = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            // A bad element gets its own error and is left out; its siblings are still compiled and checked by
            // the caller, so one stray element neither hides their errors nor leaves their fields unread.
            Node node = of(list.get(i), child(child(pointer, field), i), ruleId, errors,
                    "an element of '" + JsonValues.printable(field) + "'");
            if (node != null) {
                nodes.add(node);
                children.add(node);
            }
        }
        return nodes;
    }

    @Override
    public Map<String, Object> asMap() {
        return fields;
    }

    @Override
    public void error(String field, String message) {
        error(field, ErrorCode.INVALID_RULE, message);
    }

    @Override
    public void error(String field, ErrorCode code, String message) {
        errors.add(field == null ? pointer : child(pointer, field), ruleId, code, message);
    }

    private void missing(String field, String expected) {
        error(field, "missing required field '" + JsonValues.printable(field) + "': expected " + expected);
    }

    private void wrongType(String field, String expected, Object found) {
        error(field, "expected " + expected + ", found " + errors.describe(found));
    }
}
