package dev.ludus.core.store;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.ErrorInfo;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.Update;
import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.core.internal.util.Fingerprint;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form in which the in-memory store keeps an idempotency record: one byte array that holds no references, from
 * which {@link #decode} builds a record equal to the committed one when its key is seen again. A kept record so
 * costs the garbage collector one object that it never has to look into, instead of 10 to 18 (the record, its
 * result, the result's strings and lists, each update), and keeps nothing of the event alive.
 *
 * <p><b>Layout.</b> At fixed offsets: the event time (epoch second and nano), where pruning reads it; the
 * fingerprint's 128 bits when it has the engine's current form ({@link Fingerprint#decode}); the event id's two
 * halves when it is a UUID in canonical form, as the engine generates ids; a flags byte; the status. Then, as
 * {@link ByteCodec} writes them: the fingerprint and the event id when they are not in those forms, the player when
 * the result's is not the slot's own, the event type, the rule set version, the rules triggered and the actions
 * executed (numbers in the store's {@link ListCodes}, which the history shares), the suppressed rules, the failed
 * rules (error codes as their ordinals), the updates (a tag each, then its fields: numbers as zig-zag varints,
 * attribute values and notification payloads as tagged JSON-like values), the error and the original event id.
 * Absent ({@code null}) fields are flags.
 *
 * <p><b>Names as numbers.</b> The strings that records repeat — event type, rule set version, the rule ids and
 * reasons of suppressions, the rule ids of failures, currency, quest and badge ids, attribute names, notification
 * topics — are numbers in a {@link StringCodes} table of the codec's (one per store, at most 65,536 names of at most
 * {@value #MAX_NUMBERED_NAME} chars): a varint of the number times two plus one, or, for a longer name or once the
 * table is full, the string with its length varint times two, so that the decode tells the two apart by the low
 * bit. Messages, ids and values, which seldom repeat, are written
 * out. About 75 bytes (a 96-byte array) for a reference-workload event, where writing the names out took 99 (a
 * 120-byte array): measured over 100,000 keyed events of {@code ReferenceWorkload.scaled(1000)}, see
 * {@code docs/performance.md}.
 *
 * <p><b>Kept as the object.</b> A record holding a value that has no encoding is kept as the
 * {@link IdempotencyRecord} itself, so that nothing is lost or changed: an attribute value or notification payload
 * (set by a custom action) that is not a {@code Long}, {@code Double}, {@code String}, {@code Boolean},
 * {@code null}, {@code List} or {@code Map} with string keys at every level (an {@code Integer} would come back a
 * {@code Long}, which is not equal; an {@code IdentityHashMap} does not equal a map read back), nesting deeper than
 * {@value #MAX_DEPTH}, more than {@value #MAX_VALUES} values in one record (lists that share their elements can
 * stand for more values than memory holds: {@code v = List.of(v, v)} forty times over is 2^40 of them), or a
 * collection that fails or changes size while it is written. The engine's own actions only make values that have
 * an encoding.
 *
 * <p>Thread-safe: it holds nothing but the store's thread-safe {@link ListCodes} and its own thread-safe
 * {@link StringCodes}, and kept bytes never change. A number in kept bytes decodes in any thread that the bytes are
 * handed to with a happens-before edge (the store's player locks), as both tables promise.
 */
final class IdempotencyCodec {
    private static final VarHandle LONGS = ByteCodec.LONGS;
    private static final VarHandle INTS = ByteCodec.INTS;

    /** Offsets. */
    private static final int SECOND = 0;
    private static final int NANO = 8;
    private static final int FINGERPRINT_HIGH = 12;
    private static final int FINGERPRINT_LOW = 20;
    private static final int ID_HIGH = 28;
    private static final int ID_LOW = 36;
    private static final int FLAGS = 44;
    private static final int STATUS = 45;
    private static final int VARIABLE = 46;
    /** Flags. */
    private static final int FINGERPRINT_STRING = 1;
    private static final int ID_STRING = 2;
    private static final int OTHER_USER = 4;
    private static final int NO_USER = 8;
    private static final int NO_TYPE = 16;
    private static final int NO_VERSION = 32;
    private static final int ERROR = 64;
    private static final int ORIGINAL = 128;
    /** Update tags. */
    private static final byte XP_UPDATED = 0;
    private static final byte LEVEL_UP = 1;
    private static final byte CURRENCY_UPDATED = 2;
    private static final byte QUEST_PROGRESS = 3;
    private static final byte QUEST_PROGRESS_TOWARDS_TARGET = 4;
    private static final byte QUEST_COMPLETED = 5;
    private static final byte BADGE_EARNED = 6;
    private static final byte ATTRIBUTE_UPDATED = 7;
    private static final byte NOTIFICATION = 8;
    /**
     * Values nested deeper are kept as the object: a bound on the recursion (a map may contain itself), far above
     * what games and events nest.
     */
    static final int MAX_DEPTH = 64;
    /** Records with more values in their updates are kept as the object: a bound on the time and bytes written. */
    static final int MAX_VALUES = 1 << 16;
    /**
     * Longer names are written out, never numbered: the table keeps what it numbers for the store's lifetime, and
     * some names come from outside the game (event types from clients, badge ids and attribute names from custom
     * actions), so this bounds what it can hold at 65,536 names of at most 64 chars.
     */
    static final int MAX_NUMBERED_NAME = 64;

    private static final EventStatus[] STATUSES = EventStatus.values();
    private static final ErrorCode[] CODES = ErrorCode.values();

    private final ListCodes listCodes;
    private final StringCodes names;

    /** @param listCodes the store's table of rule and action id lists */
    IdempotencyCodec(ListCodes listCodes) {
        this(listCodes, new StringCodes());
    }

    /**
     * @param listCodes the store's table of rule and action id lists
     * @param names     the table of the names that records repeat, which only this codec uses
     */
    IdempotencyCodec(ListCodes listCodes, StringCodes names) {
        this.listCodes = listCodes;
        this.names = names;
    }

    /**
     * @param user the player whose slot keeps the record
     * @return the record's bytes, or the record itself when it holds a value that has no encoding
     */
    Object encode(IdempotencyRecord record, String user) {
        try {
            byte[] bytes = new Writer().write(record, user);
            return bytes != null ? bytes : record;
        } catch (RuntimeException e) {
            // A custom action's collection that failed while it was read: the record is kept as it was given, as the
            // store would keep it without this encoding, and whatever reads the result meets the failure there.
            return record;
        }
    }

    /**
     * @param kept what {@link #encode} returned
     * @param key  the record's key
     * @param user the player whose slot keeps the record
     * @return a record equal to the one encoded
     */
    IdempotencyRecord decode(Object kept, String key, String user) {
        if (kept instanceof IdempotencyRecord record) {
            return record;
        }
        byte[] b = (byte[]) kept;
        int flags = b[FLAGS] & 0xFF;
        ByteCodec.Reader in = new ByteCodec.Reader(b, VARIABLE, listCodes);
        String fingerprint = (flags & FINGERPRINT_STRING) != 0 ? in.readString()
                : Fingerprint.encode((long) LONGS.get(b, FINGERPRINT_HIGH), (long) LONGS.get(b, FINGERPRINT_LOW));
        String eventId = (flags & ID_STRING) != 0 ? in.readString() : ByteCodec.uuidAt(b, ID_HIGH, ID_LOW);
        String player = (flags & NO_USER) != 0 ? null : (flags & OTHER_USER) != 0 ? in.readString() : user;
        String eventType = (flags & NO_TYPE) != 0 ? null : readName(in);
        String ruleSetVersion = (flags & NO_VERSION) != 0 ? null : readName(in);
        List<String> rulesTriggered = in.readStrings();
        List<String> actionsExecuted = in.readStrings();
        List<RuleSuppression> suppressed = new ArrayList<>();
        for (int i = (int) in.readVarint(); i > 0; i--) {
            String ruleId = readName(in);
            suppressed.add(new RuleSuppression(ruleId, readName(in)));
        }
        List<RuleFailure> failed = new ArrayList<>();
        for (int i = (int) in.readVarint(); i > 0; i--) {
            String ruleId = readName(in);
            ErrorCode code = CODES[(int) in.readVarint()];
            failed.add(new RuleFailure(ruleId, code, in.readString()));
        }
        List<Update> updates = new ArrayList<>();
        for (int i = (int) in.readVarint(); i > 0; i--) {
            updates.add(readUpdate(in));
        }
        ErrorInfo error = null;
        if ((flags & ERROR) != 0) {
            ErrorCode code = CODES[(int) in.readVarint()];
            error = new ErrorInfo(code, in.readString());
        }
        String originalEventId = (flags & ORIGINAL) != 0 ? in.readString() : null;
        EventResult result = new EventResult(eventId, player, eventType, STATUSES[b[STATUS]], ruleSetVersion,
                rulesTriggered, actionsExecuted, suppressed, failed, updates, error, originalEventId);
        return new IdempotencyRecord(key, fingerprint, eventTime(b), result);
    }

    /** @return a name that {@link Writer#writeName} wrote: by its number in {@link #names}, or as its chars */
    private String readName(ByteCodec.Reader in) {
        long header = in.readVarint();
        return (header & 1) != 0 ? names.valueOf((int) (header >>> 1)) : in.readString(header >>> 1);
    }

    private Update readUpdate(ByteCodec.Reader in) {
        int tag = in.readByte();
        return switch (tag) {
            case XP_UPDATED -> new Update.XpUpdated(in.readSigned(), in.readSigned(), (int) in.readSigned());
            case LEVEL_UP -> new Update.LevelUp((int) in.readSigned(), (int) in.readSigned());
            case CURRENCY_UPDATED -> new Update.CurrencyUpdated(readName(in), in.readSigned(), in.readSigned());
            case QUEST_PROGRESS -> new Update.QuestProgress(readName(in), in.readSigned(), null);
            case QUEST_PROGRESS_TOWARDS_TARGET ->
                    new Update.QuestProgress(readName(in), in.readSigned(), in.readSigned());
            case QUEST_COMPLETED -> new Update.QuestCompleted(readName(in), in.readSigned());
            case BADGE_EARNED -> new Update.BadgeEarned(readName(in));
            case ATTRIBUTE_UPDATED -> new Update.AttributeUpdated(readName(in), in.readValue());
            case NOTIFICATION -> new Update.Notification(readName(in), in.readValue());
            default -> throw new IllegalStateException("no update has tag " + tag);
        };
    }

    /** @return whether the record that {@link #encode} made {@code kept} is of an event time before {@code horizon} */
    static boolean before(Object kept, Instant horizon) {
        if (kept instanceof IdempotencyRecord record) {
            return record.eventTime().isBefore(horizon);
        }
        byte[] b = (byte[]) kept;
        long second = (long) LONGS.get(b, SECOND);
        return second < horizon.getEpochSecond()
                || second == horizon.getEpochSecond() && (int) INTS.get(b, NANO) < horizon.getNano();
    }

    private static Instant eventTime(byte[] b) {
        return Instant.ofEpochSecond((long) LONGS.get(b, SECOND), (int) INTS.get(b, NANO));
    }

    /** Writes one record into an array that grows as needed, then trims it. Used by one thread for one record. */
    private final class Writer {
        private byte[] bytes = new byte[128];
        private int at = VARIABLE;
        /** The updates' values written so far, at most {@link #MAX_VALUES}. */
        private int values;

        /** @return the record's bytes, or {@code null} when a value has no encoding */
        byte[] write(IdempotencyRecord record, String user) {
            EventResult result = record.result();
            Instant time = record.eventTime();
            LONGS.set(bytes, SECOND, time.getEpochSecond());
            INTS.set(bytes, NANO, time.getNano());
            int flags = 0;
            long[] halves = new long[2];
            if (Fingerprint.decode(record.fingerprint(), halves)) {
                LONGS.set(bytes, FINGERPRINT_HIGH, halves[0]);
                LONGS.set(bytes, FINGERPRINT_LOW, halves[1]);
            } else {
                flags |= FINGERPRINT_STRING;
                writeString(record.fingerprint());
            }
            if (!ByteCodec.readUuid(result.eventId(), bytes, ID_HIGH, ID_LOW)) {
                flags |= ID_STRING;
                writeString(result.eventId());
            }
            String player = result.externalUserId();
            if (player == null) {
                flags |= NO_USER;
            } else if (!player.equals(user)) {
                flags |= OTHER_USER;
                writeString(player);
            }
            flags |= writeOptional(result.eventType(), NO_TYPE);
            flags |= writeOptional(result.ruleSetVersion(), NO_VERSION);
            writeStrings(result.rulesTriggered());
            writeStrings(result.actionsExecuted());
            writeVarint(result.rulesSuppressed().size());
            for (RuleSuppression suppression : result.rulesSuppressed()) {
                writeName(suppression.ruleId());
                writeName(suppression.reason());
            }
            writeVarint(result.rulesFailed().size());
            for (RuleFailure failure : result.rulesFailed()) {
                writeName(failure.ruleId());
                writeVarint(failure.code().ordinal());
                writeString(failure.message());
            }
            writeVarint(result.updates().size());
            for (Update update : result.updates()) {
                if (!writeUpdate(update)) {
                    return null;
                }
            }
            if (result.error() != null) {
                flags |= ERROR;
                writeVarint(result.error().code().ordinal());
                writeString(result.error().message());
            }
            if (result.originalEventId() != null) {
                flags |= ORIGINAL;
                writeString(result.originalEventId());
            }
            bytes[FLAGS] = (byte) flags;
            bytes[STATUS] = (byte) result.status().ordinal();
            return Arrays.copyOf(bytes, at);
        }

        /** @return {@code absent} when {@code s} is {@code null}, else 0 with {@code s} written */
        private int writeOptional(String s, int absent) {
            if (s == null) {
                return absent;
            }
            writeName(s);
            return 0;
        }

        /** @return false when the update holds a value that has no encoding */
        private boolean writeUpdate(Update update) {
            if (update instanceof Update.XpUpdated xp) {
                writeTag(XP_UPDATED);
                writeSigned(xp.xp());
                writeSigned(xp.delta());
                writeSigned(xp.level());
            } else if (update instanceof Update.CurrencyUpdated currency) {
                writeTag(CURRENCY_UPDATED);
                writeName(currency.currency());
                writeSigned(currency.balance());
                writeSigned(currency.delta());
            } else if (update instanceof Update.LevelUp level) {
                writeTag(LEVEL_UP);
                writeSigned(level.from());
                writeSigned(level.to());
            } else if (update instanceof Update.QuestProgress progress) {
                writeTag(progress.target() == null ? QUEST_PROGRESS : QUEST_PROGRESS_TOWARDS_TARGET);
                writeName(progress.questId());
                writeSigned(progress.progress());
                if (progress.target() != null) {
                    writeSigned(progress.target());
                }
            } else if (update instanceof Update.QuestCompleted completed) {
                writeTag(QUEST_COMPLETED);
                writeName(completed.questId());
                writeSigned(completed.completions());
            } else if (update instanceof Update.BadgeEarned badge) {
                writeTag(BADGE_EARNED);
                writeName(badge.badgeId());
            } else if (update instanceof Update.AttributeUpdated attribute) {
                writeTag(ATTRIBUTE_UPDATED);
                writeName(attribute.attribute());
                return writeValue(attribute.value(), 1);
            } else if (update instanceof Update.Notification notification) {
                writeTag(NOTIFICATION);
                writeName(notification.topic());
                return writeValue(notification.payload(), 1);
            } else {
                return false;
            }
            return true;
        }

        /**
         * @param depth the nesting level of {@code value}, an update's value being 1
         * @return false, with some bytes written, when the value or one inside it has no encoding
         */
        private boolean writeValue(Object value, int depth) {
            if (++values > MAX_VALUES) {
                return false;
            }
            ensure(9);
            if (value == null) {
                bytes[at++] = ByteCodec.NULL;
            } else if (value instanceof Boolean b) {
                bytes[at++] = b ? ByteCodec.TRUE : ByteCodec.FALSE;
            } else if (value instanceof Long n) {
                bytes[at++] = ByteCodec.LONG;
                writeSigned(n);
            } else if (value instanceof Double d) {
                bytes[at++] = ByteCodec.DOUBLE;
                LONGS.set(bytes, at, Double.doubleToRawLongBits(d));
                at += 8;
            } else if (value instanceof String s) {
                bytes[at++] = ByteCodec.STRING;
                writeString(s);
            } else if (depth > MAX_DEPTH) {
                return false;
            } else if (value instanceof Map<?, ?> map && !(map instanceof IdentityHashMap<?, ?>)) {
                bytes[at++] = ByteCodec.MAP;
                return writeEntries(map, depth);
            } else if (value instanceof List<?> list) {
                bytes[at++] = ByteCodec.LIST;
                return writeElements(list, depth);
            } else {
                return false;
            }
            return true;
        }

        /** @return false when a key is not a string, a value has no encoding, or the count read is not the size */
        private boolean writeEntries(Map<?, ?> map, int depth) {
            int size = map.size();
            writeVarint(size);
            int written = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key) || ++written > size) {
                    return false;
                }
                writeString(key);
                if (!writeValue(e.getValue(), depth + 1)) {
                    return false;
                }
            }
            return written == size;
        }

        /** @return false when an element has no encoding, or the count read is not the size */
        private boolean writeElements(List<?> list, int depth) {
            int size = list.size();
            writeVarint(size);
            int written = 0;
            for (Object element : list) {
                if (++written > size || !writeValue(element, depth + 1)) {
                    return false;
                }
            }
            return written == size;
        }

        /** Writes the list's number in {@link #listCodes} times two plus one, or its size times two and its strings. */
        private void writeStrings(List<String> strings) {
            int code = listCodes.codeOf(strings);
            if (code >= 0) {
                writeVarint((long) code << 1 | 1);
                return;
            }
            writeVarint((long) strings.size() << 1);
            for (String s : strings) {
                writeString(s);
            }
        }

        /**
         * Writes the name's number in {@link #names} times two plus one, or, for a name longer than
         * {@link #MAX_NUMBERED_NAME} or once the table is full, the name's chars with their length varint times two.
         */
        private void writeName(String s) {
            int code = s.length() <= MAX_NUMBERED_NAME ? names.codeOf(s) : -1;
            if (code >= 0) {
                writeVarint((long) code << 1 | 1);
                return;
            }
            ensure(5 + 2 * s.length());
            at = ByteCodec.putString(bytes, at, s, 1);
        }

        private void writeTag(byte tag) {
            ensure(1);
            bytes[at++] = tag;
        }

        private void writeString(String s) {
            ensure(5 + 2 * s.length());
            at = ByteCodec.putString(bytes, at, s);
        }

        private void writeSigned(long value) {
            writeVarint(ByteCodec.zigZag(value));
        }

        private void writeVarint(long value) {
            ensure(10);
            at = ByteCodec.putVarint(bytes, at, value);
        }

        private void ensure(int more) {
            if (at + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, at + more));
            }
        }
    }
}
