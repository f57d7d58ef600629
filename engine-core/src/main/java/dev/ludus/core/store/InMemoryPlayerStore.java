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
 * ring array that grows by doubling up to that size, then overwrites the oldest.
 *
 * <p><b>Finding an event by id</b> ({@link #findEvent}, behind {@code events().getStatus}). By default there is
 * no index: the store scans every player's kept history, O(players × historyPerPlayer), comparing a 4-byte key
 * per entry kept beside the ring (about 10 ms for 10,000 players × 100 entries on a small machine) — fine for
 * occasional look-ups and nearly free on the commit path. {@link Builder#indexEventIds(boolean)
 * indexEventIds(true)} keeps a map from event id to entry for O(1) look-ups, at the cost of a map entry per kept
 * history entry and a hash of the event id on every commit; an entry leaves the index when it leaves its
 * player's history.
 *
 * <p>Thread-safe. State lives only as long as the object: use a durable store to keep it.
 */
public final class InMemoryPlayerStore implements PlayerStore {
    /** Prune a player's idempotency records once per this many new keys, to keep commits O(1) amortised. */
    private static final int PRUNE_EVERY = 64;
    /** First size of a player's history ring; it doubles up to {@code historyPerPlayer}. */
    private static final int INITIAL_RING = 8;
    private static final Function<String, Slot> NEW_SLOT = id -> new Slot();

    private final Duration retention;
    private final int historyPerPlayer;
    private final ConcurrentHashMap<String, Slot> players = new ConcurrentHashMap<>();
    /** Event id to kept history entry, or {@code null} when ids are not indexed; written under the slot locks. */
    private final ConcurrentHashMap<String, HistoryEntry> eventsById;

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
                    HistoryEntry dropped = slot.newest(i);
                    eventsById.remove(dropped.eventId(), dropped);
                }
            }
            slot.ring = null;
            slot.idKeys = null;
            slot.head = 0;
            slot.size = 0;
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
        HistoryEntry[] ring = slot.ring;
        if (ring == null) {
            int capacity = Math.min(INITIAL_RING, historyPerPlayer);
            ring = slot.ring = new HistoryEntry[capacity];
            slot.idKeys = new int[capacity];
        } else if (slot.size == ring.length && ring.length < historyPerPlayer) {
            ring = slot.grow(Math.min(ring.length * 2, historyPerPlayer));
        }
        HistoryEntry dropped = ring[slot.head];
        ring[slot.head] = entry;
        slot.idKeys[slot.head] = idKey(entry.eventId());
        slot.head = slot.head + 1 == ring.length ? 0 : slot.head + 1;
        if (slot.size < ring.length) {
            slot.size++;
        }
        if (eventsById != null) {
            if (dropped != null) {
                eventsById.remove(dropped.eventId(), dropped);
            }
            eventsById.put(entry.eventId(), entry);
        }
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
                HistoryEntry h = slot.newest(i);
                if (h.version() < beforeVersion && (eventType == null || eventType.equals(h.eventType()))) {
                    page.add(h);
                }
            }
            return page;
        }
    }

    @Override
    public Optional<HistoryEntry> findEvent(String eventId) {
        if (eventsById != null) {
            return Optional.ofNullable(eventsById.get(eventId));
        }
        if (historyPerPlayer == 0) {
            return Optional.empty();
        }
        int key = idKey(eventId);
        for (Slot slot : players.values()) {
            synchronized (slot) {
                for (int i = 0; i < slot.size; i++) {
                    int index = slot.index(i);
                    // The key filters in the slot's own array, so most entries are never dereferenced.
                    if (slot.idKeys[index] == key && slot.ring[index].eventId().equals(eventId)) {
                        return Optional.of(slot.ring[index]);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A filter for the {@link #findEvent} scan, cheaper on the commit path than {@link String#hashCode()}: the
     * id's length and last four chars, where generated and sequential ids differ.
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
     * One player, created on the player's first commit or import and never replaced. {@code record} is
     * written under the slot's lock and read without it; every other field is guarded by the lock.
     */
    private static final class Slot {
        /** The committed record, or {@code null} while the slot's first commit is in progress. */
        volatile PlayerRecord record;
        Map<String, IdempotencyRecord> keys;
        int keysSincePrune;
        Instant newestKeyTime = Instant.MIN;
        /** History ring: the newest entry is just before {@code head}, the oldest {@code size} entries back. */
        HistoryEntry[] ring;
        /** {@code idKey} of each ring entry's event id, at the same index. */
        int[] idKeys;
        int head;
        int size;

        /** @return the ring index of the {@code i}-th newest kept history entry, {@code 0 <= i < size} */
        int index(int i) {
            int index = head - 1 - i;
            return index < 0 ? index + ring.length : index;
        }

        /** @return the {@code i}-th newest kept history entry, {@code 0 <= i < size} */
        HistoryEntry newest(int i) {
            return ring[index(i)];
        }

        /** Copies the kept entries, oldest first, into a new ring of {@code capacity} and returns it. */
        HistoryEntry[] grow(int capacity) {
            HistoryEntry[] grown = new HistoryEntry[capacity];
            int[] grownKeys = new int[capacity];
            for (int i = 0; i < size; i++) {
                grown[size - 1 - i] = ring[index(i)];
                grownKeys[size - 1 - i] = idKeys[index(i)];
            }
            ring = grown;
            idKeys = grownKeys;
            head = size;
            return grown;
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
