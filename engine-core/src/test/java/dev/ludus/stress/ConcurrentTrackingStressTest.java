package dev.ludus.stress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * 8 threads, 100,000 events over 5 hot players, with random duplicate resends: each event applies exactly
 * once and the final state equals a sequential replay of the commit order.
 */
class ConcurrentTrackingStressTest {
    private static final int THREADS = 8;
    private static final int EVENTS = 100_000;
    private static final int PLAYERS = 5;

    @Test
    void track_fromEightThreadsWithResends_appliesEachEventExactlyOnce() throws Exception {
        RuleEngine engine = StressSupport.engine(StressSupport.storeKeepingAllHistory());
        List<Event> unique = StressSupport.events(7, EVENTS, PLAYERS);
        Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger nextEvent = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int seed = t;
                workers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    start.await();
                    for (int i = nextEvent.getAndIncrement(); i < EVENTS; i = nextEvent.getAndIncrement()) {
                        Event event = unique.get(i);
                        int sends = random.nextInt(10) == 0 ? 2 + random.nextInt(2) : 1;
                        for (int attempt = 0; attempt < sends; attempt++) {
                            EventResult result = trackUntilNotFailed(engine,
                                    attempt == 0 ? event : StressSupport.resend(event, attempt));
                            if (result.status() == EventStatus.PROCESSED) {
                                processed.computeIfAbsent(event.eventId(), k -> new AtomicInteger()).incrementAndGet();
                            } else {
                                assertThat(result.status()).isEqualTo(EventStatus.DUPLICATE);
                                assertThat(result.originalEventId()).isEqualTo(event.eventId());
                                duplicates.incrementAndGet();
                            }
                        }
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

        assertThat(processed).hasSize(EVENTS);
        assertThat(processed.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(duplicates.get()).isPositive();
        long versions = IntStream.range(0, PLAYERS)
                .mapToLong(p -> engine.player("player-" + p).orElseThrow().version()).sum();
        assertThat(versions).isEqualTo(EVENTS);
        StressSupport.assertEqualsSequentialReplay(engine, unique,
                IntStream.range(0, PLAYERS).mapToObj(p -> "player-" + p).toList());
    }

    /** A client that resends (same key) while the engine answers {@code failed}, as it would on a timeout. */
    static EventResult trackUntilNotFailed(RuleEngine engine, Event event) {
        EventResult result = engine.track(event);
        for (int retry = 1; result.status() == EventStatus.FAILED; retry++) {
            result = engine.track(StressSupport.resend(event, 100 + retry));
        }
        return result;
    }
}
