package dev.ludus.api.spi;

import dev.ludus.api.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of one JSON object in a game definition, handed to custom and built-in condition and
 * action types when they compile. Values come as JSON-like Java values: {@code String}, {@code Long}
 * (whole numbers), {@code Double}, {@code Boolean}, {@code null}, {@code List}, {@code Map}.
 *
 * <p>The typed getters report a compile error (with this node's JSON pointer and rule id) and return
 * {@code null} when a value is missing or of the wrong type, so a type can read all its fields and
 * report every problem at once. Fields that no getter read are reported as unknown after compiling.
 *
 * <p>Not thread-safe; valid only during the compile call it was passed to.
 */
public interface ConfigNode {

    /** @return the JSON pointer of this object, e.g. {@code /rules/0/conditions/1} */
    String pointer();

    /** @return the id of the enclosing rule, or {@code null} outside rules */
    String ruleId();

    /** @return whether the field is present (even if {@code null}); marks it as read */
    boolean has(String field);

    /** @return the field's value, which must be present (any JSON value, {@code null} included) */
    Object value(String field);

    /** @return the non-blank string value of a required field, or {@code null} after reporting an error */
    String string(String field);

    /** @return the string value of an optional field, or {@code defaultValue} when absent */
    String optionalString(String field, String defaultValue);

    /** @return the number value of a required field, or {@code null} after reporting an error */
    Number number(String field);

    /** @return the whole-number value of a required field, or {@code null} after reporting an error */
    Long wholeNumber(String field);

    /** @return the whole-number value of an optional field, or {@code defaultValue} when absent */
    long optionalWholeNumber(String field, long defaultValue);

    /** @return the boolean value of an optional field, or {@code defaultValue} when absent */
    boolean optionalBoolean(String field, boolean defaultValue);

    /** @return the array value of a required field, or {@code null} after reporting an error */
    List<Object> list(String field);

    /** @return the object value of a required field as a node, or {@code null} after reporting an error */
    ConfigNode object(String field);

    /**
     * Reads a required array of objects. An element that is not an object gets its own error and is left out,
     * so the caller still compiles (and reports the problems of) the other elements; a compile that reported
     * any error is discarded, so a type need not check for left-out elements itself.
     *
     * @return the elements that are objects, in order, or {@code null} after reporting that the field is missing
     *         or not an array
     */
    List<ConfigNode> objects(String field);

    /** @return all fields of this object as JSON-like values, without marking them read */
    Map<String, Object> asMap();

    /** Reports an {@link ErrorCode#INVALID_RULE} error at {@code field} of this node ({@code null}: the node). */
    void error(String field, String message);

    /** Reports an error with a specific code at {@code field} of this node ({@code null}: the node). */
    void error(String field, ErrorCode code, String message);
}
