package dev.ludus.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.ErrorInfo;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.Update;
import dev.ludus.api.spi.IdempotencyRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The in-memory store keeps idempotency records as bytes: what it reads back must equal what was committed, field
 * for field and type for type, and a record holding a value with no encoding must be kept as the object itself.
 */
class IdempotencyCodecTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:15:30.123456789Z");
    private static final String FINGERPRINT = "f2:AzsAi_gEqZCfrd1f_pEIFQ";

    private final IdempotencyCodec codec = new IdempotencyCodec(new ListCodes());

    private static EventResult result(String eventId, String user, List<Update> updates) {
        return new EventResult(eventId, user, "order_placed", EventStatus.PROCESSED, "v1",
                List.of("order", "big-order"), List.of("grant_xp", "grant_currency"), List.of(), List.of(), updates,
                null, null);
    }

    /** @return a map of alternating keys and values, in that order, which may hold nulls */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** @return what the store keeps for {@code record}, after checking that it reads back equal */
    private Object roundTrip(IdempotencyRecord record, String user) {
        Object kept = codec.encode(record, user);
        IdempotencyRecord read = codec.decode(kept, record.key(), user);
        assertThat(read).isEqualTo(record);
        assertThat(read.result().updates()).isEqualTo(record.result().updates());
        return kept;
    }

    private void assertKeptAsBytes(IdempotencyRecord record, String user) {
        assertThat(roundTrip(record, user)).isInstanceOf(byte[].class);
    }

    private void assertKeptAsObject(IdempotencyRecord record) {
        assertThat(roundTrip(record, "u")).isSameAs(record);
    }

    @Test
    void everyUpdateType_suppressionsAndFailures_readBackEqual() {
        Map<String, Object> nested = map("name", "Zo\u00eb \u4e2d\u6587 \ud83c\udfae", "n", Long.MIN_VALUE,
                "x", -0.0, "nan", Double.NaN, "inf", Double.NEGATIVE_INFINITY, "ok", true, "no", false, "none", null,
                "list", List.of(1L, "two", List.of(), map()), "deep", map("a", map("b", Arrays.asList(null, 3.5))));
        List<Update> updates = List.of(
                new Update.XpUpdated(Long.MAX_VALUE, -40, 12),
                new Update.LevelUp(1, 2),
                new Update.LevelUp(Integer.MIN_VALUE, Integer.MAX_VALUE),
                new Update.CurrencyUpdated("coins", 0, -5),
                new Update.CurrencyUpdated("g\u00e9ms \u20ac", Long.MIN_VALUE, Long.MAX_VALUE),
                new Update.QuestProgress("q1", 3, 10L),
                new Update.QuestProgress("undeclared", -1, null),
                new Update.QuestProgress("q2", 10, Long.MIN_VALUE),
                new Update.QuestCompleted("q1", 7),
                new Update.BadgeEarned("first-\u00e9tape"),
                new Update.AttributeUpdated("profile", nested),
                new Update.AttributeUpdated("cleared", null),
                new Update.AttributeUpdated("tier", "gold"),
                new Update.AttributeUpdated("ratio", 0.25),
                new Update.AttributeUpdated("count", 7L),
                new Update.AttributeUpdated("flag", false),
                new Update.AttributeUpdated("tags", List.of("a", "\u0100")),
                new Update.Notification("level.up", map("to", 2L, "who", "\u65e5\u672c")),
                new Update.Notification("ping", null),
                new Update.Notification("list", new ArrayList<>(List.of(1L, 2L))));
        EventResult result = new EventResult(UUID.randomUUID().toString(), "u", "order_placed",
                EventStatus.PROCESSED, "v1", List.of("order"), List.of("grant_xp", "set_attribute", "notify"),
                List.of(new RuleSuppression("daily", "cooldown"), new RuleSuppression("r\u00e9gle", "max_per_period")),
                List.of(new RuleFailure("spend", ErrorCode.INSUFFICIENT_FUNDS, "balance 3 < 5"),
                        new RuleFailure("calc", ErrorCode.EXPRESSION_ERROR, "\u4e2d: division by zero")),
                updates, null, null);
        assertKeptAsBytes(new IdempotencyRecord("order-789", FINGERPRINT, T0, result), "u");
    }

    @Test
    void emptyResult_readsBackEqual() {
        assertKeptAsBytes(new IdempotencyRecord("k", FINGERPRINT, T0,
                result(UUID.randomUUID().toString(), "u", List.of())), "u");
    }

    @Test
    void eventIdsInOtherForms_areKeptAsStrings() {
        String uuid = "0c2d5a84-6f0e-4c1b-9d3a-7e5f1b2c3d4e";
        for (String id : List.of(uuid, uuid.toUpperCase(), uuid.replace("-", ""), uuid + " ", "order-1", "",
                "\u00e9v\u00e9nement", "\u4e2d\u6587", "0c2d5a84-6f0e-4c1b-9d3a-7e5f1b2c3d4g")) {
            assertKeptAsBytes(new IdempotencyRecord("k", FINGERPRINT, T0, result(id, "u", List.of())), "u");
        }
    }

    @Test
    void fingerprintsInOtherForms_areKeptAsStrings() {
        String sha = "3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"; // the earlier form: 43 chars, no prefix
        for (String fingerprint : List.of(FINGERPRINT, "f2:AAAAAAAAAAAAAAAAAAAAAA", "f2:______________________w",
                "f2:AzsAi_gEqZCfrd1f_pEIFR", "f2:AzsAi_gEqZCfrd1f_pEIF", "f2:AzsAi_gEqZCfrd1f_pEIFQQ",
                "f2:AzsAi+gEqZCfrd1f_pEIFQ", "f2:AzsAi_gEqZCfrd1f_pEIF=", "f3:AzsAi_gEqZCfrd1f_pEIFQ",
                "f2:AzsAi_gEqZCfrd1f_pEI\u00e9Q", "f2:AzsAi_gEqZCfrd1f_pEI\u4e2dQ", sha, "", "fingerprint-1")) {
            assertKeptAsBytes(new IdempotencyRecord("k", fingerprint, T0,
                    result(UUID.randomUUID().toString(), "u", List.of())), "u");
        }
    }

    @Test
    void aResultOfAnotherPlayerOrOfNone_keepsItsPlayer() {
        assertKeptAsBytes(new IdempotencyRecord("k", FINGERPRINT, T0, result("e1", "someone-else", List.of())), "u");
        assertKeptAsBytes(new IdempotencyRecord("k", FINGERPRINT, T0, result("e1", null, List.of())), "u");
        assertKeptAsBytes(new IdempotencyRecord("k", FINGERPRINT, T0, result("e1", "\u00fc\u4e2d", List.of())),
                "\u00fc\u4e2d");
    }

    @Test
    void everyStatus_error_andOriginalEventId_readBackEqual() {
        for (EventStatus status : EventStatus.values()) {
            for (ErrorCode code : ErrorCode.values()) {
                boolean error = status == EventStatus.REJECTED || status == EventStatus.FAILED;
                EventResult result = new EventResult("e1", "u", null, status, null, List.of(), List.of(), List.of(),
                        List.of(), List.of(), error ? new ErrorInfo(code, "bad \u20ac") : null,
                        status == EventStatus.DUPLICATE ? "original-\u00e9" : null);
                assertKeptAsBytes(new IdempotencyRecord("k", FINGERPRINT, T0, result), "u");
            }
        }
    }

    @Test
    void eventTimes_keepEverySecondAndNano() {
        for (Instant time : List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999),
                T0)) {
            assertKeptAsBytes(new IdempotencyRecord("k", FINGERPRINT, time, result("e1", "u", List.of())), "u");
        }
    }

    @Test
    void ruleListsBeyondTheTable_areWrittenOut() {
        IdempotencyCodec small = new IdempotencyCodec(new ListCodes(1));
        EventResult result = new EventResult("e1", "u", "t", EventStatus.PROCESSED, "v", List.of("a"),
                List.of("grant_xp", "\u00e9"), List.of(), List.of(), List.of(), null, null);
        IdempotencyRecord record = new IdempotencyRecord("k", FINGERPRINT, T0, result);
        Object kept = small.encode(record, "u");
        assertThat(kept).isInstanceOf(byte[].class);
        assertThat(small.decode(kept, "k", "u")).isEqualTo(record);
    }

    /** @return a record of the reference workload's most common shape: two rules, each granting XP and coins */
    private static IdempotencyRecord referenceWorkloadRecord(String key) {
        EventResult result = new EventResult(UUID.randomUUID().toString(), "player-02913", "type_00",
                EventStatus.PROCESSED, "rw-1000", List.of("rule-0400", "rule-0900"),
                List.of("grant_xp", "grant_currency", "grant_xp", "grant_currency"), List.of(), List.of(),
                List.of(new Update.XpUpdated(10, 10, 1), new Update.CurrencyUpdated("coins", 2, 2),
                        new Update.XpUpdated(20, 10, 1), new Update.CurrencyUpdated("coins", 7, 5)),
                null, null);
        return new IdempotencyRecord(key, FINGERPRINT, T0, result);
    }

    @Test
    void aReferenceWorkloadRecord_keepsItsNamesAsNumbers_inAFewBytes() {
        // The claim in the class Javadoc and docs/performance.md: the event type, the rule set version and the
        // currency are numbers (one byte each here), the lists too; 46 fixed bytes and 23 more.
        IdempotencyRecord record = referenceWorkloadRecord("k");
        assertThat((byte[]) roundTrip(record, "player-02913")).hasSize(69);
        // Written out, as before the names had numbers (and once the table is full): 8 + 8 + 6 + 6 bytes instead of
        // four.
        IdempotencyCodec full = new IdempotencyCodec(new ListCodes(), new StringCodes(0));
        Object kept = full.encode(record, "player-02913");
        assertThat((byte[]) kept).hasSize(93);
        assertThat(full.decode(kept, "k", "player-02913")).isEqualTo(record);
    }

    @Test
    void namesLongerThanTheBound_areWrittenOut_notNumbered_andReadBackEqual() {
        String atBound = "b".repeat(IdempotencyCodec.MAX_NUMBERED_NAME);
        String beyond = "b".repeat(IdempotencyCodec.MAX_NUMBERED_NAME + 1);
        StringCodes names = new StringCodes();
        IdempotencyCodec codec = new IdempotencyCodec(new ListCodes(), names);
        EventResult result = new EventResult("e1", "u", beyond, EventStatus.PROCESSED, "v1", List.of("r"),
                List.of("award_badge", "award_badge"), List.of(), List.of(),
                List.of(new Update.BadgeEarned(atBound), new Update.BadgeEarned(beyond)), null, null);
        IdempotencyRecord record = new IdempotencyRecord("k", FINGERPRINT, T0, result);

        Object kept = codec.encode(record, "u");

        assertThat(codec.decode(kept, "k", "u")).isEqualTo(record);
        assertThat(names.codeOf(atBound)).isEqualTo(1); // after "v1": numbered when the record was written
        assertThat(names.codeOf("v1")).isZero();
        assertThat(names.codeOf("another")).as("the next number: the longer name took none").isEqualTo(2);
    }

    @Test
    void namesBeyondTheTable_areWrittenOut_andReadBackEqual() {
        List<Update> updates = List.of(new Update.CurrencyUpdated("coins", 1, 1),
                new Update.CurrencyUpdated("g\u00e9ms \u20ac", 2, 2), new Update.QuestProgress("q1", 3, 10L),
                new Update.QuestProgress("q\u4e2d", 1, null), new Update.QuestCompleted("q1", 1),
                new Update.BadgeEarned("first-\u00e9tape"), new Update.BadgeEarned(""),
                new Update.AttributeUpdated("tier", "gold"), new Update.Notification("level.up", Map.of("to", 2L)),
                new Update.Notification("x".repeat(40), null));
        EventResult result = new EventResult("e1", "u", "order_\u00e9", EventStatus.PROCESSED, "v\u4e2d",
                List.of("order"), List.of("grant_xp"),
                List.of(new RuleSuppression("daily", "cooldown"), new RuleSuppression("r\u00e9gle", "cooldown")),
                List.of(new RuleFailure("spend", ErrorCode.INSUFFICIENT_FUNDS, "balance 3 < 5")), updates, null,
                null);
        IdempotencyRecord record = new IdempotencyRecord("k", FINGERPRINT, T0, result);
        // No room at all, room for some of the names (the first ones written get numbers, the rest are written out),
        // and room for all.
        int[] sizes = new int[3];
        int i = 0;
        for (int max : new int[] {0, 3, 1 << 16}) {
            IdempotencyCodec small = new IdempotencyCodec(new ListCodes(), new StringCodes(max));
            for (int round = 0; round < 2; round++) {
                Object kept = small.encode(record, "u");
                assertThat(kept).isInstanceOf(byte[].class);
                assertThat(small.decode(kept, "k", "u")).isEqualTo(record);
                assertThat(small.decode(kept, "k", "u").result().updates()).isEqualTo(updates);
                sizes[i] = ((byte[]) kept).length;
            }
            i++;
        }
        assertThat(sizes[0]).isGreaterThan(sizes[1]);
        assertThat(sizes[1]).isGreaterThan(sizes[2]);
    }

    @Test
    void namesSharedByManyRecords_decodeRight_afterAllAreWritten() {
        IdempotencyCodec shared = new IdempotencyCodec(new ListCodes(), new StringCodes(100));
        List<IdempotencyRecord> records = new ArrayList<>();
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            // Ten event types, two versions, three currencies and quests shared by all; badges unique to each record,
            // so that the table fills up (at 100 names) part of the way through and later badges are written out.
            EventResult result = new EventResult(UUID.randomUUID().toString(), "u", "type_" + i % 10,
                    EventStatus.PROCESSED, i < 500 ? "v1" : "v2", List.of("r" + i % 7), List.of("grant_currency"),
                    List.of(), List.of(),
                    List.of(new Update.CurrencyUpdated(List.of("coins", "gems", "\u00e9cus").get(i % 3), i, 1),
                            new Update.QuestCompleted("quest-" + i % 3, i),
                            new Update.BadgeEarned("badge-" + i)),
                    null, null);
            IdempotencyRecord record = new IdempotencyRecord("k" + i, FINGERPRINT, T0.plusSeconds(i), result);
            records.add(record);
            kept.add(shared.encode(record, "u"));
        }
        for (int i = 0; i < records.size(); i++) {
            assertThat(shared.decode(kept.get(i), "k" + i, "u")).as("record %d", i).isEqualTo(records.get(i));
        }
        // A record whose badge was numbered is shorter than one whose badge was written out after the table filled.
        assertThat(((byte[]) kept.get(0)).length).isLessThan(((byte[]) kept.get(999)).length);
    }

    @Test
    void randomRecords_withATinyNameTable_readBackEqual() {
        IdempotencyCodec tiny = new IdempotencyCodec(new ListCodes(8), new StringCodes(8));
        for (long seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            IdempotencyRecord record = new IdempotencyRecord(text(r), FINGERPRINT, T0, result(r));
            Object kept = tiny.encode(record, "u");
            assertThat(kept).as("seed %d", seed).isInstanceOf(byte[].class);
            assertThat(tiny.decode(kept, record.key(), "u")).as("seed %d", seed).isEqualTo(record);
        }
    }

    @Test
    void valuesWithNoEncoding_keepTheRecordAsTheObject() {
        Map<Object, Object> numberKey = new HashMap<>();
        numberKey.put(1, "one");
        Map<String, Object> identity = new IdentityHashMap<>();
        identity.put(new String("a"), 1L);
        Map<String, Object> selfContaining = new HashMap<>();
        selfContaining.put("self", selfContaining);
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1L);
        Object deep = "leaf";
        for (int i = 0; i < IdempotencyCodec.MAX_DEPTH + 1; i++) {
            deep = List.of(deep);
        }
        for (Object value : List.of(1, (short) 2, 1.5f, new BigDecimal("1.10"), 'c', new int[] {1}, Set.of("a"),
                numberKey, identity, selfContaining, nullKey, deep, List.of("fine", 3), map("nested", List.of(1)))) {
            assertKeptAsObject(new IdempotencyRecord("k", FINGERPRINT, T0,
                    result("e1", "u", List.of(new Update.AttributeUpdated("a", value)))));
            assertKeptAsObject(new IdempotencyRecord("k", FINGERPRINT, T0,
                    result("e1", "u", List.of(new Update.XpUpdated(1, 1, 1), new Update.Notification("t", value)))));
        }
    }

    @Test
    void valuesJustWithinTheDepth_andOtherMapsAndLists_areEncoded() {
        Object deep = "leaf";
        for (int i = 0; i < IdempotencyCodec.MAX_DEPTH; i++) {
            deep = List.of(deep);
        }
        Map<String, Object> tree = new TreeMap<>(map("b", 1L, "a", List.of()));
        for (Object value : List.of(deep, tree, new HashMap<>(map("x", 1.0)), Map.of("k", "v"),
                new LinkedList<>(List.of("a", 2L)), Arrays.asList("x", null), List.of())) {
            assertKeptAsBytes(new IdempotencyRecord("k", FINGERPRINT, T0,
                    result("e1", "u", List.of(new Update.AttributeUpdated("a", value)))), "u");
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void valuesSharingTheirElements_beyondTheBudget_keepTheRecordAsTheObject_quickly() {
        Object shared = "x";
        for (int i = 0; i < 40; i++) {
            shared = List.of(shared, shared); // 2^40 leaves in a few objects
        }
        assertKeptAsObject(new IdempotencyRecord("k", FINGERPRINT, T0,
                result("e1", "u", List.of(new Update.Notification("t", shared)))));
        List<Object> atTheBudget = new ArrayList<>(Collections.nCopies(IdempotencyCodec.MAX_VALUES - 1, 1L));
        assertKeptAsBytes(new IdempotencyRecord("k", FINGERPRINT, T0,
                result("e1", "u", List.of(new Update.AttributeUpdated("a", atTheBudget)))), "u");
        atTheBudget.add(2L);
        assertKeptAsObject(new IdempotencyRecord("k", FINGERPRINT, T0,
                result("e1", "u", List.of(new Update.AttributeUpdated("a", atTheBudget)))));
    }

    @Test
    void aMapThatFailsOrLiesAboutItsSize_keepsTheRecordAsTheObject() {
        Map<String, Object> failing = new AbstractMap<>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                throw new IllegalStateException("not readable");
            }

            @Override
            public int size() {
                return 1;
            }
        };
        Map<String, Object> lying = new HashMap<>(map("a", 1L, "b", 2L)) {
            @Override
            public int size() {
                return 1;
            }
        };
        List<Object> shortList = new ArrayList<>(List.of("a", "b")) {
            @Override
            public int size() {
                return 3;
            }
        };
        for (Object value : List.of(failing, lying, shortList)) {
            IdempotencyRecord record = new IdempotencyRecord("k", FINGERPRINT, T0,
                    result("e1", "u", List.of(new Update.Notification("t", value))));
            assertThat(codec.encode(record, "u")).isSameAs(record);
        }
    }

    @Test
    void before_comparesEventTimesToTheNano_inBothForms() {
        IdempotencyRecord record = new IdempotencyRecord("k", FINGERPRINT, T0, result("e1", "u", List.of()));
        IdempotencyRecord object = new IdempotencyRecord("k", FINGERPRINT, T0,
                result("e1", "u", List.of(new Update.AttributeUpdated("a", 1))));
        for (Object kept : List.of(codec.encode(record, "u"), codec.encode(object, "u"))) {
            assertThat(IdempotencyCodec.before(kept, T0.plusNanos(1))).isTrue();
            assertThat(IdempotencyCodec.before(kept, Instant.ofEpochSecond(T0.getEpochSecond() + 1))).isTrue();
            assertThat(IdempotencyCodec.before(kept, T0)).isFalse();
            assertThat(IdempotencyCodec.before(kept, T0.minusNanos(1))).isFalse();
            assertThat(IdempotencyCodec.before(kept, Instant.ofEpochSecond(T0.getEpochSecond() - 1, 999_999_999)))
                    .isFalse();
            assertThat(IdempotencyCodec.before(kept, Instant.MIN)).isFalse();
            assertThat(IdempotencyCodec.before(kept, Instant.MAX)).isTrue();
        }
        assertThat(codec.encode(object, "u")).isSameAs(object);
    }

    // Random records: every field, update and JSON-like value, checked against the record itself.

    @Test
    void randomRecords_readBackEqual() {
        for (long seed = 0; seed < 2_000; seed++) {
            Random r = new Random(seed);
            IdempotencyRecord record = new IdempotencyRecord(text(r), r.nextInt(4) == 0 ? text(r) : FINGERPRINT,
                    Instant.ofEpochSecond(r.nextLong() % 100_000_000_000L, r.nextInt(1_000_000_000)), result(r));
            assertThat(roundTrip(record, "u")).as("seed %d", seed).isInstanceOf(byte[].class);
        }
    }

    private static EventResult result(Random r) {
        EventStatus status = EventStatus.values()[r.nextInt(EventStatus.values().length)];
        boolean error = status == EventStatus.REJECTED || status == EventStatus.FAILED;
        List<RuleSuppression> suppressed = new ArrayList<>();
        List<RuleFailure> failed = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            suppressed.add(new RuleSuppression(text(r), text(r)));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            failed.add(new RuleFailure(text(r), code(r), text(r)));
        }
        for (int i = r.nextInt(12); i > 0; i--) {
            updates.add(update(r));
        }
        return new EventResult(r.nextBoolean() ? UUID.randomUUID().toString() : text(r),
                r.nextInt(3) == 0 ? (r.nextBoolean() ? null : text(r)) : "u", r.nextInt(5) == 0 ? null : text(r),
                status, r.nextInt(5) == 0 ? null : text(r), strings(r), strings(r), suppressed, failed, updates,
                error ? new ErrorInfo(code(r), text(r)) : null, r.nextBoolean() ? text(r) : null);
    }

    private static Update update(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> new Update.XpUpdated(number(r), number(r), (int) number(r));
            case 1 -> new Update.LevelUp((int) number(r), (int) number(r));
            case 2 -> new Update.CurrencyUpdated(text(r), number(r), number(r));
            case 3 -> new Update.QuestProgress(text(r), number(r), r.nextBoolean() ? null : number(r));
            case 4 -> new Update.QuestCompleted(text(r), number(r));
            case 5 -> new Update.BadgeEarned(text(r));
            case 6 -> new Update.AttributeUpdated(text(r), value(r, 1));
            default -> new Update.Notification(text(r), value(r, 1));
        };
    }

    private static Object value(Random r, int depth) {
        return switch (r.nextInt(depth > 4 ? 6 : 8)) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> number(r);
            case 3 -> switch (r.nextInt(4)) {
                case 0 -> Double.NaN;
                case 1 -> -0.0;
                case 2 -> Double.longBitsToDouble(r.nextLong());
                default -> r.nextDouble();
            };
            case 4, 5 -> text(r);
            case 6 -> {
                Map<String, Object> map = r.nextBoolean() ? new LinkedHashMap<>() : new HashMap<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    map.put(text(r), value(r, depth + 1));
                }
                yield map;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    list.add(value(r, depth + 1));
                }
                yield list;
            }
        };
    }

    private static long number(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            case 2 -> r.nextLong();
            default -> r.nextInt(400) - 200;
        };
    }

    private static ErrorCode code(Random r) {
        return ErrorCode.values()[r.nextInt(ErrorCode.values().length)];
    }

    private static final List<List<String>> LISTS = List.of(List.of(), List.of("r1"), List.of("r1", "r2"),
            List.of("grant_xp", "grant_xp", "award_badge"), List.of("r\u00e9gle", "\u4e2d"));

    private static List<String> strings(Random r) {
        if (r.nextBoolean()) {
            return LISTS.get(r.nextInt(LISTS.size()));
        }
        List<String> strings = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            strings.add(text(r));
        }
        return strings;
    }

    /** @return Latin-1 text, text with chars above 0xFF (surrogates, unpaired ones included), or nothing */
    private static String text(Random r) {
        String alphabet = switch (r.nextInt(3)) {
            case 0 -> "abcxyz0123456789-_";
            case 1 -> "abc\u00e9\u00ff\u0000 ";
            default -> "ab\u00e9\u0100\u4e2d\ud83c\udfae\ud800\udc00\uffff\u0000";
        };
        int length = r.nextInt(10) == 0 ? 200 + r.nextInt(300) : r.nextInt(12);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
