package dev.ludus.core.store;

import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import dev.ludus.api.spi.PlayerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The default {@link PlayerStore}: one slot per player in a {@link ConcurrentHashMap}. A commit locks only its
 * player's slot, checks the version and writes the record, its idempotency record and its history entry
 * together; {@link #load} reads the slot's current record without locking.
 *
 * <p><b>Memory.</b> Per player: the current record; the idempotency records of the retention (default 7 days)
 * measured in event time — records older than the player's newest keyed event time minus the retention are
 * dropped as new keys come in (checked every 64 keys), so a player holds at most the keys of one retention
 * period plus 64; and the newest {@code historyPerPlayer} history entries (default 100, 0 keeps none) in a
 * ring that grows by doubling up to that size, then overwrites the oldest. The ring keeps no object per entry:
 * it is two arrays, 56 bytes per entry (five longs: version, time as epoch second and nano, the event id's
 * two halves when it is a UUID in {@link UUID#toString()} form, as the engine generates them; and four
 * references to the event type, properties and result lists, which are the event's and result's own, not
 * copies), plus 4 bytes per entry and the id string once a player has an id in another form;
 * {@link #history} and {@link #findEvent} build the {@link HistoryEntry} objects again. What an entry still
 * keeps alive is what it shares: its properties (often the caller's event, already alive) and its two result
 * lists, new for each event.
 *
 * <p><b>Finding an event by id</b> ({@link #findEvent}, behind {@code events().getStatus}). By default there is
 * no index: the store scans every player's kept history, O(players × historyPerPlayer), comparing the id's two
 * longs (or a 4-byte key of an id in another form) in the ring's own arrays — fine for occasional look-ups
 * and nearly free on the commit path. {@link Builder#indexEventIds(boolean) indexEventIds(true)} keeps a map from
 * event id to its player's slot for look-ups in O(historyPerPlayer) instead of O(players × historyPerPlayer), at
 * the cost of a map entry and an id string per kept history entry and a hash of the event id on every commit;
 * an id leaves the index when its last entry leaves its player's history.
 *
 * <p>Thread-safe. State lives only as long as the object: use a durable store to keep it.
 */
public final class InMemoryPlayerStore implements PlayerStore {
    /** Prune a player's idempotency records once per this many new keys, to keep commits O(1) amortised. */
    private static final int PRUNE_EVERY = 64;
    /** First size of a player's history ring; it doubles up to {@code historyPerPlayer}. */
    private static final int INITIAL_RING = 8;
    private static final Function<String, Slot> NEW_SLOT = Slot::new;

    private final Duration retention;
    private final int historyPerPlayer;
    private final ConcurrentHashMap<String, Slot> players = new ConcurrentHashMap<>();
    /**
     * Event id to the slot that keeps its entry, or {@code null} when ids are not indexed; written under the slot
     * locks. An id leaves the map when its entry leaves the slot.
     */
    private final ConcurrentHashMap<String, Slot> eventsById;

    private InMemoryPlayerStore(Duration retention, int historyPerPlayer, boolean indexEventIds) {
        this.retention = retention;
        this.historyPerPlayer = historyPerPlayer;
        this.eventsById = indexEventIds && historyPerPlayer > 0 ? new ConcurrentHashMap<>() : null;
    }

    /** @return an empty store with the defaults: 7 days of idempotency keys, 100 history entries per player */
    public static InMemoryPlayerStore create() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Puts a player's state in the store as it is, replacing any record of that player, with no idempotency
     * records, history or engine bookkeeping (so history conditions and limits start afresh). For imports,
     * tools such as {@code ludus explain --state}, and tests. Atomic with respect to commits of that player.
     *
     * @param state the state to store; its version is kept
     */
    public void importPlayer(PlayerState state) {
        Objects.requireNonNull(state, "state");
        PlayerRecord record = new PlayerRecord(state, Map.of());
        Slot slot = players.computeIfAbsent(state.externalUserId(), NEW_SLOT);
        synchronized (slot) {
            slot.keys = null;
            slot.keysSincePrune = 0;
            slot.newestKeyTime = Instant.MIN;
            if (eventsById != null) {
                for (int i = 0; i < slot.size; i++) {
                    eventsById.remove(slot.eventId(slot.index(i)), slot);
                }
            }
            slot.clear();
            slot.record = record;
        }
    }

    @Override
    public Optional<PlayerRecord> load(String externalUserId) {
        Slot slot = players.get(externalUserId);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.record);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String externalUserId, String key) {
        Slot slot = players.get(externalUserId);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return slot.keys == null ? Optional.empty() : Optional.ofNullable(slot.keys.get(key));
        }
    }

    @Override
    public boolean commit(PlayerCommit commit) {
        Slot slot = players.get(commit.externalUserId());
        if (slot == null) {
            if (commit.expectedVersion() != 0) {
                return false;
            }
            // Two first commits of a player get the same slot here and are ordered by its lock.
            slot = players.computeIfAbsent(commit.externalUserId(), NEW_SLOT);
        }
        synchronized (slot) {
            PlayerRecord current = slot.record;
            if ((current == null ? 0 : current.version()) != commit.expectedVersion()) {
                return false;
            }
            addKey(slot, commit.idempotency());
            addHistory(slot, commit.history());
            slot.record = commit.record();
            return true;
        }
    }

    /** Called under the slot's lock. */
    private void addKey(Slot slot, IdempotencyRecord key) {
        if (key == null) {
            return;
        }
        if (slot.keys == null) {
            slot.keys = new HashMap<>();
        }
        slot.keys.put(key.key(), key);
        if (key.eventTime().isAfter(slot.newestKeyTime)) {
            slot.newestKeyTime = key.eventTime();
        }
        if (++slot.keysSincePrune >= PRUNE_EVERY) {
            slot.keysSincePrune = 0;
            Instant horizon = slot.newestKeyTime.minus(retention);
            slot.keys.values().removeIf(r -> r.eventTime().isBefore(horizon));
        }
    }

    /** Called under the slot's lock. */
    private void addHistory(Slot slot, HistoryEntry entry) {
        if (historyPerPlayer == 0) {
            return;
        }
        if (slot.numbers == null) {
            slot.allocate(Math.min(INITIAL_RING, historyPerPlayer));
        } else if (slot.size == slot.capacity() && slot.capacity() < historyPerPlayer) {
            slot.grow(Math.min(slot.capacity() * 2, historyPerPlayer));
        }
        int at = slot.head;
        if (eventsById != null && slot.size == slot.capacity()) {
            unindex(slot, at);
        }
        slot.put(at, entry);
        slot.head = at + 1 == slot.capacity() ? 0 : at + 1;
        if (slot.size < slot.capacity()) {
            slot.size++;
        }
        if (eventsById != null && eventsById.put(entry.eventId(), slot) == slot) {
            slot.repeatsIds = true;
        }
    }

    /**
     * Takes the id of the entry at ring index {@code at}, about to leave the slot, out of the index unless
     * another kept entry of the slot has the same id. Called under the slot's lock.
     */
    private void unindex(Slot slot, int at) {
        String id = slot.eventId(at);
        if (slot.repeatsIds) {
            EventId key = EventId.of(id);
            for (int i = 0; i < slot.size; i++) {
                int index = slot.index(i);
                if (index != at && slot.matches(index, key)) {
                    return;
                }
            }
        }
        eventsById.remove(id, slot);
    }

    @Override
    public List<HistoryEntry> history(String externalUserId, String eventType, long beforeVersion, int limit) {
        Slot slot = players.get(externalUserId);
        if (slot == null || limit <= 0) {
            return List.of();
        }
        synchronized (slot) {
            List<HistoryEntry> page = new ArrayList<>(Math.min(limit, slot.size));
            for (int i = 0; i < slot.size && page.size() < limit; i++) {
                int index = slot.index(i);
                if (slot.version(index) < beforeVersion
                        && (eventType == null || eventType.equals(slot.eventType(index)))) {
                    page.add(slot.entry(index));
                }
            }
            return page;
        }
    }

    @Override
    public Optional<HistoryEntry> findEvent(String eventId) {
        if (historyPerPlayer == 0) {
            return Optional.empty();
        }
        EventId key = EventId.of(eventId);
        if (eventsById != null) {
            Slot slot = eventsById.get(eventId);
            return slot == null ? Optional.empty() : slot.find(key);
        }
        for (Slot slot : players.values()) {
            Optional<HistoryEntry> found = slot.find(key);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * A filter for ids not in UUID form, cheaper on the commit path than {@link String#hashCode()}: the id's
     * length and last four chars, where sequential ids differ.
     */
    private static int idKey(String eventId) {
        int length = eventId.length();
        int key = length;
        for (int i = Math.max(0, length - 4); i < length; i++) {
            key = key * 31 + eventId.charAt(i);
        }
        return key;
    }

    /**
     * Reads {@code id} as a UUID in canonical lowercase form, as {@link UUID#toString()} writes it (so that its two
     * halves give it back exactly), in one pass.
     *
     * @param halves where to write the most and then the least significant bits, at {@code at} and {@code at + 1}
     * @return whether {@code id} is such a UUID; when not, {@code halves} may hold anything
     */
    private static boolean readUuid(String id, long[] halves, int at) {
        if (id.length() != 36) {
            return false;
        }
        long bits = 0;
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
                if (i == 18) {
                    halves[at] = bits;
                    bits = 0;
                }
                continue;
            }
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return false;
            }
            bits = bits << 4 | digit;
        }
        halves[at + 1] = bits;
        return true;
    }

    /**
     * An event id as the ring keeps it: a UUID in canonical form ({@link #readUuid}, what the engine generates) as
     * its two halves and no string, anything else as the string itself and its {@link #idKey}.
     *
     * @param string the id when it is not in UUID form, else {@code null}
     * @param high   the UUID's most significant bits, or 0
     * @param low    the UUID's least significant bits, or the string's {@link #idKey}
     */
    private record EventId(String string, long high, long low) {
        static EventId of(String id) {
            long[] halves = new long[2];
            return readUuid(id, halves, 0) ? new EventId(null, halves[0], halves[1]) : new EventId(id, 0, idKey(id));
        }
    }

    /**
     * One player, created on the player's first commit or import and never replaced. {@code record} is
     * written under the slot's lock and read without it; every other mutable field is guarded by the lock.
     *
     * <p>History is a ring kept in two arrays, one of numbers and one of references, a fixed stretch of each per
     * entry, so that keeping an entry keeps no object of its own: numbers for the version, the time and an id in
     * UUID form; references to the event type, properties and result lists, which the entry shares with its
     * event and result. {@link #entry} builds the {@code HistoryEntry} again when it is read. An entry's numbers
     * sit together (not a column per field) so that a commit writes two or three cache lines, not one per field:
     * with the ring far bigger than the cache, a line per field cost more than the objects it saved.
     */
    private static final class Slot {
        /** Per entry in {@link #numbers}: version, epoch second, nano, UUID high bits, UUID low bits. */
        private static final int VERSION = 0;
        private static final int SECOND = 1;
        private static final int NANO = 2;
        private static final int ID_HIGH = 3;
        private static final int ID_LOW = 4;
        private static final int NUMBERS = 5;
        /** Per entry in {@link #refs}: event type, properties, rules triggered, actions executed. */
        private static final int TYPE = 0;
        private static final int PROPERTIES = 1;
        private static final int RULES = 2;
        private static final int ACTIONS = 3;
        private static final int REFS = 4;

        /** The player, the {@code externalUserId} of every history entry unless {@link #otherUsers} says not. */
        final String user;
        /** The committed record, or {@code null} while the slot's first commit is in progress. */
        volatile PlayerRecord record;
        Map<String, IdempotencyRecord> keys;
        int keysSincePrune;
        Instant newestKeyTime = Instant.MIN;
        /**
         * {@link #NUMBERS} longs per entry, {@link EventId#high} and {@link EventId#low} of its id among them;
         * the newest entry is just before {@code head}, the oldest {@code size} entries back; null if none yet.
         */
        long[] numbers;
        /** {@link #REFS} references per entry, at the same entry index as {@link #numbers}. */
        Object[] refs;
        /** {@link EventId#string} of each entry's id; allocated with the first id not in UUID form. */
        String[] idStrings;
        /** An entry's {@code externalUserId} when it is not {@link #user}; allocated with the first such entry. */
        String[] otherUsers;
        int capacity;
        int head;
        int size;
        /** Whether two commits of this slot had the same event id while ids were indexed (checked on eviction). */
        boolean repeatsIds;

        Slot(String user) {
            this.user = user;
        }

        int capacity() {
            return capacity;
        }

        /** @return the ring index of the {@code i}-th newest kept history entry, {@code 0 <= i < size} */
        int index(int i) {
            int index = head - 1 - i;
            return index < 0 ? index + capacity : index;
        }

        long version(int at) {
            return numbers[at * NUMBERS + VERSION];
        }

        String eventType(int at) {
            return (String) refs[at * REFS + TYPE];
        }

        void put(int at, HistoryEntry entry) {
            // No EventId here: the commit path should allocate nothing for the id.
            String id = entry.eventId();
            int n = at * NUMBERS;
            numbers[n + VERSION] = entry.version();
            numbers[n + SECOND] = entry.timestamp().getEpochSecond();
            numbers[n + NANO] = entry.timestamp().getNano();
            boolean uuid = readUuid(id, numbers, n + ID_HIGH); // ID_LOW follows ID_HIGH
            if (!uuid) {
                numbers[n + ID_HIGH] = 0;
                numbers[n + ID_LOW] = idKey(id);
            }
            if (!uuid && idStrings == null) {
                idStrings = new String[capacity];
            }
            if (idStrings != null) {
                idStrings[at] = uuid ? null : id;
            }
            boolean ownUser = entry.externalUserId().equals(user);
            if (!ownUser && otherUsers == null) {
                otherUsers = new String[capacity];
            }
            if (otherUsers != null) {
                otherUsers[at] = ownUser ? null : entry.externalUserId();
            }
            int r = at * REFS;
            refs[r + TYPE] = entry.eventType();
            refs[r + PROPERTIES] = entry.properties();
            refs[r + RULES] = entry.rulesTriggered();
            refs[r + ACTIONS] = entry.actionsExecuted();
        }

        /** @return the event id of the entry at ring index {@code at} */
        String eventId(int at) {
            String string = idStrings == null ? null : idStrings[at];
            return string != null ? string
                    : new UUID(numbers[at * NUMBERS + ID_HIGH], numbers[at * NUMBERS + ID_LOW]).toString();
        }

        boolean matches(int at, EventId id) {
            int n = at * NUMBERS;
            if (numbers[n + ID_LOW] != id.low() || numbers[n + ID_HIGH] != id.high()) {
                return false;
            }
            String string = idStrings == null ? null : idStrings[at];
            return id.string() == null ? string == null : id.string().equals(string);
        }

        /** @return the kept entry with the id, the newest if several */
        synchronized Optional<HistoryEntry> find(EventId id) {
            for (int i = 0; i < size; i++) {
                int index = index(i);
                if (matches(index, id)) {
                    return Optional.of(entry(index));
                }
            }
            return Optional.empty();
        }

        /** @return the entry at ring index {@code at}, built again; equal to the one committed */
        @SuppressWarnings("unchecked")
        HistoryEntry entry(int at) {
            String other = otherUsers == null ? null : otherUsers[at];
            int n = at * NUMBERS;
            int r = at * REFS;
            return new HistoryEntry(eventId(at), other == null ? user : other, (String) refs[r + TYPE],
                    Instant.ofEpochSecond(numbers[n + SECOND], numbers[n + NANO]), numbers[n + VERSION],
                    (Map<String, Object>) refs[r + PROPERTIES], (List<String>) refs[r + RULES],
                    (List<String>) refs[r + ACTIONS]);
        }

        void allocate(int capacity) {
            this.capacity = capacity;
            numbers = new long[capacity * NUMBERS];
            refs = new Object[capacity * REFS];
            idStrings = null;
            otherUsers = null;
            head = 0;
            size = 0;
        }

        /** Drops all history; {@link #allocate} makes room again. */
        void clear() {
            capacity = 0;
            numbers = null;
            refs = null;
            idStrings = null;
            otherUsers = null;
            head = 0;
            size = 0;
            repeatsIds = false;
        }

        /** Moves the kept entries of a full ring, oldest first, into arrays for {@code capacity} entries. */
        void grow(int capacity) {
            numbers = grown(numbers, new long[capacity * NUMBERS], NUMBERS);
            refs = grown(refs, new Object[capacity * REFS], REFS);
            idStrings = idStrings == null ? null : grown(idStrings, new String[capacity], 1);
            otherUsers = otherUsers == null ? null : grown(otherUsers, new String[capacity], 1);
            this.capacity = capacity;
            head = size;
        }

        /**
         * Copies the full ring array {@code from}, {@code stride} elements per entry, oldest first, to the start of
         * {@code to}; returns {@code to}.
         */
        private <T> T grown(T from, T to, int stride) {
            int tail = size - head;
            System.arraycopy(from, head * stride, to, 0, tail * stride);
            System.arraycopy(from, 0, to, tail * stride, head * stride);
            return to;
        }
    }

    /** Configures an {@link InMemoryPlayerStore}; each setting may be set once. Not thread-safe. */
    public static final class Builder {
        private Duration retention;
        private Integer historyPerPlayer;
        private Boolean indexEventIds;

        private Builder() {
        }

        /** @param retention how long, in event time, idempotency keys are kept at least; positive (default 7 days) */
        public Builder idempotencyRetention(Duration retention) {
            if (this.retention != null) {
                throw new IllegalStateException("idempotencyRetention was already set to " + this.retention);
            }
            Objects.requireNonNull(retention, "retention");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("idempotencyRetention must be positive, was " + retention);
            }
            this.retention = retention;
            return this;
        }

        /**
         * @param entries how many history entries to keep per player (default 100); 0 keeps none, so
         *                {@code events().list} and {@code events().getStatus} find nothing
         */
        public Builder historyPerPlayer(int entries) {
            if (historyPerPlayer != null) {
                throw new IllegalStateException("historyPerPlayer was already set to " + historyPerPlayer);
            }
            if (entries < 0) {
                throw new IllegalArgumentException("historyPerPlayer must be at least 0, was " + entries);
            }
            this.historyPerPlayer = entries;
            return this;
        }

        /**
         * @param index whether to keep an index from event id to kept history entry (default {@code false}):
         *              {@code true} makes {@code findEvent} O(1) instead of a scan of all kept history, for
         *              apps that call {@code events().getStatus} often, at a map entry per kept entry
         */
        public Builder indexEventIds(boolean index) {
            if (indexEventIds != null) {
                throw new IllegalStateException("indexEventIds was already set to " + indexEventIds);
            }
            this.indexEventIds = index;
            return this;
        }

        /** @return a new, empty store */
        public InMemoryPlayerStore build() {
            return new InMemoryPlayerStore(retention == null ? Duration.ofDays(7) : retention,
                    historyPerPlayer == null ? 100 : historyPerPlayer,
                    indexEventIds != null && indexEventIds);
        }
    }
}
