package dev.ludus.core.internal.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the players of a batch in parallel. The calling thread and as many executor tasks as the executor can run
 * at once take the players one at a time from a shared counter until none is left; the caller then waits only for
 * the players other threads are still tracking. So a batch finishes even on an executor that is busy, rejects tasks
 * or never runs them (the caller tracks every player no task took), and a batch tracked on one of the executor's
 * own threads cannot wait on a task queued behind itself.
 *
 * <p>Tasks are handed to {@link Executor#execute} directly. {@code CompletableFuture.runAsync(task, pool)} would
 * start a new thread for every task when {@code pool} is the common pool and that pool has fewer than two threads,
 * as it has on a machine with two processors: a batch of 3,000 players then started 3,000 threads.
 */
final class Batch {
    private Batch() {
    }

    /**
     * Runs {@code work} once for every group and returns when all have run.
     *
     * @param groups   the groups (each a player's event indexes)
     * @param work     what to do with one group; its effects are visible to the caller on return
     * @param executor where groups other than the caller's may run
     * @throws RuntimeException or {@link Error}: the first that {@code work} threw, once every group has run (a group
     *                          that throws does not stop the others)
     */
    static void run(Collection<List<Integer>> groups, Consumer<List<Integer>> work, Executor executor) {
        List<List<Integer>> all = new ArrayList<>(groups);
        int n = all.size();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(n);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable takeGroups = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    work.accept(all.get(i));
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    ended.countDown();
                }
            }
        };
        // A task still queued when the batch has ended holds only this emptied holder, not the batch.
        AtomicReference<Runnable> holder = new AtomicReference<>(takeGroups);
        int tasks = Math.min(n - 1, parallelism(executor, n - 1));
        for (int t = 0; t < tasks; t++) {
            try {
                executor.execute(() -> {
                    Runnable take = holder.get();
                    if (take != null) {
                        take.run();
                    }
                });
            } catch (RuntimeException rejected) { // RejectedExecutionException, or a broken executor
                break; // the caller takes the groups no task takes
            }
        }
        takeGroups.run();
        awaitUninterruptibly(ended);
        holder.set(null);
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown != null) {
            throw (Error) thrown;
        }
    }

    /**
     * @return how many tasks {@code executor} runs at once: a fork-join pool's parallelism, a thread pool's maximum
     *         size, otherwise {@code unknown}
     */
    private static int parallelism(Executor executor, int unknown) {
        if (executor instanceof ForkJoinPool pool) {
            return pool.getParallelism();
        }
        if (executor instanceof ThreadPoolExecutor pool) {
            return pool.getMaximumPoolSize();
        }
        return unknown;
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
