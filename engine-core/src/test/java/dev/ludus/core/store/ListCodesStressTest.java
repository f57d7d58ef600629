package dev.ludus.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Real threads numbering lists at once and decoding every number they get: shared instances (found in the identity
 * table, often by a thread other than the one that numbered them), equal copies of them (found in the map), and new
 * lists that another thread numbers while this one looks them up by identity. Checked: each list gets one number
 * (or -1, once numbers run out) whichever thread asks and however; every number decodes, in the thread that got it
 * and afterwards, to a list equal to the one numbered; no two unequal lists share a number; the numbers given are
 * exactly 0 to n-1.
 *
 * <p>It checks the contract under concurrency, not the memory model: the race it was written with (a number found in
 * the identity table, where another thread had put it with no happens-before edge to that thread's put of the list in
 * the map, so that {@link ListCodes#list} could answer {@code null}) is not seen on x86, where HotSpot does not
 * reorder those stores, and the test passes there with or without the acquire and release accesses.
 */
class ListCodesStressTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 5_000;
    private static final int SHARED = 64;

    @ParameterizedTest
    @ValueSource(ints = {1 << 16, 1_000})
    void threadsNumberingAndDecodingAtOnce_giveEachListOneNumber_thatDecodesToAnEqualList(int max)
            throws Exception {
        ListCodes codes = new ListCodes(max);
        // Instances shared by all threads, as the engine shares a list per combination of rules; the second half
        // equal to the first, so that equal lists also arrive as distinct instances.
        List<List<String>> shared = new ArrayList<>();
        for (int i = 0; i < SHARED; i++) {
            int kind = i % (SHARED / 2);
            shared.add(List.of("rule-" + kind, "action-" + kind % 3));
        }
        // The list each thread has just made and is about to number, for the others to look up by identity.
        AtomicReferenceArray<List<String>> newest = new AtomicReferenceArray<>(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Map<List<String>, Integer>> seen = new ArrayList<>();
        try {
            List<Future<Map<List<String>, Integer>>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    Map<List<String>, Integer> mine = new HashMap<>();
                    for (int i = 0; i < ROUNDS; i++) {
                        List<String> fresh = List.of("new-" + thread + "-" + i, "action-" + i % 3);
                        newest.set(thread, fresh);
                        numberAndDecode(codes, fresh, mine);
                        // Threads walk the shared lists at different strides, so they keep meeting on them.
                        List<String> common = shared.get(i * (2 * thread + 1) % SHARED);
                        numberAndDecode(codes, common, mine);
                        numberAndDecode(codes, List.copyOf(new ArrayList<>(common)), mine);
                        List<String> others = newest.get((thread + 1 + i % (THREADS - 1)) % THREADS);
                        if (others != null) {
                            numberAndDecode(codes, others, mine);
                        }
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<Map<List<String>, Integer>> f : done) {
                seen.add(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        Map<List<String>, Integer> byList = new HashMap<>();
        for (Map<List<String>, Integer> mine : seen) {
            mine.forEach((list, code) -> {
                Integer before = byList.putIfAbsent(list, code);
                if (before != null) {
                    assertThat(code).as("numbers of %s", list).isEqualTo(before);
                }
            });
        }
        Map<Integer, List<String>> byCode = new HashMap<>();
        byList.forEach((list, code) -> {
            if (code >= 0) {
                assertThat(byCode.put(code, list)).as("lists numbered %d", code).isNull();
                assertThat(codes.list(code)).isEqualTo(list);
            }
        });
        int distinct = SHARED / 2 + THREADS * ROUNDS;
        assertThat(byList.size()).isEqualTo(distinct);
        assertThat(byCode.keySet()).isEqualTo(IntStream.range(0, Math.min(max, distinct)).boxed()
                .collect(Collectors.toSet()));
    }

    /** Numbers {@code list}, decodes the number at once, and checks it against what this thread saw before. */
    private static void numberAndDecode(ListCodes codes, List<String> list, Map<List<String>, Integer> mine) {
        int code = codes.codeOf(list);
        if (code >= 0) {
            assertThat(codes.list(code)).as("list numbered %d", code).isEqualTo(list);
        }
        Integer before = mine.putIfAbsent(list, code);
        if (before != null) {
            assertThat(code).as("numbers of %s", list).isEqualTo(before);
        }
    }
}
