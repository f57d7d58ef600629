package dev.ludus.core.store;

import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import dev.ludus.api.spi.PlayerStore;
import java.time.Duration;
import java.time.Instant;
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
 * dropped as new keys come in (checked after as many new keys as the last check kept, and at least 64, so that
 * checking costs O(1) per key), so a player holds at most twice the keys of one retention period plus 64. Each
 * record is kept as one byte array with no references ({@code IdempotencyCodec}): the event time, the fingerprint
 * as its 128 bits and a UUID event id as two longs (46 bytes), then the result's names (event type, rule set
 * version, currency, quest and badge ids…, as numbers in a table of the names this store has seen, at most 65,536,
 * any further name written out), lists (as numbers in the table the history uses), other strings, updates and values
 * — an array of about 96 bytes for a reference-workload event (120 with the names written out); with the map entry
 * and the key string about 186 bytes per key, against 210 with the names written out and 540 when the record and
 * its result were kept as objects. {@link #findIdempotency} builds a record equal to the committed one. A record
 * whose result holds a value with no such encoding (a custom action's attribute value or notification payload
 * that is not JSON-like) is kept as the object itself. And the
 * newest {@code historyPerPlayer} history entries (default 100, 0 keeps none) as the addresses (8 bytes each, in an
 * array that doubles up to {@code historyPerPlayer}) of their bytes in the store's
 * history log ({@code HistoryLog}), which holds no references. The log keeps the entries of all players one after
 * the other in commit order, so that a commit writes memory the previous commit has just written rather than
 * where its player's history continues (on a large store, memory no commit has touched for a while). Each entry
 * is written as bytes: 53 bytes of numbers and lengths (its player and number, version, time, the event id as two
 * longs when it is a UUID in {@link UUID#toString()} form, as the engine generates them), the event type and
 * properties (a string of Latin-1 chars takes a byte per char and one or two more, a whole number one byte and
 * up), and the result's lists of rule and action ids as numbers in a table of the lists this store has seen (at
 * most 65,536 lists; any further list is written out) — about 85 bytes for an event with two properties.
 * Properties holding a value that is not JSON-like are kept as the map itself. The log is made of segments
 * (16 KiB, growing with the log to 256 KiB; an entry that does not fit gets a segment of its own); a dropped
 * entry's bytes stay until its segment is freed: a segment whose entries are all dropped is freed without being
 * read, and once the log exceeds both 1 MiB and twice the bytes its kept entries are estimated to take, the next
 * commit to finish compacts it after releasing its player's lock — frees the dropped segments and copies the kept
 * entries of mostly-dropped segments forward, one player's lock at a time. The log therefore stays within about
 * twice its kept entries' bytes (at least 1 MiB), plus one open segment per writer (threads append through up to
 * twice as many writers as processors, rounded up to a power of two, at most 64). Freed segments are kept for
 * reuse within that bound, so a log in a steady state allocates nothing. {@link #history} and {@link #findEvent}
 * build the {@link HistoryEntry} objects again, equal to the committed ones. Keeping no references means a kept
 * entry keeps no event object alive, and a commit gives the garbage collector nothing to track but the new record.
 *
 * <p><b>Finding an event by id</b> ({@link #findEvent}, behind {@code events().getStatus}). By default there is
 * no index: the store scans every player's kept history, O(players × historyPerPlayer), comparing the id's two
 * longs (or a 4-byte key of an id in another form) in the log's bytes — fine for occasional look-ups
 * and nearly free on the commit path. {@link Builder#indexEventIds(boolean) indexEventIds(true)} keeps a map from
 * event id to its player's slot for look-ups in O(historyPerPlayer) instead of O(players × historyPerPlayer), at
 * the cost of a map entry and an id string per kept history entry and a hash of the event id on every commit;
 * an id leaves the index when its last entry is dropped from its player's history. Event ids are meant to be
 * unique (the engine generates UUIDs); once two players' histories have held the same id, a look-up the index
 * cannot answer falls back to the scan, so an id that any player's kept history holds is found.
 *
 * <p>Thread-safe. State lives only as long as the object: use a durable store to keep it.
 */
public final class InMemoryPlayerStore implements PlayerStore {
    /** Prune a player's idempotency records once per this many new keys, to keep commits O(1) amortised. */
    private static final int PRUNE_EVERY = 64;

    private final Duration retention;
    private final int historyPerPlayer;
    private final ConcurrentHashMap<String, Slot> players = new ConcurrentHashMap<>();
    private final Function<String, Slot> newSlot;
    private final HistoryLog log;
    private final IdempotencyCodec keyCodec;
    /**
     * Event id to the slot that keeps its entry, or {@code null} when ids are not indexed; written under the slot
     * locks. An id leaves the map when its entry leaves the slot.
     */
    private final ConcurrentHashMap<String, Slot> eventsById;
    /**
     * Whether two players' histories ever held the same event id while ids were indexed: the index then keeps
     * one slot per id, and look-ups it cannot answer fall back to the scan.
     */
    private volatile boolean idsShared;

    private InMemoryPlayerStore(Duration retention, int historyPerPlayer, boolean indexEventIds) {
        this.retention = retention;
        this.historyPerPlayer = historyPerPlayer;
        ListCodes listCodes = new ListCodes();
        this.log = new HistoryLog(listCodes);
        this.keyCodec = new IdempotencyCodec(listCodes);
        this.newSlot = user -> new Slot(user, historyPerPlayer, log);
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
        Slot slot = players.computeIfAbsent(state.externalUserId(), newSlot);
        synchronized (slot) {
            slot.keys = null;
            slot.keysSincePrune = 0;
            slot.keysAtPrune = 0;
            slot.newestKeyTime = Instant.MIN;
            if (eventsById != null) {
                slot.forEachId(id -> eventsById.remove(id, slot));
            }
            slot.clear();
            slot.repeatsIds = false;
            slot.record = record;
        }
    }

    @Override
    public Optional<PlayerRecord> load(String externalUserId) {
        Slot slot = players.get(externalUserId);
        if (slot == null) {
            return Optional.empty();
        }
        slot.touchNext();
        return Optional.ofNullable(slot.record);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String externalUserId, String key) {
        Slot slot = players.get(externalUserId);
        if (slot == null) {
            return Optional.empty();
        }
        Object kept;
        synchronized (slot) {
            kept = slot.keys == null ? null : slot.keys.get(key);
        }
        // Kept bytes never change, so they are read after the lock is released.
        return kept == null ? Optional.empty() : Optional.of(keyCodec.decode(kept, key, slot.user()));
    }

    @Override
    public boolean commit(PlayerCommit commit) {
        IdempotencyRecord key = commit.idempotency();
        // Encoded before the lock is taken, so that the lock is held no longer than before.
        Object keptKey = key == null ? null : keyCodec.encode(key, commit.externalUserId());
        Slot slot = players.get(commit.externalUserId());
        if (slot == null) {
            if (commit.expectedVersion() != 0) {
                return false;
            }
            // Two first commits of a player get the same slot here and are ordered by its lock.
            slot = players.computeIfAbsent(commit.externalUserId(), newSlot);
        }
        synchronized (slot) {
            PlayerRecord current = slot.record;
            if ((current == null ? 0 : current.version()) != commit.expectedVersion()) {
                return false;
            }
            // History first: writing it is what may fail (see HistoryLog.append), and then nothing has changed.
            addHistory(slot, commit.history());
            addKey(slot, key, keptKey);
            slot.record = commit.record();
        }
        log.compactIfDue();
        return true;
    }

    /**
     * Called under the slot's lock.
     *
     * @param kept what {@link IdempotencyCodec#encode} made of {@code key}
     */
    private void addKey(Slot slot, IdempotencyRecord key, Object kept) {
        if (key == null) {
            return;
        }
        if (slot.keys == null) {
            slot.keys = new HashMap<>();
        }
        slot.keys.put(key.key(), kept);
        if (key.eventTime().isAfter(slot.newestKeyTime)) {
            slot.newestKeyTime = key.eventTime();
        }
        // After as many new keys as were kept at the last prune (at least PRUNE_EVERY): each prune reads at most
        // twice the keys added since the one before, so pruning costs O(1) per key however many a player keeps.
        if (++slot.keysSincePrune >= Math.max(PRUNE_EVERY, slot.keysAtPrune)) {
            slot.keysSincePrune = 0;
            Instant horizon = horizon(slot.newestKeyTime, retention);
            slot.keys.values().removeIf(value -> IdempotencyCodec.before(value, horizon));
            slot.keysAtPrune = slot.keys.size();
        }
    }

    /**
     * @return the time before which a player's keys may go: {@code newest} minus the retention, or {@link Instant#MIN}
     *         when the retention reaches back that far (every key is kept). Without {@code Duration.between(MIN,
     *         newest)}, which first counts the span in nanoseconds, overflows for any real time and recovers by
     *         catching the {@code ArithmeticException}: a thrown exception at every prune.
     */
    static Instant horizon(Instant newest, Duration retention) {
        // Both within Instant's range, so the difference of their seconds fits a long; MIN's nanoseconds are 0.
        long spanSeconds = newest.getEpochSecond() - Instant.MIN.getEpochSecond();
        boolean reachesMin = spanSeconds < retention.getSeconds()
                || spanSeconds == retention.getSeconds() && newest.getNano() <= retention.getNano();
        return reachesMin ? Instant.MIN : newest.minus(retention);
    }

    /** Called under the slot's lock. */
    private void addHistory(Slot slot, HistoryEntry entry) {
        if (historyPerPlayer == 0) {
            return;
        }
        if (eventsById == null) {
            slot.add(entry, null);
            return;
        }
        slot.add(entry, id -> unindex(slot, id));
        Slot previous = eventsById.put(entry.eventId(), slot);
        if (previous == slot) {
            slot.repeatsIds = true;
        } else if (previous != null) {
            idsShared = true;
        }
    }

    /**
     * Takes {@code id}, whose entry just left the slot's history, out of the index unless another entry of the slot
     * has it. Called under the slot's lock.
     */
    private void unindex(Slot slot, String id) {
        if (!(slot.repeatsIds || idsShared) || !slot.holds(HistoryLog.EventId.of(id))) {
            eventsById.remove(id, slot);
        }
    }

    @Override
    public List<HistoryEntry> history(String externalUserId, String eventType, long beforeVersion, int limit) {
        Slot slot = players.get(externalUserId);
        if (slot == null || limit <= 0) {
            return List.of();
        }
        synchronized (slot) {
            return slot.page(eventType, beforeVersion, limit);
        }
    }

    @Override
    public Optional<HistoryEntry> findEvent(String eventId) {
        if (historyPerPlayer == 0) {
            return Optional.empty();
        }
        HistoryLog.EventId key = HistoryLog.EventId.of(eventId);
        if (eventsById != null) {
            Slot slot = eventsById.get(eventId);
            Optional<HistoryEntry> found = slot == null ? Optional.empty() : slot.findLocked(key);
            if (found.isPresent() || !idsShared) {
                return found;
            }
        }
        for (Slot slot : players.values()) {
            Optional<HistoryEntry> found = slot.findLocked(key);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** @return how many idempotency records the player's slot holds; for tests of the memory claims */
    int idempotencyRecords(String externalUserId) {
        Slot slot = players.get(externalUserId);
        if (slot == null) {
            return 0;
        }
        synchronized (slot) {
            return slot.keys == null ? 0 : slot.keys.size();
        }
    }

    /** @return how many of the player's idempotency records are kept as bytes; for tests of the memory claims */
    int idempotencyRecordsAsBytes(String externalUserId) {
        Slot slot = players.get(externalUserId);
        if (slot == null) {
            return 0;
        }
        synchronized (slot) {
            return slot.keys == null ? 0 : (int) slot.keys.values().stream().filter(byte[].class::isInstance).count();
        }
    }

    /** @return the bytes of the history log; for tests of its memory claims */
    long historyBytes() {
        return log.totalBytes();
    }

    /** Compacts the history log as far as it goes, whether due or not; for tests. */
    void compactHistory() {
        log.compact(true);
    }

    /**
     * One player, created on the player's first commit or import and never replaced: its record, idempotency
     * records and history (the ring it extends). {@code record} is written under the slot's lock and read without
     * it; everything else is guarded by the lock.
     */
    private static final class Slot extends HistoryRing {
        /** The committed record, or {@code null} while the slot's first commit is in progress. */
        volatile PlayerRecord record;
        /** Idempotency records by key, as {@link IdempotencyCodec#encode} keeps them; {@code null} until the first. */
        Map<String, Object> keys;
        int keysSincePrune;
        /** How many keys the last prune kept. */
        int keysAtPrune;
        Instant newestKeyTime = Instant.MIN;
        /** Whether two commits of this slot had the same event id while ids were indexed (checked on eviction). */
        boolean repeatsIds;

        Slot(String user, int historyPerPlayer, HistoryLog log) {
            super(user, historyPerPlayer, log);
        }

        /** @return the kept entry with the id, the newest if several */
        synchronized Optional<HistoryEntry> findLocked(HistoryLog.EventId id) {
            return find(id);
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
