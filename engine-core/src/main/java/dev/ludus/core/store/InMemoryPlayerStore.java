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
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The default {@link PlayerStore}: players in a {@link ConcurrentHashMap}; each commit is a per-player
 * compare-and-set that writes the record, its idempotency record and its history entry together.
 *
 * <p><b>Memory.</b> Idempotency records are kept for the retention (default 7 days) measured in event time:
 * records older than the player's newest keyed event time minus the retention are dropped as new keys come
 * in (checked every 64 keys), so a player holds at most the keys of one retention period plus 64. History
 * keeps the newest {@code historyPerPlayer} entries per player (default 100), oldest dropped first.
 *
 * <p>Thread-safe. State lives only as long as the object: use a durable store to keep it.
 */
public final class InMemoryPlayerStore implements PlayerStore {
    /** Prune a player's idempotency records once per this many new keys, to keep commits O(1) amortised. */
    private static final int PRUNE_EVERY = 64;

    private final Duration retention;
    private final int historyPerPlayer;
    private final ConcurrentHashMap<String, Entry> players = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, HistoryEntry> eventsById = new ConcurrentHashMap<>();

    private InMemoryPlayerStore(Duration retention, int historyPerPlayer) {
        this.retention = retention;
        this.historyPerPlayer = historyPerPlayer;
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
     * tools such as {@code ludus explain --state}, and tests.
     *
     * @param state the state to store; its version is kept
     */
    public void importPlayer(PlayerState state) {
        Objects.requireNonNull(state, "state");
        players.put(state.externalUserId(), new Entry(new PlayerRecord(state, Map.of())));
    }

    @Override
    public Optional<PlayerRecord> load(String externalUserId) {
        Entry entry = players.get(externalUserId);
        return entry == null ? Optional.empty() : Optional.of(entry.record);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String externalUserId, String key) {
        Entry entry = players.get(externalUserId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.keys.get(key));
    }

    @Override
    public boolean commit(PlayerCommit commit) {
        boolean[] written = {false};
        players.compute(commit.externalUserId(), (id, current) -> {
            long version = current == null ? 0 : current.record.version();
            if (version != commit.expectedVersion()) {
                return current;
            }
            Entry next = current == null ? new Entry(commit.record()) : current.next(commit.record());
            addKey(next, commit.idempotency());
            addHistory(next, commit.history());
            written[0] = true;
            return next;
        });
        return written[0];
    }

    private void addKey(Entry entry, IdempotencyRecord key) {
        if (key == null) {
            return;
        }
        entry.keys.put(key.key(), key);
        if (key.eventTime().isAfter(entry.newestKeyTime)) {
            entry.newestKeyTime = key.eventTime();
        }
        if (++entry.keysSincePrune >= PRUNE_EVERY) {
            entry.keysSincePrune = 0;
            Instant horizon = entry.newestKeyTime.minus(retention);
            entry.keys.values().removeIf(r -> r.eventTime().isBefore(horizon));
        }
    }

    private void addHistory(Entry entry, HistoryEntry history) {
        entry.history.addFirst(history);
        eventsById.put(history.eventId(), history);
        if (++entry.historySize > historyPerPlayer) {
            HistoryEntry dropped = entry.history.pollLast();
            entry.historySize--;
            eventsById.remove(dropped.eventId(), dropped);
        }
    }

    @Override
    public List<HistoryEntry> history(String externalUserId, String eventType, long beforeVersion, int limit) {
        Entry entry = players.get(externalUserId);
        if (entry == null) {
            return List.of();
        }
        List<HistoryEntry> page = new ArrayList<>(Math.min(limit, 64));
        for (HistoryEntry h : entry.history) {
            if (page.size() >= limit) {
                break;
            }
            if (h.version() < beforeVersion && (eventType == null || eventType.equals(h.eventType()))) {
                page.add(h);
            }
        }
        return page;
    }

    @Override
    public Optional<HistoryEntry> findEvent(String eventId) {
        return Optional.ofNullable(eventsById.get(eventId));
    }

    /**
     * A player's committed record, replaced on every commit; the idempotency keys and history are shared
     * between successive entries and changed only inside {@code compute}, i.e. under the player's lock.
     */
    private static final class Entry {
        final PlayerRecord record;
        final Map<String, IdempotencyRecord> keys;
        final Deque<HistoryEntry> history;
        int keysSincePrune;
        Instant newestKeyTime;
        int historySize;

        Entry(PlayerRecord record) {
            this(record, new ConcurrentHashMap<>(), new ConcurrentLinkedDeque<>());
            this.newestKeyTime = Instant.MIN;
        }

        private Entry(PlayerRecord record, Map<String, IdempotencyRecord> keys, Deque<HistoryEntry> history) {
            this.record = record;
            this.keys = keys;
            this.history = history;
        }

        Entry next(PlayerRecord newRecord) {
            Entry next = new Entry(newRecord, keys, history);
            next.keysSincePrune = keysSincePrune;
            next.newestKeyTime = newestKeyTime;
            next.historySize = historySize;
            return next;
        }
    }

    /** Configures an {@link InMemoryPlayerStore}; each setting may be set once. Not thread-safe. */
    public static final class Builder {
        private Duration retention;
        private Integer historyPerPlayer;

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

        /** @param entries how many history entries to keep per player, at least 1 (default 100) */
        public Builder historyPerPlayer(int entries) {
            if (historyPerPlayer != null) {
                throw new IllegalStateException("historyPerPlayer was already set to " + historyPerPlayer);
            }
            if (entries < 1) {
                throw new IllegalArgumentException("historyPerPlayer must be at least 1, was " + entries);
            }
            this.historyPerPlayer = entries;
            return this;
        }

        /** @return a new, empty store */
        public InMemoryPlayerStore build() {
            return new InMemoryPlayerStore(retention == null ? Duration.ofDays(7) : retention,
                    historyPerPlayer == null ? 100 : historyPerPlayer);
        }
    }
}
