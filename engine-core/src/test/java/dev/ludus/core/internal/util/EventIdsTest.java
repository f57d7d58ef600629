package dev.ludus.core.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EventIdsTest {
    @Test
    void generatesRandomVersion4UuidsInCanonicalForm() {
        String first = EventIds.random();
        String second = EventIds.random();
        UUID uuid = UUID.fromString(first);
        assertThat(uuid.toString()).isEqualTo(first);
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void handsOverTheHalvesOfTheIdThisThreadGeneratedLast() {
        String id = EventIds.random();
        UUID uuid = UUID.fromString(id);

        EventIds.Generated halves = EventIds.halves(id);

        assertThat(halves).isNotNull();
        assertThat(halves.high()).isEqualTo(uuid.getMostSignificantBits());
        assertThat(halves.low()).isEqualTo(uuid.getLeastSignificantBits());
    }

    @Test
    void answersNullForAnEqualCopyAnOlderIdOrAnotherThreadsId() throws Exception {
        String older = EventIds.random();
        String id = EventIds.random();
        assertThat(EventIds.halves(new String(id.toCharArray()))).isNull();
        assertThat(EventIds.halves(older)).isNull();

        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThat(other.submit(() -> EventIds.halves(id)).get()).isNull();
        } finally {
            other.shutdownNow();
        }
    }

    /** Threads whose ids share a slot overwrite each other's entry: an answer may be missing, never wrong. */
    @Test
    void neverHandsOverWrongHalvesWhileManyThreadsGenerate() throws Exception {
        int threads = 8;
        int perThread = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answered = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                answered.add(pool.submit(() -> {
                    start.await();
                    int found = 0;
                    for (int i = 0; i < perThread; i++) {
                        String id = EventIds.random();
                        EventIds.Generated halves = EventIds.halves(id);
                        if (halves != null) {
                            UUID uuid = UUID.fromString(id);
                            assertThat(halves.id()).isSameAs(id);
                            assertThat(halves.high()).isEqualTo(uuid.getMostSignificantBits());
                            assertThat(halves.low()).isEqualTo(uuid.getLeastSignificantBits());
                            found++;
                        }
                    }
                    return found;
                }));
            }
            start.countDown();
            int found = 0;
            for (Future<Integer> f : answered) {
                found += f.get();
            }
            // Eight pool threads have consecutive ids, so they have slots of their own and nearly every id is found.
            assertThat(found).isGreaterThan(threads * perThread / 2);
        } finally {
            pool.shutdownNow();
        }
    }
}
