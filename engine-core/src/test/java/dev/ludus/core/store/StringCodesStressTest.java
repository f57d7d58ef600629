package dev.ludus.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.Update;
import dev.ludus.api.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real threads numbering names at once and decoding every number they get: shared instances, equal copies of them,
 * and new names that another thread numbers while this one looks them up. Checked, as for {@link ListCodes} in
 * {@link ListCodesStressTest}: each name gets one number (or -1, once numbers run out) whichever thread asks; every
 * number decodes, in the thread that got it and afterwards, to the name numbered; no two names share a number; the
 * numbers given are exactly 0 to n-1. And records encoded by some threads and handed to others through a queue (a
 * happens-before edge, as the store's player locks are) decode equal to the committed ones there.
 *
 * <p>Like {@link ListCodesStressTest}, it checks the contract under concurrency, not the memory model on x86.
 */
class StringCodesStressTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 5_000;
    private static final int SHARED = 64;
    private static final Instant T0 = Instant.parse("2026-11-21T10:15:30Z");

    @ParameterizedTest
    @ValueSource(ints = {1 << 16, 1_000})
    void threadsNumberingAndDecodingAtOnce_giveEachNameOneNumber_thatDecodesToIt(int max) throws Exception {
        StringCodes codes = new StringCodes(max);
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < SHARED; i++) {
            shared.add("type_" + i);
        }
        // The name each thread has just made and is about to number, for the others to look up.
        AtomicReferenceArray<String> newest = new AtomicReferenceArray<>(THREADS);
        List<Map<String, Integer>> seen = run(thread -> {
            Map<String, Integer> mine = new HashMap<>();
            for (int i = 0; i < ROUNDS; i++) {
                String fresh = "new-" + thread + "-" + i;
                newest.set(thread, fresh);
                numberAndDecode(codes, fresh, mine);
                // Threads walk the shared names at different strides, so they keep meeting on them.
                String common = shared.get(i * (2 * thread + 1) % SHARED);
                numberAndDecode(codes, common, mine);
                numberAndDecode(codes, new String(common.toCharArray()), mine);
                String others = newest.get((thread + 1 + i % (THREADS - 1)) % THREADS);
                if (others != null) {
                    numberAndDecode(codes, others, mine);
                }
            }
            return mine;
        });

        Map<String, Integer> byName = new HashMap<>();
        for (Map<String, Integer> mine : seen) {
            mine.forEach((name, code) -> {
                Integer before = byName.putIfAbsent(name, code);
                if (before != null) {
                    assertThat(code).as("numbers of %s", name).isEqualTo(before);
                }
            });
        }
        Map<Integer, String> byCode = new HashMap<>();
        byName.forEach((name, code) -> {
            if (code >= 0) {
                assertThat(byCode.put(code, name)).as("names numbered %d", code).isNull();
                assertThat(codes.valueOf(code)).isEqualTo(name);
            }
        });
        int distinct = SHARED + THREADS * ROUNDS;
        assertThat(byName.size()).isEqualTo(distinct);
        assertThat(byCode.keySet()).isEqualTo(IntStream.range(0, Math.min(max, distinct)).boxed()
                .collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1 << 16, 500})
    void recordsEncodedInOneThread_decodeEqualInAnother(int max) throws Exception {
        IdempotencyCodec codec = new IdempotencyCodec(new ListCodes(), new StringCodes(max));
        // Each thread encodes records and hands them to the next thread, which decodes them: names that the encoding
        // thread has just numbered are decoded in another thread.
        List<BlockingQueue<Object[]>> inboxes = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            inboxes.add(new ArrayBlockingQueue<>(ROUNDS));
        }
        List<Integer> decoded = run(thread -> {
            BlockingQueue<Object[]> next = inboxes.get((thread + 1) % THREADS);
            BlockingQueue<Object[]> mine = inboxes.get(thread);
            int count = 0;
            for (int i = 0; i < ROUNDS; i++) {
                IdempotencyRecord record = record(thread, i);
                next.put(new Object[] {record, codec.encode(record, "u")});
                Object[] handed;
                while ((handed = mine.poll()) != null) {
                    check(codec, handed);
                    count++;
                }
            }
            return count;
        });
        int total = decoded.stream().mapToInt(Integer::intValue).sum();
        for (BlockingQueue<Object[]> inbox : inboxes) {
            for (Object[] handed : inbox) {
                check(codec, handed);
                total++;
            }
        }
        assertThat(total).isEqualTo(THREADS * ROUNDS);
    }

    private static void check(IdempotencyCodec codec, Object[] handed) {
        IdempotencyRecord record = (IdempotencyRecord) handed[0];
        assertThat(handed[1]).isInstanceOf(byte[].class);
        assertThat(codec.decode(handed[1], record.key(), "u")).isEqualTo(record);
    }

    /** @return a record with names shared by all threads and names new to this one */
    private static IdempotencyRecord record(int thread, int i) {
        EventResult result = new EventResult("e-" + thread + "-" + i, "u", "type_" + i % SHARED, EventStatus.PROCESSED,
                "v" + i % 3, List.of("r1"), List.of("grant_currency"),
                List.of(new RuleSuppression("rule-" + thread + "-" + i, "cooldown")), List.of(),
                List.of(new Update.CurrencyUpdated(i % 2 == 0 ? "coins" : "gems", i, 1),
                        new Update.BadgeEarned("badge-" + thread + "-" + i),
                        new Update.QuestCompleted("quest-" + i % 5, i)),
                null, null);
        return new IdempotencyRecord("k-" + thread + "-" + i, "f2:AzsAi_gEqZCfrd1f_pEIFQ", T0, result);
    }

    /** Numbers {@code name}, decodes the number at once, and checks it against what this thread saw before. */
    private static void numberAndDecode(StringCodes codes, String name, Map<String, Integer> mine) {
        int code = codes.codeOf(name);
        if (code >= 0) {
            assertThat(codes.valueOf(code)).as("name numbered %d", code).isEqualTo(name);
        }
        Integer before = mine.putIfAbsent(name, code);
        if (before != null) {
            assertThat(code).as("numbers of %s", name).isEqualTo(before);
        }
    }

    private interface Work<T> {
        T run(int thread) throws Exception;
    }

    /** @return what each of {@link #THREADS} threads, started together, returned, in thread order */
    private static <T> List<T> run(Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<T> results = new ArrayList<>();
        try {
            List<Future<T>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    return work.run(thread);
                }));
            }
            start.countDown();
            for (Future<T> f : done) {
                results.add(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }
}
