package dev.ludus.core.internal.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Runs the players of a batch in parallel: in at most as many shares as there are processors, each share a few
 * players run one after the other, rather than in a task per player. The calling thread runs the first share,
 * then every share that no executor thread has started, and only then waits, for the shares running elsewhere:
 * so a batch finishes even on an executor that is busy, rejects tasks or never runs them, and a batch tracked
 * from one of the executor's own threads cannot wait on a task queued behind itself.
 *
 * <p>Tasks are handed to {@link Executor#execute} directly. {@code CompletableFuture.runAsync(task, pool)} would
 * start a new thread for every task when {@code pool} is the common pool and that pool has fewer than two threads,
 * as it has on a machine with two processors: a batch of 3,000 players then started 3,000 threads.
 */
final class Batch {
    private Batch() {
    }

    /**
     * Runs {@code work} for every group, the groups of one share in the given order, and returns when all have run.
     *
     * @param groups   the groups (each a player's event indexes), in input order
     * @param work     what to do with one group; its effects are visible to the caller on return
     * @param executor where shares other than the caller's may run
     * @throws RuntimeException or {@link Error}: the first that {@code work} threw, once every share has ended (the
     *                          other groups of a share that threw are not run)
     */
    static void run(Collection<List<Integer>> groups, Consumer<List<Integer>> work, Executor executor) {
        List<List<List<Integer>>> shares = shares(groups, Runtime.getRuntime().availableProcessors());
        int n = shares.size();
        AtomicIntegerArray started = new AtomicIntegerArray(n);
        CountDownLatch ended = new CountDownLatch(n);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        IntConsumer share = i -> {
            if (started.compareAndSet(i, 0, 1)) {
                try {
                    shares.get(i).forEach(work);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    ended.countDown();
                }
            }
        };
        for (int i = 1; i < n; i++) {
            int index = i;
            try {
                executor.execute(() -> share.accept(index));
            } catch (RejectedExecutionException e) {
                // run below by the calling thread
            }
        }
        for (int i = 0; i < n; i++) {
            share.accept(i);
        }
        awaitUninterruptibly(ended);
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown != null) {
            throw (Error) thrown;
        }
    }

    /**
     * @return the groups dealt into at most {@code most} shares, each group to the share with the fewest events so
     *         far (so that one large group does not make its share the last to end); a share keeps its groups in
     *         input order
     */
    private static List<List<List<Integer>>> shares(Collection<List<Integer>> groups, int most) {
        int n = Math.max(1, Math.min(most, groups.size()));
        List<List<List<Integer>>> shares = new ArrayList<>(n);
        long[] sizes = new long[n];
        PriorityQueue<Integer> smallest = new PriorityQueue<>(n, Comparator.comparingLong(i -> sizes[i]));
        for (int i = 0; i < n; i++) {
            shares.add(new ArrayList<>());
            smallest.add(i);
        }
        for (List<Integer> group : groups) {
            int least = smallest.remove();
            shares.get(least).add(group);
            sizes[least] += group.size();
            smallest.add(least);
        }
        return shares;
    }

    /** Waits for the latch, keeping the thread's interrupt for the caller to see afterwards. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
