package dev.ludus.core;

import dev.ludus.api.HistoryEntry;
import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import dev.ludus.api.spi.PlayerStore;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link PlayerStore} that forwards to an in-memory store and counts calls; tests override what they break. Public
 * for the tests of other packages.
 */
public class ForwardingStore implements PlayerStore {
    final InMemoryPlayerStore delegate = InMemoryPlayerStore.create();
    final AtomicInteger loads = new AtomicInteger();
    final AtomicInteger finds = new AtomicInteger();
    final AtomicInteger commits = new AtomicInteger();

    @Override
    public Optional<PlayerRecord> load(String externalUserId) {
        loads.incrementAndGet();
        return delegate.load(externalUserId);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String externalUserId, String key) {
        finds.incrementAndGet();
        return delegate.findIdempotency(externalUserId, key);
    }

    @Override
    public boolean commit(PlayerCommit commit) {
        commits.incrementAndGet();
        return delegate.commit(commit);
    }

    @Override
    public List<HistoryEntry> history(String externalUserId, String eventType, long beforeVersion, int limit) {
        return delegate.history(externalUserId, eventType, beforeVersion, limit);
    }

    @Override
    public Optional<HistoryEntry> findEvent(String eventId) {
        return delegate.findEvent(eventId);
    }
}
