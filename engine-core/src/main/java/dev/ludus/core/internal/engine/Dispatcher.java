package dev.ludus.core.internal.engine;

import dev.ludus.api.EventListener;
import dev.ludus.api.EventResult;
import dev.ludus.api.Subscription;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Delivers committed results to subscribers (SPEC section 9). Each subscription has its own queue drained
 * by at most one task at a time on a pool of daemon threads, so a slow or throwing listener holds up only
 * itself. Order per player is the commit order because the engine publishes while holding the player's
 * lock ({@link #commitInOrder}), right after its commit. Thread-safe.
 */
final class Dispatcher {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    /** Results a listener may fall behind by before further ones are dropped (and counted). */
    static final int QUEUE_CAPACITY = 65_536;
    private static final String PLAYER_PREFIX = "player:";

    /** A lock per player that some thread holds or waits for; players never share one. */
    private final ConcurrentHashMap<String, PlayerLock> locks = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Sub> everyone = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, CopyOnWriteArrayList<Sub>> byPlayer = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile ExecutorService delivery;

    boolean hasSubscribers() {
        return count.get() > 0;
    }

    /**
     * Runs {@code commit} and, when it wrote, publishes {@code result}, holding the player's own lock so that
     * listeners hear of one player's commits in commit order. Commits of other players do not wait: with a
     * durable store a commit can take milliseconds.
     *
     * @return whether the commit wrote
     */
    boolean commitInOrder(String externalUserId, BooleanSupplier commit, EventResult result) {
        PlayerLock lock = locks.compute(externalUserId, (user, held) -> {
            PlayerLock l = held == null ? new PlayerLock() : held;
            l.users++;
            return l;
        });
        try {
            synchronized (lock) {
                boolean written = commit.getAsBoolean();
                if (written) {
                    publish(result);
                }
                return written;
            }
        } finally {
            locks.computeIfPresent(externalUserId, (user, held) -> --held.users == 0 ? null : held);
        }
    }

    /** Its count of users is only read and written inside the lock map's compute methods for its player. */
    private static final class PlayerLock {
        private int users;
    }

    Subscription subscribe(String topic, EventListener listener) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(listener, "listener");
        Sub sub = new Sub(topic, listener);
        if (topic.equals("*")) {
            everyone.add(sub);
        } else if (topic.startsWith(PLAYER_PREFIX) && topic.length() > PLAYER_PREFIX.length()) {
            // Added inside compute: close() removes a list that became empty in a compute of its own.
            byPlayer.compute(topic.substring(PLAYER_PREFIX.length()), (p, subs) -> {
                CopyOnWriteArrayList<Sub> list = subs == null ? new CopyOnWriteArrayList<>() : subs;
                list.add(sub);
                return list;
            });
        } else {
            throw new IllegalArgumentException("topic must be 'player:<externalUserId>' or '*', was '" + topic + "'");
        }
        count.incrementAndGet();
        return sub;
    }

    /** Queues a committed result for every matching subscription; never blocks on a listener. */
    private void publish(EventResult result) {
        for (Sub sub : everyone) {
            sub.offer(result);
        }
        List<Sub> subs = byPlayer.get(result.externalUserId());
        if (subs != null) {
            for (Sub sub : subs) {
                sub.offer(result);
            }
        }
    }

    private ExecutorService delivery() {
        ExecutorService pool = delivery;
        if (pool == null) {
            synchronized (this) {
                if (delivery == null) {
                    AtomicInteger n = new AtomicInteger();
                    delivery = Executors.newCachedThreadPool(r -> {
                        Thread t = new Thread(r, "ludus-delivery-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                }
                pool = delivery;
            }
        }
        return pool;
    }

    private final class Sub implements Subscription, Runnable {
        private final String topic;
        private final EventListener listener;
        private final Queue<EventResult> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicLong dropped = new AtomicLong();

        Sub(String topic, EventListener listener) {
            this.topic = topic;
            this.listener = listener;
        }

        void offer(EventResult result) {
            if (closed.get()) {
                return;
            }
            if (size.incrementAndGet() > QUEUE_CAPACITY) {
                size.decrementAndGet();
                if (dropped.incrementAndGet() == 1) {
                    LOG.log(Level.WARNING, "listener on ''{0}'' fell {1} results behind; dropping further ones",
                            topic, QUEUE_CAPACITY);
                }
                return;
            }
            queue.add(result);
            schedule();
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                delivery().execute(this);
            }
        }

        @Override
        public void run() {
            try {
                EventResult next;
                while (!closed.get() && (next = queue.poll()) != null) {
                    size.decrementAndGet();
                    try {
                        listener.onEvent(next);
                    } catch (Throwable e) { // an Error too (a test's failed assertion): it must not stop delivery
                        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                            throw e; // out of memory, say: the machine's problem, not the listener's
                        }
                        LOG.log(Level.WARNING, "listener on '" + topic + "' threw; it keeps its subscription", e);
                    }
                }
            } finally {
                scheduled.set(false);
                if (!closed.get() && !queue.isEmpty()) {
                    schedule();
                }
            }
        }

        @Override
        public String topic() {
            return topic;
        }

        @Override
        public long dropped() {
            return dropped.get();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                if (topic.equals("*")) {
                    everyone.remove(this);
                } else {
                    byPlayer.computeIfPresent(topic.substring(PLAYER_PREFIX.length()), (p, subs) -> {
                        subs.remove(this);
                        return subs.isEmpty() ? null : subs;
                    });
                }
                count.decrementAndGet();
                queue.clear();
            }
        }
    }
}
