package dev.ludus.api;

/**
 * A registered {@link EventListener}. Thread-safe. Closing is idempotent; results already queued for the
 * listener when it closes are discarded.
 */
public interface Subscription extends AutoCloseable {

    /** @return the topic: {@code player:<externalUserId>}, or {@code *} for every player */
    String topic();

    /** @return results dropped because the listener fell more than its queue capacity behind */
    long dropped();

    /** Stops delivery. */
    @Override
    void close();
}
