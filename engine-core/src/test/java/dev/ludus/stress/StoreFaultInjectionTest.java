package dev.ludus.stress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import dev.ludus.api.spi.PlayerStore;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A store that fails 10% of commits, half before writing and half after (the write landed but the caller
 * sees an error, as with a timeout): clients that resend with the same key end with every event applied
 * exactly once.
 */
class StoreFaultInjectionTest {
    private static final int THREADS = 4;
    private static final int EVENTS = 20_000;
    private static final int PLAYERS = 10;

    @Test
    void track_whenTenPercentOfCommitsFail_resendsApplyEachEventExactlyOnce() throws Exception {
        FlakyStore store = new FlakyStore(StressSupport.storeKeepingAllHistory());
        RuleEngine engine = StressSupport.engine(store);
        List<Event> unique = StressSupport.events(11, EVENTS, PLAYERS);
        AtomicInteger storeErrors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = next.getAndIncrement(); i < EVENTS; i = next.getAndIncrement()) {
                        Event event = unique.get(i);
                        EventResult result = engine.track(event);
                        for (int retry = 1; result.status() == EventStatus.FAILED; retry++) {
                            assertThat(result.error().code()).isEqualTo(ErrorCode.STORE_ERROR);
                            storeErrors.incrementAndGet();
                            result = engine.track(StressSupport.resend(event, retry));
                        }
                        assertThat(result.status()).isIn(EventStatus.PROCESSED, EventStatus.DUPLICATE);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(storeErrors.get()).isGreaterThan(EVENTS / 20);
        assertThat(store.failedAfterWrite.get()).isPositive();
        long versions = IntStream.range(0, PLAYERS)
                .mapToLong(p -> engine.player("player-" + p).orElseThrow().version()).sum();
        assertThat(versions).as("one commit per unique event").isEqualTo(EVENTS);
        StressSupport.assertEqualsSequentialReplay(engine, unique,
                IntStream.range(0, PLAYERS).mapToObj(p -> "player-" + p).toList());
    }

    /** Delegates to a real store and throws on 10% of commits, before or after the write. */
    private static final class FlakyStore implements PlayerStore {
        private final InMemoryPlayerStore delegate;
        final AtomicInteger failedAfterWrite = new AtomicInteger();

        FlakyStore(InMemoryPlayerStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<PlayerRecord> load(String externalUserId) {
            return delegate.load(externalUserId);
        }

        @Override
        public Optional<IdempotencyRecord> findIdempotency(String externalUserId, String key) {
            return delegate.findIdempotency(externalUserId, key);
        }

        @Override
        public boolean commit(PlayerCommit commit) {
            int roll = ThreadLocalRandom.current().nextInt(20);
            if (roll == 0) {
                throw new IllegalStateException("injected failure before the write");
            }
            boolean written = delegate.commit(commit);
            if (roll == 1 && written) {
                failedAfterWrite.incrementAndGet();
                throw new IllegalStateException("injected failure after the write");
            }
            return written;
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
}
