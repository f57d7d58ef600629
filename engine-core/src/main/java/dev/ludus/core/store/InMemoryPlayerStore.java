package dev.ludus.core.store;

import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import dev.ludus.api.spi.PlayerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link PlayerStore}: players in a {@link ConcurrentHashMap}, each commit a per-player
 * compare-and-set that writes the record and its idempotency record together.
 *
 * <p>Idempotency records are kept for the retention (default 7 days) measured in event time: a player's
 * records older than their newest committed event time minus the retention are dropped as new ones come
 * in, so memory per player is bounded by the keys used within one retention period.
 *
 * <p>Thread-safe. State lives only as long as the object: use a durable store for anything else.
 */
public final class InMemoryPlayerStore implements PlayerStore {
    /** Prune a player's idempotency records once per this many new keys, to keep commits O(1) amortised. */
    private static final int PRUNE_EVERY = 64;

    private final Duration retention;
    private final ConcurrentHashMap<String, Entry> players = new ConcurrentHashMap<>();

    private InMemoryPlayerStore(Duration retention) {
        this.retention = retention;
    }

    /** @return an empty store keeping idempotency keys for 7 days of event time */
    public static InMemoryPlayerStore create() {
        return new InMemoryPlayerStore(Duration.ofDays(7));
    }

    /**
     * @param retention how long, in event time, idempotency keys are kept at least; positive
     * @return an empty store
     */
    public static InMemoryPlayerStore withIdempotencyRetention(Duration retention) {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("idempotency retention must be positive, was " + retention);
        }
        return new InMemoryPlayerStore(retention);
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
            Entry next = new Entry(commit.record(), current == null ? new ConcurrentHashMap<>() : current.keys,
                    current == null ? 0 : current.keysSincePrune, current == null ? Instant.MIN : current.newestKeyTime);
            IdempotencyRecord key = commit.idempotency();
            if (key != null) {
                next.keys.put(key.key(), key);
                if (key.eventTime().isAfter(next.newestKeyTime)) {
                    next.newestKeyTime = key.eventTime();
                }
                if (++next.keysSincePrune >= PRUNE_EVERY) {
                    next.keysSincePrune = 0;
                    Instant horizon = next.newestKeyTime.minus(retention);
                    next.keys.values().removeIf(r -> r.eventTime().isBefore(horizon));
                }
            }
            written[0] = true;
            return next;
        });
        return written[0];
    }

    /** A player's committed record and idempotency records; replaced on every commit, keys shared. */
    private static final class Entry {
        final PlayerRecord record;
        final Map<String, IdempotencyRecord> keys;
        int keysSincePrune;
        Instant newestKeyTime;

        Entry(PlayerRecord record, Map<String, IdempotencyRecord> keys, int keysSincePrune, Instant newestKeyTime) {
            this.record = record;
            this.keys = keys;
            this.keysSincePrune = keysSincePrune;
            this.newestKeyTime = newestKeyTime;
        }
    }
}
