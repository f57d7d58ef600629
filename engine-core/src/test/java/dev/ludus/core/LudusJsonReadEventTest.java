package dev.ludus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.core.LudusJson.EventReadException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LudusJsonReadEventTest {

    @Test
    void readEvent_whenCanonicalSpelling_readsEveryField() {
        Event event = LudusJson.readEvent("""
                {"eventId": "e-1", "externalUserId": "user-123", "eventType": "lesson_completed",
                 "timestamp": "2026-11-21T10:15:30Z", "idempotencyKey": "order-789",
                 "properties": {"lessonId": "l-1", "score": 95},
                 "player": {"email": "john@example.com", "mobile": "+1234567890", "displayName": "John"}}""");

        assertThat(event.eventId()).isEqualTo("e-1");
        assertThat(event.externalUserId()).isEqualTo("user-123");
        assertThat(event.eventType()).isEqualTo("lesson_completed");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
        assertThat(event.idempotencyKey()).isEqualTo("order-789");
        assertThat(event.properties()).containsExactly(entry("lessonId", "l-1"), entry("score", 95L));
        assertThat(event.profile()).containsOnly(entry("email", "john@example.com"),
                entry("mobile", "+1234567890"), entry("displayName", "John"));
    }

    @Test
    void readEvent_propertyNames_comeBackInterned_soThatCompiledPathsFindThemByIdentity() {
        // Names no class holds as literals, put in the pool first: an interned key is then that very instance.
        String name = ("interned" + System.nanoTime()).intern();
        String nestedName = (name + "x").intern();
        Event event = LudusJson.readEvent("{\"externalUserId\": \"u1\", \"eventType\": \"e\", \"properties\": "
                + "{\"" + name + "\": 1, \"nested\": {\"" + nestedName + "\": 2}}}");

        assertThat(event.properties().keySet()).first().isSameAs(name);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) event.properties().get("nested");
        assertThat(nested.keySet()).first().isSameAs(nestedName);
    }

    @Test
    void readEvent_whenOnlyRequiredFields_leavesTheRestUnset() {
        Event event = LudusJson.readEvent("{\"externalUserId\": \"u1\", \"eventType\": \"login\"}");

        assertThat(event.eventId()).isNull();
        assertThat(event.timestamp()).isNull();
        assertThat(event.idempotencyKey()).isNull();
        assertThat(event.properties()).isEmpty();
        assertThat(event.profile()).isEmpty();
    }

    @Test
    void readEvent_whenGameballSpelling_mapsEachAlias() {
        Event event = LudusJson.readEvent("""
                {"customerId": "customer-123", "eventName": "purchase_completed",
                 "email": "john@example.com", "mobile": "+1234567890",
                 "metadata": {"order_id": "ORD-12345", "amount": 149.99}}""");

        assertThat(event.externalUserId()).isEqualTo("customer-123");
        assertThat(event.eventType()).isEqualTo("purchase_completed");
        assertThat(event.properties()).containsExactly(entry("order_id", "ORD-12345"), entry("amount", 149.99));
        assertThat(event.profile()).containsOnly(entry("email", "john@example.com"), entry("mobile", "+1234567890"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "externalUserId": "u1", "customerId": "u1", "eventType": "t"
            "externalUserId": "u1", "eventType": "t", "eventName": "t"
            "externalUserId": "u1", "eventType": "t", "properties": {"a": [1, {"b": 2}]}, "metadata": {"a": [1, {"b": 2}]}
            "externalUserId": "u1", "eventType": "t", "email": "j@x.org", "player": {"email": "j@x.org"}
            "externalUserId": "u1", "eventType": "t", "mobile": "+1", "player": {"mobile": "+1"}
            """)
    void readEvent_whenNameAndAliasAgree_acceptsBoth(String fields) {
        Event event = LudusJson.readEvent("{" + fields + "}");

        assertThat(event.externalUserId()).isEqualTo("u1");
        assertThat(event.eventType()).isEqualTo("t");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "externalUserId": "u1", "customerId": "u2", "eventType": "t"                      | externalUserId and customerId
            "customerId": "u2", "externalUserId": "u1", "eventType": "t"                      | customerId and externalUserId
            "externalUserId": "u1", "eventType": "a", "eventName": "b"                        | eventType and eventName
            "externalUserId": "u1", "eventType": "t", "properties": {"a": 1}, "metadata": {"a": 2} | properties and metadata
            "externalUserId": "u1", "eventType": "t", "email": "a@x.org", "player": {"email": "b@x.org"} | email and player.email
            "externalUserId": "u1", "eventType": "t", "player": {"mobile": "+1"}, "mobile": "+2" | player.mobile and mobile
            """)
    void readEvent_whenNameAndAliasDiffer_rejectsNamingBoth(String fields, String named) {
        assertRejected("{" + fields + "}", ErrorCode.INVALID_EVENT,
                named + " are aliases but have different values; give one of them");
    }

    @Test
    void readEvent_whenPropertyNumbersDifferOnlyInSpelling_treatsPropertiesAndMetadataAsEqual() {
        Event event = LudusJson.readEvent("""
                {"externalUserId": "u1", "eventType": "t", "properties": {"a": 95}, "metadata": {"a": 95.0}}""");

        assertThat(event.properties()).containsExactly(entry("a", 95L));
    }

    @Test
    void readEvent_whenFieldIsNull_treatsItAsAbsent() {
        Event event = LudusJson.readEvent("""
                {"eventId": null, "externalUserId": "u1", "customerId": null, "eventType": "t", "timestamp": null,
                 "idempotencyKey": null, "properties": null, "metadata": {"a": 1}, "email": null,
                 "player": {"email": "j@x.org", "mobile": null, "displayName": null}}""");

        assertThat(event.eventId()).isNull();
        assertThat(event.externalUserId()).isEqualTo("u1");
        assertThat(event.timestamp()).isNull();
        assertThat(event.idempotencyKey()).isNull();
        assertThat(event.properties()).containsExactly(entry("a", 1L));
        assertThat(event.profile()).containsOnly(entry("email", "j@x.org"));
    }

    @Test
    void readEvent_whenPlayerIsNull_readsNoProfile() {
        assertThat(LudusJson.readEvent("{\"externalUserId\": \"u1\", \"eventType\": \"t\", \"player\": null}")
                .profile()).isEmpty();
    }

    @Test
    void readEvent_whenTimestampHasOffset_convertsToInstant() {
        Event event = LudusJson.readEvent("{\"timestamp\": \"2026-11-21T12:15:30.5+02:00\"}");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-21T10:15:30.500Z"));
    }

    @Test
    void readEvent_whenIdsAreBlankOrMissing_leavesValidationToTheEngine() {
        Event event = LudusJson.readEvent("{\"externalUserId\": \"  \"}");

        assertThat(event.externalUserId()).isEqualTo("  ");
        assertThat(event.eventType()).isNull();
    }

    @Test
    void readEvent_whenPropertiesHoldEveryJsonType_mapsToJavaValues() {
        Event event = LudusJson.readEvent("""
                {"properties": {"s": "x", "i": -5, "max": 9223372036854775807, "big": 9223372036854775808,
                 "whole": 95.0, "f": 149.99, "e": 1e3, "t": true, "no": false, "n": null,
                 "list": [1, "a", [2.5]], "obj": {"z": 1, "a": {"b": null}}}}""");
        Map<String, Object> p = event.properties();

        assertThat(p.get("s")).isEqualTo("x");
        assertThat(p.get("i")).isEqualTo(-5L);
        assertThat(p.get("max")).isEqualTo(Long.MAX_VALUE);
        assertThat(p.get("big")).isEqualTo(9.223372036854775808E18);
        assertThat(p.get("whole")).isEqualTo(95.0);
        assertThat(p.get("f")).isEqualTo(149.99);
        assertThat(p.get("e")).isEqualTo(1000.0);
        assertThat(p.get("t")).isEqualTo(true);
        assertThat(p.get("no")).isEqualTo(false);
        assertThat(p).containsEntry("n", null);
        assertThat(p.get("list")).isEqualTo(List.of(1L, "a", List.of(2.5)));
        assertThat(p.get("obj")).isEqualTo(Map.of("z", 1L, "a", Collections.singletonMap("b", null)));
        assertThat(List.copyOf(((Map<?, ?>) p.get("obj")).keySet())).isEqualTo(List.of("z", "a"));
        assertThat(p.keySet()).containsExactly("s", "i", "max", "big", "whole", "f", "e", "t", "no", "n", "list",
                "obj");
    }

    @Test
    void readEvent_whenPropertyNestedTwentyDeep_leavesTheDepthLimitToTheEngine() {
        String json = "{\"properties\": {\"deep\": " + "{\"x\": ".repeat(20) + "1" + "}".repeat(20) + "}}";

        Object value = LudusJson.readEvent(json).properties().get("deep");
        for (int i = 0; i < 20; i++) {
            value = ((Map<?, ?>) value).get("x");
        }
        assertThat(value).isEqualTo(1L);
    }

    @Test
    void readEvent_whenNestedNearTheParserLimit_readsIt() {
        String json = "{\"properties\": {\"deep\": " + "[".repeat(997) + "]".repeat(997) + "}}";

        assertThat(LudusJson.readEvent(json).properties()).containsKey("deep");
    }

    @Test
    void readEvent_whenNestedBeyondTheParserLimit_rejectsAsInvalidEvent_sinceItIsValidJson() {
        String json = "{\"externalUserId\": \"u1\", \"properties\": {\"deep\": " + "[".repeat(999)
                + "]".repeat(999) + "}}";

        EventReadException e = catchThrowableOfType(EventReadException.class, () -> LudusJson.readEvent(json));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EVENT);
        assertThat(e.getMessage()).isEqualTo("the event exceeds a bound of the JSON reader: Document "
                + "nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)");
        assertThat(e.externalUserId()).isEqualTo("u1");
    }

    @Test
    void readEvent_whenAPropertyNameIsBeyondTheParserLimit_rejectsAsInvalidEvent() {
        String json = "{\"properties\": {\"" + "k".repeat(60_000) + "\": 1}}";

        assertRejected(json, ErrorCode.INVALID_EVENT, "the event exceeds a bound of the JSON reader");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            this is not json                          | not valid JSON at column 1: Unrecognized token 'this'
            ``                                        | no JSON value
            `   `                                     | no JSON value
            [1, 2]                                    | an event must be a JSON object, found an array
            `"u1"`                                    | an event must be a JSON object, found a string
            null                                      | an event must be a JSON object, found null
            `{"externalUserId": "u1"`                 | not valid JSON at column 24: Unexpected end-of-input: expected close marker for Object
            `{"externalUserId": "u1"} x`              | not valid JSON at column 26: Unrecognized token 'x'
            `{"externalUserId": "u1"} {}`             | unexpected content after the event object at column 26
            `{"externalUserId": "u1"}}`               | not valid JSON at column 25: Unexpected close marker '}'
            `{"a": 1, "a": 2}`                        | not valid JSON at column 13: Duplicate Object property "a"
            `{"properties": {"x": 1, "x": 1}}`        | Duplicate Object property "x"
            `{'externalUserId': 'u1'}`                | was expecting double-quote to start property name
            `{"properties": {"x": NaN}}`              | Non-standard token 'NaN'
            """)
    void readEvent_whenNotExactlyOneJsonObject_rejectsAsInvalidJson(String json, String message) {
        assertRejected(json, ErrorCode.INVALID_JSON, message);
    }

    /**
     * Events are first read without Jackson's duplicate detection; whichever object the repeat is in, whether
     * the first value was null, and whatever broken value follows the repeated name, the message is Jackson's,
     * column included.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"externalUserId": "u1", "externalUserId": "u1"}`       | 42: Duplicate Object property "externalUserId"
            `{"externalUserId": null, "externalUserId": "u1"}`       | 42: Duplicate Object property "externalUserId"
            `{"customerId": "u1", "externalUserId": "u1", "customerId": "u1"}` | 58: Duplicate Object property "customerId"
            `{"email": null, "email": null}`                         | 24: Duplicate Object property "email"
            `{"player": null, "player": null}`                       | 26: Duplicate Object property "player"
            `{"properties": null, "metadata": null, "properties": null}` | 52: Duplicate Object property "properties"
            `{"metadata": {"a":1}, "metadata": {"a":1}}`             | 33: Duplicate Object property "metadata"
            `{"timestamp": "2026-11-21T10:15:30Z", "timestamp": "2026-11-21T10:15:30Z"}` | 50: Duplicate Object property "timestamp"
            `{"player": {"email": "a", "email": "a"}}`               | 34: Duplicate Object property "email"
            `{"player": {"email": null, "email": "a"}}`              | 35: Duplicate Object property "email"
            `{"email":"a","player":{"email":"a"},"email":"a"}`       | 44: Duplicate Object property "email"
            `{"properties": {"x": null, "x": null}}`                 | 31: Duplicate Object property "x"
            `{"properties": {"x": null, "y": 1, "x": 2}}`            | 39: Duplicate Object property "x"
            `{"properties": {"n": {"a": 1, "b": {"c": 1, "c": 2}}}}` | 48: Duplicate Object property "c"
            `{"properties": {"n": [{"a": 1}, {"a": 1, "a": 1}]}}`    | 45: Duplicate Object property "a"
            `{"properties": {"x": 1, "\\u0078": 2}}`                 | 33: Duplicate Object property "x"
            `{"externalUserId": "u", "\\u0065xternalUserId": "v"}`   | 46: Duplicate Object property "externalUserId"
            `{"unknown": {"a": 1, "a": 2}}`                          | 25: Duplicate Object property "a"
            `{"externalUserId": {"a": 1, "a": 2}}`                   | 32: Duplicate Object property "a"
            `{"player": {"foo": {"a":1,"a":2}}}`                     | 30: Duplicate Object property "a"
            `{"eventType": ["a", {"b":1,"b":2}]}`                    | 31: Duplicate Object property "b"
            `{"externalUserId": 5, "x": {"a": 1, "a": 2}}`           | 40: Duplicate Object property "a"
            `{"eventId": "e1", "eventType": "t", "bogus": 1, "eventId": "e2"}` | 58: Duplicate Object property "eventId"
            `{"a": 1, "a": tru}`                                     | 13: Duplicate Object property "a"
            `{"a": 1, "a" 2}`                                        | 13: Duplicate Object property "a"
            `{"eventId":"e","eventId":01}`                           | 25: Duplicate Object property "eventId"
            `{"properties": {"x": 1, "x": 01}}`                      | 28: Duplicate Object property "x"
            `{"properties": {"x": 1, "x": NaN}}`                     | 28: Duplicate Object property "x"
            """)
    void readEvent_whenAKeyRepeats_rejectsAsInvalidJsonInJacksonsWords(String json, String message) {
        EventReadException e = catchThrowableOfType(EventReadException.class, () -> LudusJson.readEvent(json));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(e.getMessage()).isEqualTo("not valid JSON at column " + message);
        assertThat(e.eventId()).isNull();
        assertThat(e.externalUserId()).isNull();
        assertThat(e.eventType()).isNull();
    }

    @Test
    void readEvent_whenAKeyRepeatsOnAnotherLine_reportsJacksonsLineAndColumn() {
        EventReadException e = catchThrowableOfType(EventReadException.class,
                () -> LudusJson.readEvent("{\n \"properties\": {\n   \"k\": 1,\n   \"k\": 2}}"));

        assertThat(e.getMessage()).isEqualTo("not valid JSON at line 4, column 7: Duplicate Object property \"k\"");
    }

    @Test
    void readEvent_whenNameAndAliasAreEachGivenOnce_isNoDuplicate() {
        Event event = LudusJson.readEvent("""
                {"customerId": "u1", "externalUserId": "u1", "eventName": "t", "eventType": "t",
                 "properties": {"a": 1}, "metadata": {"a": 1.0}, "email": "e", "mobile": "m",
                 "player": {"email": "e", "mobile": "m", "displayName": "d"}}""");

        assertThat(event.externalUserId()).isEqualTo("u1");
        assertThat(event.eventType()).isEqualTo("t");
        assertThat(event.properties()).containsExactly(entry("a", 1L));
        assertThat(event.profile()).containsOnly(entry("email", "e"), entry("mobile", "m"), entry("displayName", "d"));
    }

    @Test
    void readEvent_whenTheSameKeyIsInSeveralObjects_isNoDuplicate() {
        Event event = LudusJson.readEvent("""
                {"email": "e", "player": {"email": "e"},
                 "properties": {"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}], "c": {"a": null, "b": {"a": 4}}}}""");

        assertThat(event.properties()).containsOnlyKeys("a", "b", "c");
        assertThat(event.profile()).containsOnly(entry("email", "e"));
    }

    @Test
    void readEvent_whenNumbersAreAtTheEdgesOfALong_keepsLongsExactAndMakesTheRestDoubles() {
        Map<String, Object> p = LudusJson.readEvent("""
                {"properties": {"max": 9223372036854775807, "min": -9223372036854775808,
                 "over": 9223372036854775808, "under": -9223372036854775809, "int+1": 2147483648,
                 "int-1": -2147483649, "huge": 12345678901234567890123, "zero": -0, "negZero": -0.0,
                 "exp": 1e2, "inf": 1E400, "list": [9223372036854775807, 9223372036854775808]}}""").properties();

        assertThat(p.get("max")).isEqualTo(Long.MAX_VALUE);
        assertThat(p.get("min")).isEqualTo(Long.MIN_VALUE);
        assertThat(p.get("over")).isEqualTo(9.223372036854775808E18);
        assertThat(p.get("under")).isEqualTo(-9.223372036854775809E18);
        assertThat(p.get("int+1")).isEqualTo(2147483648L);
        assertThat(p.get("int-1")).isEqualTo(-2147483649L);
        assertThat(p.get("huge")).isEqualTo(1.2345678901234568E22);
        assertThat(p.get("zero")).isEqualTo(0L);
        assertThat(p.get("negZero")).isEqualTo(-0.0);
        assertThat(p.get("exp")).isEqualTo(100.0);
        assertThat(p.get("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(p.get("list")).isEqualTo(List.of(Long.MAX_VALUE, 9.223372036854775808E18));
    }

    @Test
    void readEvent_whenSyntaxErrorFollowsAShapeProblem_reportsInvalidJson() {
        assertRejected("{\"externalUserId\": 5, \"eventType\": ", ErrorCode.INVALID_JSON, "not valid JSON");
    }

    @Test
    void readEvent_whenJsonSpansLines_reportsLineAndColumn() {
        assertRejected("{\n  \"a\": 1,\n  \"a\": 2}", ErrorCode.INVALID_JSON,
                "not valid JSON at line 3, column 6: Duplicate Object property \"a\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"externalUserId": 123}`                  | externalUserId must be a string, found a number
            `{"customerId": ["u1"]}`                   | customerId must be a string, found an array
            `{"eventType": true}`                      | eventType must be a string, found a boolean
            `{"eventName": {"a": 1}}`                  | eventName must be a string, found an object
            `{"eventId": 7}`                           | eventId must be a string, found a number
            `{"idempotencyKey": {"k": 1}}`             | idempotencyKey must be a string, found an object
            `{"timestamp": 1763719200000}`             | timestamp must be a string, found a number
            `{"timestamp": "not-a-time"}`              | timestamp must be an ISO-8601 instant such as 2026-11-21T10:15:30Z, found string "not-a-time"
            `{"timestamp": "2026-11-21"}`              | timestamp must be an ISO-8601 instant such as 2026-11-21T10:15:30Z, found string "2026-11-21"
            `{"properties": [1, 2]}`                   | properties must be an object, found an array
            `{"metadata": "x"}`                        | metadata must be an object, found a string
            `{"email": 5}`                             | email must be a string, found a number
            `{"mobile": false}`                        | mobile must be a string, found a boolean
            `{"player": "john"}`                       | player must be an object, found a string
            `{"player": {"email": 1}}`                 | player.email must be a string, found a number
            `{"player": {"mobile": []}}`               | player.mobile must be a string, found an array
            `{"player": {"displayName": {}}}`          | player.displayName must be a string, found an object
            `{"player": {"age": 30}}`                  | unknown field 'player.age'; known in player: displayName, email, mobile
            `{"userId": "u1"}`                         | unknown field 'userId'; known: customerId, email, eventId, eventName, eventType, externalUserId, idempotencyKey, metadata, mobile, player, properties, timestamp
            `{"extra": null}`                          | unknown field 'extra'
            """)
    void readEvent_whenFieldHasWrongTypeOrIsUnknown_rejectsAsInvalidEventNamingIt(String json, String message) {
        assertRejected(json, ErrorCode.INVALID_EVENT, message);
    }

    @Test
    void readEvent_whenSeveralShapeProblems_reportsTheFirst() {
        assertRejected("{\"eventType\": 1, \"bogus\": 2}", ErrorCode.INVALID_EVENT,
                "eventType must be a string, found a number");
    }

    @Test
    void readEvent_whenShapeProblem_keepsTheIdsItCouldRead() {
        EventReadException e = catchThrowableOfType(EventReadException.class, () -> LudusJson.readEvent("""
                {"eventId": "e-1", "customerId": "u1", "eventName": "purchase", "properties": 5}"""));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EVENT);
        assertThat(e.eventId()).isEqualTo("e-1");
        assertThat(e.externalUserId()).isEqualTo("u1");
        assertThat(e.eventType()).isEqualTo("purchase");
    }

    @Test
    void readEvent_whenAliasesConflict_reportsNoIdForThatField() {
        EventReadException e = catchThrowableOfType(EventReadException.class, () -> LudusJson.readEvent("""
                {"externalUserId": "u1", "customerId": "u2", "eventType": "t"}"""));

        assertThat(e.externalUserId()).isNull();
        assertThat(e.eventType()).isEqualTo("t");
    }

    @Test
    void readEvent_whenNotJson_reportsNoIds() {
        EventReadException e = catchThrowableOfType(EventReadException.class,
                () -> LudusJson.readEvent("{\"eventId\": \"e-1\", \"externalUserId\": \"u1\", \"eventType\": \"t\","));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(e.eventId()).isNull();
        assertThat(e.externalUserId()).isNull();
        assertThat(e.eventType()).isNull();
    }

    @Test
    void readEvent_whenNull_throwsNullPointerException() {
        assertThatThrownBy(() -> LudusJson.readEvent(null)).isInstanceOf(NullPointerException.class);
    }

    private static void assertRejected(String json, ErrorCode code, String message) {
        assertThatThrownBy(() -> LudusJson.readEvent(json))
                .isInstanceOfSatisfying(EventReadException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }
}
