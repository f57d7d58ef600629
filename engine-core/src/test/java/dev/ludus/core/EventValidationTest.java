package dev.ludus.core;

import static dev.ludus.core.Fixtures.T0;
import static dev.ludus.core.Fixtures.props;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleEngine;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC 2, validation: every rule gives {@code rejected} / {@code INVALID_EVENT} with a message naming the field. */
class EventValidationTest {
    private static final String GAME = Fixtures.rules(Fixtures.rule("r", "e", "[{\"type\": \"grant_xp\", \"amount\": 1}]"));

    private final RuleEngine engine = Fixtures.engine(GAME);

    private static Event event(String user, String type, Map<String, ?> properties) {
        return Event.builder().externalUserId(user).eventType(type).timestamp(T0).properties(properties).build();
    }

    private static void assertRejected(EventResult result, String... messageParts) {
        assertThat(result.status()).as("status").isEqualTo(EventStatus.REJECTED);
        assertThat(result.error()).isNotNull();
        assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_EVENT);
        if (messageParts.length > 0) {
            assertThat(result.error().message()).contains(messageParts);
        }
    }

    private void assertProcessed(Event event) {
        EventResult result = engine.track(event);
        assertThat(result.status()).as("%s: %s", event, result.error()).isEqualTo(EventStatus.PROCESSED);
    }

    /** {@code {"k0": {"k1": ... {"leaf": 1}}}}: {@code levels} objects nested inside the properties. */
    private static Map<String, Object> nested(int levels) {
        Map<String, Object> inner = new LinkedHashMap<>(Map.of("leaf", 1));
        for (int i = levels - 1; i >= 0; i--) {
            Map<String, Object> outer = new LinkedHashMap<>();
            outer.put("k" + i, inner);
            inner = outer;
        }
        return inner;
    }

    private static Map<String, Object> keys(int count) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put("key" + i, i);
        }
        return map;
    }

    @Test
    void externalUserId_blankOrMissing_isRejected() {
        for (String user : new String[] {null, "", "   ", "\t", "\u2003", " ".repeat(300)}) {
            EventResult result = engine.track(event(user, "e", Map.of()));
            assertRejected(result);
            assertThat(result.error().message()).isEqualTo("externalUserId: required, must not be blank");
        }
    }

    @Test
    void eventIdOrIdempotencyKey_givenButBlank_isRejected_namingThemOptional() {
        EventResult blankId = engine.track(Event.builder().externalUserId("u").eventType("e").eventId(" ").build());
        EventResult blankKey = engine.track(Event.builder().externalUserId("u").eventType("e").idempotencyKey("")
                .build());

        assertRejected(blankId);
        assertThat(blankId.error().message()).isEqualTo("eventId: must not be blank when given");
        assertRejected(blankKey);
        assertThat(blankKey.error().message()).isEqualTo("idempotencyKey: must not be blank when given");
    }

    @Test
    void externalUserId_longerThan256_isRejected() {
        assertProcessed(event("u".repeat(256), "e", Map.of()));
        assertRejected(engine.track(event("u".repeat(257), "e", Map.of())), "externalUserId", "256");
    }

    @Test
    void eventIdAndIdempotencyKey_longerThan256_areRejected_namingTheSetting() {
        assertProcessed(Event.builder().externalUserId("u").eventType("e").timestamp(T0).eventId("i".repeat(256))
                .idempotencyKey("k".repeat(256)).build());

        EventResult longId = engine.track(Event.builder().externalUserId("u").eventType("e").eventId("i".repeat(257))
                .build());
        EventResult longKey = engine.track(Event.builder().externalUserId("u").eventType("e")
                .idempotencyKey("k".repeat(257)).build());

        assertRejected(longId);
        assertThat(longId.error().message())
                .isEqualTo("eventId: 257 characters, at most 256 allowed (raise maxEventIdLength)");
        assertRejected(longKey);
        assertThat(longKey.error().message())
                .isEqualTo("idempotencyKey: 257 characters, at most 256 allowed (raise maxIdempotencyKeyLength)");
    }

    private static final String EMOJI = "\uD83D\uDE00"; // one character, two chars

    @Test
    void lengthLimits_countCharacters_notUtf16Chars() {
        assertProcessed(Event.builder().externalUserId(EMOJI.repeat(256)).eventType(EMOJI.repeat(128))
                .eventId(EMOJI.repeat(256)).idempotencyKey(EMOJI.repeat(256)).timestamp(T0)
                .properties(props("text", EMOJI.repeat(65_536))).profile("displayName", EMOJI.repeat(65_536)).build());
        assertProcessed(event(EMOJI.repeat(200) + "u".repeat(56), "e", Map.of()));

        Map<Event, String> messages = new LinkedHashMap<>();
        messages.put(event(EMOJI.repeat(257), "e", Map.of()),
                "externalUserId: 257 characters, at most 256 allowed (raise maxExternalUserIdLength)");
        messages.put(event("u" + EMOJI.repeat(256), "e", Map.of()),
                "externalUserId: 257 characters, at most 256 allowed (raise maxExternalUserIdLength)");
        messages.put(event("u", EMOJI.repeat(129), Map.of()),
                "eventType: 129 characters, at most 128 allowed (raise maxEventTypeLength)");
        messages.put(Event.builder().externalUserId("u").eventType("e").eventId(EMOJI.repeat(257)).build(),
                "eventId: 257 characters, at most 256 allowed (raise maxEventIdLength)");
        messages.put(Event.builder().externalUserId("u").eventType("e").idempotencyKey(EMOJI.repeat(257)).build(),
                "idempotencyKey: 257 characters, at most 256 allowed (raise maxIdempotencyKeyLength)");
        messages.put(event("u", "e", props("text", EMOJI.repeat(65_537))),
                "properties.text: string of 65537 characters, at most 65536 allowed (raise maxPropertyStringLength)");
        messages.put(Event.builder().externalUserId("u").eventType("e").profile("displayName", EMOJI.repeat(65_537))
                .build(),
                "player.displayName: string of 65537 characters, at most 65536 allowed (raise maxPropertyStringLength)");
        messages.forEach((event, message) -> {
            EventResult result = engine.track(event);
            assertRejected(result);
            assertThat(result.error().message()).isEqualTo(message);
        });
    }

    @Test
    void unpairedSurrogates_inAnyText_areRejected_namingTheFieldAndIndex() {
        Map<Event, String> messages = new LinkedHashMap<>();
        messages.put(event("u\uD800", "e", Map.of()), "externalUserId: contains an unpaired surrogate at index 1");
        messages.put(event("\uDC00u", "e", Map.of()), "externalUserId: contains an unpaired surrogate at index 0");
        messages.put(event(EMOJI + "\uDE00" + "\uD83D", "e", Map.of()),
                "externalUserId: contains an unpaired surrogate at index 2");
        messages.put(event("u", "e\uD800\uD800\uDC00", Map.of()), "eventType: contains an unpaired surrogate at index 1");
        messages.put(Event.builder().externalUserId("u").eventType("e").eventId("id\uDBFF").build(),
                "eventId: contains an unpaired surrogate at index 2");
        messages.put(Event.builder().externalUserId("u").eventType("e").idempotencyKey("\uDC00\uD800").build(),
                "idempotencyKey: contains an unpaired surrogate at index 0");
        messages.put(Event.builder().externalUserId("u").eventType("e").profile("displayName", "Jo\uD800").build(),
                "player.displayName: contains an unpaired surrogate at index 2");
        messages.put(Event.builder().externalUserId("u").eventType("e").profile("x\uDC00", "Jo").build(),
                "player: field name \"x\\udc00\" contains an unpaired surrogate at index 1");
        messages.put(event("u", "e", props("name", "u\uD800")),
                "properties.name: contains an unpaired surrogate at index 1");
        messages.put(event("u", "e", props("tags", List.of("ok", EMOJI + "\uDC00"))),
                "properties.tags.1: contains an unpaired surrogate at index 2");
        messages.put(event("u", "e", props("u\uD800", 1)),
                "properties: key \"u\\ud800\" contains an unpaired surrogate at index 1");
        messages.put(event("u", "e", props("o", List.of(props("a\nb\uDC00", 1)))),
                "properties.o.0: key \"a\\nb\\udc00\" contains an unpaired surrogate at index 3");
        messages.forEach((event, message) -> {
            EventResult result = engine.track(event);
            assertRejected(result);
            assertThat(result.error().message()).isEqualTo(message);
        });
    }

    @Test
    void surrogatePairs_areOneCharacterLikeAnyOther() {
        assertProcessed(Event.builder().externalUserId(EMOJI).eventType("e" + EMOJI).timestamp(T0).eventId(EMOJI + "1")
                .idempotencyKey(EMOJI).profile("displayName", EMOJI).profile(EMOJI, "x")
                .properties(props(EMOJI, EMOJI, "list", List.of(EMOJI + EMOJI))).build());
        // a pair is not blank, whitespace around it or not
        assertProcessed(event(" " + EMOJI + " ", "e", Map.of()));
    }

    @Test
    void externalUserId_withControlCharacters_isRejected() {
        Map<String, Integer> indexes = Map.of("user\u0000", 4, "a\nb", 1, "a\tb", 1, "bell\u0007", 4, "del\u007f", 3,
                "c1\u0085", 2);
        indexes.forEach((user, index) -> {
            EventResult result = engine.track(event(user, "e", Map.of()));
            assertRejected(result);
            assertThat(result.error().message())
                    .isEqualTo("externalUserId: contains a control character at index " + index);
        });
    }

    @Test
    void eventType_blankOrMissing_isRejected() {
        for (String type : new String[] {null, "", "  "}) {
            EventResult result = engine.track(event("u", type, Map.of()));
            assertRejected(result);
            assertThat(result.error().message()).isEqualTo("eventType: required, must not be blank");
        }
    }

    @Test
    void eventType_longerThan128_isRejected() {
        assertProcessed(event("u", "e".repeat(128), Map.of()));
        assertRejected(engine.track(event("u", "e".repeat(129), Map.of())), "eventType", "128");
    }

    @Test
    void eventType_withControlCharacters_isRejected() {
        assertRejected(engine.track(event("u", "lesson\r\ncompleted", Map.of())), "eventType");
    }

    /**
     * A rule for every calendar computation of the engine in {@code zone}: a limit per period of each unit,
     * windows of each unit, streaks, local hours and days.
     */
    private static String calendarGame(String zone) {
        List<String> rules = new ArrayList<>();
        String grant = "[{\"type\": \"grant_xp\", \"amount\": 1}]";
        for (String unit : List.of("hour", "day", "week", "month", "year")) {
            rules.add("""
                    {"id": "per-%1$s", "name": "per-%1$s", "trigger": {"eventType": "e"}, "actions": %3$s,
                     "limits": {"maxPerPeriod": {"count": 1, "period": "%1$s", "timezone": "%2$s"}}}""".formatted(unit,
                    zone, grant));
        }
        for (String unit : List.of("hour", "day", "week", "month")) {
            rules.add(Fixtures.rule("window-" + unit, "e", """
                    [{"type": "event_count", "min": 1, "window": {"unit": "%1$s", "count": 1000, "timezone": "%2$s"}},
                     {"type": "property_sum", "property": "n", "window": {"unit": "%1$s", "count": 1, "timezone": "%2$s"}},
                     {"type": "distinct_count", "property": "n", "window": {"unit": "%1$s", "count": 3, "timezone": "%2$s"}}]
                    """.formatted(unit, zone), grant));
        }
        for (String unit : List.of("day", "week")) {
            rules.add(Fixtures.rule("streak-" + unit, "e", """
                    [{"type": "streak", "unit": "%s", "min": 1, "graceUnits": 30, "timezone": "%s"}]""".formatted(unit,
                    zone), grant));
        }
        rules.add(Fixtures.rule("local-time", "e", """
                [{"type": "time_window", "startHour": 0, "endHour": 24, "timezone": "%1$s"},
                 {"type": "day_of_week", "days": ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"], "timezone": "%1$s"}]
                """.formatted(zone), grant));
        return Fixtures.rules(rules.toArray(String[]::new));
    }

    @Test
    void timestamp_atEitherEndOfTheRange_isProcessedByEveryCalendarComputation_inEveryZone() {
        Instant earliest = Instant.parse("0000-01-01T00:00:00Z");
        Instant latest = Instant.parse("9999-12-31T23:59:59.999999999Z");
        List<String> perPeriod = List.of("per-hour", "per-day", "per-week", "per-month", "per-year");
        // Etc/GMT-14 is 14 hours east of UTC and Etc/GMT+12 12 hours west, the ends of the IANA zones (which a
        // historical zone such as Pacific/Kiritimati is not in year 0); offsets reach 18 hours either way.
        for (String zone : List.of("Etc/GMT-14", "Etc/GMT+12", "+18:00", "-18:00", "UTC")) {
            RuleEngine calendar = Fixtures.engine(calendarGame(zone));
            for (Instant at : List.of(earliest, latest)) {
                String user = "u-" + at;
                Event event = Event.builder().externalUserId(user).eventType("e").timestamp(at)
                        .properties(props("n", 1)).build();

                EventResult first = calendar.track(event);
                EventResult again = calendar.track(event);

                assertThat(first.status()).as("%s in %s: %s", at, zone, first.error()).isEqualTo(EventStatus.PROCESSED);
                assertThat(first.rulesTriggered()).as("%s in %s", at, zone).hasSize(12).containsAll(perPeriod);
                assertThat(again.status()).as("%s in %s: %s", at, zone, again.error()).isEqualTo(EventStatus.PROCESSED);
                assertThat(again.rulesTriggered()).as("%s in %s", at, zone).hasSize(7).doesNotContainAnyElementsOf(perPeriod);
                assertThat(again.rulesSuppressed()).extracting(s -> s.reason()).as("%s in %s", at, zone)
                        .containsOnly("max_per_period").hasSize(5);
            }
        }
    }

    @Test
    void timestamp_outsideYears0000To9999_isRejected() {
        String range = " is out of range, must be from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z";
        Map<String, String> messages = Map.of(
                "-0001-12-31T23:59:59.999999999Z", "timestamp: -0001-12-31T23:59:59.999999999Z" + range,
                "+10000-01-01T00:00:00Z", "timestamp: +10000-01-01T00:00:00Z" + range,
                "+1000000000-12-31T23:59:59Z", "timestamp: +1000000000-12-31T23:59:59Z" + range,
                "-1000000000-01-01T00:00:00Z", "timestamp: -1000000000-01-01T00:00:00Z" + range);
        messages.forEach((timestamp, message) -> {
            EventResult result = engine.track(Event.builder().externalUserId("u").eventType("e")
                    .timestamp(Instant.parse(timestamp)).build());
            assertRejected(result);
            assertThat(result.error().message()).isEqualTo(message);
        });
    }

    @Test
    void noTimestamp_andAnEngineClockOutsideYears0000To9999_isRejected_andChangesNothing() {
        RuleEngine farFuture = Ludus.builder().game(Fixtures.rules(Fixtures.rule("r", "e",
                        "[{\"type\": \"grant_xp\", \"amount\": 1}]")))
                .clock(Clock.fixed(Instant.parse("+10000-01-01T00:00:00Z"), ZoneOffset.UTC)).build();

        EventResult result = farFuture.track(Event.builder().externalUserId("u").eventType("e").build());

        assertRejected(result);
        assertThat(result.error().message()).isEqualTo("timestamp: none given, and the engine clock's now, "
                + "+10000-01-01T00:00:00Z, is out of range, must be from 0000-01-01T00:00:00Z to "
                + "9999-12-31T23:59:59.999999999Z");
        assertThat(farFuture.player("u")).isEmpty();
        assertThat(farFuture.track(Event.builder().externalUserId("u").eventType("e").timestamp(T0).build())
                .status()).isEqualTo(EventStatus.PROCESSED);
    }

    @Test
    void properties_nestedDeeperThan8_areRejected() {
        // Whether or not the properties object itself counts as a level, 7 nested objects are within 8
        // and 9 are beyond it.
        assertProcessed(event("u", "e", nested(7)));
        assertRejected(engine.track(event("u", "e", nested(9))), "k0", "8");
    }

    @Test
    void properties_aMapThatContainsItself_isRejectedForItsDepth_notAStackOverflow() {
        Map<String, Object> loop = new HashMap<>();
        loop.put("again", loop);
        Event event = Event.builder().externalUserId("u").eventType("e").property("loop", loop).build();

        assertRejected(engine.track(event), "properties.loop.again", "nested deeper than 8 levels");
    }

    @Test
    void properties_nestedArraysCountAsDepth() {
        Object deep = 1;
        for (int i = 0; i < 12; i++) {
            deep = List.of(deep);
        }
        assertRejected(engine.track(event("u", "e", props("matrix", deep))), "matrix");
    }

    @Test
    void properties_withMoreThan256KeysInTotal_areRejected() {
        assertProcessed(event("u", "e", keys(256)));
        assertRejected(engine.track(event("u", "e", keys(257))), "256");
    }

    @Test
    void properties_keyCount_includesNestedObjects() {
        Map<String, Object> properties = keys(200);
        properties.put("nested", keys(56)); // 201 + 56 = 257 keys in total
        assertRejected(engine.track(event("u", "e", properties)), "256");
        Map<String, Object> fits = keys(200);
        fits.put("nested", keys(55)); // 256
        assertProcessed(event("u", "e", fits));
    }

    @Test
    void properties_stringsLongerThan64KiB_areRejected() {
        assertProcessed(event("u", "e", props("text", "x".repeat(65_536))));
        assertRejected(engine.track(event("u", "e", props("text", "x".repeat(65_537)))), "text");
        assertRejected(engine.track(event("u", "e", props("list", List.of("ok", "x".repeat(65_537))))), "list");
        assertRejected(engine.track(event("u", "e", props("o", Map.of("deep", "x".repeat(65_537))))), "deep");
    }

    @Test
    void properties_nonFiniteNumbers_areRejected() {
        for (Object bad : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN,
                Float.POSITIVE_INFINITY)) {
            assertRejected(engine.track(event("u", "e", props("score", bad))), "score");
        }
        assertRejected(engine.track(event("u", "e", props("scores", List.of(1, Double.NaN)))), "scores");
        assertRejected(engine.track(event("u", "e", props("o", Map.of("inner", Double.NaN)))), "inner");
    }

    @Test
    void properties_bigDecimalsBeyondTheRangeOfADouble_areRejected_notStoredAsInfinity() {
        Map<String, String> messages = Map.of(
                "1e400", "properties.score: numbers must be finite, found 1E+400 (Infinity as a double)",
                "-1e400", "properties.score: numbers must be finite, found -1E+400 (-Infinity as a double)",
                "1.8e308", "properties.score: numbers must be finite, found 1.8E+308 (Infinity as a double)");
        messages.forEach((number, message) -> {
            EventResult result = engine.track(event("u", "e", props("score", new BigDecimal(number))));
            assertRejected(result);
            assertThat(result.error().message()).isEqualTo(message);
        });
        EventResult nested = engine.track(event("u", "e", props("o", Map.of("list", List.of(1,
                new BigDecimal("1e400"))))));
        assertRejected(nested);
        assertThat(nested.error().message())
                .isEqualTo("properties.o.list.1: numbers must be finite, found 1E+400 (Infinity as a double)");
    }

    @Test
    void properties_bigNumbersADoubleHolds_areAccepted_andBigIntegersBeyond64Bits_areRejected() {
        assertProcessed(event("u", "e", props("max", new BigDecimal("1.7976931348623157e308"),
                "min", new BigDecimal("-1.7976931348623157e308"), "tiny", new BigDecimal("1e-400"),
                "long", new BigInteger("9223372036854775807"))));
        EventResult result = engine.track(event("u", "e", props("n", BigInteger.TEN.pow(400))));
        assertRejected(result);
        assertThat(result.error().message()).isEqualTo("properties.n: whole number " + BigInteger.TEN.pow(400)
                + " does not fit in 64 bits");
    }

    @Test
    void properties_unsupportedValueTypes_areRejected() {
        for (Object bad : List.of(new Object(), Instant.EPOCH, 'c', Optional.of(1), new char[] {'a'},
                new StringBuilder("sb"), Set.of("a", "b"))) {
            assertRejected(engine.track(event("u", "e", props("weird", bad))), "weird");
        }
        assertRejected(engine.track(event("u", "e", props("o", Map.of("when", Instant.EPOCH)))), "when");
    }

    @Test
    void properties_jsonLikeJavaValues_areAccepted() {
        List<Object> list = new ArrayList<>();
        list.add(null);
        list.add("s");
        assertProcessed(event("u", "e", props("int", 1, "long", 2L, "short", (short) 3, "byte", (byte) 4,
                "float", 1.5f, "double", 2.5, "bigDecimal", new BigDecimal("3.25"), "bigInteger", BigInteger.TEN,
                "bool", true, "null", null, "list", list, "map", Map.of("k", List.of(Map.of("x", 1))))));
    }

    @Test
    void properties_areComparedAfterNormalisation() {
        // an Integer and a BigDecimal property satisfy whole-number conditions like their JSON form would
        RuleEngine gte = Fixtures.engine(Fixtures.rules(Fixtures.rule("r", "e",
                "[{\"type\": \"property_eq\", \"property\": \"n\", \"value\": 3}]", "[]")));
        assertThat(gte.track(event("u", "e", props("n", (short) 3))).rulesTriggered()).containsExactly("r");
        assertThat(gte.track(event("u", "e", props("n", new BigDecimal("3.0")))).rulesTriggered()).containsExactly("r");
    }

    @Test
    void maxPropertyKeys_countsKeysAtEveryLevel_inMapsInsideListsToo() {
        RuleEngine tight = Ludus.builder().game(GAME).clock(Fixtures.CLOCK).maxPropertyKeys(5).build();

        assertThat(tight.track(event("u", "e", props("a", 1, "b", props("c", 1, "d", 1), "e", 2))).status())
                .isEqualTo(EventStatus.PROCESSED);
        assertRejected(tight.track(event("u", "e", props("a", 1, "b", props("c", 1, "d", 1), "e", List.of(props("f", 1))))),
                "properties.e.0: more than 5 keys in properties in total (raise maxPropertyKeys)");
        assertRejected(tight.track(event("u", "e", props("a", List.of(props("b", 1), props("c", 1)), "d", props("e", 1, "f", 1)))),
                "properties.d: more than 5 keys in properties in total (raise maxPropertyKeys)");
        assertRejected(tight.track(event("u", "e", props("a", props(), "b", 1, "c", 1, "d", 1, "e", 1, "f", 1))),
                "properties: more than 5 keys in properties in total (raise maxPropertyKeys)");
    }

    @Test
    void limits_areConfigurableOnTheBuilder_andMessagesNameTheSetting() {
        RuleEngine tight = Ludus.builder().game(GAME).clock(Fixtures.CLOCK)
                .maxExternalUserIdLength(5)
                .maxEventTypeLength(3)
                .maxEventIdLength(4)
                .maxIdempotencyKeyLength(2)
                .maxPropertyDepth(3)
                .maxPropertyKeys(4)
                .maxPropertyStringLength(10)
                .build();
        assertThat(tight.track(event("abcde", "e", Map.of())).status()).isEqualTo(EventStatus.PROCESSED);
        assertRejected(tight.track(event("abcdef", "e", Map.of())), "externalUserId", "maxExternalUserIdLength");

        assertThat(tight.track(event("u", "abc", Map.of())).status()).isEqualTo(EventStatus.PROCESSED);
        assertRejected(tight.track(event("u", "abcd", Map.of())), "eventType", "maxEventTypeLength");

        assertThat(tight.track(Event.builder().externalUserId("u").eventType("e").eventId("id-4")
                .idempotencyKey("k2").build()).status()).isEqualTo(EventStatus.PROCESSED);
        assertRejected(tight.track(Event.builder().externalUserId("u").eventType("e").eventId("id-05").build()),
                "eventId: 5 characters, at most 4 allowed (raise maxEventIdLength)");
        assertRejected(tight.track(Event.builder().externalUserId("u").eventType("e").idempotencyKey("k03").build()),
                "idempotencyKey: 3 characters, at most 2 allowed (raise maxIdempotencyKeyLength)");

        assertThat(tight.track(event("u", "e", nested(2))).status()).isEqualTo(EventStatus.PROCESSED);
        assertRejected(tight.track(event("u", "e", nested(4))), "maxPropertyDepth");

        assertThat(tight.track(event("u", "e", keys(4))).status()).isEqualTo(EventStatus.PROCESSED);
        assertRejected(tight.track(event("u", "e", keys(5))), "maxPropertyKeys");

        assertThat(tight.track(event("u", "e", props("s", "0123456789"))).status()).isEqualTo(EventStatus.PROCESSED);
        assertRejected(tight.track(event("u", "e", props("s", "0123456789X"))), "s", "maxPropertyStringLength");

        // the default engine accepts what the tight one refused
        assertProcessed(Event.builder().externalUserId("abcdef").eventType("abcd").eventId("id-05")
                .idempotencyKey("k03").properties(props("s", "0123456789X")).build());
    }

    @Test
    void rejectedResult_echoesTheInputIds() {
        EventResult result = engine.track(Event.builder().eventId("evt-9").externalUserId("u").eventType("e")
                .timestamp(T0).property("x", Double.NaN).build());
        assertThat(result.eventId()).isEqualTo("evt-9");
        assertThat(result.externalUserId()).isEqualTo("u");
        assertThat(result.eventType()).isEqualTo("e");
    }
}
