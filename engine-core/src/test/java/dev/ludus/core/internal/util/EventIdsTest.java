package dev.ludus.core.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EventIdsTest {
    @Test
    void random_isACanonicalVersion4Uuid() {
        String first = EventIds.random();
        String second = EventIds.random();
        UUID uuid = UUID.fromString(first);
        assertThat(uuid.toString()).isEqualTo(first);
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void lastGenerated_ofThisThreadsLastId_handsOverItsHalves() {
        String id = EventIds.random();
        UUID uuid = UUID.fromString(id);

        EventIds.Last last = EventIds.lastGenerated(id);

        assertThat(last).isNotNull();
        assertThat(last.high()).isEqualTo(uuid.getMostSignificantBits());
        assertThat(last.low()).isEqualTo(uuid.getLeastSignificantBits());
    }

    @Test
    void lastGenerated_ofACopyAnOlderIdOrAnotherThreadsId_isNull() throws Exception {
        String older = EventIds.random();
        String id = EventIds.random();
        assertThat(EventIds.lastGenerated(new String(id.toCharArray()))).isNull();
        assertThat(EventIds.lastGenerated(older)).isNull();

        // Another thread finds nothing, even one whose id shares this thread's slot.
        AtomicReference<EventIds.Last> seen = new AtomicReference<>();
        Thread other = threadInSlotOf(Thread.currentThread().getId(), () -> seen.set(EventIds.lastGenerated(id)));
        other.start();
        other.join();
        assertThat(seen.get()).isNull();
        assertThat(EventIds.lastGenerated(id)).isNotNull();
    }

    /**
     * Two threads whose ids share a slot take it from each other, and threads in slots of their own run beside them:
     * an answer may be missing, never wrong.
     */
    @Test
    void lastGenerated_whileThreadsShareSlots_isNeverWrong() throws Exception {
        int perThread = 100_000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger found = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    String id = EventIds.random();
                    EventIds.Last last = EventIds.lastGenerated(id);
                    if (last != null) {
                        UUID uuid = UUID.fromString(id);
                        assertThat(last.high()).isEqualTo(uuid.getMostSignificantBits());
                        assertThat(last.low()).isEqualTo(uuid.getLeastSignificantBits());
                        found.incrementAndGet();
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        Thread first = new Thread(work);
        List<Thread> threads = new ArrayList<>(List.of(first, threadInSlotOf(first.getId(), work)));
        for (int i = 0; i < 4; i++) {
            threads.add(new Thread(work));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failure.get()).isNull();
        // The four threads in slots of their own (ids made in a row) find every id; the two sharing one some.
        assertThat(found.get()).isGreaterThanOrEqualTo(4 * perThread);
    }

    /** @return an unstarted thread running {@code work} whose id is equal to {@code threadId} modulo the 64 slots */
    private static Thread threadInSlotOf(long threadId, Runnable work) {
        while (true) {
            Thread thread = new Thread(work);
            if ((thread.getId() - threadId) % 64 == 0) {
                return thread;
            }
        }
    }
}
